// The Python object diagrams: stepping a scenario draws names and objects,
// editing the code reruns it (and puts it in the URL), code outside the
// subset says where, and the previous diagram stays; screenshots at both
// sizes in both themes.
import { test, expect } from '@playwright/test';
import { open, shot, watchErrors, withTheme, PHONE, DESKTOP } from './helpers';

test('stepping the copies scenario draws the names and the objects they share', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page, '#/py/copies');
  await expect(page.locator('#main h1')).toBeVisible();
  await page.keyboard.press('End');
  // After the last line every name of the scenario points at an object.
  await expect(page.locator('.py-diagram .py-var').first()).toBeVisible();
  const names = await page.locator('.py-diagram .py-var').count();
  expect(names).toBeGreaterThanOrEqual(3);
  await expect(page.locator('.py-diagram .py-obj').first()).toBeVisible();
  await page.keyboard.press('Home');
  const atStart = await page.locator('.py-diagram .py-var').count();
  expect(atStart).toBeLessThan(names);
  expect(errors).toEqual([]);
});

test('edited code runs, goes into the URL, and a mistake points at its line', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page, '#/py/copies');
  await page.getByRole('button', { name: '编辑代码' }).click();
  const input = page.locator('#py-code-input');
  await input.fill('a = [1, 2]\nb = a\nb.append(3)\n');
  await page.getByRole('button', { name: /运行/ }).click();
  await expect(page).toHaveURL(/code=/);
  await page.keyboard.press('End');
  await expect(page.locator('.py-diagram .py-var')).toHaveCount(2);
  const before = await page.locator('.py-diagram').innerHTML();
  await page.getByRole('button', { name: '编辑代码' }).click();
  await input.fill('a = [1, 2\nb = a\n');
  await page.getByRole('button', { name: /运行/ }).click();
  await expect(page.locator('.py-error')).toContainText(/1/);
  // The previous diagram stays while the code is wrong.
  expect(await page.locator('.py-diagram').innerHTML()).toBe(before);
  expect(errors).toEqual([]);
});

test('an embedded Python diagram loads the py bundle alone', async ({ page }) => {
  const bundles = new Set<string>();
  page.on('request', (r) => {
    const m = /\/([a-z_]+)-[0-9a-f]{16}(?:_bg\.wasm|\.js|\.css)$/.exec(new URL(r.url()).pathname);
    if (m && m[1] !== 'boot') bundles.add(m[1]);
  });
  await open(page, '#/py/closures?embed');
  await expect(page.locator('.site-header')).toHaveCount(0);
  await expect(page.locator('.py-diagram')).toBeVisible();
  expect([...bundles]).toEqual(['py_embed_zh']);
});

for (const theme of ['light', 'dark'] as const) {
  test(`screenshots, ${theme}: desktop and phone, nothing overflows`, async ({ page }) => {
    await withTheme(page, theme);
    for (const [name, size] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
      await page.setViewportSize(size);
      await open(page, '#/py/plus-equals');
      await page.keyboard.press('End');
      await shot(page, `py-plus-equals-${name}-${theme}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    }
  });
}
