// Assertions that cannot fail: `expect(x).toBe(x)`, `expect(f(a)).toEqual(f(a))` — the subject and the expected value
// are the same expression (whitespace and a trailing comma aside), so the test compares a value with itself.
// Read as text with a small tokenizer (strings, template literals, comments and regex literals are skipped when
// brackets are matched; unused-exports.mjs strips comments with it). Used by tests/unit/policy/self-comparisons.test.ts over every test file, unit and e2e;
// `node tests/tools/self-comparisons.mjs` prints the ones it finds.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TEST_DIRS = ['tests/unit', 'tests/e2e'];
const TEST_FILE = /\.(test|spec)\.(ts|tsx|mts|js|mjs)$/;

/** Characters after which a `/` starts a regex literal rather than a division. */
const BEFORE_REGEX = new Set([...'(,=:[!&|?{};+-*%<>~^']);

/** Index just past the string, template, comment or regex literal that starts at i; i itself when none starts there. */
function skipLiteral(text, i) {
  const c = text[i];
  if (c === "'" || c === '"') {
    let j = i + 1;
    while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
    return j + 1;
  }
  if (c === '`') {
    let j = i + 1;
    while (j < text.length && text[j] !== '`') {
      if (text[j] === '\\') j += 2;
      else if (text[j] === '$' && text[j + 1] === '{') j = matchClose(text, j + 1) + 1;
      else j += 1;
    }
    return j + 1;
  }
  if (c === '/' && text[i + 1] === '/') {
    const end = text.indexOf('\n', i);
    return end === -1 ? text.length : end;
  }
  if (c === '/' && text[i + 1] === '*') {
    const end = text.indexOf('*/', i + 2);
    return end === -1 ? text.length : end + 2;
  }
  if (c === '/') {
    const before = text.slice(0, i).trimEnd();
    const prev = before[before.length - 1];
    if (prev === undefined || BEFORE_REGEX.has(prev) || /\b(return|typeof|case|of|in)$/.test(before)) {
      let j = i + 1;
      let inClass = false;
      while (j < text.length && text[j] !== '\n') {
        if (text[j] === '\\') j += 1;
        else if (text[j] === '[') inClass = true;
        else if (text[j] === ']') inClass = false;
        else if (text[j] === '/' && !inClass) break;
        j += 1;
      }
      j += 1;
      while (/[a-z]/i.test(text[j] ?? '')) j += 1;
      return j;
    }
  }
  return i;
}

const PAIRS = { '(': ')', '[': ']', '{': '}' };

/** Index of the bracket that closes the one at `open` (text.length when unbalanced). */
function matchClose(text, open) {
  const stack = [PAIRS[text[open]]];
  let i = open + 1;
  while (i < text.length) {
    const skipped = skipLiteral(text, i);
    if (skipped !== i) {
      i = skipped;
      continue;
    }
    const c = text[i];
    if (PAIRS[c]) stack.push(PAIRS[c]);
    else if (c === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) return i;
    }
    i += 1;
  }
  return text.length;
}

/** The first top-level argument of the argument list text[open+1 .. close-1]. */
function firstArgument(text, open, close) {
  let i = open + 1;
  while (i < close) {
    const skipped = skipLiteral(text, i);
    if (skipped !== i) {
      i = skipped;
      continue;
    }
    if (PAIRS[text[i]]) i = matchClose(text, i) + 1;
    else if (text[i] === ',') break;
    else i += 1;
  }
  return text.slice(open + 1, i);
}

/** The text with its comments blanked (strings, templates and regex literals kept; line numbers kept). */
export function stripComments(text) {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const skipped = skipLiteral(text, i);
    if (skipped === i) {
      out += text[i];
      i += 1;
      continue;
    }
    const literal = text.slice(i, skipped);
    out += literal.startsWith('//') || literal.startsWith('/*') ? literal.replace(/[^\n]/g, ' ') : literal;
    i = skipped;
  }
  return out;
}

/** An expression with comments and whitespace out (whitespace inside string literals counts, it is data). */
function normalise(expr) {
  let out = '';
  let i = 0;
  while (i < expr.length) {
    const skipped = skipLiteral(expr, i);
    if (skipped !== i) {
      const literal = expr.slice(i, skipped);
      if (!literal.startsWith('//') && !literal.startsWith('/*')) out += literal;
      i = skipped;
    } else {
      if (!/\s/.test(expr[i])) out += expr[i];
      i += 1;
    }
  }
  return out.replace(/,$/, '');
}

/** `() => x` and `async () => x` stand for x (expect.poll takes the subject as a function). */
const unwrapThunk = (expr) => expr.replace(/^(async)?\(\)=>/, '');

const EXPECT = /(?<![\w$.])expect(?:\.(?:soft|poll))?\s*\(/g;
const CHAIN = /^\s*(?:\.\s*(?:not|resolves|rejects)\s*)*\.\s*(to\w*)\s*\(/;

/** The [start, end) ranges of the strings, templates, comments and regex literals of a text. */
function literalRanges(text) {
  const ranges = [];
  let i = 0;
  while (i < text.length) {
    const skipped = skipLiteral(text, i);
    if (skipped !== i) {
      ranges.push([i, skipped]);
      i = skipped;
    } else i += 1;
  }
  return ranges;
}

/** The assertions (`expect(…).matcher(…)`) of one file's text, each with its subject and expected value normalised. */
export function assertionsIn(text) {
  const literals = literalRanges(text);
  const out = [];
  for (const m of text.matchAll(EXPECT)) {
    if (literals.some(([a, b]) => m.index >= a && m.index < b)) continue;
    const open = m.index + m[0].length - 1;
    const close = matchClose(text, open);
    const chain = CHAIN.exec(text.slice(close + 1));
    if (!chain) continue;
    const matcherOpen = close + 1 + chain[0].length - 1;
    const matcherClose = matchClose(text, matcherOpen);
    out.push({
      line: text.slice(0, m.index).split('\n').length,
      text: text.slice(m.index, matcherClose + 1).replace(/\s+/g, ' '),
      subject: unwrapThunk(normalise(firstArgument(text, open, close))),
      expected: unwrapThunk(normalise(firstArgument(text, matcherOpen, matcherClose))),
    });
  }
  return out;
}

/** The assertions of one file's text whose subject and expected value are the same expression: [{ line, text }]. */
export function selfComparisonsIn(text) {
  return assertionsIn(text)
    .filter((a) => a.subject !== '' && a.subject === a.expected)
    .map(({ line, text: t }) => ({ line, text: t }));
}

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (TEST_FILE.test(name)) out.push(path);
  }
  return out;
}

/** Every test file of the repo (unit and e2e). */
export function testFiles(root = ROOT) {
  return TEST_DIRS.flatMap((d) => walk(join(root, d)));
}

/** Every self-comparing assertion of the repo's tests, as "file:line  text". */
export function selfComparisons(root = ROOT) {
  return testFiles(root).flatMap((file) =>
    selfComparisonsIn(readFileSync(file, 'utf8')).map((h) => `${relative(root, file)}:${h.line}  ${h.text}`),
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const hits = selfComparisons();
  for (const h of hits) console.log(h);
  console.log(`${hits.length} self-comparing assertion(s) in ${testFiles().length} test files`);
  process.exitCode = hits.length > 0 ? 1 : 0;
}
