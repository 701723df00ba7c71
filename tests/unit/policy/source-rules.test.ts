// A lint rule as a test: no HTML parsing of page or imported text (XSS into the seller's page or our pages), and no
// network API anywhere in the extension's code (nothing leaves the machine).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOTS = ['lib', 'components', 'entrypoints'];
const FORBIDDEN: Array<[string, RegExp]> = [
  ['innerHTML', /\.innerHTML\s*[+]?=/],
  ['outerHTML', /\.outerHTML\s*=/],
  ['insertAdjacentHTML', /insertAdjacentHTML\s*\(/],
  ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
  ['document.write', /document\.write(ln)?\s*\(/],
  ['DOMParser on text', /new\s+DOMParser\s*\(/],
  ['createContextualFragment', /createContextualFragment/],
  ['eval', /\beval\s*\(|new\s+Function\s*\(/],
  ['fetch', /\bfetch\s*\(/],
  ['XMLHttpRequest', /XMLHttpRequest/],
  ['WebSocket', /\bWebSocket\b|EventSource/],
  ['sendBeacon', /sendBeacon/],
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('source rules', () => {
  const files = ROOTS.flatMap((r) => sources(r));
  it('scans the extension code', () => {
    expect(files.length).toBeGreaterThan(40);
  });
  for (const [name, pattern] of FORBIDDEN) {
    it(`uses no ${name}`, () => {
      const hits = files.filter((f) => pattern.test(readFileSync(f, 'utf8').replace(/\/\/.*$/gm, '')));
      expect(hits).toEqual([]);
    });
  }
  it('the rule itself catches a violation', () => {
    expect(FORBIDDEN.find(([n]) => n === 'innerHTML')![1].test('el.innerHTML = row.text')).toBe(true);
    expect(FORBIDDEN.find(([n]) => n === 'fetch')![1].test('await fetch(url)')).toBe(true);
  });
});
