// The service worker. tools/postbuild.mjs fills in VERSION (a hash of every
// file of the build) and FILES (every file of the build); nothing here is
// hand-listed.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `mianjing-${VERSION}`;

self.addEventListener('install', (event) => {
  // No skipWaiting here: a new version waits until the user says "reload".
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
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

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'mianjing:skip-waiting') self.skipWaiting();
});

// Cache-first for our own files; the app is one page, so every navigation
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
