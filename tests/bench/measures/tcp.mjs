// TCP diagrams, measured in headless Chromium on the release build:
//  - simulating every scenario, plain and with a harsh sandbox drop set,
//    through window.__mianjingTcp (?bench): budget < 1 ms for the slowest;
//  - playing at top speed for 6 s (replaying when a run ends): the longest
//    task (budget < 50 ms) and the share of frames later than two 60 Hz
//    frames (budget < 5 %).
import { playingAtTopSpeed } from '../playing.mjs';

export async function measure({ newPage, benchURL }) {
  const rows = [];
  const { context, page } = await newPage();
  try {
    await page.goto(`${benchURL}#/tcp/transfer?bench`);
    await page.waitForFunction(() => window.__mianjingTcp !== undefined, null, { timeout: 20_000 });
    const sims = JSON.parse(await page.evaluate(() => window.__mianjingTcp.simulate(2000)));
    const worst = sims.reduce((a, b) => (b.ms > a.ms ? b : a));
    rows.push({ name: 'tcp: simulate a scenario, slowest', value: worst.ms, unit: 'ms', budget: 1, note: `${worst.id}, ${worst.events} events` });
    for (const s of sims) rows.push({ name: `tcp: simulate ${s.id}`, value: s.ms, unit: 'ms' });

    rows.push(...await playingAtTopSpeed(page, 'tcp: playing transfer'));
  } finally {
    await context.close();
  }
  return rows;
}
