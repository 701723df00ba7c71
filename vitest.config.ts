import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    // Tests run in a non-Beijing zone on purpose: nothing may depend on the machine's time zone.
    env: { TZ: 'America/New_York' },
  },
});
