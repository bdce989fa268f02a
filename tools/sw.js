// The service worker. tools/sw-manifest.mjs fills in VERSION (a hash of every
// file of the build), CORE (every file but the bundles') and BUNDLES (each
// bundle's wasm, glue and stylesheet); nothing here is hand-listed.
//
// Install caches the core: the page, its icons, embed.js, the start-up glue.
// A bundle is cached when the page that uses it asks (boot.js): an embedded
// diagram caches only its own bundle, so a blog reader never downloads the
// rest of the app; the full app asks for every bundle, so it works offline
// everywhere after one visit.
const VERSION = '__VERSION__';
const CORE = __CORE__;
const BUNDLES = __BUNDLES__;
const CACHE = `mianjing-${VERSION}`;

self.addEventListener('install', (event) => {
  // No skipWaiting here: a new version waits until the user says "reload".
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(CORE)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys
        .filter((k) => k.startsWith('mianjing-') && k !== CACHE)
        .map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

/** Caches the files of the named bundles (for `'*'`, the full app's: every
 * bundle but the widget builds (`*_embed_zh`, `*_embed_en`), which only
 * embeds load). */
async function cacheBundles(names) {
  const wanted = names.includes('*')
    ? Object.keys(BUNDLES).filter((n) => !/_embed_[a-z]+$/.test(n))
    : names.filter((n) => n in BUNDLES);
  const cache = await caches.open(CACHE);
  for (const name of wanted) {
    for (const file of BUNDLES[name]) {
      if (!(await cache.match(file))) await cache.add(file);
    }
  }
}

self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type === 'mianjing:skip-waiting') self.skipWaiting();
  if (data.type === 'mianjing:cache-bundles' && Array.isArray(data.bundles)) {
    // The reply (on the port the page sent) says the bundles are offline.
    const reply = (ok) => event.ports[0] && event.ports[0].postMessage({ ok });
    event.waitUntil(cacheBundles(data.bundles).then(() => reply(true), () => reply(false)));
  }
});

// Cache-first for our own files; the site is one page, so every navigation
// gets index.html.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = request.mode === 'navigate'
      ? await cache.match('./index.html')
      : await cache.match(request, { ignoreSearch: true });
    return hit || fetch(request);
  })());
});
