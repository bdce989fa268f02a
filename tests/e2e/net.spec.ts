// The networking diagrams: TLS 1.3 stepped to its end (round trips, locks
// on encrypted messages), the sandbox (drop ClientHello, see TCP resend
// it, and the link keep the drop), the WebSocket accept key, the index by
// layer, not-found, and the phone layout.
import { test, expect, type Page } from '@playwright/test';
import { open, shot, watchErrors, PHONE } from './helpers';

const position = (page: Page) => page.locator('.player-pos');
const caption = (page: Page) => page.locator('.net-caption-text');

test('TLS 1.3: the response after three round trips, encrypted messages locked', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page, '#/net/tls13');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('TLS 1.3 完整握手');
  await expect(page.locator('.net-rtt strong')).toHaveText('0');
  await page.keyboard.press('ArrowRight');
  await expect(caption(page)).toContainText('客户端发 SYN');
  await page.keyboard.press('End');
  await expect(page.locator('.net-rtt strong')).toHaveText('3');
  await expect(caption(page)).toContainText('3 个往返');
  // {EncryptedExtensions} {Certificate} {CertificateVerify} {Finished} ×2,
  // [GET /], [200 OK]: each with a drawn lock, not colour alone.
  await expect(page.locator('.net-label.enc .net-lock')).toHaveCount(7);
  await expect(page.locator('.net-label', { hasText: '{Certificate}' })).toHaveCount(1);
  await expect(page.locator('.net-table tr[aria-current="step"]')).toContainText('3 个往返');
  expect(errors).toEqual([]);
});

test('sandbox: dropping ClientHello makes TCP resend it, and the link keeps the drop', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page, '#/net/tls13');
  await page.keyboard.press('End');
  await expect(page.locator('.net-msg.retry')).toHaveCount(0);
  // Messages: SYN 0, SYN-ACK 1, ACK 2, ClientHello 3.
  await page.locator('.net-label[data-msg="3"]').click();
  await expect(page).toHaveURL(/drop=3/);
  await page.keyboard.press('End');
  await expect(page.locator('.net-msg.lost .net-cross')).toHaveCount(1);
  await expect(page.locator('.net-msg.retry')).toHaveCount(1);
  await expect(page.locator('.net-rtt strong')).toHaveText('3');

  // The table's button restores it, from the keyboard.
  await page.locator('.net-table button.net-toggle[data-msg="3"]').focus();
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(/drop=/);
  expect(errors).toEqual([]);
});

test('WebSocket: the accept key is RFC 6455’s', async ({ page }) => {
  await open(page, '#/net/websocket');
  await expect(page.locator('.net-table')).toContainText('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
});

test('the index groups the scenarios by layer and links TCP’s own pages', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page, '#/net');
  await expect(page.locator('.net-layer h2')).toHaveText(['链路层', '传输层', '安全（TLS）', '应用层']);
  await expect(page.locator('.net-scenario-link[href="#/tcp/handshake"]')).toHaveCount(1);
  await page.locator('.net-scenario-link[href="#/net/dns"]').click();
  await expect(page).toHaveURL(/#\/net\/dns$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('DNS 查询与缓存');
  expect(errors).toEqual([]);
});

test('an unknown scenario says so', async ({ page }) => {
  await open(page, '#/net/nope');
  await expect(page.getByRole('alert')).toContainText('nope');
  await expect(page.locator('.net-scenario-link').first()).toBeVisible();
});

test('phone: five DNS lanes scroll inside their box, not the page', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await open(page, '#/net/dns');
  await page.keyboard.press('End');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, 'net-dns-phone');
});
