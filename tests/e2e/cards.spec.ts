// Flashcards: reviewing by keyboard, undo, progress that survives reloads,
// two tabs, spoiled storage, import and export.
import { test, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import { open, shot, watchErrors, withTheme, PHONE, DESKTOP } from './helpers';

const KEY = 'mianjing.progress';

/** The three counts of the review page (new, learning, due). */
async function counts(page: Page) {
  const n = async (cls: string) =>
    Number(await page.locator(`.review .counts .count.${cls} .count-n`).innerText());
  return { new: await n('new'), learning: await n('learning'), due: await n('due') };
}

/** Shows the answer and grades the current card with the keyboard. */
async function gradeWithKeys(page: Page, key: '1' | '2' | '3' | '4') {
  const question = await page.locator('.card-question').innerText();
  await page.keyboard.press('Space');
  await expect(page.locator('.grades')).toBeVisible();
  await page.keyboard.press(key);
  // The grade was taken: the answer and its buttons are gone.
  await expect(page.locator('.grades')).toHaveCount(0);
  return question;
}

/** Grades of the stored log, as [card, grade] pairs. */
async function storedGrades(page: Page): Promise<[string, number][]> {
  return page.evaluate((key) => {
    const raw = localStorage.getItem(key);
    if (!raw) return [];
    const cards = JSON.parse(raw).data.log.cards as Record<string, [number, number][]>;
    return Object.entries(cards).flatMap(([id, events]) =>
      events.filter((e) => e[1] >= 1 && e[1] <= 4).map((e) => [id, e[1]] as [string, number]));
  }, KEY);
}

test('review three cards with the keyboard; a reload keeps the counts', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page, '#/review');
  const before = await counts(page);
  expect(before.new).toBe(20);
  const seen = new Set<string>();
  for (let i = 0; i < 3; i++) {
    const q = await gradeWithKeys(page, '3');
    seen.add(q);
    await expect(page.locator('.review .counts .count.new .count-n')).toHaveText(String(before.new - i - 1));
  }
  expect(seen.size).toBe(3);
  const after = await counts(page);
  expect(after).toEqual({ new: before.new - 3, learning: 3, due: 0 });
  await expect.poll(async () => (await storedGrades(page)).length).toBe(3);
  await page.reload();
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.locator('.review .counts')).toBeVisible();
  expect(await counts(page)).toEqual(after);
  expect(errors).toEqual([]);
});

