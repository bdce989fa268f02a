// Each page loads only the styles its bundle's pages use, and every rule it
// needs: index.html inlines the static first screen's (base.css, shell.css),
// and each bundle has one stylesheet of its own (BUNDLE_STYLES in
// tools/build.mjs) that the loader fetches with the wasm and waits for.
//
// "Needs" is checked rule by rule against every file of style/: on each page
// below, a rule whose selector matches an element must be loaded. States the
// page is not in count as matching (:hover, :focus, :disabled, aria-*
// values, ::before), so a rule for a button's hover or an invalid field is
// needed wherever the button or the field is drawn; rules inside a media
// query count whatever the screen. A rule that only sets variables is needed
// where it matches and a needed rule reads one of them.
import { test, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { open, watchErrors } from './helpers';

const SOURCES: Record<string, string> = Object.fromEntries(fs.readdirSync('style')
  .filter((f) => f.endsWith('.css'))
  .map((f) => [f, fs.readFileSync(path.join('style', f), 'utf8')]));

/** The rules of style/ that match the page's elements but are not loaded
 * (only the inline <style> counts when `inlineOnly`), as `file: selector`. */
function missingRules(page: Page, inlineOnly: boolean): Promise<string[]> {
  return page.evaluate(([sources, inlineOnly]) => {
    // A selector with its states dropped: `.a:hover::before` is `.a`.
    const broaden = (sel: string) => sel
      .replace(/::?(before|after|placeholder|marker|selection|backdrop|file-selector-button|-webkit-[\w-]+|-moz-[\w-]+)/g, '')
      .replace(/:(hover|focus-visible|focus-within|focus|active|visited|link|disabled|enabled|checked|placeholder-shown|invalid|valid|target)(?![\w(-])/g, '')
      .replace(/\[(aria-[\w-]+)[~|^$*]?=(?:"[^"]*"|'[^']*'|[^\]]*)\]/g, '[$1]')
      .trim()
      .replace(/(^|[\s>+~(,])(?=$|[\s>+~),])/g, '$1*');
    const matches = (selectorText: string) => selectorText.split(/,(?![^(]*\))/).some((s) => {
      try {
        return document.querySelector(broaden(s.trim())) !== null;
      } catch {
        return true; // a selector this check cannot read: count it as needed
      }
    });
    type Flat = { rule: CSSRule; key: string };
    // The build ships stylesheets without spare whitespace (smallCss in
    // tools/build.mjs), which custom properties' values keep as written:
    // rules are compared with whitespace collapsed the same way.
    const squeeze = (css: string) => css.replace(/\s+/g, ' ').replace(/ ?([{};,>]) ?/g, '$1');
    const flatten = (rules: CSSRuleList, media: string, out: Flat[]): Flat[] => {
      for (const rule of Array.from(rules)) {
        if (rule instanceof CSSMediaRule || rule instanceof CSSSupportsRule) {
          flatten(rule.cssRules, `${media}@${rule.conditionText} `, out);
        } else {
          out.push({ rule, key: squeeze(media + rule.cssText) });
        }
      }
      return out;
    };
    const loaded = new Set<string>();
    for (const sheet of Array.from(document.styleSheets)) {
      if (inlineOnly && sheet.ownerNode?.nodeName !== 'STYLE') continue;
      for (const { key } of flatten(sheet.cssRules, '', [])) loaded.add(key);
    }
    const all: (Flat & { file: string })[] = [];
    for (const [file, text] of Object.entries(sources)) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      for (const f of flatten(sheet.cssRules, '', [])) all.push({ ...f, file });
    }
    const setsOnlyVariables = (r: CSSRule) => r instanceof CSSStyleRule
      && Array.from(r.style).every((p) => p.startsWith('--'));
    const needed = new Set<(typeof all)[number]>();
    const read = new Set<string>();
    const need = (x: (typeof all)[number]) => {
      needed.add(x);
      for (const m of x.rule.cssText.matchAll(/var\((--[\w-]+)/g)) read.add(m[1]);
    };
    for (const x of all) {
      if (!(x.rule instanceof CSSStyleRule)) need(x); // @keyframes, @font-face: always
      else if (!setsOnlyVariables(x.rule) && matches(x.rule.selectorText)) need(x);
    }
    for (let grew = true; grew;) {
      grew = false;
      for (const x of all) {
        if (needed.has(x) || !setsOnlyVariables(x.rule)) continue;
        const r = x.rule as CSSStyleRule;
        if (Array.from(r.style).some((p) => read.has(p)) && matches(r.selectorText)) {
          need(x);
          grew = true;
        }
      }
    }
    return [...needed].filter((x) => !loaded.has(x.key))
      .map((x) => `${x.file}: ${x.rule instanceof CSSStyleRule ? x.rule.selectorText : x.rule.cssText.slice(0, 60)}`);
  }, [SOURCES, inlineOnly] as const);
}

/** The stylesheet files the page links (the bundle's), by name. */
const linkedStyles = (page: Page) => page.locator('link[rel="stylesheet"]')
  .evaluateAll((links) => links.map((l) => new URL((l as HTMLLinkElement).href).pathname.split('/').pop()));

// Pages of each bundle, and keys pressed once the app has started: the help
// overlay, a review's answer, a diagram played to its end.
const PAGES: Record<string, [string, string[]][]> = {
  app: [['#/', ['Shift+?']], ['#/stats', []], ['#/settings', []], ['#/nowhere', []]],
  notes: [['#/notes', []], ['#/notes/networking', []], ['#/notes/networking/tcp-handshake', []],
    ['#/notes/python-basics/decorator', []], ['#/search?q=tcp', []], ['#/search?q=zzzzqqq', []],
    ['#/review', ['Space']]],
  tcp: [['#/tcp', []], ['#/tcp/handshake', ['End']], ['#/tcp/syn-lost', ['End']], ['#/tcp/handshake?embed', []],
    ['#/tcp/no-such', []]],
  algo: [['#/algo', []], ['#/algo/quick-sort', ['ArrowRight']], ['#/algo/radix-sort', ['ArrowRight']],
    ['#/algo/merge-sort', ['ArrowRight']], ['#/algo/binary-search', ['ArrowRight']],
    ['#/algo/hash-search', ['ArrowRight']], ['#/algo/block-search', ['ArrowRight']],
    ['#/algo/quick-sort?embed', []]],
  net: [['#/net', []], ['#/net/tls13', ['End']], ['#/net/dns', ['End']], ['#/net/http2', ['End']],
    ['#/net/tls13?embed', []], ['#/net/nope', []]],
  py: [['#/py', []], ['#/py/copies', ['End']], ['#/py/closures', ['End']], ['#/py/copies?embed', []]],
};

for (const [bundle, pages] of Object.entries(PAGES)) {
  test(`the ${bundle} pages load their bundle's stylesheet alone, with every rule they use`, async ({ page }) => {
    test.setTimeout(60_000);
    const errors = watchErrors(page);
    for (const [url, keys] of pages) {
      // A fresh load each time: a new hash alone would not reload the page.
      await page.goto('about:blank');
      await open(page, url);
      for (const key of keys) await page.keyboard.press(key);
      await page.waitForTimeout(200);
      // The bundle the loader chose (a widget build for some embeds) and its
      // stylesheet, nothing else.
      const name = await page.locator('html').getAttribute('data-bundle');
      expect(name?.replace(/_embed_(zh|en)$/, ''), url).toBe(bundle);
      expect(await linkedStyles(page), url).toEqual([expect.stringMatching(new RegExp(`^${name}-[0-9a-f]{16}\\.css$`))]);
      expect(await missingRules(page, false), url).toEqual([]);
    }
    expect(errors).toEqual([]);
  });
}

test('the static first screen paints with the inline styles alone', async ({ page }) => {
  // Neither the wasm nor any stylesheet ever arrives.
  await page.route(/(_bg\.wasm|\.css)$/, () => { /* never answer */ });
  for (const url of ['#/', '#/?lang=en', '#/tcp/handshake', '#/tcp/handshake?embed', '#/algo/quick-sort?embed',
    '#/notes', '#/review', '#/py/copies', '#/net/tls13']) {
    await page.goto('about:blank');
    await page.goto(`./${url}`);
    await expect(page.locator('#boot')).toBeVisible();
    expect(await missingRules(page, true), url).toEqual([]);
  }
});

test('the app starts only once its stylesheet has loaded', async ({ page }) => {
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.getElementById('main') || document.getElementById('boot')) return;
      observer.disconnect();
      (window as unknown as { styled: boolean[] }).styled = Array.from(
        document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]'),
        (l) => (l.sheet?.cssRules.length ?? 0) > 0,
      );
    }).observe(document, { childList: true, subtree: true });
  });
  await page.route(/\.css$/, async (route) => {
    await new Promise((r) => setTimeout(r, 1000));
    await route.continue();
  });
  await open(page, '#/tcp/handshake');
  expect(await page.evaluate(() => (window as unknown as { styled: boolean[] }).styled)).toEqual([true]);
});

test('a stylesheet that fails to load does not stop the app', async ({ page }) => {
  await page.route(/\.css$/, (route) => route.abort());
  await open(page, '#/tcp/handshake');
  await expect(page.locator('.player-pos').first()).toBeVisible();
});
