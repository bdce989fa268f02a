// End-to-end tests run against the release build in dist/, served on
// 127.0.0.1 by tools/serve.mjs, in the system's Chromium (no browser
// download). Screenshots for people to look at go to target/screenshots/.
import { defineConfig } from '@playwright/test';

const PORT = 8181;

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    },
    locale: 'zh-CN',
    trace: 'off',
  },
  webServer: [
    {
      command: `node tools/serve.mjs --dir dist --port ${PORT} --also examples=examples`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
    {
      // The same build under a sub-path, as a static host may serve it.
      command: `node tools/serve.mjs --dir dist --port ${PORT + 1} --base /notes/study/`,
      url: `http://127.0.0.1:${PORT + 1}/notes/study/`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
  ],
});