test('the grade buttons show the interval each would give', async ({ page }) => {
  await open(page, '#/review');
  await page.getByRole('button', { name: /显示答案/ }).click();
  const when = await page.locator('.grade-when').allInnerTexts();
  expect(when).toEqual(['1分钟', '6分钟', '10分钟', '8天']);
  await expect(page.locator('.card-answer .prose')).not.toBeEmpty();
  await expect(page.getByRole('link', { name: /在笔记中查看/ })).toHaveAttribute('href', /^#\/notes\/[^/]+\/[^/]+$/);
});

test('undo (z and the button) goes back through the session', async ({ page }) => {
  await open(page, '#/review');
  const start = await counts(page);
  const first = await gradeWithKeys(page, '4');
  const second = await gradeWithKeys(page, '1');
  expect(second).not.toBe(first);
  await page.keyboard.press('z');
  await expect(page.locator('.card-question')).toHaveText(second);
  await page.getByRole('button', { name: /撤销/ }).click();
  await expect(page.locator('.card-question')).toHaveText(first);
  expect(await counts(page)).toEqual(start);
  await expect(page.getByRole('button', { name: /撤销/ })).toBeDisabled();
  // The log keeps the grades and the undos; replaying it gives the same.
  await page.reload();
  await expect(page.locator('.review .counts')).toBeVisible();
  expect(await counts(page)).toEqual(start);
});

test('a grade key pressed twice grades one card once', async ({ page }) => {
  await open(page, '#/review');
  await page.keyboard.press('Space');
  await expect(page.locator('.grades')).toBeVisible();
  await Promise.all([page.keyboard.press('3'), page.keyboard.press('3'), page.keyboard.press('4')]);
  await expect(page.locator('.grades')).toHaveCount(0);
  await expect.poll(async () => (await storedGrades(page)).length).toBe(1);
  expect((await counts(page)).learning).toBe(1);
});

test('two tabs grading different cards: both reviews survive', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  const errors = [...watchErrors(a), ...watchErrors(b)];
  await open(a, '#/review');
  // Tab b studies another topic, so the two grade different cards.
  await open(b, '#/review');
  const topics = await b.locator('.topic-filter option').evaluateAll((os) =>
    os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  await b.locator('.topic-filter select').selectOption(topics[topics.length - 1]);
  await expect(b).toHaveURL(/topic=/);
  const seen: string[] = [];
  for (let i = 0; i < 3; i++) {
    seen.push('a:' + await gradeWithKeys(a, '3'));
    seen.push('b:' + await gradeWithKeys(b, '3'));
  }
  expect(new Set(seen.map((q) => q.slice(2))).size, seen.join(' / ')).toBe(6);
  // Tab a hears about tab b's reviews through the storage event.
  await expect(a.locator('.review .counts .count.learning .count-n')).toHaveText('6');
  // And all six are stored, whichever tab wrote last.
  await expect.poll(async () => (await storedGrades(a)).length).toBe(6);
  const c = await context.newPage();
  await open(c, '#/review');
  expect((await counts(c)).learning).toBe(6);
});

test('spoiled progress: a notice, the original backed up, the valid part kept', async ({ browser }) => {
  // Make real progress first, then cut its stored text short.
  const setup = await browser.newContext();
  const p = await setup.newPage();
  await open(p, '#/review');
  await gradeWithKeys(p, '3');
  await gradeWithKeys(p, '3');
  await expect.poll(async () => (await storedGrades(p)).length).toBe(2);
  const whole = (await p.evaluate((key) => localStorage.getItem(key), KEY))!;
  await setup.close();
  const cut = whole.slice(0, whole.indexOf('"settings"') - 2);

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(([key, value]) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, value);
      sessionStorage.setItem('seeded', '1');
    }
  }, [KEY, cut]);
  const errors = watchErrors(page);
  await open(page, '#/review');
  await expect(page.locator('.notice')).toContainText('有 ');
  const backups = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('mianjing.backup.progress.')).map((k) => localStorage.getItem(k)));
  expect(backups).toEqual([cut]);
  // The two reviews before the cut are still there, and the app works.
  expect((await counts(page)).learning).toBe(2);
  await gradeWithKeys(page, '3');
  await expect(page.locator('.review .counts .count.learning .count-n')).toHaveText('3');
  expect(errors).toEqual([]);
  await context.close();
});

test('a bad import file: a clear message and nothing changes', async ({ page }, testInfo) => {
  await open(page, '#/review');
  await gradeWithKeys(page, '3');
  const before = await counts(page);
  await expect.poll(async () => (await storedGrades(page)).length).toBe(1);
  const stored = await page.evaluate((key) => localStorage.getItem(key), KEY);
  await open(page, '#/settings');
  const input = page.locator('#import-file');
  const bad: [string, string | Buffer, RegExp][] = [
    ['notes.txt', 'this is not json', /不是有效的 JSON/],
    ['other.json', '{"hello": 1}', /不是面经导出的进度文件/],
    ['future.json', '{"format":"mianjing-progress","version":9,"log":{"v":1,"cards":{}}}', /更新版本/],
    ['strangers.json', '{"format":"mianjing-progress","version":1,"log":{"v":1,"cards":{"no-such-card":[[1795000000000,3]]}}}', /都不在这份笔记里/],
    ['types.json', '{"format":"mianjing-progress","version":1,"log":{"v":1,"cards":{"x":"oops"}}}', /文件内容有误/],
  ];
  // 50 MB: too big to hand over as a buffer, so from a file.
  const huge = testInfo.outputPath('huge.json');
  fs.writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, 32));
  for (const [name, content, message] of [...bad, ['huge.json', huge, /文件太大（50.0 MB）/] as const]) {
    if (name === 'huge.json') await input.setInputFiles(content as string);
    else await input.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
    await expect(page.locator('.import-error')).toContainText(message);
    await expect(page.locator('.import-error')).toContainText('没有做任何改动');
  }
  expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBe(stored);
  await open(page, '#/review');
  expect(await counts(page)).toEqual(before);
});

