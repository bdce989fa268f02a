// Writes dist/sw.js from tools/sw.js: the list of every file of the build and
// a version derived from their content. Safe to run again on a changed dist
// (`node tools/sw-manifest.mjs DIR`); the post-build step calls it.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

function walk(dir, prefix = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = prefix + e.name;
    if (e.isDirectory()) return walk(path.join(dir, e.name), rel + '/');
    return rel === 'sw.js' || rel.startsWith('.') ? [] : [rel];
  }).sort();
}

// A bundle's files, as tools/build.mjs names them: `tcp-<hash>.js`,
// `tcp-<hash>_bg.wasm` and `tcp-<hash>.css` (`tcp_embed-…` for a widget).
const BUNDLE_FILE = /^([a-z_]+)-[0-9a-f]{16}(?:_bg\.wasm|\.js|\.css)$/;

/** Writes DIR/sw.js; returns every file of the build. */
export function writeServiceWorker(dist) {
  const files = walk(dist);
  const version = crypto.createHash('sha256');
  for (const f of files) version.update(f).update(fs.readFileSync(path.join(dist, f)));
  const bundles = {};
  const core = [];
  for (const f of files) {
    const m = BUNDLE_FILE.exec(f);
    if (m && m[1] !== 'boot') (bundles[m[1]] ||= []).push('./' + f);
    else core.push('./' + f);
  }
  const sw = fs.readFileSync(path.join(here, 'sw.js'), 'utf8')
    .replace('__VERSION__', version.digest('hex').slice(0, 16))
    .replace('__CORE__', JSON.stringify(core))
    .replace('__BUNDLES__', JSON.stringify(bundles));
  fs.writeFileSync(path.join(dist, 'sw.js'), sw);
  return files;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = writeServiceWorker(path.resolve(process.argv[2] || 'dist'));
  console.log(`sw.js: ${files.length} files`);
}
