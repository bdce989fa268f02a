// Sorting and searching: stepping, bad input, race mode, deep links,
// keyboard, and screenshots at desktop and phone size in both themes.
import { test, expect, type Page } from '@playwright/test';
import { open, shot, watchErrors, withTheme, PHONE, DESKTOP } from './helpers';

/** The main array's value labels (not merge sort's tmp row). */
const vals = (page: Page) => page.locator('.bars-wrap:not(.aux) .bar-val');
const stepForward = (page: Page) => page.getByRole('button', { name: '前进一步（→）' }).click();

/** Indices of the bars with a role, in order. */
async function barsWith(page: Page, role: string): Promise<string[]> {
  return page.locator(`.algo-stage .bars-wrap:not(.aux) .bar-col.role-${role}`).evaluateAll(
    (els) => els.map((e) => e.getAttribute('data-i') ?? ''));
}

test('quick sort: stepping moves the compared bars and the code line', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page, '#/algo/quick-sort-inplace?input=5,3,8,1,9,2');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('快速排序（原地）');
  await expect(page.locator('.bar-col')).toHaveCount(6);
  await expect(page.locator('.player-pos')).toHaveText(/^第 0 \/ \d+ 步$/);
  // Steps: Range, SetPivot(5), Compare(0,5), …
  await stepForward(page);
  await stepForward(page);
  await expect(page.locator('.bar-col.role-pivot')).toHaveAttribute('data-i', '5');
  await stepForward(page);
  expect(await barsWith(page, 'compared')).toEqual(['0', '5']);
  await expect(page.locator('.algo-caption')).toHaveText('比较 a[0] < a[5]：5 < 2，不成立');
  await expect(page.locator('.code-line.current')).toHaveAttribute('data-line', '12');
  await stepForward(page);
  expect(await barsWith(page, 'compared')).toEqual(['1', '5']);
  await page.getByRole('button', { name: '后退一步（←）' }).click();
  expect(await barsWith(page, 'compared')).toEqual(['0', '5']);
  // The end: every bar sorted, in order, counters from the trace.
  await page.getByRole('button', { name: '跳到结尾（End）' }).click();
  await expect(page.locator('.bar-col.role-sorted')).toHaveCount(6);
  await expect(vals(page)).toHaveText(['1', '2', '3', '5', '8', '9']);
  await expect(page.locator('[data-counter="comparisons"] dd')).not.toHaveText('0');
  expect(errors).toEqual([]);
});

test('a bad list gets a message next to the field and the old input stays', async ({ page }) => {
  await open(page, '#/algo/bubble-sort?input=5,3,8,1,2');
  const url = page.url();
  const field = page.getByRole('textbox', { name: /数列/ });
  await expect(field).toHaveValue('5,3,8,1,2');
  for (const [bad, message] of [
    ['5, 3, x, 1, 2', '第 3 项「x」不是整数。'],
    ['1 2 3', '只有 3 个数，至少需要 5 个。'],
    ['1 2 3 4 1000', '第 5 项 1000 超出范围（-999 到 999）。'],
    [Array(201).fill('1').join(','), '有 201 个数，最多 200 个。'],
  ]) {
    await field.fill(bad);
    await page.getByRole('button', { name: '使用这组数' }).click();
    await expect(page.locator('#algo-list-error')).toHaveText(message);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(vals(page)).toHaveText(['5', '3', '8', '1', '2']);
    expect(page.url()).toBe(url);
  }
  // A good list replaces the run and lands in the URL, in Chinese commas too.
  await field.fill('9，7，5，3，1，0');
  await field.press('Enter');
  await expect(page.locator('#algo-list-error')).toHaveCount(0);
  await expect(vals(page)).toHaveText(['9', '7', '5', '3', '1', '0']);
  await expect(page).toHaveURL(/input=9,7,5,3,1,0/);
});

test('race mode runs both, and the faster one finishes first', async ({ page }) => {
  await open(page, '#/algo/bubble-sort?kind=reversed&n=20&seed=1&vs=merge-sort');
  const lanes = page.locator('.race-lane');
  await expect(lanes).toHaveCount(2);
  await expect(lanes.nth(0).locator('h2')).toContainText('冒泡排序');
  await expect(lanes.nth(1).locator('h2')).toContainText('归并排序');
  await page.locator('.player-speed select').selectOption('64');
  await page.getByRole('button', { name: '播放（空格）' }).click();
  // Merge sort (about 200 steps) is done long before bubble sort (about 400).
  await expect(lanes.nth(1)).toHaveClass(/done/, { timeout: 15_000 });
  await expect(lanes.nth(0)).not.toHaveClass(/done/);
  const swaps = lanes.nth(0).locator('[data-counter="swaps"] dd');
  const early = Number(await swaps.textContent());
  await expect.poll(async () => Number(await swaps.textContent())).toBeGreaterThan(early);
  await page.keyboard.press('End');
  await expect(lanes.nth(0)).toHaveClass(/done/);
  await expect(swaps).toHaveText('190'); // 20 reversed values: 20·19/2 inversions
  await page.getByRole('combobox', { name: /同时运行另一个算法/ }).selectOption('');
  await expect(page.locator('.race-lane')).toHaveCount(0);
  await expect(page).not.toHaveURL(/vs=/);
});

