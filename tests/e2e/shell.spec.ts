// The app shell: routes, not-found, themes, language, help, and storage that
// is spoiled or refused.
import { test, expect } from '@playwright/test';
import { open, shot, watchErrors, withTheme, PHONE, DESKTOP } from './helpers';

const ROUTES = ['#/', '#/notes', '#/review', '#/stats', '#/tcp', '#/tcp/handshake', '#/net', '#/net/url',
  '#/algo', '#/algo/quick-sort', '#/search', '#/settings'];

test('every route renders a page with a heading and no console error', async ({ page }) => {
  const errors = watchErrors(page);
  for (const route of ROUTES) {
    await open(page, route);
    await expect(page.locator('#main h1').first(), route).toBeVisible();
  }
  expect(errors).toEqual([]);
});

test('an unknown route shows not-found with a way home', async ({ page }) => {
  await open(page, '#/no/such/page');
  await expect(page.getByRole('heading', { name: '找不到这个页面' })).toBeVisible();
  await page.getByRole('link', { name: '回到首页' }).click();
  await expect(page).toHaveURL(/#\/$/);
  await expect(page.locator('.tiles')).toBeVisible();
});

test('navigation marks the current section', async ({ page }) => {
  await open(page, '#/');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: 'TCP' }).click();
  await expect(page).toHaveURL(/#\/tcp/);
  await expect(page.locator('.nav-link.active')).toHaveText('TCP');
  await expect(page.locator('[aria-current="page"]')).toHaveText('TCP');
});

test('the theme toggle is remembered across a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await open(page, '#/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.getByRole('button', { name: '切换到深色主题' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const stored = await page.evaluate(() => localStorage.getItem('mianjing.prefs'));
  expect(JSON.parse(stored!)).toEqual({ v: 1, data: { theme: 'dark', lang: 'zh' } });
  await page.reload();
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('the theme follows the system until the user chooses', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await open(page, '#/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('English switch changes the UI and is remembered', async ({ page }) => {
  await open(page, '#/');
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What will you study today?');
  await page.reload();
  await expect(page.getByRole('link', { name: /Notes/ }).first()).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('? opens the keyboard help, Esc closes it', async ({ page }) => {
  await open(page, '#/');
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: '键盘快捷键' });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('kbd', { hasText: 'Space' }).first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await page.keyboard.press('?');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('?');
  await expect(dialog, '? closes it again').toHaveCount(0);
});

test('closing the help gives the focus back to where it was', async ({ page }) => {
  await open(page, '#/');
  const button = page.getByRole('button', { name: /键盘快捷键/ });
  await button.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: '键盘快捷键' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  // Modal: Tab and Shift+Tab stay in the dialog.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(page.locator('#help-close')).toBeFocused();
  await page.keyboard.press('Enter'); // on the focused ✕
  await expect(dialog).toHaveCount(0);
  await expect(button).toBeFocused();
});

test('the help title keeps clear of the close button on a phone', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await open(page, '#/?lang=en');
  await page.keyboard.press('?');
  const title = await page.locator('#help-title').boundingBox();
  const close = await page.locator('#help-close').boundingBox();
  expect(title && close && title.x + title.width + 8 <= close.x).toBe(true);
});

test('while the help is open, / and g h do nothing behind it', async ({ page }) => {
  await open(page, '#/tcp/handshake');
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: '键盘快捷键' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('/');
  await page.keyboard.press('g');
  await page.keyboard.press('h');
  await expect(dialog).toBeVisible();
  await expect(page).toHaveURL(/#\/tcp\/handshake$/);
  await expect(page.locator('#help-close')).toBeFocused();
  await page.keyboard.press('?');
  await expect(dialog).toHaveCount(0);
  await page.keyboard.press('/');
  await expect(page).toHaveURL(/#\/search/);
});

test('g then h goes home from anywhere', async ({ page }) => {
  await open(page, '#/algo');
  await page.keyboard.press('g');
  await page.keyboard.press('h');
  await expect(page).toHaveURL(/#\/$/);
  await expect(page.locator('.tiles')).toBeVisible();
});

test('spoiled preferences: the app works, says so, and keeps the original', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('mianjing.prefs', '{"v":1,"data":{"theme":');
      sessionStorage.setItem('seeded', '1');
    }
  });
  const errors = watchErrors(page);
  await open(page, '#/');
  await expect(page.locator('.notice')).toContainText('无法读取');
  const backups = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('mianjing.backup.prefs.')).map((k) => localStorage.getItem(k)));
  expect(backups).toEqual(['{"v":1,"data":{"theme":']);
  // Still usable: toggle the theme and move within the page's bundle (a
  // link into another bundle reloads the page, and the notice was said).
  await page.getByRole('button', { name: /切换到/ }).click();
  await page.goto('./#/stats');
  await expect(page.locator('#main h1')).toBeVisible();
  await page.getByRole('button', { name: '知道了' }).click();
  await expect(page.locator('.notice')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('storage that throws: the app works in memory and says so', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  const errors = watchErrors(page);
  await open(page, '#/');
  await expect(page.locator('.notice')).toContainText('浏览器不允许保存数据');
  await page.getByRole('button', { name: '切换到深色主题' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('link', { name: 'TCP' }).first().click();
  await expect(page.locator('#main h1').first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('a full storage: writes stay in memory, with a notice', async ({ page }) => {
  await page.addInitScript(() => {
    const proto = Object.getPrototypeOf(localStorage);
    proto.setItem = function () {
      throw new DOMException('quota', 'QuotaExceededError');
    };
  });
  await open(page, '#/');
  await expect(page.locator('.notice')).toContainText('存储空间已满');
  await page.getByRole('button', { name: /切换到/ }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', /dark|light/);
});

for (const theme of ['light', 'dark'] as const) {
  test(`home screenshots, ${theme}`, async ({ page }) => {
    await withTheme(page, theme);
    await page.setViewportSize(DESKTOP);
    await open(page, '#/');
    await shot(page, `home-desktop-${theme}`);
    await page.setViewportSize(PHONE);
    await shot(page, `home-phone-${theme}`);
    // Nothing wider than the phone's screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

test('the static copy shown before the app starts says what the app says', async ({ browser, baseURL }) => {
  const texts = async (page: import('@playwright/test').Page, scope: string) => page.evaluate((scope) => {
    const root = document.querySelector(scope)!;
    const all = (sel: string) => [...root.querySelectorAll(sel)].map((e) => e.textContent!.trim());
    return { nav: all('.main-nav .nav-link'), h1: all('.home h1'), lead: all('.home .lead'),
      titles: all('.tile-title'), bodies: all('.tile-body'), links: [...root.querySelectorAll('.tile')].map((a) => a.getAttribute('href')) };
  }, scope);
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const staticPage = await noJs.newPage();
  await staticPage.goto(baseURL + '#/');
  const before = await texts(staticPage, '#boot');
  await noJs.close();
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await open(page, '#/');
  const after = await texts(page, '#app');
  await ctx.close();
  expect(before.nav).toEqual(after.nav.map((s) => s.trim()));
  expect(before).toEqual(after);
});

test('before the app starts, a deep link shows "loading", not the home page', async ({ page }) => {
  await page.route(/_bg\.wasm$/, () => { /* never answer: the app cannot start */ });
  await page.goto('#/tcp/handshake');
  await expect(page.locator('#boot .boot-loading')).toBeVisible();
  await expect(page.locator('#boot .boot-home')).toBeHidden();
  await page.goto('#/');
  await page.reload();
  await expect(page.locator('#boot .boot-home h1')).toBeVisible();
});
