// Runs after `trunk build`: makes dist/ safe to serve under a strict
// Content-Security-Policy (no inline script), with every URL relative.
//
// Trunk writes its start-up code as an inline module script; it moves into a
// file of its own, named by its content hash, so the policy needs no
// 'unsafe-inline' for scripts.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const dist = path.resolve(process.argv[2] || 'dist');
const indexPath = path.join(dist, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');

const hash = (data) => crypto.createHash('sha256').update(data).digest('hex').slice(0, 16);

// 1. The inline start-up script becomes start-<hash>.js.
html = html.replace(/<script type="module">([\s\S]*?)<\/script>/, (_, code) => {
  const name = `start-${hash(code)}.js`;
  fs.writeFileSync(path.join(dist, name), code.trim() + '\n');
  return `<script type="module" src="./${name}"></script>`;
});
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  console.error('postbuild: an inline <script> is left in index.html');
  process.exit(1);
}

// 2. The policy. 'wasm-unsafe-eval' lets the page compile its own wasm;
// inline styles stay allowed because the views set style attributes.
const csp = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
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

// 3. Every URL relative: nothing may start with "/" (a sub-path host breaks).
const absolute = [...html.matchAll(/\b(?:href|src)="(\/[^"]*)"/g)].map((m) => m[1]);
if (absolute.length) {
  console.error(`postbuild: absolute URLs in index.html: ${absolute.join(', ')}`);
  process.exit(1);
}

fs.writeFileSync(indexPath, html);
console.log(`postbuild: ${path.relative(process.cwd(), indexPath)} ready (CSP, no inline script)`);
