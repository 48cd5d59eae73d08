import { defineConfig } from '@playwright/test';

// The bridge's main-process code runs in the test workers: give it the office's clock,
// as the browser has (timezoneId below), so "today" is the same day on both sides.
process.env.TZ = 'Europe/Stockholm';

/**
 * Chromium from Debian, never a downloaded browser. The flags keep it off the network
 * (the machines here have none, and the app must need none).
 */
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export default defineConfig({
  tsconfig: './test/e2e/tsconfig.runtime.json',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  outputDir: 'test-results/playwright',
  use: {
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    viewport: { width: 1280, height: 860 },
    launchOptions: chromium,
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'renderer', testDir: 'test/e2e', testMatch: '**/*.spec.ts' },
    { name: 'electron', testDir: 'test/electron', testMatch: '**/*.spec.ts' },
  ],
});
