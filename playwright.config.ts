import { defineConfig } from '@playwright/test';

// End-to-end tests drive the production build (.output/chrome-mv3) in Debian's Chromium against the demo seller
// center. The browser runs in a non-UTC, non-Beijing zone on purpose: badges must not depend on it.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['./tests/e2e/summary-reporter.ts']],
  outputDir: 'test-results',
});
