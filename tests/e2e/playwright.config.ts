/** End-to-end tests: Chromium from Debian driving the real built app against the real built server. */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: './results',
  globalSetup: './globalSetup.ts',
  // Two cores: one test at a time, and no retries so that a flaky test is seen as one.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-gpu',
      ],
    },
    viewport: { width: 1280, height: 800 },
    // The interface follows the browser's language; the specs read English unless they ask otherwise.
    locale: 'en-US',
    actionTimeout: 10_000,
    trace: 'off',
  },
});
