import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Node 20 lacks Map.groupBy, which vitest 5's reporter calls when it prints a failure (it crashes instead).
// The config runs in the reporter's process, so the polyfill goes here.
if (typeof (Map as { groupBy?: unknown }).groupBy !== 'function') {
  Object.defineProperty(Map, 'groupBy', {
    value<K, T>(items: Iterable<T>, key: (item: T, index: number) => K): Map<K, T[]> {
      const groups = new Map<K, T[]>();
      let i = 0;
      for (const item of items) {
        const k = key(item, i++);
        const group = groups.get(k);
        if (group) group.push(item);
        else groups.set(k, [item]);
      }
      return groups;
    },
  });
}

/** The suites whose results depend on instants and calendar days. */
const TIME_SUITES = [
  'time', 'deadline', 'format', 'indicators', 'page', 'db', 'reminders', 'export', 'log',
  'seller-center', 'components/badge', 'components/log', 'entrypoints/background',
];

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    setupFiles: ['tests/unit/fast-check-seed.ts'],
    // Everything runs in New York (neither UTC nor Beijing); everything that involves times runs again in Shanghai.
    // The results must be identical: page times are Beijing time whatever the machine's zone (domain.md "Time").
    projects: [
      {
        extends: true,
        test: { name: 'new-york', include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'], env: { TZ: 'America/New_York' } },
      },
      {
        extends: true,
        test: {
          name: 'shanghai',
          include: TIME_SUITES.map((dir) => `tests/unit/${dir}/**/*.test.{ts,tsx}`),
          env: { TZ: 'Asia/Shanghai' },
        },
      },
    ],
  },
});
