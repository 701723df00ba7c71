// No export nothing calls (house rule, issue 9): every export of lib/, components/ and entrypoints/ is imported by
// another product file or by test support, or is a product function its own file uses and its tests import.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs tool shared with the command line (`node tests/tools/unused-exports.mjs`)
import { unusedExports } from '../../tools/unused-exports.mjs';

/** Kept on purpose, with the reason. */
const KEPT: Record<string, string> = {
  'lib/impact.ts: refundImpact (only tests)': 'the programmatic API of domain.md §6.10',
  'lib/indicators.ts: completionTimeExclusions (only tests)':
    'the §6.5 "records not understood" rule; no view shows that count yet (a missing feature, not dead code)',
};

function plantedRepo(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'rr-exports-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('unused exports', () => {
  it('none in the product, but those kept on purpose', () => {
    const found = unusedExports() as string[];
    expect(found.filter((e) => !(e in KEPT))).toEqual([]);
    // A kept entry that is no longer found is stale: drop it.
    expect(Object.keys(KEPT).filter((e) => !found.includes(e))).toEqual([]);
  });

  it('finds a planted one: unused, used in its own file only, called by its test only; not one called through a re-export', () => {
    const root = plantedRepo({
      'lib/a.ts': [
        'export const used = 1;',
        'export function alone() {}',
        'export const local = 2;',
        'export const twice = local * 2;',
        'export function tested() {}',
        'export function testedAndUsed() {}',
        'export type T = { x: number }; // export const inAComment = 1;',
        'const y = testedAndUsed();',
      ].join('\n'),
      'lib/b.ts': "export { used as again, type T } from './a';\n",
      'lib/c.ts': "import { again } from './b';\nimport type { T } from './b';\nexport default again as unknown as T;\n",
      'components/d.tsx': "import * as a from '../lib/a';\nconsole.log(a.twice);\n",
      'tests/unit/a.test.ts': "import { tested, testedAndUsed } from '../../lib/a';\n",
    });
    expect(unusedExports(root)).toEqual(['lib/a.ts: alone', 'lib/a.ts: local', 'lib/a.ts: tested (only tests)']);
  });
});
