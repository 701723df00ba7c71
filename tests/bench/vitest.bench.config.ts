// Config of the benchmark's pure computations only (run by tests/bench/run.mjs, not by `npm test`).
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/bench/**/*.bench-run.ts'],
    env: { TZ: 'America/New_York' },
    testTimeout: 120_000,
    fileParallelism: false,
  },
});
