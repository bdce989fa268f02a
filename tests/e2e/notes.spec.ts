// The notes: contents, topic and question pages, deep links, search (from
// the home page, with the keyboard, linked by URL), not-found pages, and
// screenshots of long answers on a phone and a desktop in both themes.
import { test, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { open, shot, watchErrors, withTheme, PHONE, DESKTOP } from './helpers';

/** Nothing may be wider than the viewport (wide things scroll in their box). */
async function expectNoOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('contents → topic → question, and the deep link survives a reload', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page, '#/notes');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('笔记');
  const topics = page.locator('.toc-topic');
  expect(await topics.count()).toBeGreaterThanOrEqual(10);
  await expect(topics.filter({ hasText: '计算机网络' })).toContainText(/\d+ 题/);

  await topics.filter({ hasText: '计算机网络' }).click();
  await expect(page).toHaveURL(/#\/notes\/networking$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('计算机网络');
  await page.getByRole('link', { name: 'TCP 的三次握手过程' }).click();

  await expect(page).toHaveURL(/#\/notes\/networking\/tcp-handshake$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('TCP 的三次握手过程');
  await expect(page.locator('.answer')).toContainText('SYN');
  await expect(page).toHaveTitle(/TCP 的三次握手过程/);

  await page.reload();
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('TCP 的三次握手过程');
  expect(errors).toEqual([]);
});

test('previous / next by link and by ← →, within and across topics', async ({ page }) => {
  await open(page, '#/notes/networking/tcp-handshake');
  const pager = page.getByRole('navigation', { name: '上一题和下一题' });
  await pager.getByRole('link', { name: /下一题/ }).click();
  await expect(page).toHaveURL(/why-three-handshake$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('为什么握手是三次，而不是两次或四次？');
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/tcp-handshake$/);
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/why-three-handshake$/);
  // The first question of a topic leads back into the previous topic.
  await open(page, '#/notes/concurrency');
  await page.locator('.question-list a').first().click();
  await page.getByRole('navigation', { name: '上一题和下一题' }).getByRole('link', { name: /上一题/ }).click();
  await expect(page).toHaveURL(/#\/notes\/python-objects\//);
});

test('search from the home page: / focuses, type, Enter opens the first result', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page, '#/');
  await page.keyboard.press('/');
  await expect(page).toHaveURL(/#\/search/);
  const box = page.getByRole('searchbox', { name: '搜索笔记' });
  await expect(box).toBeFocused();
  await box.fill('三次握手');
  await expect(page).toHaveURL(/#\/search\?q=%E4%B8%89%E6%AC%A1%E6%8F%A1%E6%89%8B/);
  const first = page.locator('.search-results li').first();
  await expect(first.locator('.hit-title')).toHaveText('TCP 的三次握手过程');
  await expect(first.locator('.hit-title mark')).toHaveText('三次握手');
  await expect(first.locator('.hit-topic')).toContainText('计算机网络');
  await expect(first.locator('.hit-snippet mark').first()).toBeVisible();
  await expect(page.locator('.result-count')).toContainText(/找到 \d+ 条结果/);
  await box.press('Enter');
  await expect(page).toHaveURL(/#\/notes\/networking\/tcp-handshake$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('TCP 的三次握手过程');
  expect(errors).toEqual([]);
});

test('keyboard focus lands on the question after opening a result or paging', async ({ page }) => {
  await open(page, '#/search?q=%E4%B8%89%E6%AC%A1%E6%8F%A1%E6%89%8B');
  await page.getByRole('searchbox').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#search-hit-0')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/tcp-handshake$/);
  const h1 = page.getByRole('heading', { level: 1 });
  // Not <body>: Tab goes on from the question, not from the top of the page.
  await expect(h1).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/why-three-handshake$/);
  await expect(h1).toHaveText('为什么握手是三次，而不是两次或四次？');
  await expect(h1).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator('#main :focus'), 'Tab goes on inside the page').toHaveCount(1);
});

test('arrow keys move through the results and back to the box', async ({ page }) => {
  await open(page, '#/search?q=' + encodeURIComponent('挥手'));
  const box = page.getByRole('searchbox', { name: '搜索笔记' });
  await expect(box).toHaveValue('挥手');
  await box.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#search-hit-0')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#search-hit-1')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(box).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const title = await page.locator('#search-hit-0').innerText();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
});

