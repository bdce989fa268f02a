/* Runs before the first paint, before the app's wasm arrives: applies the
 * saved theme and language, and shows the static copy of the home page only
 * when the URL is the home page (other routes show "loading"). Read-only:
 * storage belongs to the app. Any failure leaves the defaults. */
(function () {
  var root = document.documentElement;
  try {
    var saved = JSON.parse(localStorage.getItem('mianjing.prefs') || 'null');
    var data = saved && saved.data;
    if (data && (data.theme === 'dark' || data.theme === 'light')) root.setAttribute('data-theme', data.theme);
    if (data && data.lang === 'en') root.setAttribute('data-boot-lang', 'en');
  } catch (e) { /* storage refused: defaults */ }
  var hash = location.hash.split('?')[0];
  // The hash's query, then the page's own (`/?embed#/tcp/handshake`).
  var query = (location.hash.split('?')[1] || '') + '&' + location.search.replace(/^\?/, '');
  var m = /(?:^|&)theme=(dark|light)(?:&|$)/.exec(query);
  if (m) root.setAttribute('data-theme', m[1]);
  if (/(?:^|&)embed(?:[=&]|$)/.test(query)) root.setAttribute('data-boot-embed', '');
  // The values `Lang::parse` reads (src/i18n/mod.rs): the loader picks a
  // widget's one-language build by this attribute.
  var l = /(?:^|&)lang=(zh|zh-cn|cn|en|en-us|en-gb)(?:&|$)/i.exec(query);
  if (l && /^en/i.test(l[1])) root.setAttribute('data-boot-lang', 'en');
  if (l && !/^en/i.test(l[1])) root.removeAttribute('data-boot-lang');
  if (hash === '' || hash === '#' || hash === '#/') root.setAttribute('data-boot-home', '');
})();
