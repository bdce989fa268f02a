// The notes' search and content, measured in headless Chromium, and the same
// content/ built with mdBook for comparison:
//  - time per query of our search (median and p99 over ≥ 200 queries: the
//    20 bench queries, every prefix of them as typed, a piece of every
//    question title, Latin words), through window.__mianjingNotes (?bench);
//  - the bytes the notes add to the wasm (all their text and HTML, gzipped)
//    and the index (none: built at start-up; its build time is reported);
//  - first-visit download of a search, ours vs mdBook's (page + search
//    index + assets, every response gzipped -9);
//  - how many of tests/fixtures/notes/queries.json's 20 Chinese queries put
//    the expected question in the top 3, ours vs mdBook's own search page.
// mdBook 0.5.4 is installed from crates.io into .tools/mdbook the first time
// (`cargo install --locked`: 3–7 minutes on two busy cores).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

const gzip = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
const MDBOOK_VERSION = '0.5.4';
const MDBOOK_PORT = 8195;

function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
}
const round3 = (x) => Math.round(x * 1000) / 1000;

/** ≥ 200 queries a person would type, built deterministically. */
function buildQueries(benchQueries, titles) {
  const out = [];
  for (const q of benchQueries) {
    const chars = [...q];
    for (let n = 1; n <= chars.length; n++) out.push(chars.slice(0, n).join(''));
  }
  out.push('三次握手', '挥手', 'TIME_WAIT', 'time wait', 'gil', 'GIL', '装饰器', '幂等');
  titles.forEach((title, i) => {
    const chars = [...title.replace(/[\s？?，,。、（）()：:]/g, '')];
    if (chars.length < 2) return;
    const len = 2 + (i % 3);
    const at = (i * 7) % Math.max(1, chars.length - len + 1);
    out.push(chars.slice(at, at + len).join(''));
  });
  const words = new Set();
  for (const t of titles) for (const w of t.match(/[A-Za-z][A-Za-z0-9]+/g) || []) words.add(w.toLowerCase());
  out.push(...[...words].slice(0, 60));
  return out;
}

/** Serves `dir` with the project's static server; resolves when it listens. */
function serve(root, dir, port) {
  const proc = spawn('node', [path.join(root, 'tools/serve.mjs'), '--dir', dir, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    proc.stdout.once('data', () => resolve(proc));
    proc.once('exit', (code) => reject(new Error(`server for ${dir} exited ${code}`)));
  });
}

/** Records every same-origin response of `page` (URL → gzipped size). */
function recordDownloads(page, origin) {
  const sizes = new Map();
  page.on('response', async (r) => {
    if (!r.url().startsWith(origin)) return;
    try { sizes.set(r.url().split('#')[0], gzip(await r.body())); } catch { /* redirect */ }
  });
  return () => [...sizes.values()].reduce((a, b) => a + b, 0);
}

function mdbookBinary(root) {
  const local = path.join(root, '.tools/mdbook/bin/mdbook');
  if (fs.existsSync(local)) return local;
  const onPath = spawnSync('mdbook', ['--version'], { encoding: 'utf8' });
  if (onPath.status === 0 && onPath.stdout.includes(MDBOOK_VERSION)) return 'mdbook';
  const install = spawnSync('cargo', ['install', `mdbook@${MDBOOK_VERSION}`, '--locked', '--root', path.join(root, '.tools/mdbook')],
    { stdio: 'inherit' });
  if (install.status !== 0 || !fs.existsSync(local)) throw new Error('cargo install mdbook failed');
  return local;
}