test('search understands how people ask: an English alias, question words around the subject', async ({ page }) => {
  const errors = watchErrors(page);
  const cases: [string, RegExp, string][] = [
    ['decorator', /#\/notes\/python-basics\/decorator$/, '装饰器有什么功能？和面向切面编程（AOP）有什么关系？'],
    ['为什么握手要三次', /#\/notes\/networking\/why-three-handshake$/, '为什么握手是三次，而不是两次或四次？'],
  ];
  for (const [q, url, heading] of cases) {
    await open(page, '#/');
    await page.keyboard.press('/');
    const box = page.getByRole('searchbox', { name: '搜索笔记' });
    await expect(box).toBeFocused();
    await box.fill(q);
    await expect(page).toHaveURL(/#\/search\?q=/);
    const first = page.locator('.search-results li').first();
    await expect(first.locator('.hit-title'), q).toHaveText(heading);
    if (q === 'decorator') await expect(first.locator('.hit-aliases mark')).toHaveText('decorator');
    await first.locator('.hit-title').click();
    await expect(page, q).toHaveURL(url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  }
  // The question found by its English name lists that name under the heading.
  await open(page, '#/notes/python-basics/decorator');
  await expect(page.locator('.q-aliases')).toContainText('decorator');
  expect(errors).toEqual([]);
});

test('a query about nothing in the notes says so and offers the closest topics', async ({ page }) => {
  await open(page, '#/search?q=' + encodeURIComponent('量子纠缠'));
  await expect(page.locator('.result-count')).toContainText('没有找到');
  await expect(page.locator('.search-results li')).toHaveCount(0);
  await expect(page.locator('.closest-topics')).toContainText('最接近的主题');
  const topic = page.locator('.closest-topics a').first();
  await expect(topic).toBeVisible();
  await topic.click();
  await expect(page).toHaveURL(/#\/notes\/[a-z0-9-]+$/);
});

test('a linked search shows its results; the expected question comes first', async ({ page }) => {
  const cases: [string, RegExp][] = [
    ['TIME_WAIT', /^TIME_WAIT 状态是什么/],
    ['gil', /GIL/],
    ['幂等', /^什么是幂等/],
  ];
  for (const [q, first] of cases) {
    await open(page, '#/search?q=' + encodeURIComponent(q));
    await expect(page.locator('.search-results .hit-title').first(), q).toHaveText(first);
  }
  // Clearing the box goes back to the contents; the URL follows.
  const box = page.getByRole('searchbox', { name: '搜索笔记' });
  await box.fill('');
  await expect(page).toHaveURL(/#\/search$/);
  await expect(page.locator('.toc-topic').first()).toBeVisible();
  await box.fill('qqqzzz');
  await expect(page.locator('.result-count')).toContainText('没有找到');
});

test('typing on the contents page keeps focus as the URL becomes a search', async ({ page }) => {
  await open(page, '#/notes');
  const box = page.getByRole('searchbox', { name: '搜索笔记' });
  await expect(box).not.toBeFocused();
  // `/` focuses the box and is not typed into it.
  await page.keyboard.press('/');
  await expect(box).toBeFocused();
  await expect(box).toHaveValue('');
  await page.keyboard.type('装饰');
  await expect(page).toHaveURL(/#\/search\?q=/);
  await expect(box).toBeFocused();
  await page.keyboard.type('器');
  await expect(box).toHaveValue('装饰器');
  await expect(page.locator('.search-results .hit-title').first()).toContainText('装饰器');
});

test('an input method: pinyin is not searched, the composed characters are', async ({ page }) => {
  await open(page, '#/notes');
  await page.getByRole('searchbox', { name: '搜索笔记' }).focus();
  await page.evaluate(() => {
    const el = document.getElementById('search-input') as HTMLInputElement;
    el.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
    el.value = 'sanci';
    el.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true, data: 'sanci' }));
  });
  await page.waitForTimeout(300);
  await expect(page).toHaveURL(/#\/notes$/);
  await page.evaluate(() => {
    const el = document.getElementById('search-input') as HTMLInputElement;
    el.value = '三次';
    el.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true, data: '三次' }));
    el.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '三次' }));
  });
  await expect(page).toHaveURL(/#\/search\?q=%E4%B8%89%E6%AC%A1$/);
  await expect(page.locator('.search-results li').first()).toBeVisible();
});

test('unknown topic and question ids explain and offer what exists', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page, '#/notes/no-such-topic');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('找不到这个主题');
  await page.getByRole('link', { name: /计算机网络/ }).click();
  await expect(page).toHaveURL(/#\/notes\/networking$/);

  await open(page, '#/notes/networking/no-such-id');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('找不到这道题');
  await expect(page.getByRole('link', { name: 'TCP 的三次握手过程' })).toBeVisible();

  // A known id under the wrong topic is shown, and the URL corrected.
  await open(page, '#/notes/linux/tcp-handshake');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('TCP 的三次握手过程');
  await expect(page).toHaveURL(/#\/notes\/networking\/tcp-handshake$/);
  expect(errors).toEqual([]);
});

