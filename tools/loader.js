// The loader: picks the one wasm bundle the URL needs before any wasm is
// fetched, and starts it once its stylesheet has loaded. tools/build.mjs
// fills in BUNDLES (each bundle's hashed file names) and BOOT, and inlines
// this script into index.html, its hash allowed by the page's
// Content-Security-Policy.
//
// The rule is the one in src/bundle.rs (`Bundle::file_name_for`): the hash's
// first path segment names the bundle; everything else is the app. A
// diagram's URL that asks for an embed (`embed` in the hash's query or the
// page's own, not `embed=0` or `embed=false`) gets the diagram's widget
// build, the same pages without the app around them.
const BUNDLES = __BUNDLES__;
const BOOT = __BOOT__;
// The pages whose heading and summary the static first screen can draw
// before the app arrives, one small JSON file each in PREVIEWS.dir (from the
// app's own strings: examples/boot_texts.rs). Fetched per page, so a widget
// or the home page carries none of the others.
const PREVIEWS = __PREVIEWS__;

function bundleFor(hash) {
  const path = hash.replace(/^#+/, '').split(/[?#]/)[0];
  const first = path.replace(/^\/+/, '').split('/')[0];
  if (first === 'notes' || first === 'search' || first === 'review') return 'notes';
  if (first === 'tcp') return 'tcp';
  if (first === 'algo') return 'algo';
  if (first === 'net') return 'net';
  if (first === 'py') return 'py';
  return 'app';
}

const WIDGETS = { tcp: 'tcp_embed', algo: 'algo_embed', net: 'net_embed', py: 'py_embed' };

function wantsEmbed(query) {
  return query.split('&').some((pair) => {
    const [key, value = ''] = pair.split('=');
    const decode = (s) => { try { return decodeURIComponent(s); } catch (e) { return s; } };
    return decode(key) === 'embed' && decode(value) !== '0' && decode(value) !== 'false';
  });
}

// A widget is built once per language (tools/build.mjs): the page's
// language, as early.js settled it from the URL and the saved preferences,
// picks `tcp_embed_zh` or `tcp_embed_en`.
function fileNameFor(hash, search, lang) {
  const bundle = bundleFor(hash);
  const hashQuery = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '';
  const embed = wantsEmbed(hashQuery) || wantsEmbed(search.replace(/^\?/, ''));
  return embed && WIDGETS[bundle] ? `${WIDGETS[bundle]}_${lang}` : bundle;
}

// The static first screen (index.html's #boot) is painted, and its largest
// element reported as the page's largest paint, before the app is fetched
// and started: the app then draws the same elements at the same size, which
// is not larger, so a phone (and Lighthouse) sees the first screen as the
// page's content rather than waiting for the wasm. A browser reports a
// largest-paint candidate only once the frame is presented, and forgets one
// whose node is removed before that, hence waiting for the report itself.
// The wasm is fetched only then, a frame or two later than it could be: a
// download that starts before the largest paint counts as holding it up in
// Lighthouse's simulation (what PageSpeed Insights shows), and the first
// screen is what a slow network should bring first anyway. Browsers without
// the API wait for two frames; a hidden tab, for at most 1 s.
const painted = (within) => new Promise((resolve) => {
  const done = () => setTimeout(resolve, 0);
  setTimeout(resolve, 1000);
  const types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
  if (types.includes('largest-contentful-paint')) {
    new PerformanceObserver((list, observer) => {
      // With a preview drawn, its own report: the loading line's came first.
      if (within && !list.getEntries().some((e) => e.element && within.contains(e.element))) return;
      observer.disconnect();
      done();
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  } else {
    requestAnimationFrame(() => requestAnimationFrame(done));
  }
});

/** Draws the page's heading and summary into the static first screen, with
 * the elements and classes the app will use, once its small file has
 * arrived; the wasm is fetched after that, so the preview is the page's
 * largest paint. Resolves to the drawn section, or to null (no preview for
 * this page, or any failure: the loading screen stays). */
function preview() {
  const path = location.hash.replace(/^#+/, '').split(/[?#]/)[0].replace(/^\/+|\/+$/g, '');
  if (!PREVIEWS.pages.includes(path)) return Promise.resolve(null);
  return fetch(`./${PREVIEWS.dir}/${path}.json`)
    .then((response) => (response.ok ? response.json() : null))
    .then((page) => {
      const boot = document.getElementById('boot');
      if (!page || !boot) return null;
      const root = document.documentElement;
      const text = page[root.getAttribute('data-boot-lang') === 'en' ? 'en' : 'zh'];
      const feature = path.split('/')[0];
      const element = (tag, className, content) => {
        const e = document.createElement(tag);
        if (className) e.className = className;
        if (content) e.textContent = content;
        return e;
      };
      const section = element('section', `page boot-preview ${feature}-page`);
      const head = element('header', `${feature}-head`);
      head.appendChild(element('h1', '', text.title));
      section.appendChild(head);
      section.appendChild(element('p', `${feature}-summary`, text.summary));
      const main = boot.querySelector('main');
      main.insertBefore(section, main.firstChild);
      return section;
    })
    .catch(() => null);
}

const name = fileNameFor(location.hash, location.search,
  document.documentElement.getAttribute('data-boot-lang') === 'en' ? 'en' : 'zh');
const files = BUNDLES[name];
document.documentElement.setAttribute('data-bundle', name);
preview()
  .then(painted)
  .then(() => {
    // Fetched together with the wasm, and awaited before the app draws
    // anything, so the app's first frame is styled.
    const css = stylesheet(`./${files.css}`);
    const wasm = fetch(`./${files.wasm}`);
    return Promise.all([import(`./${files.js}`), css])
      .then(([glue]) => glue.default({ module_or_path: wasm }));
  })
  .then(() => import(`./${BOOT}`))
  .catch((err) => {
    // Offline before the first visit finished, or a host that does not send
    // .wasm as application/wasm: say so where "Loading…" was.
    const where = document.querySelector('.boot-loading');
    if (where) {
      where.textContent = '加载失败，请检查网络后刷新页面。Could not load the app: check the connection and reload.';
    }
    console.warn('mianjing: could not start', err);
  });

/** Adds the bundle's stylesheet (index.html carries only the first
 * screen's) after the inline one. Resolves once it has loaded, or failed:
 * the app then starts unstyled rather than not at all. */
function stylesheet(href) {
  return new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.onload = link.onerror = () => resolve();
    document.head.appendChild(link);
  });
}
