// `make bench`: sizes and speed of the release build, measured in headless
// Chromium. Budgets live here, not in timed tests. Prints a table and writes
// target/bench.json.
//
// Each file in measures/ adds its figures: it exports
//   async function measure({ browser, baseURL, benchURL, newPage }) -> [{ name, value, unit, budget?, better? }]
// baseURL serves the release build (dist/), what users download; benchURL
// the same build with the `bench` feature (target/dist-bench/, `make bench`
// builds it), whose `?bench` hooks the timing measures call.
// where `better` is "lower" (default) or "higher" and `budget` the goal.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const dist = path.join(root, 'dist');
const benchDist = path.join(root, 'target/dist-bench');
const PORT = 8191;
const baseURL = `http://127.0.0.1:${PORT}/`;
const benchURL = `http://127.0.0.1:${PORT + 1}/`;
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

const gzip = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

function startServer(dir = dist, port = PORT) {
  const proc = spawn('node', [path.join(root, 'tools/serve.mjs'), '--dir', dir, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    proc.stdout.once('data', () => resolve(proc));
    proc.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
}

function fileSizes() {
  return fs.readdirSync(dist).filter((f) => fs.statSync(path.join(dist, f)).isFile()).sort().map((f) => {
    const buf = fs.readFileSync(path.join(dist, f));
    return { file: f, raw: buf.length, gzip: gzip(buf) };
  });
}

/** A fresh page with 4× CPU throttling (a mid-range phone). */
async function throttledPage(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return { context, page, cdp };
}

/** First contentful paint (the boot message) and the app's first content. */
async function firstContent(browser, hash = '#/') {
  const { context, page } = await throttledPage(browser);
  const loaded = [];
  page.on('response', async (r) => {
    try { loaded.push({ url: r.url(), body: await r.body() }); } catch { /* redirects */ }
  });
  const t0 = Date.now();
  await page.goto(baseURL + hash);
  await page.waitForSelector('#main h1', { timeout: 30_000 });
  const appMs = await page.evaluate(() => performance.now());
  const fcp = await page.evaluate(() =>
    performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
  await context.close();
  return { fcp, appMs, wall: Date.now() - t0, loaded };
}

async function main() {
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    console.error('bench: no dist/ — run `make build` first');
    process.exit(1);
  }
  if (!fs.existsSync(path.join(benchDist, 'index.html'))) {
    console.error('bench: no target/dist-bench/ — run `make bench`, which builds it');
    process.exit(1);
  }
  const server = await startServer();
  const benchServer = await startServer(benchDist, PORT + 1);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const rows = [];
  const add = (name, value, unit, extra = {}) => rows.push({ name, value, unit, ...extra });
  try {
    const files = fileSizes();
    for (const f of files) add(`size: ${f.file}`, f.gzip, 'B gz', { raw: f.raw });

    const runs = [];
    for (let i = 0; i < 5; i++) runs.push(await firstContent(browser));
    const firstVisit = new Map();
    for (const r of runs[0].loaded) {
      if (r.url.startsWith(baseURL)) firstVisit.set(r.url, gzip(r.body));
    }
    const firstVisitGz = [...firstVisit.values()].reduce((a, b) => a + b, 0);
    // The home page loads the app bundle alone (src/bundle.rs): 300 KB is
    // about 1.5 s on Lighthouse's slow 4G (1.6 Mbit/s), while the static first
    // screen (index.html with inlined styles) shows after the first round
    // trip; the service worker makes every later visit free. bundles.mjs
    // measures the other public URLs.
    add('first visit download (all files fetched, gzip -9)', firstVisitGz, 'B gz', { budget: 300_000 });
    add('first contentful paint, 4× CPU throttle (median of 5)', Math.round(median(runs.map((r) => r.fcp ?? NaN))), 'ms');
    add('app content shown, 4× CPU throttle (median of 5)', Math.round(median(runs.map((r) => r.appMs))), 'ms', { budget: 1500 });

    const newPage = async (opts = {}) => {
      const context = await browser.newContext(opts);
      return { context, page: await context.newPage() };
    };
    const dir = path.join(here, 'measures');
    for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.mjs')).sort()) {
      const mod = await import(pathToFileURL(path.join(dir, f)).href);
      try {
        const out = await mod.measure({ browser, baseURL, benchURL, newPage, throttledPage: () => throttledPage(browser), root, dist });
        for (const r of out) rows.push(r);
      } catch (e) {
        rows.push({ name: `${f}: failed`, value: String(e.message || e).slice(0, 120), unit: '' });
      }
    }
  } finally {
    await browser.close();
    server.kill();
    benchServer.kill();
  }

  for (const r of rows) {
    if (r.budget !== undefined && typeof r.value === 'number') {
      r.ok = (r.better === 'higher') ? r.value >= r.budget : r.value <= r.budget;
    }
  }
  const w = Math.max(...rows.map((r) => r.name.length));
  console.log(`\n${'measure'.padEnd(w)}  ${'value'.padStart(12)}  unit      budget`);
  for (const r of rows) {
    const v = typeof r.value === 'number' ? r.value.toLocaleString('en-US') : String(r.value);
    const raw = r.raw !== undefined ? ` (raw ${r.raw.toLocaleString('en-US')})` : '';
    const budget = r.budget === undefined ? '' : `${r.better === 'higher' ? '≥' : '≤'} ${r.budget.toLocaleString('en-US')} ${r.ok ? 'ok' : 'OVER'}`;
    console.log(`${r.name.padEnd(w)}  ${v.padStart(12)}  ${(r.unit || '').padEnd(8)}  ${budget}${raw}`);
  }
  fs.mkdirSync(path.join(root, 'target'), { recursive: true });
  fs.writeFileSync(path.join(root, 'target/bench.json'), JSON.stringify({ date: new Date().toISOString(), rows }, null, 2));
  console.log('\nwritten: target/bench.json');
}

main().catch((e) => { console.error(e); process.exit(1); });
