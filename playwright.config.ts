import { defineConfig } from '@playwright/test'

/**
 * E2E in browser mode: each test starts its own `out/main/web.js` on a free port with a temp
 * data dir (test/e2e/fixtures.ts). Build first: `npm run test:e2e` runs `electron-vite build`.
 * Uses the system Chromium; never `playwright install`.
 */
// The test code, the server it starts and the browser all live in one local day (the browser's timezoneId below):
// with the runner on UTC, between 16:00 and 24:00 UTC the test's "today" was a day behind the app's.
process.env.TZ = 'Asia/Shanghai'

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/artifacts',
  timeout: 120_000, // generous: CI machines here have 2 cores shared with builds
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
})
