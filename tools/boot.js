// Appended by tools/postbuild.mjs to the start-up script, after the app has
// started. Plain browser glue that has no place in the wasm:
// 1. the service worker: offline after one visit; a new version waits until
//    the user accepts it (the app shows "new version — reload");
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
