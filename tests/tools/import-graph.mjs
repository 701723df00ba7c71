// The import graph of the repo's own source (lib/, components/, entrypoints/), read as text: every `import … from`,
// `export … from`, `import type`, dynamic `import()`. Type-only imports count: a cycle of types is still a cycle a
// reader has to untangle. Used by tests/unit/policy/import-graph.test.ts; `node tests/tools/import-graph.mjs` prints
// the cycles it finds (none, or the files of each).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripComments } from './self-comparisons.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCE_DIRS = ['lib', 'components', 'entrypoints'];
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.js', '.mjs'];
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)(['"])([^'"\n]+)\1/gm;

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (EXTENSIONS.some((e) => name.endsWith(e)) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** The file a specifier names (relative, or `@/` for the repo root), or undefined for a package. */
export function resolveSpecifier(fromFile, spec) {
  let base;
  if (spec.startsWith('@/')) base = join(ROOT, spec.slice(2));
  else if (spec.startsWith('.')) base = resolve(dirname(fromFile), spec);
  else return undefined;
  const candidates = [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => join(base, 'index' + e))];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

/** The specifiers of one file's source text (comments are stripped first, so an example in a comment is not an import). */
export function specifiersOf(text) {
  // A tokenizer, not two regexes: a line comment holding "lib/export/*" once hid every import below it.
  const code = stripComments(text);
  return [...code.matchAll(SPECIFIER)].map((m) => m[2]);
}

/** Map file → the repo files it imports. */
export function importGraph(root = ROOT) {
  const files = SOURCE_DIRS.filter((d) => existsSync(join(root, d))).flatMap((d) => walk(join(root, d)));
  const graph = new Map();
  for (const file of files) {
    const deps = new Set();
    for (const spec of specifiersOf(readFileSync(file, 'utf8'))) {
      const target = resolveSpecifier(file, spec);
      if (target && target !== file) deps.add(target);
    }
    graph.set(file, [...deps]);
  }
  return graph;
}

/** Strongly connected components with more than one file (Tarjan): each is an import cycle. */
export function importCycles(graph = importGraph(), root = ROOT) {
  let index = 0;
  const stack = [];
  const on = new Set();
  const idx = new Map();
  const low = new Map();
  const cycles = [];
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        component.push(relative(root, w));
      } while (w !== v);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return cycles;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const cycles = importCycles();
  for (const c of cycles) console.log(`cycle: ${c.join(' → ')}`);
  console.log(`${cycles.length} import cycle(s)`);
  process.exitCode = cycles.length > 0 ? 1 : 0;
}
