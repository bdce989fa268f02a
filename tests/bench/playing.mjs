// Playing a diagram at top speed for 6 s (replaying when a run ends), with
// the shared player's controls: the longest task (budget < 50 ms) and the
// share of frames later than two 60 Hz frames (budget < 5 %). Used by the
// measures of every animated feature.
export async function playingAtTopSpeed(page, label) {
  await page.evaluate(() => {
    window.__benchLong = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__benchLong.push(e.duration); })
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
  const long = await page.evaluate(() => window.__benchLong);
  const late = frames.gaps.filter((g) => g > 1000 / 60 * 2).length / frames.gaps.length * 100;
  return [
    { name: `${label} at top speed, longest task`, value: long.length ? Math.max(...long) : 0, unit: 'ms', budget: 50 },
    { name: `${label} at top speed, late frames`, value: Math.round(late * 10) / 10, unit: '%', budget: 5, note: `${frames.replays} runs` },
  ];
}
