// Networking diagrams, measured in headless Chromium on the release build:
// building every scenario's trace, plain and with its first droppable
// message dropped, through window.__mianjingNet (?bench): budget < 1 ms
// for the slowest; and playing the URL journey at top speed.
import { playingAtTopSpeed } from '../playing.mjs';

export async function measure({ newPage, benchURL }) {
  const rows = [];
  const { context, page } = await newPage();
  try {
    await page.goto(`${benchURL}#/net/url?bench`);
    await page.waitForFunction(() => window.__mianjingNet !== undefined, null, { timeout: 20_000 });
    const builds = JSON.parse(await page.evaluate(() => window.__mianjingNet.build(500)));
    const worst = builds.reduce((a, b) => (b.ms > a.ms ? b : a));
    rows.push({ name: 'net: build a scenario, slowest', value: worst.ms, unit: 'ms', budget: 1, note: `${worst.id}, ${worst.steps} steps` });
    for (const b of builds) rows.push({ name: `net: build ${b.id}`, value: b.ms, unit: 'ms' });
    rows.push(...await playingAtTopSpeed(page, 'net: playing the URL journey'));
  } finally {
    await context.close();
  }
  return rows;
}
