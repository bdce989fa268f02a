// Loaded by the loader (tools/loader.js) once the app has started. Plain
// browser glue that has no place in the wasm:
// 1. the service worker: offline after one visit; a new version waits until
//    the user accepts it (the app shows "new version — reload"). An embed
//    (in an iframe, or with `embed` in its URL) has it cache only its own
//    bundle; the full app caches every bundle;
// 2. in an iframe, the page's height goes to the parent (embed.js resizes).

(function serviceWorker() {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  let reloading = false;
  const offer = (worker) => {
    window.__mianjingUpdate = worker;
    window.dispatchEvent(new CustomEvent('mianjing:update-ready'));
  };
  try {
    navigator.serviceWorker.register('./sw.js').then((reg) => {
      if (reg.waiting && navigator.serviceWorker.controller) offer(reg.waiting);
      reg.addEventListener('updatefound', () => {
        const worker = reg.installing;
        if (!worker) return;
        worker.addEventListener('statechange', () => {
          if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
        });
      });
      const embedded = window.parent !== window
        || document.documentElement.hasAttribute('data-boot-embed');
      const bundle = document.documentElement.getAttribute('data-bundle') || 'app';
      navigator.serviceWorker.ready.then((ready) => {
        if (!ready.active) return;
        // When the bundles are cached, <html data-offline-ready> says so.
        const channel = new MessageChannel();
        channel.port1.onmessage = (e) => {
          if (e.data && e.data.ok) document.documentElement.setAttribute('data-offline-ready', '');
        };
        ready.active.postMessage({ type: 'mianjing:cache-bundles', bundles: embedded ? [bundle] : ['*'] }, [channel.port2]);
      }).catch(() => {});
      // Look for a new version whenever the user comes back to the tab.
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') reg.update().catch(() => {});
      });
    }).catch(() => { /* sandboxed iframe or blocked: the app works online */ });
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (window.__mianjingApplying && !reloading) {
        reloading = true;
        location.reload();
      }
    });
  } catch (e) { /* an opaque origin throws on access */ }
  window.addEventListener('mianjing:apply-update', () => {
    const worker = window.__mianjingUpdate;
    if (!worker) return;
    window.__mianjingApplying = true;
    worker.postMessage({ type: 'mianjing:skip-waiting' });
  });
})();

(function embedHeight() {
  if (window.parent === window) return;
  let last = 0;
  const post = () => {
    const app = document.querySelector('.app') || document.body;
    const height = Math.ceil(app.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'mianjing:height', height }, '*');
  };
  new ResizeObserver(post).observe(document.body);
  window.addEventListener('hashchange', () => requestAnimationFrame(post));
  post();
})();