test('export, then import in a fresh browser: the same counts', async ({ browser }, testInfo) => {
  const first = await browser.newContext({ acceptDownloads: true });
  const a = await first.newPage();
  await open(a, '#/review');
  for (const key of ['3', '4', '1'] as const) await gradeWithKeys(a, key);
  const countsA = await counts(a);
  await open(a, '#/settings');
  const [download] = await Promise.all([
    a.waitForEvent('download'),
    a.getByRole('button', { name: '导出进度' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^mianjing-progress-\d{4}-\d\d-\d\d\.json$/);
  const file = testInfo.outputPath('progress.json');
  await download.saveAs(file);
  const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(exported.format).toBe('mianjing-progress');
  await expect(a.locator('.transfer')).toContainText('上次导出');
  await first.close();

  const second = await browser.newContext();
  const b = await second.newPage();
  await open(b, '#/settings');
  await b.locator('#import-file').setInputFiles(file);
  await expect(b.locator('.import-preview')).toContainText('新增 3 次复习记录');
  await b.getByRole('button', { name: '合并导入' }).click();
  await expect(b.locator('.import-done')).toBeVisible();
  await expect(b.locator('.backups li')).toHaveCount(1);
  await open(b, '#/review');
  expect(await counts(b)).toEqual(countsA);
  // Importing the same file again adds nothing.
  await open(b, '#/settings');
  await b.locator('#import-file').setInputFiles(file);
  await expect(b.locator('.import-preview')).toContainText('这里都已经有了');
  await second.close();
});

test('an interview date: countdown on the home page, raised quota said', async ({ page }) => {
  await open(page, '#/settings');
  const soon = new Date(Date.now() + 6 * 86_400_000);
  const iso = `${soon.getFullYear()}-${String(soon.getMonth() + 1).padStart(2, '0')}-${String(soon.getDate()).padStart(2, '0')}`;
  await page.locator('#set-interview').fill(iso);
  await page.locator('#set-interview').dispatchEvent('change');
  await expect(page.getByRole('button', { name: '清除日期' })).toBeVisible();
  await open(page, '#/');
  const panel = page.locator('.due-panel');
  await expect(panel.locator('.interview-days')).toContainText('距离面试还有');
  await expect(panel).toContainText('还没学的卡片');
  await expect(panel).toContainText('预计面试当天能回忆');
  // All cards within two days: more than 20 a day.
  await expect(panel.locator('.callout')).toContainText('今天的新卡片上限从 20 张提高到');
  await panel.getByRole('link', { name: '开始复习' }).click();
  await expect(page).toHaveURL(/#\/review/);
  expect((await counts(page)).new).toBeGreaterThan(20);
});

test('Space and Enter on a focused card control act on that control, not on the answer', async ({ page }) => {
  await open(page, '#/review');
  const q = await page.locator('.card-question').innerText();
  await page.getByRole('button', { name: /标记有误/ }).focus();
  await page.keyboard.press('Space');
  await expect(page.locator('.card-flagged')).toBeVisible();
  await expect(page.locator('#card-answer'), 'the answer stays hidden').toHaveCount(0);
  await page.getByRole('button', { name: '暂停这张卡片' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.card-question')).not.toHaveText(q);
  // Elsewhere, Space still shows the answer.
  await page.locator('#main').focus();
  await page.keyboard.press('Space');
  await expect(page.locator('#card-answer')).toBeVisible();
});

test('suspend and flag: the card leaves the queue and is listed in the stats', async ({ page }) => {
  await open(page, '#/review');
  const before = await counts(page);
  await page.getByRole('button', { name: /标记有误/ }).click();
  await expect(page.locator('.card-flagged')).toBeVisible();
  const q = await page.locator('.card-question').innerText();
  await page.getByRole('button', { name: '暂停这张卡片' }).click();
  await expect(page.locator('.card-question')).not.toHaveText(q);
  await open(page, '#/stats');
  await expect(page.locator('.card-list').first()).toContainText(q);
  await expect(page.locator('.card-list').nth(1)).toContainText(q);
  await page.locator('.card-list').nth(1).getByRole('button', { name: '恢复' }).click();
  await open(page, '#/review');
  expect((await counts(page)).new).toBe(before.new);
});

// A study day starts at 04:00 (src/cards): the next card, due at the start
// of the next study day, is "tomorrow 04:00" by day and "today 04:00" after
// midnight. The clock is fixed so the test does not depend on when it runs.
for (const [hour, when] of [[12, '明天 04:00'], [1, '今天 04:00']] as const) {
  test(`nothing due at ${hour}:00: says when the next card comes (${when}) and offers more new cards`, async ({ page }) => {
    await page.clock.setFixedTime(new Date(2026, 10, 27, hour, 0));
    await nothingDue(page, when, hour === 12);
  });
}

async function nothingDue(page: Page, when: string, screenshot: boolean) {
  await open(page, '#/settings');
  await page.locator('#set-new').fill('1');
  await page.locator('#set-new').press('Enter');
  await page.locator('#set-new').blur();
  await open(page, '#/review');
  await gradeWithKeys(page, '4');
  const done = page.locator('.done');
  await expect(done).toContainText('今天的复习都完成了');
  await expect(done).toContainText(`下一张卡片到期时间：${when}`);
  if (screenshot) await shot(page, 'cards-done-desktop-light');
  await done.getByRole('button', { name: '再学 10 张新卡片' }).click();
  await expect(page.locator('.card-question')).toBeVisible();
  expect((await counts(page)).new).toBe(10);
}

test('"review now" from the reader: ?card= shows that card first', async ({ page }) => {
  await open(page, '#/notes');
  await page.locator('#main a[href^="#/notes/"]').nth(3).click();
  const question = page.locator('#main a[href^="#/notes/"]').filter({ hasNotText: /^$/ });
  const href = (await question.evaluateAll((as) =>
    as.map((a) => a.getAttribute('href')!).filter((h) => h.split('/').length === 4)))[2];
  const id = href.split('/')[3];
  await open(page, `#/review?card=${encodeURIComponent(id)}`);
  await page.getByRole('button', { name: /显示答案/ }).click();
  await expect(page.getByRole('link', { name: /在笔记中查看/ })).toHaveAttribute('href', href);
  await page.keyboard.press('3');
  await expect(page).not.toHaveURL(/card=/);
  await expect(page.getByRole('link', { name: /在笔记中查看/ })).toHaveCount(0);
});

for (const theme of ['light', 'dark'] as const) {
  test(`screenshots, ${theme}`, async ({ page }) => {
    await withTheme(page, theme);
    await page.setViewportSize(DESKTOP);
    await open(page, '#/review');
    await shot(page, `cards-question-desktop-${theme}`);
    await page.keyboard.press('Space');
    await shot(page, `cards-answer-desktop-${theme}`);
    await page.keyboard.press('3');
    await page.setViewportSize(PHONE);
    await page.keyboard.press('Space');
    await shot(page, `cards-answer-phone-${theme}`);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    // Grade buttons are big enough for a thumb.
    const box = await page.locator('.grade').first().boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    expect(box!.width).toBeGreaterThanOrEqual(44);
    await page.keyboard.press('4');
    for (const [route, name] of [['#/stats', 'stats'], ['#/settings', 'settings'], ['#/', 'home']] as const) {
      await open(page, route);
      await shot(page, `cards-${name}-phone-${theme}`);
      expect(await overflow(), route).toBeLessThanOrEqual(0);
      await page.setViewportSize(DESKTOP);
      await shot(page, `cards-${name}-desktop-${theme}`);
      await page.setViewportSize(PHONE);
    }
  });
}

test.describe('accessibility of the states axe cannot reach from a fresh page', () => {
  // axe is injected as a script: allow it past the page's CSP.
  test.use({ bypassCSP: true });

  async function axe(page: Page) {
    await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
    return page.evaluate(async () => {
      // @ts-expect-error axe is injected above
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v: { id: string; nodes: { target: string[] }[] }) =>
        `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    });
  }

  for (const theme of ['light', 'dark'] as const) {
    test(`answer, stats, settings with an import preview: no violations, ${theme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await open(page, '#/review');
      await gradeWithKeys(page, '3');
      await gradeWithKeys(page, '1');
      await page.keyboard.press('Space');
      const found: string[] = [];
      found.push(...(await axe(page)).map((v) => `review answer → ${v}`));
      await open(page, '#/stats');
      found.push(...(await axe(page)).map((v) => `stats → ${v}`));
      await open(page, '#/settings');
      await page.locator('#import-file').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('nope') });
      await expect(page.locator('.import-error')).toBeVisible();
      found.push(...(await axe(page)).map((v) => `settings → ${v}`));
      await open(page, '#/');
      found.push(...(await axe(page)).map((v) => `home → ${v}`));
      expect(found).toEqual([]);
    });
  }
});

test('the forecast axis: one 0 when nothing is due, the busiest day once something is', async ({ page }) => {
  await open(page, '#/stats');
  await expect(page.locator('.forecast .y-zero')).toHaveText('0');
  await expect(page.locator('.forecast .y-max')).toHaveCount(0);
  await open(page, '#/review');
  await gradeWithKeys(page, '4');
  await open(page, '#/stats');
  await expect(page.locator('.forecast .y-max')).toHaveText('1');
});