/** Builds content/ as an mdBook (one chapter per topic) in a temporary folder. */
function buildMdbook(root) {
  const bin = mdbookBinary(root);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mianjing-mdbook-'));
  fs.mkdirSync(path.join(dir, 'src'));
  fs.writeFileSync(path.join(dir, 'book.toml'),
    '[book]\ntitle = "面经"\nlanguage = "zh-CN"\n\n[output.html.search]\nenable = true\n');
  const files = fs.readdirSync(path.join(root, 'content')).filter((f) => /^\d\d-.*\.md$/.test(f)).sort();
  const summary = ['# Summary', ''];
  for (const f of files) {
    const text = fs.readFileSync(path.join(root, 'content', f), 'utf8');
    fs.writeFileSync(path.join(dir, 'src', f), text);
    summary.push(`- [${text.split('\n')[0].replace(/^#\s*/, '')}](${f})`);
  }
  fs.writeFileSync(path.join(dir, 'src/SUMMARY.md'), summary.join('\n') + '\n');
  const built = spawnSync(bin, ['build'], { cwd: dir, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`mdbook build: ${built.stderr}`);
  return { dir, book: path.join(dir, 'book') };
}

/** mdBook's search page, driven like a person: open search, type, read. */
async function mdbookSearch(page, baseURL, query) {
  const bar = page.locator('#mdbook-searchbar');
  await bar.fill(query);
  await bar.press('End'); // mdBook searches on keyup
  await page.waitForFunction((q) => {
    const h = document.getElementById('mdbook-searchresults-header');
    return h && h.innerText.includes(q);
  }, query, { timeout: 5000 }).catch(() => { /* no header change: no results */ });
  return page.locator('#mdbook-searchresults li a').evaluateAll((as) => as.slice(0, 3).map((a) => a.innerText));
}

export async function measure({ browser, baseURL, benchURL, newPage, root }) {
  const rows = [];
  const fixture = JSON.parse(fs.readFileSync(path.join(root, 'tests/fixtures/notes/queries.json'), 'utf8'));
  const bench = fixture.queries;

  // ---- Ours: timing, sizes, accuracy through the ?bench hooks. ----
  {
    const { context, page } = await newPage();
    page.on('pageerror', (e) => console.error('notes bench page error:', String(e)));
    await page.goto(benchURL + '#/search?bench');
    await page.waitForFunction(() => window.__mianjingNotes, null, { timeout: 30_000 });
    const titles = await page.evaluate(() => window.__mianjingNotes.titles());
    const queries = buildQueries(bench.map((b) => b.q), titles);
    await page.evaluate((qs) => window.__mianjingNotes.time(qs, 1), queries); // warm up, builds the index
    const times = await page.evaluate((qs) => window.__mianjingNotes.time(qs, 10), queries);
    rows.push({ name: `notes search: median per query (${times.length} queries)`, value: round3(percentile(times, 0.5)), unit: 'ms', budget: 1 });
    rows.push({ name: 'notes search: p99 per query', value: round3(percentile(times, 0.99)), unit: 'ms', budget: 5 });
    rows.push({ name: 'notes search: index build at start-up (first search)', value: round3(await page.evaluate(() => window.__mianjingNotes.indexMs(5))), unit: 'ms' });
    const content = await page.evaluate(() => window.__mianjingNotes.content());
    rows.push({ name: 'notes content compiled into the wasm (text + HTML)', value: gzip(Buffer.from(content, 'utf8')), unit: 'B gz', raw: Buffer.byteLength(content, 'utf8') });
    rows.push({ name: 'notes search index shipped (built at start-up instead)', value: 0, unit: 'B gz' });
    let ours = 0;
    for (const { q, title } of bench) {
      const top = await page.evaluate(([q]) => window.__mianjingNotes.top(q, 3), [q]);
      if (top.includes(title)) ours++;
    }
    rows.push({ name: `notes search: right question in top 3 (${bench.length} Chinese queries), ours`, value: ours, unit: 'queries', budget: bench.length, better: 'higher' });
    await context.close();
  }
  {
    const { context, page } = await newPage();
    const total = recordDownloads(page, baseURL);
    await page.goto(baseURL + '#/search?q=' + encodeURIComponent(bench[0].q));
    await page.waitForSelector('.search-results li', { timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    rows.push({ name: 'first visit of a search, ours (page + wasm + assets)', value: total(), unit: 'B gz' });
    await context.close();
  }

  // ---- mdBook: the same content/, its own search page. ----
  let built;
  let server;
  try {
    built = buildMdbook(root);
    server = await serve(root, built.book, MDBOOK_PORT);
    const mdURL = `http://127.0.0.1:${MDBOOK_PORT}/`;
    const { context, page } = await newPage();
    const total = recordDownloads(page, mdURL);
    await page.goto(mdURL + 'index.html');
    await page.locator('#mdbook-search-toggle').click();
    await page.waitForFunction(() => document.getElementById('mdbook-search-index'), null, { timeout: 10_000 });
    await page.waitForLoadState('networkidle');
    let theirs = 0;
    const misses = [];
    for (const { q, title } of bench) {
      const top = await mdbookSearch(page, mdURL, q);
      if (top.some((t) => t.includes(title))) theirs++;
      else misses.push(q);
    }
    await page.waitForLoadState('networkidle');
    rows.push({ name: 'first visit of a search, mdBook (page + search index + assets)', value: total(), unit: 'B gz' });
    rows.push({ name: `mdBook search: right question in top 3 (${bench.length} Chinese queries)`, value: theirs, unit: 'queries' });
    rows.push({ name: 'mdBook search: missed', value: misses.join(' ') || '—', unit: '' });
    await context.close();
  } finally {
    if (server) server.kill();
    if (built) fs.rmSync(built.dir, { recursive: true, force: true });
  }
  return rows;
}
