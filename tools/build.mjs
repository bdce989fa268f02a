// `make build`: the whole static site in dist/.
//
// The crate has one entry binary per bundle (src/bundle.rs, src/bin/*.rs).
// For each: cargo builds the wasm, wasm-bindgen writes its JavaScript glue,
// wasm-opt shrinks it, and both get names carrying their content hash. Then
// index.html is written from the template at the repository root:
// - the stylesheets the static first screen paints with (the template's
//   <link>s) are inlined into one <style> (one round trip to first paint);
//   each bundle gets one stylesheet of its own with the rest its pages use
//   (BUNDLE_STYLES below), which the loader fetches with the wasm;
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
const features = featureAt >= 0 ? args.splice(featureAt, 2)[1].split(',') : [];
const dist = path.resolve(args[0] || path.join(root, 'dist'));
const target = process.env.CARGO_TARGET_DIR || path.join(root, 'target');
// The features the wasm uses (rustc 1.95 emits them; wasm-opt must accept them).
const WASM_FEATURES = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int',
  '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types',
  '--enable-multivalue'];

// The stylesheets of style/ beyond the first screen's, in cascade order (a
// later file wins a tie): each bundle's stylesheet, `<name>-<hash>.css`,
// joins the files its pages draw with, in this order, and loads after the
// inline ones. BUNDLE_STYLES is the one place that says which bundle's
// pages use which files (tests/e2e/styles.spec.ts checks, page by page,
// that every rule matching an element is loaded); a widget build
// (`tcp_embed`) uses the files of its bundle (`tcp`) but the app's frame.
const FEATURE_STYLES = ['frame', 'page', 'player', 'shared', 'notes', 'cards', 'tcp', 'algo', 'net', 'py'];
const BUNDLE_STYLES = {
  app: ['frame', 'page', 'shared', 'cards'], // home, statistics, settings
  notes: ['frame', 'page', 'shared', 'notes', 'cards'], // the reader, search, the review
  tcp: ['frame', 'page', 'player', 'tcp'],
  algo: ['frame', 'page', 'player', 'shared', 'algo'], // shared: the hash table, the legend, the input
  net: ['frame', 'page', 'player', 'net'],
  py: ['frame', 'page', 'player', 'py'],
};
// The app's frame (header, footer, notices, help, update banner): a widget
// draws none of it.
const APP_ONLY_STYLES = ['frame'];

const hash = (data) => crypto.createHash('sha256').update(data).digest('hex').slice(0, 16);
const sri = (data) => crypto.createHash('sha256').update(data).digest('base64');
const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit', cwd: root });

/** index.html as shipped: its comments (notes for whoever edits the
 * template) gone and each run of whitespace one space, outside the inline
 * scripts and styles, which stay byte for byte (their hashes are in the
 * policy). One space where there were several renders the same; the page
 * has no <pre> or <textarea>. */
function smallHtml(html) {
  if (/<(pre|textarea)\b/.test(html)) throw new Error('index.html: smallHtml would change a <pre> or <textarea>');
  return html.split(/(<script\b[\s\S]*?<\/script>|<style\b[\s\S]*?<\/style>)/)
    .map((part, i) => (i % 2 ? part : part.replace(/<!--[\s\S]*?-->/g, '').replace(/\s+/g, ' ')))
    .join('');
}

/** A stylesheet as shipped: comments gone, whitespace collapsed, nothing
 * inside a string touched. Conservative on purpose (no space is removed
 * next to `:`, `+`, `-` or a combinator's neighbours other than `>`), so
 * the cascade and every selector stay exactly as written. */
function smallCss(css) {
  let out = '';
  let i = 0;
  while (i < css.length) {
    const c = css[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < css.length && css[j] !== c) j += css[j] === '\\' ? 2 : 1;
      out += css.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      i = end < 0 ? css.length : end + 2;
    } else if (/\s/.test(c)) {
      while (i < css.length && /\s/.test(css[i])) i++;
      const prev = out[out.length - 1];
      const next = css[i];
      if (out.length && !'{};,>'.includes(prev) && !(next && '{};,>'.includes(next))) out += ' ';
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

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

// Each widget is built once per language (`tcp_embed_zh`, `tcp_embed_en`):
// a blog reader sees one language, and the other one's strings are about a
// twenty-fifth of a widget (src/i18n/mod.rs, features only-zh/only-en). The
// loader picks the build by the page's language.
const WIDGET_LANGS = ['zh', 'en'];

async function buildBundles(names) {
  const cargo = (extra, bins) => {
    const all = [...features, ...extra];
    run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown',
      ...(all.length ? ['--features', all.join(',')] : []), ...bins.flatMap((n) => ['--bin', n])]);
  };
  const out = {};
  const whole = names.filter((n) => !n.endsWith('_embed'));
  const widgets = names.filter((n) => n.endsWith('_embed'));
  cargo([], whole);
  for (const name of whole) out[name] = await finish(name, name);
  for (const lang of WIDGET_LANGS) {
    cargo([`only-${lang}`], widgets);
    for (const name of widgets) out[`${name}_${lang}`] = await finish(name, `${name}_${lang}`);
  }
  return out;
}

/** wasm-bindgen, wasm-opt and terser on the binary `bin` just built, written
 * to dist/ as the bundle `name` with its content hash. */
