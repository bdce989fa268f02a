// The TCP diagrams: stepping through the handshake, the sandbox (drop a
// segment, see it retransmitted), playback with and without motion, the
// number display, not-found and index pages, and screenshots at desktop and
// phone size in both themes.
import { test, expect, type Page } from '@playwright/test';
import { open, shot, watchErrors, withTheme, PHONE, DESKTOP } from './helpers';

const clientState = (page: Page) => page.locator('.tcp-badge-state[data-side="client"]');
const serverState = (page: Page) => page.locator('.tcp-badge-state[data-side="server"]');
const position = (page: Page) => page.locator('.player-pos');

async function step(page: Page, n: number) {
  for (let i = 0; i < n; i++) await page.keyboard.press('ArrowRight');
}

async function expectNoOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('stepping through the handshake, both sides reach ESTABLISHED', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page, '#/tcp/handshake');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('三次握手');
  await expect(page).toHaveTitle(/三次握手/);
  await expect(clientState(page)).toHaveAttribute('data-state', 'CLOSED');
  await expect(serverState(page)).toHaveAttribute('data-state', 'CLOSED');
  await expect(position(page)).toHaveText('第 0 / 17 步');

  await step(page, 2); // listen(), CLOSED → LISTEN
  await expect(serverState(page)).toHaveAttribute('data-state', 'LISTEN');
  await step(page, 3); // connect(), SYN-SENT, the SYN leaves
  await expect(clientState(page)).toHaveAttribute('data-state', 'SYN-SENT');
  await expect(page.locator('.tcp-caption-text')).toContainText('客户端发出 SYN seq=0');
  await expect(page.locator('.tcp-seg[data-seg="0"]')).toHaveCount(1);
  await step(page, 3); // timer, SYN arrives, SYN-RECEIVED
  await expect(serverState(page)).toHaveAttribute('data-state', 'SYN-RECEIVED');
  await step(page, 5); // SYN-ACK out, timer, arrives, timer cancelled, ESTABLISHED
  await expect(clientState(page)).toHaveAttribute('data-state', 'ESTABLISHED');
  await expect(serverState(page)).toHaveAttribute('data-state', 'SYN-RECEIVED');
  await step(page, 4);
  await expect(serverState(page)).toHaveAttribute('data-state', 'ESTABLISHED');
  await expect(position(page)).toHaveText('第 17 / 17 步');
  await expect(page.locator('.tcp-caption-text')).toContainText('SYN-RECEIVED → ESTABLISHED');

  // ← goes back, and the table marks the current row.
  await page.keyboard.press('ArrowLeft');
  await expect(serverState(page)).toHaveAttribute('data-state', 'SYN-RECEIVED');
  await expect(page.locator('.tcp-table tr[aria-current="step"]')).toContainText('服务器停止重传计时器');
  expect(errors).toEqual([]);
});

test('sandbox: dropping the SYN brings a retransmission, and the link keeps the drop', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page, '#/tcp/handshake');
  await page.keyboard.press('End');
  await expect(page.locator('.tcp-seg.rtx')).toHaveCount(0);

  await page.locator('.tcp-label[data-seg="0"]').click();
  await expect(page).toHaveURL(/drop=0/);
  // The run continues from the segment just dropped.
  await expect(position(page)).toHaveText('第 5 / 21 步');
  await step(page, 2);
  await expect(page.locator('.tcp-caption-text')).toContainText('网络丢失了 SYN seq=0');
  await expect(page.locator('.tcp-seg.lost .tcp-cross')).toHaveCount(1);
  await step(page, 2);
  await expect(page.locator('.tcp-caption-text')).toContainText('客户端超时重传（第 1 次）');
  await page.keyboard.press('End');
  await expect(page.locator('.tcp-seg.rtx')).toHaveCount(1);
  await expect(clientState(page)).toHaveAttribute('data-state', 'ESTABLISHED');
  await expect(serverState(page)).toHaveAttribute('data-state', 'ESTABLISHED');

  // The keyboard's way in: the table's buttons. Drop the SYN-ACK too.
  await page.getByRole('button', { name: '丢弃 SYN, ACK seq=0 ack=1' }).first().click();
  await expect(page).toHaveURL(/drop=0,2/);
  await page.keyboard.press('End');
  await expect(page.locator('.tcp-table')).toContainText('服务器超时重传（第 1 次）');

  // Reload: the URL alone reproduces the run; undo clears it.
  await page.reload();
  await expect(page.locator('#boot')).toHaveCount(0); // the app has started
  await expect(position(page)).toHaveText(/^第 0 \//);
  await expect(page.locator('.tcp-seg.lost')).toHaveCount(0); // at step 0 nothing is sent yet
  await page.keyboard.press('End');
  await expect(page.locator('.tcp-seg.lost')).toHaveCount(2);
  await page.getByRole('button', { name: '恢复原样' }).click();
  await expect(page).not.toHaveURL(/drop=/);
  await expect(position(page)).toHaveText('第 0 / 17 步');
  expect(errors).toEqual([]);
});

test('restoring a scripted loss: syn-lost without its loss is a plain handshake', async ({ page }) => {
  await open(page, '#/tcp/syn-lost');
  await page.keyboard.press('End');
  await expect(page.locator('.tcp-seg.lost')).toHaveCount(1);
  // The arrow itself is a target too (its label covers its middle).
  await page.locator('.tcp-seg[data-seg="0"] .tcp-hit').dispatchEvent('click');
  await expect(page).toHaveURL(/drop=0/);
  await page.keyboard.press('End');
  await expect(page.locator('.tcp-seg.lost')).toHaveCount(0);
  await expect(position(page)).toHaveText('第 17 / 17 步');
});

