// `make build`: the whole static site in dist/.
//
// The crate has one entry binary per bundle (src/bundle.rs, src/bin/*.rs).
// For each: cargo builds the wasm, wasm-bindgen writes its JavaScript glue,
// wasm-opt shrinks it, and both get names carrying their content hash. Then
// index.html is written from the template at the repository root:
// - stylesheets are inlined into one <style> (one round trip to first paint);
// - early.js (theme before first paint) and the loader (tools/loader.js, which
//   picks the bundle from the URL) are inlined, allowed by their hashes in
//   the Content-Security-Policy, so no script needs 'unsafe-inline';
// - every URL must be relative (the site works under any sub-path);
// and sw.js, the service worker, lists every file with a content version.
// Scripts ship minified by terser (the glue, the loader and its friends):
// their comments are for this repository, not for a phone's download.
//
// A plain script rather than Trunk: Trunk builds one wasm per page and
// injects its own start-up code, where this site needs several bundles and a
// loader that chooses among them before any wasm is fetched.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';
import { writeServiceWorker } from './sw-manifest.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
// `node tools/build.mjs [DIR] [--features F]`: DIR defaults to dist/;
// `--features bench` builds in the hooks `make bench` measures through.
const args = process.argv.slice(2);
const featureAt = args.indexOf('--features');
const features = featureAt >= 0 ? ['--features', args.splice(featureAt, 2)[1]] : [];
const dist = path.resolve(args[0] || path.join(root, 'dist'));
const target = process.env.CARGO_TARGET_DIR || path.join(root, 'target');
// The features the wasm uses (rustc 1.95 emits them; wasm-opt must accept them).
const WASM_FEATURES = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int',
  '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types',
  '--enable-multivalue'];

const hash = (data) => crypto.createHash('sha256').update(data).digest('hex').slice(0, 16);
const sri = (data) => crypto.createHash('sha256').update(data).digest('base64');
const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit', cwd: root });

/** The entry binaries named in Cargo.toml, in order. */
function bundles() {
  const toml = fs.readFileSync(path.join(root, 'Cargo.toml'), 'utf8');
  return [...toml.matchAll(/\[\[bin\]\]\s*\nname\s*=\s*"([^"]+)"/g)].map((m) => m[1]);
}

/** The shipped form of a script: comments and whitespace gone, local
 * names shortened (property names, which the wasm's imports are, kept). */
async function small(code, module = true) {
  const out = await minify(code, { module, ecma: 2020, compress: { passes: 2 }, mangle: true });
  return out.code;
}

async function buildBundles(names) {
  run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', ...features,
    ...names.flatMap((n) => ['--bin', n])]);
  const out = {};
  for (const name of names) {
    const tmp = path.join(target, 'bundles', name);
    fs.rmSync(tmp, { recursive: true, force: true });
    run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', tmp, '--out-name', name,
      path.join(target, 'wasm32-unknown-unknown', 'release', `${name}.wasm`)]);
    const optimized = path.join(tmp, `${name}.opt.wasm`);
    run('wasm-opt', ['-Oz', ...WASM_FEATURES, path.join(tmp, `${name}_bg.wasm`), '-o', optimized]);
    const wasm = fs.readFileSync(optimized);
    const glue = Buffer.from(await small(fs.readFileSync(path.join(tmp, `${name}.js`), 'utf8')));
    const id = hash(Buffer.concat([wasm, glue]));
    out[name] = { js: `${name}-${id}.js`, wasm: `${name}-${id}_bg.wasm` };
    fs.writeFileSync(path.join(dist, out[name].js), glue);
    fs.writeFileSync(path.join(dist, out[name].wasm), wasm);
  }
  return out;
}

/** The headings and summaries the static first screen can draw (JSON), from
 * the app's own strings: `examples/boot_texts.rs`, a native build. */
function previewTexts() {
  const out = execFileSync('cargo', ['run', '--quiet', '--example', 'boot_texts'], { cwd: root });
  return JSON.stringify(JSON.parse(out.toString()));
}

function copyStatic() {
  const from = path.join(root, 'static');
  fs.cpSync(from, dist, { recursive: true });
}

async function writeIndex(table) {
  let html = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
  const read = (rel) => fs.readFileSync(path.join(root, rel), 'utf8');

  // Stylesheets: one inline <style>, in the template's order.
  const styles = [];
  html = html.replace(/[ \t]*<link rel="stylesheet" href="(style\/[^"]+\.css)">\n?/g, (_, file) => {
    styles.push(read(file));
    return '';
  });
  html = html.replace('</head>', `<style>\n${styles.join('\n')}</style>\n</head>`);

  // The start-up glue that runs once the app has started (service worker,
  // embed height): a file of its own, loaded by the loader.
  const boot = await small(read('tools/boot.js'), false);
  const bootName = `boot-${hash(boot)}.js`;
  fs.writeFileSync(path.join(dist, bootName), boot);

  // Inline scripts, each allowed by its hash.
  const hashes = [];
  const inline = (code, type) => {
    hashes.push(`'sha256-${sri(code)}'`);
    return `<script${type ? ` type="${type}"` : ''}>${code}</script>`;
  };
  const early = await small(read('static/early.js'), false);
  const preview = await small(read('static/preview.js').replace('__PAGES__', previewTexts()), false);
  html = html.replace('<script src="early.js"></script>', () => inline(early));
  html = html.replace('<script src="preview.js"></script>', () => inline(preview));
  const loader = await small(read('tools/loader.js')
    .replace('__BUNDLES__', JSON.stringify(table))
    .replace('__BOOT__', JSON.stringify(bootName)));
  html = html.replace('<script type="module" src="loader.js"></script>', () => inline(loader, 'module'));

  // The policy. 'wasm-unsafe-eval' lets the page compile its own wasm;
  // inline styles stay allowed because the views set style attributes.
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
  html = html.replace('<meta charset="utf-8">',
    `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${csp}">`);

  const inlineScripts = (html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) || []).length;
  if (inlineScripts !== hashes.length) {
    throw new Error(`index.html: ${inlineScripts} inline scripts, ${hashes.length} allowed by hash`);
  }
  const absolute = [...html.matchAll(/\b(?:href|src)="(\/[^"]*)"/g)].map((m) => m[1]);
  if (absolute.length) throw new Error(`index.html: absolute URLs ${absolute.join(', ')}`);
  const leftover = [...html.matchAll(/\b(?:href|src)="([^"#][^"]*)"/g)].map((m) => m[1])
    .filter((u) => !/^https?:/.test(u) && !fs.existsSync(path.join(dist, u.split('?')[0])));
  if (leftover.length) throw new Error(`index.html: links to missing files ${leftover.join(', ')}`);
  fs.writeFileSync(path.join(dist, 'index.html'), html);
}

const names = bundles();
fs.rmSync(dist, { recursive: true, force: true });
fs.mkdirSync(dist, { recursive: true });
const table = await buildBundles(names);
copyStatic();
await writeIndex(table);
const files = writeServiceWorker(dist);
for (const name of names) {
  const f = table[name];
  const size = (file) => fs.statSync(path.join(dist, file)).size;
  console.log(`build: ${name}: ${f.wasm} ${size(f.wasm)} B, ${f.js} ${size(f.js)} B`);
}
console.log(`build: dist ready (${names.length} bundles, sw.js lists ${files.length} files)`);
