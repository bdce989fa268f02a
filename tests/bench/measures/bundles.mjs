// What a first visit downloads, per public URL, and where the bytes of each
// bundle go (src/bundle.rs: one wasm per family of routes).
//
// - first visit: every response of a fresh page, gzip -9, service worker
//   blocked (what the page itself needs, not what is cached for later);
// - per bundle: the wasm, its glue and its stylesheet, raw and gzip -9;
// - Lighthouse with its default settings (simulated slow 4G, 4× CPU — what
//   PageSpeed Insights shows a blogger), three runs per URL, the worst kept;
// - the size profile: the top contributors of each wasm by crate and by
//   module, from a build with symbols, measured with twiggy (before wasm-opt,
//   so the figures are larger than the shipped wasm; their order is what
//   names the next regression).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { lighthouse } from './static.mjs';

const gzip = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

const URLS = [
  ['#/', 300_000],
  ['#/notes/networking/tcp-handshake', 300_000],
  ['#/tcp/handshake?embed', 150_000],
  ['?embed#/tcp/handshake', 150_000],
  ['#/algo/quick-sort?embed', 150_000],
  ['?embed#/algo/quick-sort', 150_000],
  ['#/net/tls13?embed', 150_000],
  ['#/py/closures?embed', 150_000],
];

/** The longest main-thread task from navigation until the app has drawn
 * its first screen and a second has passed, under 4× CPU throttling. */