test('answers: external links open safely in a new tab, code is highlighted', async ({ page }) => {
  await open(page, '#/notes/python-basics/decorator');
  const code = page.locator('.code-block').first();
  await expect(code.locator('.code-lang')).toHaveText('Python');
  await expect(code.locator('.tok-kw').first()).toBeVisible();
  await open(page, '#/notes/networking/address-in-use');
  const ext = page.locator('.answer a.ext').first();
  await expect(ext).toHaveAttribute('target', '_blank');
  await expect(ext).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(ext.locator('.visually-hidden')).toHaveText('（外部链接）');
});

test('the personal section of the seeds is in no built file', async () => {
  // Digests, not the strings: see src/notes/privacy.rs.
  const { digests } = JSON.parse(fs.readFileSync('tests/fixtures/personal-digests.json', 'utf8'));
  const fnv1a32 = (b: Buffer, from: number, to: number) => {
    let h = 0x811c9dc5;
    for (let i = from; i < to; i++) h = Math.imul(h ^ b[i], 0x01000193) >>> 0;
    return h;
  };
  expect(fnv1a32(Buffer.from('a'), 0, 1)).toBe(0xe40c292c);
  const dist = path.resolve('dist');
  const files = fs.readdirSync(dist).filter((f) => fs.statSync(path.join(dist, f)).isFile());
  expect(files.some((f) => f.endsWith('.wasm'))).toBe(true);
  for (const f of files) {
    const bytes = fs.readFileSync(path.join(dist, f));
    for (const d of digests) {
      const want = parseInt(d.fnv1a32, 16);
      for (let at = 0; at + d.bytes <= bytes.length; at++) {
        if (fnv1a32(bytes, at, at + d.bytes) === want) throw new Error(`${f} carries personal data at byte ${at}`);
      }
    }
  }
});

test.describe('axe on the reader pages', () => {
  // axe is injected as a script: allow it past the page's CSP.
  test.use({ bypassCSP: true });
  for (const theme of ['light', 'dark'] as const) {
    test(`no violations on topic, question (tables, code) and not-found pages, ${theme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.setViewportSize(DESKTOP);
      const routes = ['#/notes/networking', '#/notes/networking/tcp-handshake', '#/notes/python-basics/decorator',
        '#/notes/no-such-topic', '#/notes/networking/no-such-id'];
      await open(page, '#/notes/networking');
      const tables = await page.getByRole('link', { name: 'HTTP 常见的状态码有哪些？' }).getAttribute('href');
      routes.push(tables!);
      const failures: string[] = [];
      for (const route of routes) {
        await open(page, route);
        await page.waitForTimeout(150);
        await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
        const violations = await page.evaluate(async () => {
          // @ts-expect-error axe is injected above
          const r = await window.axe.run(document, { resultTypes: ['violations'] });
          return r.violations.map((v: { id: string; nodes: { target: string[] }[] }) =>
            `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        });
        for (const v of violations) failures.push(`${route} → ${v}`);
      }
      expect(failures).toEqual([]);
    });
  }
});

for (const theme of ['light', 'dark'] as const) {
  test(`notes screenshots, phone and desktop, ${theme}`, async ({ page }) => {
    const errors = watchErrors(page);
    await withTheme(page, theme);
    for (const [size, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
      await page.setViewportSize(viewport);
      await open(page, '#/notes');
      await shot(page, `notes-toc-${size}-${theme}`);
      await expectNoOverflow(page);

      // The longest answer with tables (status codes).
      await open(page, '#/notes/networking');
      await page.getByRole('link', { name: 'HTTP 常见的状态码有哪些？' }).click();
      await expect(page.locator('.answer .table-wrap').first()).toBeVisible();
      await shot(page, `notes-tables-${size}-${theme}`);
      await expectNoOverflow(page);

      // Code blocks (decorators).
      await open(page, '#/notes/python-basics/decorator');
      await expect(page.locator('.answer .code-block').first()).toBeVisible();
      await shot(page, `notes-code-${size}-${theme}`);
      await expectNoOverflow(page);

      await open(page, '#/search?q=' + encodeURIComponent('三次握手'));
      await expect(page.locator('.search-results li').first()).toBeVisible();
      await shot(page, `notes-search-${size}-${theme}`);
      await expectNoOverflow(page);
    }
    expect(errors).toEqual([]);
  });
}
