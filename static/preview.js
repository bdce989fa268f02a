/* Runs while the page is parsed, right after the static first screen
 * (#boot), before the first paint: on a page whose heading and summary are
 * known (PAGES, filled in by tools/build.mjs from the app's own strings),
 * draws them as the app will, with the same elements and classes, so the
 * page's largest text is painted by the HTML, not after the wasm arrives.
 * Any failure leaves the plain "loading" screen. */
(function () {
  var PAGES = __PAGES__;
  try {
    var root = document.documentElement;
    var path = location.hash.replace(/^#+/, '').split(/[?#]/)[0].replace(/^\/+|\/+$/g, '');
    var page = PAGES[path];
    var boot = document.getElementById('boot');
    if (!page || !boot) return;
    var text = page[root.getAttribute('data-boot-lang') === 'en' ? 'en' : 'zh'];
    if (root.hasAttribute('data-boot-embed')) boot.classList.add('embed');
    var section = document.createElement('section');
    section.className = 'page boot-preview ' + path.split('/')[0] + '-page';
    var head = document.createElement('header');
    head.className = path.split('/')[0] + '-head';
    var h1 = document.createElement('h1');
    h1.textContent = text.title;
    head.appendChild(h1);
    var p = document.createElement('p');
    p.className = path.split('/')[0] + '-summary';
    p.textContent = text.summary;
    section.appendChild(head);
    section.appendChild(p);
    var main = boot.querySelector('main');
    main.insertBefore(section, main.firstChild);
  } catch (e) { /* the loading screen stays */ }
})();
