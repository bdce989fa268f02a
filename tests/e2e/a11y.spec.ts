// axe-core on every route, in the full app and in embed mode, both themes:
// no violations.
import { test, expect } from '@playwright/test';
import { open } from './helpers';

const ROUTES = ['#/', '#/notes', '#/search?q=三次握手', '#/review', '#/stats', '#/settings',
  '#/tcp', '#/tcp/handshake', '#/net', '#/net/tls13', '#/net/dns', '#/algo', '#/algo/quick-sort', '#/py', '#/py/closures',
  '#/no/such/page'];

// axe is injected as a script: allow it past the page's CSP.
test.use({ bypassCSP: true });

for (const theme of ['light', 'dark'] as const) {
  for (const embed of [false, true]) {
    test(`axe: no violations, ${theme}${embed ? ', embed' : ''}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      const failures: string[] = [];
      for (const route of ROUTES) {
        const url = embed ? route + (route.includes('?') ? '&embed' : '?embed') : route;
        await open(page, url);
        await page.waitForTimeout(150);
        await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
        const violations = await page.evaluate(async () => {
          // @ts-expect-error axe is injected above
          const r = await window.axe.run(document, { resultTypes: ['violations'] });
          return r.violations.map((v: { id: string; nodes: { target: string[] }[] }) =>
            `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        });
        for (const v of violations) failures.push(`${url} → ${v}`);
      }
      expect(failures).toEqual([]);
    });
  }
}
