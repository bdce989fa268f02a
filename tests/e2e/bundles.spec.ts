// A first visit downloads only the bundle its page shows (src/bundle.rs,
// tools/loader.js): an embedded diagram never fetches the notes and the
// flashcards, and the app never fetches the diagrams until they are opened.
// Moving between bundles reloads into the right one.
import { test, expect, type Page } from '@playwright/test';
import { open, watchErrors } from './helpers';

const BUNDLE_FILE = /\/([a-z_]+)-[0-9a-f]{16}(?:_bg\.wasm|\.js|\.css)$/;

/** The bundles whose files the page fetched (boot glue excluded). */
function watchBundles(page: Page): Set<string> {
  const seen = new Set<string>();
  page.on('request', (r) => {
    const m = BUNDLE_FILE.exec(new URL(r.url()).pathname);
    if (m && m[1] !== 'boot') seen.add(m[1]);
  });
  return seen;
}

// An embedded diagram gets its bundle's widget build (src/shell/widget.rs):
// the same pages without the app around them, in the page's one language.
const EMBEDS: [string, string][] = [
  ['#/tcp/handshake?embed', 'tcp_embed_zh'],
  ['?embed#/tcp/handshake', 'tcp_embed_zh'],
  ['#/tcp/handshake?embed&lang=en', 'tcp_embed_en'],
  ['#/algo/quick-sort?embed', 'algo_embed_zh'],
  ['?embed#/algo/quick-sort', 'algo_embed_zh'],
  ['#/net/tls13?embed', 'net_embed_zh'],
  ['#/py/closures?embed&theme=dark', 'py_embed_zh'],
  ['#/py/closures?embed&lang=EN', 'py_embed_en'],
];

for (const [url, bundle] of EMBEDS) {
  test(`${url} loads the ${bundle} bundle alone, as a widget that plays`, async ({ page }) => {
    const errors = watchErrors(page);
    const bundles = watchBundles(page);
    await page.goto(`./${url}`);
    await expect(page.locator('#main')).toBeVisible();
    await expect(page.locator('#boot')).toHaveCount(0);
    // A widget: no header, no footer; the player steps with the keyboard.
    await expect(page.locator('.site-header')).toHaveCount(0);
    await expect(page.locator('.app.embed')).toHaveCount(1);
    const pos = page.locator('.player-pos').first();
    const before = await pos.innerText();
    await page.keyboard.press('ArrowRight');
    await expect(pos).not.toHaveText(before);
    expect([...bundles]).toEqual([bundle]);
    expect(errors).toEqual([]);
  });
}

test('a diagram without `embed` (or with embed=0) loads its full bundle, header and all', async ({ context }) => {
  for (const url of ['#/tcp/handshake', '#/tcp/handshake?embed=0']) {
    const page = await context.newPage();
    const bundles = watchBundles(page);
    await open(page, url);
    await expect(page.locator('.site-header')).toHaveCount(1);
    expect([...bundles]).toEqual(['tcp']);
  }
});

test('a widget speaks the language it was built for: the URL\'s, else the saved one', async ({ context }) => {
  const en = await context.newPage();
  const bundles = watchBundles(en);
  await open(en, '#/algo/quick-sort?embed&lang=en');
  await expect(en.locator('html')).toHaveAttribute('lang', 'en');
  await expect(en.locator('#main h1')).toHaveText('Quick sort (with lists)');
  expect([...bundles]).toEqual(['algo_embed_en']);
  // English saved in the full app: an embed without lang= opens in English.
  const app = await context.newPage();
  await open(app, '#/settings');
  await app.evaluate(() => localStorage.setItem('mianjing.prefs', '{"v":1,"data":{"theme":"system","lang":"en"}}'));
  const saved = await context.newPage();
  const seen = watchBundles(saved);
  await open(saved, '#/tcp/handshake?embed');
  await expect(saved.locator('#main h1')).toHaveText('Three-way handshake');
  expect([...seen]).toEqual(['tcp_embed_en']);
  // lang=zh in the URL wins over the saved English.
  const zh = await context.newPage();
  await open(zh, '#/tcp/handshake?embed&lang=zh');
  await expect(zh.locator('#main h1')).toHaveText('三次握手');
});

test('the home page loads the app bundle alone, a question the notes bundle alone', async ({ page }) => {
  const bundles = watchBundles(page);
  await open(page, '#/');
  await expect(page.locator('#main h1')).toBeVisible();
  expect([...bundles]).toEqual(['app']);
  const notes = watchBundles(await page.context().newPage());
  const other = page.context().pages()[1];
  await open(other, '#/notes/networking/tcp-handshake');
  await expect(other.locator('#main h1')).toHaveText('TCP 的三次握手过程');
  expect([...notes]).toEqual(['notes']);
});

test('a link into another bundle reloads into it, and back', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page, '#/');
  await page.locator('.main-nav').getByRole('link', { name: 'TCP' }).click();
  await expect(page).toHaveURL(/#\/tcp$/);
  await expect(page.locator('html[data-bundle="tcp"]')).toHaveCount(1);
  await expect(page.locator('#main h1')).toBeVisible();
  await page.locator('.main-nav').getByRole('link', { name: '笔记' }).click();
  await expect(page.locator('html[data-bundle="notes"]')).toHaveCount(1);
  await expect(page.locator('#main h1')).toBeVisible();
  await page.goBack();
  await expect(page.locator('html[data-bundle="tcp"]')).toHaveCount(1);
  await expect(page.locator('#main h1')).toBeVisible();
  expect(errors).toEqual([]);
});

test('an address no bundle knows says "not found" once, without reloading', async ({ page }) => {
  let loads = 0;
  page.on('load', () => { loads += 1; });
  await open(page, '#/tcp/no-such-scenario');
  await expect(page.locator('#main')).toContainText(/找不到|没有/);
  await open(page, '#/nowhere');
  await expect(page.locator('#main h1')).toHaveText('找不到这个页面');
  await page.waitForTimeout(300);
  expect(loads).toBeLessThanOrEqual(2);
});

for (const url of ['#/', '#/tcp/handshake?embed']) {
  test(`${url}: the largest paint is the static first screen's, not redrawn by the app`, async ({ page }) => {
    await page.addInitScript(() => {
      (window as unknown as { lcp: { inApp: boolean; size: number }[] }).lcp = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { element?: Element; size: number })[]) {
          (window as unknown as { lcp: { inApp: boolean; size: number }[] }).lcp.push({
            inApp: !!e.element?.closest('#main'), size: e.size,
          });
        }
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    await open(page, url);
    await page.waitForTimeout(500);
    const entries = await page.evaluate(() => (window as unknown as { lcp: { inApp: boolean }[] }).lcp);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.filter((e) => e.inApp)).toEqual([]);
  });
}

test('a TCP page shows its heading and summary before the app arrives', async ({ page }) => {
  await page.route(/_bg\.wasm$/, () => { /* never answer: the app cannot start */ });
  await page.goto('./#/tcp/handshake?embed');
  await expect(page.locator('#boot .boot-preview h1')).toHaveText('三次握手');
  await expect(page.locator('#boot .tcp-summary')).toContainText('客户端发 SYN');
  await expect(page.locator('#boot .site-header')).toBeHidden();
});
