/* mianjing embed helper, for the page that hosts a mianjing iframe.
 *
 *   <iframe src="https://example.org/mianjing/#/tcp/handshake?embed"
 *           title="TCP 三次握手" style="width:100%;border:0" loading="lazy"></iframe>
 *   <script src="https://example.org/mianjing/embed.js" async></script>
 *
 * The app inside the iframe posts {type: "mianjing:height", height} whenever
 * its height changes; this script sizes the iframe to fit, so the post shows
 * the widget without a scrollbar. A message is accepted only from one of the
 * page's own iframes, and only with that iframe's origin (or "null" for an
 * iframe sandboxed without allow-same-origin, whose origin is opaque).
 */
(function () {
  'use strict';
  function expectedOrigin(frame) {
    var sandbox = frame.getAttribute('sandbox');
    if (sandbox !== null && !/\ballow-same-origin\b/.test(sandbox)) return 'null';
    try { return new URL(frame.src, document.baseURI).origin; } catch (e) { return undefined; }
  }
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'mianjing:height' || typeof data.height !== 'number') return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      if (event.origin !== expectedOrigin(frame)) return;
      var h = Math.max(80, Math.min(Math.ceil(data.height), 20000));
      frame.style.height = h + 'px';
      frame.setAttribute('scrolling', 'no');
      return;
    }
  });
})();
