// Runs anywhere static: under a sub-path, embedded in a blog post (also in a
// sandboxed iframe), offline after one visit, installable, and updated only
// when the user accepts.
import { test, expect, chromium, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { open, watchErrors } from './helpers';

const SUB = 'http://127.0.0.1:8182/notes/study/';
// One route or more of every bundle (src/bundle.rs).
const ROUTES = ['#/', '#/notes', '#/review', '#/stats', '#/tcp/handshake', '#/algo/quick-sort', '#/search', '#/settings',
  '#/net/tls13', '#/py/copies'];

async function swReady(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
  // The service worker has cached the bundles this page asked for.
  await expect(page.locator('html[data-offline-ready]')).toHaveCount(1, { timeout: 15_000 });
}

test('served under a sub-path, every route works', async ({ page }) => {
  const errors = watchErrors(page);
  for (const route of ROUTES) {
    await page.goto(SUB + route);
    await expect(page.locator('#boot')).toHaveCount(0);
    await expect(page.locator('#main h1').first(), route).toBeVisible();
  }
  // Nothing the page asks for is missing under the sub-path. (Requests that a
  // navigation aborts are not failures, so responses are checked, not
  // request failures.)
  const missing: string[] = [];
  page.on('response', (r) => { if (r.status() >= 400) missing.push(`${r.status()} ${r.url()}`); });
  await page.reload();
  await expect(page.locator('#main h1').first()).toBeVisible();
  await page.waitForLoadState('load');
  expect(missing).toEqual([]);
  expect(errors).toEqual([]);
});

test('every URL in the build is relative', async () => {
  const html = fs.readFileSync('dist/index.html', 'utf8');
  expect(html).not.toMatch(/(?:href|src)="\//);
  const manifest = JSON.parse(fs.readFileSync('dist/manifest.webmanifest', 'utf8'));
  expect(manifest.start_url).toBe('./');
  expect(manifest.scope).toBe('./');
});

test('the blog example: both embeds render without a scrollbar, resized by embed.js', async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 900 });
  await page.goto('examples/blog.html');
  for (const id of ['tcp', 'algo']) {
    const frame = page.frameLocator(`#${id}`);
    await expect(frame.locator('#main h1').first()).toBeVisible({ timeout: 15_000 });
    await expect(frame.locator('.site-header')).toHaveCount(0);
    await expect(frame.locator('.embed-bar a')).toBeVisible();
    // embed.js has set the iframe to the widget's height: no inner scrollbar.
    await expect.poll(async () => {
      const h = await page.locator(`#${id}`).evaluate((f: HTMLIFrameElement) => f.getBoundingClientRect().height);
      const inner = await page.locator(`#${id}`).evaluate((f: HTMLIFrameElement) => {
        const d = f.contentDocument!.documentElement;
        return d.scrollHeight - d.clientHeight;
      });
      return h > 150 && inner <= 1;
    }, { timeout: 10_000 }).toBe(true);
  }
});

test('embed.js ignores height messages from elsewhere', async ({ page }) => {
  await page.goto('examples/blog.html');
  await expect(page.frameLocator('#tcp').locator('#main h1').first()).toBeVisible({ timeout: 15_000 });
  await page.waitForTimeout(300);
  const before = await page.locator('#tcp').evaluate((f) => f.style.height);
  await page.evaluate(() => window.postMessage({ type: 'mianjing:height', height: 5000 }, '*'));
  await page.waitForTimeout(200);
  expect(await page.locator('#tcp').evaluate((f) => f.style.height)).toBe(before);
});

test('a sandboxed iframe (no same-origin) works in memory and says so in one line', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('examples/sandboxed.html');
  const frame = page.frameLocator('#boxed');
  await expect(frame.locator('#main h1').first()).toBeVisible({ timeout: 15_000 });
  await expect(frame.locator('.notice-text')).toHaveText('此处不能保存：进度只在内存中。');
  expect(errors.filter((e) => !e.includes('sandbox'))).toEqual([]);
});