test('a deep link reproduces the run; the generator buttons rewrite it', async ({ page }) => {
  await open(page, '#/algo/merge-sort?kind=random&n=12&seed=7&theme=dark');
  const values = await vals(page).allTextContents();
  expect(values).toHaveLength(12);
  await page.reload();
  await expect(vals(page)).toHaveText(values);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('button', { name: '逆序' }).click();
  await expect(page).toHaveURL(/theme=dark&kind=reversed&n=12&seed=7$/);
  const reversed = (await vals(page).allTextContents()).map(Number);
  expect([...reversed].sort((a, b) => b - a)).toEqual(reversed);
  await page.getByRole('button', { name: '换一组' }).click();
  await expect(page).not.toHaveURL(/seed=7$/);
  // Switching algorithm keeps the input.
  const before = await vals(page).allTextContents();
  await page.getByRole('combobox', { name: '算法', exact: true }).selectOption('insertion-sort');
  await expect(page).toHaveURL(/#\/algo\/insertion-sort\?/);
  await expect(vals(page)).toHaveText(before);
});

test('keyboard: space plays, arrows step, Home and End jump', async ({ page }) => {
  await open(page, '#/algo/selection-sort?input=4,2,5,1,3');
  const pos = page.locator('.player-pos');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(pos).toHaveText(/^第 2 \//);
  await page.keyboard.press('ArrowLeft');
  await expect(pos).toHaveText(/^第 1 \//);
  await page.keyboard.press('End');
  await expect(page.locator('.bar-col.role-sorted')).toHaveCount(5);
  await page.keyboard.press('Home');
  await expect(pos).toHaveText(/^第 0 \//);
  await page.keyboard.press(' ');
  await expect(page.locator('.player-play')).toHaveAttribute('data-playing', 'true');
  await page.keyboard.press(' ');
  await expect(page.locator('.player-play')).toHaveAttribute('data-playing', 'false');
  // Keys typed into the list field stay in the field.
  await page.getByRole('textbox', { name: /数列/ }).press('ArrowLeft');
  await expect(pos).not.toHaveText(/^第 0 \/ 0/);
});

test('a step button that disables itself hands the focus to play, not to the page', async ({ page }) => {
  await open(page, '#/algo/selection-sort?input=4,2,5,1,3');
  const pos = page.locator('.player-pos');
  await page.getByRole('button', { name: /跳到结尾/ }).focus();
  await page.keyboard.press('Enter');
  await expect(pos).toHaveText(/^第 (\d+) \/ \1 步/);
  await expect(page.locator('.player-play')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.player-play')).toHaveAttribute('data-playing', 'true');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: /后退一步/ }).focus();
  await page.keyboard.press('Home');
  await expect(pos).toHaveText(/^第 0 \//);
  await expect(page.locator('.player-play')).toBeFocused();
});

test('searches find the key, or say it is not there', async ({ page }) => {
  await open(page, '#/algo/binary-search?input=9,1,7,3,5&key=7');
  await expect(page.locator('.box .box-val')).toHaveText(['1', '3', '5', '7', '9']);
  await page.keyboard.press('End');
  await expect(page.locator('.box.role-found')).toHaveAttribute('data-i', '3');
  await expect(page.locator('.algo-caption')).toHaveText('找到了：a[3] = 7，返回 3');
  const key = page.getByRole('textbox', { name: '查找 key' });
  await key.fill('abc');
  await page.getByRole('button', { name: '查找', exact: true }).click();
  await expect(page.locator('#algo-key-error')).toHaveText('要查找的值必须是一个整数。');
  await key.fill('4');
  await key.press('Enter');
  await expect(page).toHaveURL(/key=4/);
  await page.locator('h1').click(); // keys typed in a field are the field's
  await page.keyboard.press('End');
  await expect(page.locator('.algo-caption')).toHaveText('没有 4，返回 -1');

  await open(page, '#/algo/hash-search?input=8,15,1,2,3&key=15');
  await page.keyboard.press('End');
  await expect(page.locator('.slot.role-found')).toHaveAttribute('data-h', '2');
  await open(page, '#/algo/block-search?input=3,1,2,6,4,5,7&key=4');
  await expect(page.locator('.block-group')).toHaveCount(3);
  await page.keyboard.press('End');
  await expect(page.locator('.box.role-found .box-val')).toHaveText('4');
});

test('unknown algorithms and bad links are explained, never blank', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page, '#/algo/bogo-sort');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('没有这个算法');
  await expect(page.locator('.algo-links li')).toHaveCount(12);
  await page.getByRole('link', { name: '二分查找' }).click();
  await expect(page).toHaveURL(/#\/algo\/binary-search/);
  await open(page, '#/algo/quick-sort?input=1,2');
  await expect(page.locator('.algo-link-error')).toContainText('只有 2 个数');
  await expect(page.locator('.bar-col')).toHaveCount(16);
  await open(page, '#/algo');
  await expect(page.locator('.algo-tile')).toHaveCount(12);
  expect(errors).toEqual([]);
});

test('English captions and facts with links to the notes', async ({ page }) => {
  await open(page, '#/algo/insertion-sort?input=3,1,2,5,4&lang=en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Insertion sort');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.algo-caption')).toHaveText('Take key = a[1] = 1');
  const facts = page.locator('.facts');
  await expect(facts.locator('td').first()).toHaveText('O(n)');
  await facts.getByRole('link').first().click();
  await expect(page).toHaveURL(/#\/notes\/[^/]+\/insertion-sort/);
});

test.describe('accessibility', () => {
  // axe is injected as a script: allow it past the page's CSP.
  test.use({ bypassCSP: true });
  test('axe: no violations on every kind of algorithm page, mid-run', async ({ page }) => {
    const failures: string[] = [];
    for (const hash of ['#/algo', '#/algo/bogo-sort', '#/algo/radix-sort?input=170,-45,75,90,-802,24',
      '#/algo/merge-sort', '#/algo/quick-sort', '#/algo/binary-search', '#/algo/hash-search',
      '#/algo/block-search', '#/algo/bubble-sort?vs=quick-sort&kind=reversed&n=30',
      '#/algo/bubble-sort?input=1,2']) {
      await open(page, hash);
      if (await page.locator('.player-seek').count()) await page.locator('.player-seek').fill('12');
      await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
      const violations = await page.evaluate(async () => {
        // @ts-expect-error axe is injected above
        const r = await window.axe.run(document, { resultTypes: ['violations'] });
        return r.violations.map((v: { id: string; nodes: { target: string[] }[] }) =>
          `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      });
      for (const v of violations) failures.push(`${hash} → ${v}`);
    }
    expect(failures).toEqual([]);
  });
});

for (const theme of ['light', 'dark'] as const) {
  for (const [size, vp] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
    test(`screenshots: ${size}, ${theme}`, async ({ page }) => {
      const errors = watchErrors(page);
      await withTheme(page, theme);
      await page.setViewportSize(vp);
      const views: [string, string, number][] = [
        ['quick', '#/algo/quick-sort?kind=random&n=16&seed=42', 25],
        ['inplace', '#/algo/quick-sort-inplace?kind=random&n=30&seed=3', 40],
        ['merge', '#/algo/merge-sort?kind=random&n=16&seed=42', 60],
        ['radix', '#/algo/radix-sort?input=170,-45,75,90,-802,24,2,66', 14],
        ['bubble200', '#/algo/bubble-sort?kind=reversed&n=200&seed=1', 900],
        ['binary', '#/algo/binary-search?kind=random&n=24&seed=5', 5],
        ['hash', '#/algo/hash-search?kind=random&n=20&seed=5', 30],
        ['block', '#/algo/block-search?kind=random&n=30&seed=5', 14],
        ['race', '#/algo/bubble-sort?kind=reversed&n=30&seed=1&vs=merge-sort', 200],
        ['index', '#/algo', 0],
      ];
      for (const [name, hash, steps] of views) {
        await open(page, hash);
        if (steps > 0) {
          await page.locator('.player-seek').fill(String(steps));
        }
        await page.evaluate(() => { (document.activeElement as HTMLElement | null)?.blur(); window.scrollTo(0, 0); });
        // Nothing may overflow the page width.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${name} overflows`).toBeLessThanOrEqual(0);
        await shot(page, `algo-${name}-${size}-${theme}`);
      }
      expect(errors).toEqual([]);
    });
  }
}
