// Sorting and searching, measured in headless Chromium on the release build:
//  - trace generation for 200 values, every algorithm (worst of the four
//    input kinds), through window.__mianjingAlgo (?bench): budget < 1 ms;
//  - trace memory of bubble sort on 200 reversed values: budget < 1 MB;
//  - playing that trace at top speed for 6 s: the longest task (budget
//    < 50 ms) and the share of frames later than two 60 Hz frames (budget
//    < 5 %).
export async function measure({ newPage, benchURL }) {
  const rows = [];
  const { context, page } = await newPage();
  try {
    await page.goto(`${benchURL}#/algo/bubble-sort?kind=reversed&n=200&seed=1&bench`);
    await page.waitForFunction(() => window.__mianjingAlgo !== undefined, null, { timeout: 20_000 });
    const gen = JSON.parse(await page.evaluate(() => window.__mianjingAlgo.generate(20)));
    const worst = gen.reduce((a, b) => (b.ms > a.ms ? b : a));
    rows.push({ name: 'algo: trace generation, n = 200, slowest algorithm', value: worst.ms, unit: 'ms', budget: 1, note: worst.id });
    for (const g of gen) rows.push({ name: `algo: trace generation, ${g.id}`, value: g.ms, unit: 'ms' });
    const bubble = gen.find((g) => g.id === 'bubble-sort');
    rows.push({ name: 'algo: bubble sort trace, 200 reversed', value: bubble.bytes, unit: 'B', budget: 1_000_000, steps: bubble.steps });

    // Play at top speed and watch frames and long tasks.
    await page.evaluate(() => {
      window.__algoLong = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__algoLong.push(e.duration); })
        .observe({ type: 'longtask', buffered: false });
    });
    const speeds = await page.locator('.player-speed select option').evaluateAll((os) => os.map((o) => o.value));
    await page.locator('.player-speed select').selectOption(speeds[speeds.length - 1]);
    await page.getByRole('button', { name: /播放|Play/ }).first().click();
    const frames = await page.evaluate(() => new Promise((resolve) => {
      const gaps = [];
      let last = performance.now();
      const start = last;
      const tick = (t) => {
        gaps.push(t - last);
        last = t;
        if (t - start < 6000) requestAnimationFrame(tick); else resolve(gaps);
      };
      requestAnimationFrame(tick);
    }));
    const long = await page.evaluate(() => window.__algoLong);
    const pos = await page.locator('.player-pos').textContent();
    const dropped = frames.filter((g) => g > 1000 / 60 * 2).length / frames.length * 100;
    rows.push({ name: 'algo: playing n = 200 at top speed, longest task', value: long.length ? Math.max(...long) : 0, unit: 'ms', budget: 50 });
    rows.push({ name: 'algo: playing n = 200 at top speed, late frames', value: Math.round(dropped * 10) / 10, unit: '%', budget: 5, note: pos });
  } finally {
    await context.close();
  }
  return rows;
}
