// Exports nothing calls: every `export` of lib/, components/ and entrypoints/ whose name no other file imports.
// Callers are the product's files (lib/, components/, entrypoints/, wxt.config.ts) and the tests' support code
// (tests/ files that are not themselves *.test.* / *.spec.*: fixtures, harness, bench, fuzz oracle); an export a
// test file alone imports counts as used only when the same file, or another product file, also uses it (a function
// of the product tested on its own). Read as text, like import-graph.mjs: named imports and re-exports
// (`import { a as b }`, `export { a } from`, `import type`), namespace imports (`import * as m` … `m.name`), and the
// name's use in its own file. Used by tests/unit/policy/unused-exports.test.ts; `node tests/tools/unused-exports.mjs`
// prints what it finds.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, resolveSpecifier } from './import-graph.mjs';
import { stripComments } from './self-comparisons.mjs';

const PRODUCT_DIRS = ['lib', 'components', 'entrypoints'];
const EXTENSIONS = /\.(ts|tsx|mts|js|mjs)$/;
const TEST_FILE = /\.(test|spec)\.(ts|tsx|mts|js|mjs)$/;
/** Files WXT itself loads (their default export is the entry point). */
const ENTRY = /^entrypoints\//;

function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (EXTENSIONS.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}


/** The names a file exports itself: `export const|let|function|class|interface|type|enum NAME`, `export { a, b as c }`. */
export function exportsOf(text) {
  const code = stripComments(text);
  const names = new Set();
  for (const m of code.matchAll(/^\s*export\s+(?:declare\s+)?(?:async\s+)?(?:const|let|var|function\*?|class|interface|type|enum|abstract\s+class)\s+([A-Za-z_$][\w$]*)/gm)) names.add(m[1]);
  for (const m of code.matchAll(/^\s*export\s+(?:type\s+)?\{([^}]*)\}(\s*from\s*['"][^'"]+['"])?/gm)) {
    for (const part of m[1].split(',')) {
      const name = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/).pop()?.trim();
      if (name && name !== 'default') names.add(name);
    }
  }
  return names;
}

/** One file's imports: [{ target, names, reexport }]; names '*' for a namespace, dynamic or side-effect import. */
function importsOf(file, text) {
  const code = stripComments(text);
  const out = [];
  const add = (spec, names, reexport, aliases = names) => {
    const target = resolveSpecifier(file, spec);
    if (target) out.push({ target, names, reexport, aliases });
  };
  // import X, { a, b as c } from '…' · import type { a } from '…' · export { a as b } from '…' · export * from '…'
  for (const m of code.matchAll(/\b(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/g)) {
    const reexport = m[1] === 'export';
    const clause = m[3];
    const names = [];
    const aliases = [];
    const braces = clause.match(/\{([^}]*)\}/);
    if (braces) {
      for (const part of braces[1].split(',')) {
        const [orig, alias] = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/).map((x) => x.trim());
        if (orig) {
          names.push(orig);
          aliases.push(alias ?? orig);
        }
      }
    }
    const ns = clause.match(/\*\s+as\s+([A-Za-z_$][\w$]*)/);
    if (ns && !reexport) {
      // Only the members used through the namespace (m.name).
      for (const u of code.matchAll(new RegExp(`\\b${ns[1]}\\.([A-Za-z_$][\\w$]*)`, 'g'))) names.push(u[1]), aliases.push(u[1]);
    } else if (clause.trim() === '*' || ns) {
      names.push('*');
      aliases.push('*');
    }
    const def = clause.replace(/\{[^}]*\}/, '').replace(/\*(\s+as\s+\w+)?/, '').replace(/,/g, ' ').trim();
    if (def) names.push('default'), aliases.push(def);
    add(m[4], names, reexport, aliases);
  }
  for (const m of code.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm)) add(m[1] ?? m[2], ['*'], false);
  return out;
}

/** Is `name` used in `text` outside its own export line (a local caller)? */
function usedLocally(text, name) {
  const code = stripComments(text);
  const uses = [...code.matchAll(new RegExp(`(?<![\\w$])(?<![^.]\\.)${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g'))].length;
  return uses > 1;
}

/** Every export of lib/, components/, entrypoints/ that nothing calls, as "file: name" (sorted). */
export function unusedExports(root = ROOT) {
  const product = PRODUCT_DIRS.flatMap((d) => walk(join(root, d)));
  const extra = ['wxt.config.ts'].map((f) => join(root, f)).filter(existsSync);
  const tests = walk(join(root, 'tests'));
  const all = [...product, ...extra, ...tests];
  const imports = new Map(all.map((f) => [f, importsOf(f, readFileSync(f, 'utf8'))]));
  const text = new Map(product.map((f) => [f, readFileSync(f, 'utf8')]));

  /** The files that import `name` of `file` (through any re-export), re-exporting files left out. */
  const importers = (file, name, seen = new Set()) => {
    const key = `${file}#${name}`;
    if (seen.has(key)) return [];
    seen.add(key);
    const found = [];
    for (const [g, list] of imports) {
      if (g === file) continue;
      for (const imp of list) {
        if (imp.target !== file) continue;
        const i = imp.names.indexOf(name);
        const star = imp.names.includes('*');
        if (i === -1 && !star) continue;
        if (imp.reexport) found.push(...importers(g, i === -1 ? name : imp.aliases[i], seen));
        else found.push(g);
      }
    }
    return found;
  };

  const out = [];
  for (const file of product) {
    const rel = relative(root, file);
    const src = text.get(file);
    const reexported = new Set(imports.get(file).filter((i) => i.reexport).flatMap((i) => i.aliases));
    for (const name of exportsOf(src)) {
      if (ENTRY.test(rel) && name === 'default') continue;
      const callers = importers(file, name);
      const byProduct = callers.some((f) => !TEST_FILE.test(f));
      const byTests = callers.some((f) => TEST_FILE.test(f));
      // Used by the product or by test support; or by a test while the product uses it in its own file.
      if (byProduct || (byTests && !reexported.has(name) && usedLocally(src, name))) continue;
      out.push(`${rel}: ${name}${byTests ? ' (only tests)' : ''}`);
    }
  }
  return out.sort();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const found = unusedExports();
  for (const line of found) console.log(line);
  console.log(`${found.length} export(s) nothing calls`);
  process.exitCode = found.length > 0 ? 1 : 0;
}
