// Python object diagrams, measured in headless Chromium on the release
// build: running every scenario through the interpreter and recording its
// steps, through window.__mianjingPy (?bench): budget < 5 ms for the
// slowest; and playing a scenario at top speed.
import { playingAtTopSpeed } from '../playing.mjs';

export async function measure({ newPage, benchURL }) {
  const rows = [];
  const { context, page } = await newPage();
  try {
    await page.goto(`${benchURL}#/py/refcount?bench`);
    await page.waitForFunction(() => window.__mianjingPy !== undefined, null, { timeout: 20_000 });
    const runs = JSON.parse(await page.evaluate(() => window.__mianjingPy.run(50)));
    const worst = runs.reduce((a, b) => (b.ms > a.ms ? b : a));
    rows.push({ name: 'py: run a scenario, slowest', value: worst.ms, unit: 'ms', budget: 5, note: worst.id });
    for (const r of runs) rows.push({ name: `py: run ${r.id}`, value: r.ms, unit: 'ms' });
    rows.push(...await playingAtTopSpeed(page, 'py: playing refcount'));
  } finally {
    await context.close();
  }
  return rows;
}