/** Samples the diagram's clock while the handshake plays at 1×. */
async function sampleClock(page: Page): Promise<number[]> {
  await page.getByLabel('速度').selectOption('4');
  await page.getByRole('button', { name: '播放（空格）' }).click();
  const seen: number[] = [];
  for (let i = 0; i < 40; i++) {
    const t = await page.locator('.tcp-now text').textContent();
    seen.push(Number((t ?? '').replace(/[^0-9]/g, '')));
    await page.waitForTimeout(60);
  }
  return seen;
}

test('playback tweens between events, and steps without motion when asked', async ({ page }) => {
  const eventTimes = new Set([0, 100, 200, 300]);
  await open(page, '#/tcp/handshake');
  const smooth = await sampleClock(page);
  expect(smooth.some((t) => !eventTimes.has(t))).toBe(true);

  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.reload();
  await expect(page.locator('.tcp-diagram')).toBeVisible();
  const stepped = await sampleClock(page);
  expect(stepped.every((t) => eventTimes.has(t))).toBe(true);
  expect(new Set(stepped).size).toBeGreaterThan(1);
});

test('playing to the end at full speed', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page, '#/tcp/transfer');
  await page.getByLabel('速度').selectOption('64');
  await page.keyboard.press('Space');
  await expect(position(page)).toHaveText(/^第 (\d+) \/ \1 步$/, { timeout: 10_000 });
  await expect(clientState(page)).toHaveAttribute('data-state', 'CLOSED');
  await expect(serverState(page)).toHaveAttribute('data-state', 'CLOSED');
  expect(errors).toEqual([]);
});

test('absolute sequence numbers, and English', async ({ page }) => {
  await open(page, '#/tcp/handshake?lang=en');
  await page.keyboard.press('End');
  await expect(page.locator('.tcp-label').nth(1)).toContainText('seq=0');
  await page.getByLabel('Absolute').check();
  await expect(page).toHaveURL(/seq=abs/);
  await expect(page).toHaveURL(/lang=en/);
  await expect(page.locator('.tcp-label').nth(1)).toContainText(/seq=\d{4,}/);
  await expect(page.locator('.tcp-caption-text')).toContainText('The server: SYN-RECEIVED → ESTABLISHED');
  // A new seed gives new numbers.
  const before = await page.locator('.tcp-label').nth(0).textContent();
  await page.getByRole('button', { name: 'New initial sequence numbers' }).click();
  await expect(page).toHaveURL(/seed=\d+/);
  await page.keyboard.press('End');
  await expect(page.locator('.tcp-label').nth(0)).not.toHaveText(before ?? '');
});

test('the scenario menu, the index and an unknown id', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page, '#/tcp');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('TCP 动画');
  await expect(page.locator('.tcp-scenario-link')).toHaveCount(13);
  await page.getByRole('link', { name: /同时关闭/ }).click();
  await expect(page).toHaveURL(/#\/tcp\/simultaneous-close$/);
  await page.getByLabel('选择场景').selectOption('last-ack-lost');
  await expect(page).toHaveURL(/#\/tcp\/last-ack-lost$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('TIME-WAIT');

  await open(page, '#/tcp/no-such-thing');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('没有这个场景');
  await expect(page.getByRole('alert')).toContainText('no-such-thing');
  await expect(page.locator('.tcp-scenario-link')).toHaveCount(13);
  expect(errors).toEqual([]);
});

test('Space on the focused legend opens it and does not start playback', async ({ page }) => {
  await open(page, '#/tcp/handshake');
  const legend = page.locator('details').filter({ has: page.locator('summary', { hasText: '图例' }) });
  await legend.locator('summary').focus();
  await page.keyboard.press('Space');
  await expect(legend).toHaveAttribute('open', '');
  await expect(page.locator('.player-play')).toHaveAttribute('data-playing', 'false');
  await expect(position(page)).toHaveText(/^第 0 \//);
});

test('Enter on a drop toggle, then Enter again, restores the same segment', async ({ page }) => {
  await open(page, '#/tcp/handshake');
  await page.locator('.tcp-table button.tcp-toggle[data-seg="0"]').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\?drop=0$/);
  const focused = page.locator('.tcp-table button.tcp-toggle:focus');
  await expect(focused).toHaveAttribute('data-seg', '0');
  await expect(focused).toHaveText('恢复');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/tcp\/handshake$/);
});

test('links to the questions the scenario answers', async ({ page }) => {
  await open(page, '#/tcp/teardown');
  const notes = page.getByRole('navigation', { name: '笔记里的相关问题' });
  await notes.getByRole('link', { name: 'TCP 的四次挥手过程' }).click();
  await expect(page).toHaveURL(/#\/notes\/networking\/tcp-teardown$/);
});

for (const theme of ['light', 'dark'] as const) {
  test(`screenshots, ${theme}: desktop and phone, nothing overflows`, async ({ page }) => {
    await withTheme(page, theme);
    for (const [size, name] of [[DESKTOP, 'desktop'], [PHONE, 'phone']] as const) {
      await page.setViewportSize(size);
      await open(page, '#/tcp/last-ack-lost');
      await step(page, 42);
      await expectNoOverflow(page);
      await shot(page, `tcp-last-ack-lost-${name}-${theme}`);
      await open(page, '#/tcp/transfer');
      await page.keyboard.press('End');
      await expectNoOverflow(page);
      await shot(page, `tcp-transfer-${name}-${theme}`);
    }
    await page.setViewportSize(PHONE);
    await open(page, '#/tcp/old-syn?seq=abs');
    await step(page, 22);
    await expectNoOverflow(page);
    await shot(page, `tcp-old-syn-abs-phone-${theme}`);
  });
}
