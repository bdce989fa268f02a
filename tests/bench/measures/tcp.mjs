// TCP diagrams, measured in headless Chromium on the release build:
//  - simulating every scenario, plain and with a harsh sandbox drop set,
//    through window.__mianjingTcp (?bench): budget < 1 ms for the slowest;
//  - playing at top speed for 6 s (replaying when a run ends): the longest
//    task (budget < 50 ms) and the share of frames later than two 60 Hz
//    frames (budget < 5 %).
export async function measure({ newPage, baseURL }) {
  const rows = [];
  const { context, page } = await newPage();
  try {
    await page.goto(`${baseURL}#/tcp/transfer?bench`);
    await page.waitForFunction(() => window.__mianjingTcp !== undefined, null, { timeout: 20_000 });
    const sims = JSON.parse(await page.evaluate(() => window.__mianjingTcp.simulate(2000)));
    const worst = sims.reduce((a, b) => (b.ms > a.ms ? b : a));
    rows.push({ name: 'tcp: simulate a scenario, slowest', value: worst.ms, unit: 'ms', budget: 1, note: `${worst.id}, ${worst.events} events` });
    for (const s of sims) rows.push({ name: `tcp: simulate ${s.id}`, value: s.ms, unit: 'ms' });

    await page.evaluate(() => {
      window.__tcpLong = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__tcpLong.push(e.duration); })
        .observe({ type: 'longtask', buffered: false });
    });
    const speeds = await page.locator('.player-speed select option').evaluateAll((os) => os.map((o) => o.value));
    await page.locator('.player-speed select').selectOption(speeds[speeds.length - 1]);
    const frames = await page.evaluate(() => new Promise((resolve) => {
      const play = () => document.querySelector('.player-play');
      const gaps = [];
      let last = performance.now();
      const start = last;
      let replays = 0;
      const tick = (t) => {
        gaps.push(t - last);
        last = t;
        const b = play();
        if (b && b.dataset.playing !== 'true') { b.click(); replays += 1; }
        if (t - start < 6000) requestAnimationFrame(tick); else resolve({ gaps, replays });
      };
      requestAnimationFrame(tick);
    }));
    const long = await page.evaluate(() => window.__tcpLong);
    const late = frames.gaps.filter((g) => g > 1000 / 60 * 2).length / frames.gaps.length * 100;
    rows.push({ name: 'tcp: playing transfer at top speed, longest task', value: long.length ? Math.max(...long) : 0, unit: 'ms', budget: 50 });
    rows.push({ name: 'tcp: playing transfer at top speed, late frames', value: Math.round(late * 10) / 10, unit: '%', budget: 5, note: `${frames.replays} runs` });
  } finally {
    await context.close();
  }
  return rows;
}
