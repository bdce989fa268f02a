// Renders the app icons (PNG) from the brand mark with the system Chromium.
// Run by hand when the mark changes: node tools/make-icons.mjs
import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage();
const make = async (size, maskable, out) => {
  await p.setViewportSize({ width: size, height: size });
  const r = maskable ? 0 : size * 0.2;
  const fs = maskable ? size * 0.46 : size * 0.62;
  await p.setContent(`<html><body style="margin:0;background:transparent">
  <div style="width:${size}px;height:${size}px;border-radius:${r}px;background:#b4462b;display:grid;place-items:center;
  color:#fff;font:700 ${fs}px 'Noto Sans CJK SC',sans-serif;line-height:1">面</div></body></html>`);
  await p.screenshot({ path: out, omitBackground: true });
};
await make(192, false, 'static/icons/icon-192.png');
await make(512, false, 'static/icons/icon-512.png');
await make(512, true, 'static/icons/maskable-512.png');
await b.close();