async function finish(bin, name) {
  const tmp = path.join(target, 'bundles', name);
  fs.rmSync(tmp, { recursive: true, force: true });
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', tmp, '--out-name', name,
    path.join(target, 'wasm32-unknown-unknown', 'release', `${bin}.wasm`)]);
  const optimized = path.join(tmp, `${name}.opt.wasm`);
  run('wasm-opt', ['-Oz', ...WASM_FEATURES, path.join(tmp, `${name}_bg.wasm`), '-o', optimized]);
  const wasm = fs.readFileSync(optimized);
  const glue = Buffer.from(await small(fs.readFileSync(path.join(tmp, `${name}.js`), 'utf8')));
  const id = hash(Buffer.concat([wasm, glue]));
  const files = { js: `${name}-${id}.js`, wasm: `${name}-${id}_bg.wasm` };
  fs.writeFileSync(path.join(dist, files.js), glue);
  fs.writeFileSync(path.join(dist, files.wasm), wasm);
  return files;
  return out;
}

/** The headings and summaries the static first screen can draw, from the
 * app's own strings (`examples/boot_texts.rs`, a native build): one JSON file
 * per page in `preview-<hash>/`, which the loader fetches for its page only.
 * Returns what the loader needs to know of them. */
function writePreviews() {
  const out = execFileSync('cargo', ['run', '--quiet', '--example', 'boot_texts'], { cwd: root });
  const pages = JSON.parse(out.toString());
  const dir = `preview-${hash(JSON.stringify(pages))}`;
  for (const [page, texts] of Object.entries(pages)) {
    if (!/^[a-z]+\/[a-z0-9-]+$/.test(page)) throw new Error(`preview: odd page name ${page}`);
    const file = path.join(dist, dir, `${page}.json`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(texts));
  }
  return { dir, pages: Object.keys(pages) };
}

/** The stylesheets (names in style/) that the template links, in order:
 * the first screen's, inlined into index.html. */
function firstScreenStyles(html) {
  return [...html.matchAll(/<link rel="stylesheet" href="style\/([^"]+)\.css">/g)].map((m) => m[1]);
}

/** Writes each bundle's stylesheet; adds its name to the bundle's files. */
function writeBundleStyles(table) {
  const inline = firstScreenStyles(fs.readFileSync(path.join(root, 'index.html'), 'utf8'));
  const all = fs.readdirSync(path.join(root, 'style')).filter((f) => f.endsWith('.css')).map((f) => f.slice(0, -4));
  const nowhere = all.filter((f) => !inline.includes(f) && !FEATURE_STYLES.includes(f));
  if (nowhere.length) throw new Error(`style/${nowhere[0]}.css is neither linked by index.html nor in FEATURE_STYLES`);
  const twice = inline.filter((f) => FEATURE_STYLES.includes(f));
  if (twice.length) throw new Error(`style/${twice[0]}.css is both inlined and in FEATURE_STYLES`);
  for (const name of Object.keys(table)) {
    const widget = /_embed_[a-z]+$/.test(name);
    const styles = (BUNDLE_STYLES[name.replace(/_embed_[a-z]+$/, '')] || [])
      .filter((f) => !(widget && APP_ONLY_STYLES.includes(f)));
    if (!styles.length) throw new Error(`no stylesheets for the bundle ${name}: add it to BUNDLE_STYLES`);
    const unknown = styles.filter((f) => !FEATURE_STYLES.includes(f));
    if (unknown.length) throw new Error(`BUNDLE_STYLES: ${unknown[0]} is not in FEATURE_STYLES`);
    const css = FEATURE_STYLES.filter((f) => styles.includes(f))
      .map((f) => fs.readFileSync(path.join(root, 'style', `${f}.css`), 'utf8'))
      .join('\n');
    const shipped = smallCss(css);
    table[name].css = `${name}-${hash(shipped)}.css`;
    fs.writeFileSync(path.join(dist, table[name].css), shipped);
  }
}

function copyStatic() {
  const from = path.join(root, 'static');
  fs.cpSync(from, dist, { recursive: true });
}

async function writeIndex(table) {
  let html = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
  const read = (rel) => fs.readFileSync(path.join(root, rel), 'utf8');

  // The first screen's stylesheets: one inline <style>, in the template's
  // order (the bundle's stylesheet comes after, see writeBundleStyles).
  const styles = [];
  html = html.replace(/[ \t]*<link rel="stylesheet" href="(style\/[^"]+\.css)">\n?/g, (_, file) => {
    styles.push(read(file));
    return '';
  });
  html = html.replace('</head>', `<style>${smallCss(styles.join('\n'))}</style>\n</head>`);

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
  html = html.replace('<script src="early.js"></script>', () => inline(early));
  const loader = await small(read('tools/loader.js')
    .replace('__BUNDLES__', JSON.stringify(table))
    .replace('__PREVIEWS__', JSON.stringify(writePreviews()))
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

  html = smallHtml(html);
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
writeBundleStyles(table);
copyStatic();
await writeIndex(table);
const files = writeServiceWorker(dist);
const size = (file) => fs.statSync(path.join(dist, file)).size;
for (const [name, f] of Object.entries(table)) {
  console.log(`build: ${name}: ${f.wasm} ${size(f.wasm)} B, ${f.js} ${size(f.js)} B, ${f.css} ${size(f.css)} B`);
}
console.log(`build: index.html ${size('index.html')} B`);
console.log(`build: dist ready (${Object.keys(table).length} bundles, sw.js lists ${files.length} files)`);
