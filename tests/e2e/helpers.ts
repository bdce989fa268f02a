// Shared helpers for the end-to-end tests.
import { expect, type Page, type ConsoleMessage } from '@playwright/test';
import fs from 'node:fs';

export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };

/** Collects console errors and page errors; assert none at the end. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/** Opens a hash route and waits for the app to have mounted. */
export async function open(page: Page, hash: string) {
  await page.goto(`./${hash.startsWith('#') ? hash : '#' + hash}`);
  await expect(page.locator('#main')).toBeVisible();
  await expect(page.locator('#boot')).toHaveCount(0);
}

/** Writes a screenshot under target/screenshots/ for a person to look at. */
export async function shot(page: Page, name: string) {
  fs.mkdirSync('target/screenshots', { recursive: true });
  await page.screenshot({ path: `target/screenshots/${name}.png`, fullPage: true });
}

/** Sets the theme before the app starts, through the storage the app reads. */
export async function withTheme(page: Page, theme: 'light' | 'dark') {
  await page.addInitScript((t) => {
    try {
      if (!localStorage.getItem('mianjing.prefs')) {
        localStorage.setItem('mianjing.prefs', JSON.stringify({ v: 1, data: { theme: t, lang: 'zh' } }));
      }
    } catch { /* storage refused: the test will see the default */ }
  }, theme);
}
