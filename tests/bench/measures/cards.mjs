// Flashcards, measured in headless Chromium on the release build, with a
// year of progress present: 10,000 reviews over every card of the notes,
// written in the app's stored format.
//  - bytes of stored progress after the app has saved those 10,000 reviews
//    (goal < 1 MB);
//  - start-up: navigation to the first card shown on #/review, with that
//    log (the whole log is parsed and replayed through FSRS);
//  - time from pressing a grade key to the next card shown (median and
//    worst of 30 grades; goal < 16 ms).

const KEY = 'mianjing.progress';
const DAY = 86_400_000;

function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
}
const round2 = (x) => Math.round(x * 100) / 100;

/** A deterministic year of reviews over `ids`, in the stored envelope. */
function yearOfReviews(ids, total, now) {
  let seed = 12345;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const cards = {};
  const perCard = Math.ceil(total / ids.length);
  let written = 0;
  for (const id of ids) {
    const events = [];
    let t = now - 365 * DAY + Math.floor(rand() * 30 * DAY);
    for (let i = 0; i < perCard && written < total; i++, written++) {
      // Same-day steps at first, then growing gaps; stop before today.
      t += i < 2 ? 600_000 : Math.floor((1 + rand() * 3) * DAY);
      if (t > now - DAY) t = now - DAY - (perCard - i) * 60_000;
      const grade = rand() < 0.1 ? 1 : rand() < 0.2 ? 2 : rand() < 0.9 ? 3 : 4;
      events.push([t, grade]);
    }
    events.sort((a, b) => a[0] - b[0]);
    cards[id] = events;
  }
  return JSON.stringify({
    v: 1,
    data: { log: { v: 1, cards }, settings: { v: 1 }, settings_at: 0, exported_at: null },
  });
}

export async function measure({ baseURL, newPage }) {
  // The card ids, from the reader's links (contents → topics → questions).
  const { context: c0, page: p0 } = await newPage();
  const links = async () => p0.$$eval('#main a[href^="#/notes/"]', (as) => as.map((a) => a.getAttribute('href')));
  await p0.goto(`${baseURL}#/notes`);
  await p0.waitForSelector('#main a[href^="#/notes/"]');
  const topics = (await links()).filter((h) => h.split('/').length === 3);
  const ids = new Set();
  for (const topic of topics) {
    await p0.goto(`${baseURL}${topic}`);
    await p0.waitForSelector('#main a[href^="#/notes/"]');
    for (const h of await links()) if (h.split('/').length === 4) ids.add(h.split('/')[3]);
  }
  await c0.close();
  if (ids.size === 0) throw new Error('no card ids found in the reader');

  // Start-up without progress, for comparison.
  const { context: c1, page: p1 } = await newPage();
  await p1.goto(`${baseURL}#/review`);
  await p1.waitForSelector('.card-question, .done');
  const startupEmpty = await p1.evaluate(() => performance.now());
  await c1.close();

  const now = Date.now();
  const stored = yearOfReviews([...ids], 10_000, now);
  const { context, page } = await newPage();
  await context.addInitScript(([key, value]) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, value);
      sessionStorage.setItem('seeded', '1');
    }
  }, [KEY, stored]);

  // Start-up with the log: from navigation start to the first card.
  await page.goto(`${baseURL}#/review`);
  await page.waitForSelector('.card-question, .done');
  const startup = await page.evaluate(() => performance.now());

  // Grade → next card, 30 times (answers are shown first, not timed).
  const times = [];
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Space');
    await page.waitForSelector('.grades');
    const ms = await page.evaluate(() => new Promise((resolve) => {
      const main = document.getElementById('main');
      const t0 = performance.now();
      const done = new MutationObserver(() => {
        if (!document.querySelector('.grades')) {
          done.disconnect();
          resolve(performance.now() - t0);
        }
      });
      done.observe(main, { childList: true, subtree: true });
      window.dispatchEvent(new KeyboardEvent('keydown', { key: '3', bubbles: true }));
    }));
    times.push(ms);
  }
  // The app has saved after each grade: the stored value is its own now.
  const bytes = await page.evaluate((key) => new Blob([localStorage.getItem(key) || '']).size, KEY);
  const reviews = await page.evaluate((key) => {
    const cards = JSON.parse(localStorage.getItem(key)).data.log.cards;
    return Object.values(cards).reduce((n, evs) => n + evs.filter((e) => e[1] >= 1 && e[1] <= 4).length, 0);
  }, KEY);
  await context.close();

  return [
    { name: 'cards: stored progress, 10,000 reviews', value: bytes, unit: 'bytes', budget: 1_000_000 },
    { name: 'cards: reviews in the stored log', value: reviews, unit: 'reviews' },
    { name: 'cards: start-up to first card, 10,000-review log', value: Math.round(startup), unit: 'ms' },
    { name: 'cards: start-up to first card, no progress', value: Math.round(startupEmpty), unit: 'ms' },
    { name: 'cards: grade → next card, median', value: round2(percentile(times, 0.5)), unit: 'ms', budget: 16 },
    { name: 'cards: grade → next card, worst of 30', value: round2(Math.max(...times)), unit: 'ms' },
  ];
}