test('installable: Chromium reports no installability errors', async ({ baseURL }) => {
  // A persistent profile: Chromium never offers to install from incognito.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'mianjing-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const page = context.pages()[0] ?? await context.newPage();
    await page.goto(baseURL + '#/');
    await expect(page.locator('#main h1').first()).toBeVisible();
    await swReady(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});

test('offline after one visit: the app starts and every route works', async ({ page, context }) => {
  await open(page, '#/');
  await swReady(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('#boot')).toHaveCount(0);
  for (const route of ROUTES) {
    await page.goto(route);
    await expect(page.locator('#main h1').first(), route).toBeVisible();
  }
  // A card reviewed offline is saved and still there after a reload.
  await page.goto('#/review');
  const question = await page.locator('.card-question').innerText();
  await page.keyboard.press('Space');
  await expect(page.locator('.grades')).toBeVisible();
  await page.keyboard.press('3');
  await expect(page.locator('.card-question')).not.toHaveText(question);
  const graded = () => page.evaluate(() => {
    const raw = localStorage.getItem('mianjing.progress');
    return raw ? Object.keys(JSON.parse(raw).data.log.cards).length : 0;
  });
  await expect.poll(graded).toBe(1);
  await page.reload();
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.locator('.review .counts .count.learning .count-n')).toHaveText('1');
  expect(await graded()).toBe(1);
  await context.setOffline(false);
});

test.describe('a new build', () => {
  let dir = '';
  let server: ChildProcess;
  const PORT = 8186;

  test.beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mianjing-update-'));
    fs.cpSync('dist', dir, { recursive: true });
    server = spawn('node', ['tools/serve.mjs', '--dir', dir, '--port', String(PORT)], { stdio: ['ignore', 'pipe', 'ignore'] });
    await new Promise((r) => server.stdout!.once('data', r));
  });
  test.afterAll(() => {
    server?.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('is offered with "reload", and runs after it', async ({ page }) => {
    const base = `http://127.0.0.1:${PORT}/`;
    await page.goto(base + '#/');
    await expect(page.locator('#main h1').first()).toBeVisible();
    await swReady(page);
    // One file changes, and the service worker is regenerated from dist.
    const index = path.join(dir, 'index.html');
    fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('<title>', '<meta name="build" content="2">\n  <title>'));
    const { writeServiceWorker } = await import('../../tools/sw-manifest.mjs');
    writeServiceWorker(dir);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const banner = page.locator('.update-banner');
    await expect(banner).toContainText('新版本', { timeout: 15_000 });
    expect(await page.locator('meta[name="build"]').count()).toBe(0);
    await banner.getByRole('button', { name: '重新加载' }).click();
    await expect(page.locator('meta[name="build"]')).toHaveCount(1, { timeout: 15_000 });
    await expect(page.locator('.update-banner')).toHaveCount(0);
  });
});

test('an embedded diagram works offline after one visit, having cached its own bundle only', async ({ page, context }) => {
  await page.goto('./#/tcp/handshake?embed');
  await expect(page.locator('#boot')).toHaveCount(0);
  await swReady(page);
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const files = (await Promise.all(names.map(async (n) => (await (await caches.open(n)).keys()).map((r) => r.url)))).flat();
    return files.map((u) => new URL(u).pathname.split('/').pop()!).filter((f) => /^[a-z_]+-[0-9a-f]{16}(_bg\.wasm|\.js|\.css)$/.test(f) && !f.startsWith('boot-'));
  });
  expect(cached.map((f) => f.split('-')[0]).sort()).toEqual(['tcp_embed_zh', 'tcp_embed_zh', 'tcp_embed_zh']);
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.locator('.tcp-badge-state').first()).toBeVisible();
  await context.setOffline(false);
});

test('an embed that keeps progress says its progress is its own', async ({ page }) => {
  await open(page, '#/review?embed');
  await expect(page.locator('.embed-own-progress')).toContainText('嵌入页的进度单独保存');
  // Embed mode holds for the page's life; a fresh load of the full app has no note.
  await open(page, '#/review');
  await expect(page.locator('.embed-own-progress')).toBeVisible();
  await page.reload();
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.locator('.site-header')).toBeVisible();
  await expect(page.locator('.embed-own-progress')).toHaveCount(0);
});
