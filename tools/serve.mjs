// A small static file server for dist/, used by `make serve`, the end-to-end
// tests and the benchmark. It binds 127.0.0.1 only, serves .wasm as
// application/wasm, and can mount the site under a sub-path (--base /a/b/)
// to prove every URL in the build is relative.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => {
    if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1]]);
    return acc;
  }, []),
);
const root = path.resolve(args.dir || 'dist');
const port = Number(args.port || 8080);
const base = (args.base || '/').replace(/\/?$/, '/');
// Extra folders served beside the app, e.g. --also examples=examples
const also = (args.also || '').split(',').filter(Boolean).map((s) => s.split('='));

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};

// The file for a URL path, or null; never a file outside the served folder.
function resolve(urlPath) {
  const inside = (dir, rest) => {
    const file = path.join(dir, rest);
    return file === dir || file.startsWith(dir + path.sep) ? file : null;
  };
  for (const [prefix, dir] of also) {
    const p = `/${prefix}/`;
    if (urlPath.startsWith(p)) return inside(path.resolve(dir), urlPath.slice(p.length));
  }
  if (!urlPath.startsWith(base)) return null;
  return inside(root, urlPath.slice(base.length));
}

const server = http.createServer((req, res) => {
  let urlPath;
  try {
    urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  } catch {
    res.writeHead(400).end('bad request');
    return;
  }
  if (base !== '/' && urlPath === base.slice(0, -1)) {
    res.writeHead(301, { Location: base }).end();
    return;
  }
  let file = resolve(urlPath);
  if (!file) {
    res.writeHead(404).end('not found');
    return;
  }
  if (file.endsWith(path.sep) || (fs.existsSync(file) && fs.statSync(file).isDirectory())) {
    file = path.join(file, 'index.html');
  }
  fs.readFile(file, (err, body) => {
    if (err) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': types[path.extname(file)] || 'application/octet-stream',
      'Cache-Control': 'no-cache',
      // A sandboxed iframe (opaque origin) fetches the wasm and scripts with
      // CORS; public static hosts send this header too.
      'Access-Control-Allow-Origin': '*',
    });
    res.end(body);
  });
});

server.listen(port, '127.0.0.1', () => {
  console.log(`Serving ${root} at http://127.0.0.1:${port}${base}`);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