async function startupLongestTask(throttledPage, url) {
  const { context, page } = await throttledPage();
  await page.addInitScript(() => {
    window.__longtasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longtasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url);
  await page.waitForSelector('#boot', { state: 'detached', timeout: 60_000 });
  await page.waitForTimeout(1000);
  const tasks = await page.evaluate(() => window.__longtasks);
  await context.close();
  return Math.round(Math.max(0, ...tasks));
}

async function firstVisit(browser, url) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const bodies = [];
  page.on('response', async (r) => {
    try { bodies.push(await r.body()); } catch { /* redirect */ }
  });
  await page.goto(url);
  await page.waitForSelector('#main h1, #main .player-pos', { timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  await context.close();
  return bodies.reduce((sum, b) => sum + gzip(b), 0);
}

function bundleFiles(dist) {
  const out = {};
  for (const f of fs.readdirSync(dist)) {
    const m = /^([a-z_]+)-[0-9a-f]{16}(_bg\.wasm|\.js|\.css)$/.exec(f);
    if (!m || m[1] === 'boot') continue;
    const buf = fs.readFileSync(path.join(dist, f));
    const b = (out[m[1]] ||= { raw: 0, gz: 0 });
    b.raw += buf.length;
    b.gz += gzip(buf);
  }
  return out;
}

/** twiggy's top items of a symbol build, grouped by crate and by module. */
export function sizeProfile(root, names) {
  const cargoBin = path.join(process.env.HOME || '', '.cargo/bin');
  const twiggy = path.join(cargoBin, 'twiggy');
  if (!fs.existsSync(twiggy)) execFileSync('cargo', ['install', 'twiggy', '--locked'], { stdio: 'inherit' });
  // A widget bundle is a binary built for one language (`tcp_embed_zh` is
  // `tcp_embed` with the feature only-zh, tools/build.mjs): the Chinese
  // builds are profiled, the English ones are the same code.
  const whole = names.filter((n) => !/_embed_[a-z]+$/.test(n));
  const widgets = names.filter((n) => /_embed_zh$/.test(n)).map((n) => n.replace(/_zh$/, ''));
  const profiled = [];
  for (const [bins, features, suffix] of [[whole, [], ''], [widgets, ['--features', 'only-zh'], '_zh']]) {
    if (!bins.length) continue;
    execFileSync('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '--target-dir', 'target/size',
      ...features, ...bins.flatMap((n) => ['--bin', n])],
    { cwd: root, stdio: 'inherit', env: { ...process.env, CARGO_PROFILE_RELEASE_STRIP: 'false' } });
    // Copied aside: the next build (other features) writes the same paths.
    for (const bin of bins) {
      const copy = path.join(root, 'target/size', `${bin}${suffix}.wasm`);
      fs.copyFileSync(path.join(root, 'target/size/wasm32-unknown-unknown/release', `${bin}.wasm`), copy);
      profiled.push([`${bin}${suffix}`, copy]);
    }
  }
  const rows = [];
  for (const [name, wasm] of profiled) {
    const csv = execFileSync(twiggy, ['top', '--format', 'csv', '-n', '100000', wasm], { maxBuffer: 1 << 28 }).toString();
    const byCrate = new Map();
    const byModule = new Map();
    // Columns: Name, ShallowSize, ShallowSizePercent, RetainedSize,
    // RetainedSizePercent (names may hold commas, so read from the end).
    for (const line of csv.split('\n').slice(1)) {
      const m = /^(.*),(\d+),([\d.]+),([^,]*),([^,]*)$/.exec(line);
      if (!m) continue;
      const size = Number(m[2]);
      const item = m[1].replace(/^"|"$/g, '').replace(/""/g, '"');
      // wasm-bindgen's describe functions and the custom sections (names,
      // debug info) are removed before shipping: they would drown the rest.
      // (wasm-bindgen 0.2.130 names them `__wbindgen_describe___wbg_…`.)
      if (/^(export "__wbindgen_describe|__wbindgen_describe|custom section|"function names")/.test(item)
        || item.includes('subsection') || item.includes('wasm_bindgen::describe')) continue;
      const { crate, module } = owner(item);
      byCrate.set(crate, (byCrate.get(crate) || 0) + size);
      byModule.set(module, (byModule.get(module) || 0) + size);
    }
    const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
    for (const [crate, size] of top(byCrate, 8)) rows.push({ name: `size profile ${name}: crate ${crate}`, value: size, unit: 'B raw' });
    for (const [module, size] of top(byModule, 8)) rows.push({ name: `size profile ${name}: module ${module}`, value: size, unit: 'B raw' });
  }
  return rows;
}

/** The crate and module an item of twiggy's list belongs to. */
function owner(item) {
  if (/^(data\[|data segment)/.test(item)) return { crate: '(data)', module: '(data)' };
  // Demangled Rust paths: `yew::html::component::lifecycle::…`, generics
  // and impls included (`<yew::… as …>::fn` counts for yew).
  // The standard library's crates carry a hash: `core[c5930c85]::fmt`.
  const path = /([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::([a-z_][a-z0-9_]*)/.exec(item.replace(/^<+/, ''));
  if (!path) return { crate: '(other)', module: '(other)' };
  const crate = path[1];
  return { crate, module: `${crate}::${path[2]}` };
}

export async function measure({ browser, baseURL, root, dist, throttledPage }) {
  const rows = [];
  for (const url of ['#/', '#/tcp/handshake?embed', '#/algo/quick-sort?embed']) {
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await startupLongestTask(throttledPage, baseURL + url));
    rows.push({ name: `start-up ${url}: longest task, 4× CPU, worst of 3`, value: Math.max(...runs), unit: 'ms', budget: 150, note: runs.join(' / ') });
  }
  for (const [url, budget] of URLS) {
    rows.push({ name: `first visit ${url} (gzip -9, no service worker)`, value: await firstVisit(browser, baseURL + url), unit: 'B gz', budget });
  }
  for (const [name, b] of Object.entries(bundleFiles(dist))) {
    rows.push({ name: `bundle ${name} (wasm + glue + css)`, value: b.gz, unit: 'B gz', raw: b.raw });
  }
  for (const url of ['#/', '#/tcp/handshake?embed']) {
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await lighthouse(root, baseURL + url, 'simulate'));
    const worst = (k) => Math.min(...runs.map((r) => r[k]));
    rows.push({ name: `Lighthouse default ${url}: performance, worst of 3`, value: worst('perf'), unit: '/100', budget: 95, better: 'higher' });
    rows.push({ name: `Lighthouse default ${url}: runs`, value: runs.map((r) => r.perf).join(' / '), unit: '/100' });
    rows.push({ name: `Lighthouse default ${url}: accessibility`, value: worst('a11y'), unit: '/100', budget: 100, better: 'higher' });
    rows.push({ name: `Lighthouse default ${url}: best practices`, value: worst('bp'), unit: '/100', budget: 100, better: 'higher' });
    rows.push({ name: `Lighthouse default ${url}: FCP / LCP / TBT (last run)`, value: `${runs[2].fcp} / ${runs[2].lcp} / ${runs[2].tbt}`, unit: 'ms' });
  }
  if (!process.env.BENCH_NO_PROFILE) rows.push(...sizeProfile(root, Object.keys(bundleFiles(dist))));
  return rows;
}
