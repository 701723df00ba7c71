import { defineConfig } from '@playwright/test';

// End-to-end tests drive the production build (.output/chrome-mv3) in Debian's Chromium against the demo seller
// center. The browser runs in New York (neither UTC nor Beijing), and the badge and indicator specs again in
// Shanghai: the results must not depend on the zone.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['./tests/e2e/summary-reporter.ts']],
  outputDir: 'test-results',
  projects: [
    { name: 'new-york', use: { browserTz: 'America/New_York' } as object },
    // Badges and indicators again with the browser in Beijing's own zone: the results must be the same.
    { name: 'shanghai', use: { browserTz: 'Asia/Shanghai' } as object, testMatch: /(badges|indicators)\.spec\.ts/ },
  ],
});
