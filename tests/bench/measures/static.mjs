// Runs anywhere static: Lighthouse scores (mobile emulation) and the time to
// first content on an offline reload, served by the service worker.
//
// Lighthouse is installed here, pinned, into .tools/lighthouse (not in the
// test lockfile: one of its dependencies asks for a `latest` tag that
// `npm ci` cannot reproduce).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const LIGHTHOUSE = '12.8.2';

function lighthouseBin(root) {
  const prefix = path.join(root, '.tools/lighthouse');
  const bin = path.join(prefix, 'node_modules/.bin/lighthouse');
  const pkg = path.join(prefix, 'node_modules/lighthouse/package.json');
  const installed = fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).version === LIGHTHOUSE;
  if (!installed) {
    fs.mkdirSync(prefix, { recursive: true });
    execFileSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--no-save', `lighthouse@${LIGHTHOUSE}`],
      { stdio: 'inherit' });
  }
  return bin;
}

// Lighthouse's default "simulate" method replays an unthrottled load and
// estimates the throttled timings from it. For this app that misleads: in
// the fast replay the wasm app paints before the static first screen, so it
// credits the first screen's paint to the wasm's arrival, and it scales every
// short start-up task by 4 as if each were one long one. "devtools" applies the
// throttling (slow 4G, 4× CPU) to a real load, which is what a phone sees;
// the budget is checked on it, and the simulated scores are printed too.
async function lighthouse(root, url, method) {
  const bin = lighthouseBin(root);
  const out = path.join(root, `target/lighthouse-${method}.json`);
  execFileSync(bin, [url, '--quiet', '--output=json', `--output-path=${out}`, `--throttling-method=${method}`,
    '--only-categories=performance,accessibility,best-practices',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage'],
  { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, stdio: ['ignore', 'ignore', 'inherit'], timeout: 120_000 });
  const report = JSON.parse(fs.readFileSync(out, 'utf8'));
  const score = (c) => Math.round((report.categories[c]?.score ?? 0) * 100);
  const ms = (id) => Math.round(report.audits[id]?.numericValue ?? NaN);
  return {
    perf: score('performance'), a11y: score('accessibility'), bp: score('best-practices'),
    fcp: ms('first-contentful-paint'), lcp: ms('largest-contentful-paint'), tbt: ms('total-blocking-time'),
  };
}

async function offlineReload({ browser, baseURL }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(baseURL + '#/');
  await page.waitForSelector('#main h1');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
  // The full app asks the service worker to cache every bundle.
  await page.waitForSelector('html[data-offline-ready]', { state: 'attached', timeout: 30_000 });
  await context.setOffline(true);
  const times = [];
  for (let i = 0; i < 5; i++) {
    await page.reload();
    await page.waitForSelector('#main h1');
    times.push(await page.evaluate(() => performance.now()));
  }
  await context.close();
  times.sort((a, b) => a - b);
  return Math.round(times[2]);
}

export { lighthouse };

export async function measure({ browser, baseURL, root }) {
  const rows = [];
  rows.push({ name: 'offline reload: app content shown (median of 5)', value: await offlineReload({ browser, baseURL }), unit: 'ms', budget: 300 });
  const lh = await lighthouse(root, baseURL + '#/', 'devtools');
  rows.push({ name: 'Lighthouse performance (mobile, applied throttling)', value: lh.perf, unit: '/100', budget: 95, better: 'higher' });
  rows.push({ name: 'Lighthouse accessibility', value: lh.a11y, unit: '/100', budget: 100, better: 'higher' });
  rows.push({ name: 'Lighthouse best practices', value: lh.bp, unit: '/100', budget: 95, better: 'higher' });
  rows.push({ name: 'Lighthouse FCP / LCP / TBT (applied)', value: `${lh.fcp} / ${lh.lcp} / ${lh.tbt}`, unit: 'ms' });
  // The simulated runs (what PageSpeed Insights shows) are in bundles.mjs,
  // three per URL.
  return rows;
}
