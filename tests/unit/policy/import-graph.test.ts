// No import cycle anywhere in the extension's code (lib/, components/, entrypoints/), type-only imports included:
// each cycle is a pair of files a newcomer cannot read one after the other (issue 9).
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs tool shared with the command line (`node tests/tools/import-graph.mjs`)
import { importCycles, importGraph, specifiersOf } from '../../tools/import-graph.mjs';

describe('import graph', () => {
  it('reads the whole tree', () => {
    const graph = importGraph() as Map<string, string[]>;
    expect(graph.size).toBeGreaterThan(100);
    const edges = [...graph.values()].reduce((n, deps) => n + deps.length, 0);
    expect(edges).toBeGreaterThan(300);
  });

  it('has no import cycle', () => {
    expect(importCycles()).toEqual([]);
  });

  it('finds a cycle of type-only imports, and none through a comment', () => {
    const root = mkdtempSync(join(tmpdir(), 'rr-graph-'));
    mkdirSync(join(root, 'lib'));
    writeFileSync(join(root, 'lib/a.ts'), "import type { B } from './b';\nexport type A = B[];\n");
    writeFileSync(join(root, 'lib/b.ts'), "// import { c } from './c';\nexport type { A as B } from './a';\n");
    writeFileSync(join(root, 'lib/c.ts'), "import { x } from './a';\n");
    expect(importCycles(importGraph(root), root)).toEqual([['lib/a.ts', 'lib/b.ts']]);
  });

  it('reads every import form', () => {
    const text = "import a from './a';\nimport type { B } from \"./b\";\nexport * from './c';\nconst d = import('./d');\nimport './e.css';";
    expect(specifiersOf(text)).toEqual(['./a', './b', './c', './d', './e.css']);
  });

  it('reads the imports after a line comment that holds "/*" (a glob in prose)', () => {
    const text = "// over lib/export/* and lib/db/*.ts\nimport { a } from './a';\n/* import './y'; */\nimport b from './b';";
    expect(specifiersOf(text)).toEqual(['./a', './b']);
  });
});
