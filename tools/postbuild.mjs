// Runs after `trunk build`:
// - Trunk writes its start-up code as an inline module script; it moves into
//   a file of its own (with tools/boot.js appended), named by its content
//   hash, so the Content-Security-Policy needs no 'unsafe-inline' for scripts;
// - adds the policy, and checks that every URL is relative;
// - writes sw.js, the service worker, with the list of every file of the
//   build and a version derived from their content (never hand-written).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { writeServiceWorker } from './sw-manifest.mjs';

const dist = path.resolve(process.argv[2] || 'dist');
const indexPath = path.join(dist, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');

const inlined = [];
const hash = (data) => crypto.createHash('sha256').update(data).digest('hex').slice(0, 16);

// 1. The inline start-up script becomes start-<hash>.js.
const here = path.dirname(new URL(import.meta.url).pathname);
const boot = fs.readFileSync(path.join(here, 'boot.js'), 'utf8');
html = html.replace(/<script type="module">([\s\S]*?)<\/script>/, (_, code) => {
  const full = `${code.trim()}\n\n${boot}`;
  const name = `start-${hash(full)}.js`;
  fs.writeFileSync(path.join(dist, name), full);
  return `<script type="module" src="./${name}"></script>`;
});

// 1b. Stylesheets and icons carry integrity hashes; with crossorigin they are
// fetched with CORS, which a sandboxed iframe (opaque origin) needs for the
// integrity check to pass. Same-origin pages are unaffected.
html = html.replace(/<link (?![^>]*crossorigin)([^>]*integrity=)/g, '<link crossorigin="anonymous" $1');

// 1c. One round trip to first paint: the stylesheets are inlined into one
// <style>, and early.js (theme before first paint) into a <script> allowed
// by its hash in the policy. The files stay in dist/ for the service worker.
html = html.replace(/<link crossorigin="anonymous" rel="stylesheet" href="\.\/([^"]+)"[^>]*>\s*/g, (_, file) => {
  inlined.push(fs.readFileSync(path.join(dist, file), 'utf8'));
  return '';
});
html = html.replace('</head>', `<style>\n${inlined.join('\n')}</style>\n</head>`);
let earlyHash = '';
html = html.replace(/<script src="early\.js"><\/script>/, () => {
  const code = fs.readFileSync(path.join(dist, 'early.js'), 'utf8');
  earlyHash = crypto.createHash('sha256').update(code).digest('base64');
  return `<script>${code}</script>`;
});

// 2. The policy. 'wasm-unsafe-eval' lets the page compile its own wasm;
// inline styles stay allowed because the views set style attributes.
const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval'${earlyHash ? ` 'sha256-${earlyHash}'` : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');
html = html.replace(
  '<meta charset="utf-8">',
  `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${csp}">`,
);

// Only early.js may be inline, and only with its hash in the policy.
if ((html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) || []).length !== (earlyHash ? 1 : 0)) {
  console.error('postbuild: an unexpected inline <script> is in index.html');
  process.exit(1);
}

// 3. Every URL relative: nothing may start with "/" (a sub-path host breaks).
const absolute = [...html.matchAll(/\b(?:href|src)="(\/[^"]*)"/g)].map((m) => m[1]);
if (absolute.length) {
  console.error(`postbuild: absolute URLs in index.html: ${absolute.join(', ')}`);
  process.exit(1);
}

fs.writeFileSync(indexPath, html);

// 4. The service worker: every file of the build, versioned by content.
const files = writeServiceWorker(dist);
console.log(`postbuild: dist ready (CSP with no unsafe-inline script, styles inlined, sw.js precaching ${files.length} files)`);
