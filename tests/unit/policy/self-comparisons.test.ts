// No test compares a value with itself: an assertion whose subject and expected value are the same expression
// (`expect(f(a)).toEqual(f(a))`) passes whatever f does, so it tests nothing (issue 9). Every test file, unit and e2e.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs tool shared with the command line (`node tests/tools/self-comparisons.mjs`)
import { assertionsIn, selfComparisons, selfComparisonsIn, testFiles } from '../../tools/self-comparisons.mjs';

type Hit = { line: number; text: string };

describe('self-comparing assertions', () => {
  it('reads every test file, unit and e2e, and the assertions in them', () => {
    const files = testFiles() as string[];
    expect(files.some((f) => f.includes('tests/e2e/'))).toBe(true);
    expect(files.length).toBeGreaterThan(60);
    const assertions = files.reduce((n, f) => n + (assertionsIn(readFileSync(f, 'utf8')) as unknown[]).length, 0);
    expect(assertions).toBeGreaterThan(1000);
  });

  it('there are none', () => {
    expect(selfComparisons()).toEqual([]);
  });

  it('catches a planted one, whatever the whitespace, modifiers and message', () => {
    const planted = [
      "it('x', () => {",
      '  expect(x).toBe(x);',
      '  expect(f(a, [1, 2])).toEqual(f(a,[1,2]));',
      "  expect(headerField(t), 'cached').toBe(",
      '    headerField( t ),',
      '  );',
      '  await expect.poll(() => read()).not.toEqual(read());',
      '  expect(x).toBe(y);',
      "  expect(f('a b')).toBe(f('ab'));",
      '  // expect(z).toBe(z) in a comment is prose',
      "  const s = 'expect(z).toBe(z)';",
      '  expect(a.filter((v) => /[)(]/.test(v))).toEqual(a.filter((v) => /[)(]/.test(v)));',
      '});',
    ].join('\n');
    expect((selfComparisonsIn(planted) as Hit[]).map((h) => h.line)).toEqual([2, 3, 4, 7, 12]);
  });

  it('reads a subject and an expected value through nested brackets, strings and templates', () => {
    const [a] = assertionsIn("expect(g(`${x})`, ')')).toStrictEqual({ a: [1, ')'] }, );") as Array<{ subject: string; expected: string }>;
    expect(a).toEqual({ line: 1, text: expect.any(String), subject: "g(`${x})`,')')", expected: "{a:[1,')']}" });
  });
});
