// @vitest-environment happy-dom
// findAddedRows must find, from the subtrees a page change added, the rows a full reading of the page finds there:
// on the six layouts and on the markup fuzzer's pages (junk rows, duplicated rows, merged cells, wrappers…), with
// the added subtrees picked at random (whole rows, lists, single cells, text wrappers).
import { beforeEach, describe, expect, it } from 'vitest';
import { findAddedRows, type KnownRows } from '@/lib/page/added-rows';
import { createReadContext } from '@/lib/page/columns';
import { findRefundRows } from './reference-reader';
import { readRefundRow } from '@/lib/page/read-row';
import { withTextMemo } from '@/lib/page/dom-text';
import { buildCase, prng, type Rng } from '../fuzz/mutate';
import { READ_AT, REFUNDS } from './fixtures/data';
import { ariaGrid, cardList, fusionList, legacyList, plainTable } from './fixtures/layouts';

const overlaps = (a: Element, b: Element) => a === b || a.contains(b) || b.contains(a);

/** Rows of the full reading known from before the change: all but `unknown`. */
function knownRows(full: Element[], unknown: Element[]): KnownRows {
  const ids = new Map<Element, string>();
  for (const row of full) {
    if (unknown.includes(row)) continue;
    const reading = readRefundRow(row, READ_AT);
    if (reading.ok) ids.set(row, reading.row.refundId);
  }
  return { rows: () => ids.keys(), refundIdOf: (el) => ids.get(el) };
}

/**
 * Checks findAddedRows(roots) against the full reading: every row in a root (or, with `grown`, the rows a root
 * completed), and nothing that is not a row. As in the content script, rows holding a root are known (changed rows
 * are read again, not searched), except `grown` ones (a late cell made them rows).
 */
function check(added: Element[], grown: Element[] = []) {
  const full = findRefundRows(document);
  const inRow = (el: Element) => full.some((row) => row !== el && row.contains(el) && !grown.includes(row));
  const roots = added.filter((r) => !inRow(r));
  const unknown = full.filter((row) => grown.includes(row) || roots.some((r) => r === row || r.contains(row)));
  const found = withTextMemo(() => findAddedRows(roots, createReadContext(document), knownRows(full, unknown)));
  const expected = full.filter((row) => roots.some((r) => overlaps(r, row)) && unknown.includes(row));
  const describe = (els: Element[]) => els.map((e) => `${e.localName}.${e.className}`);
  expect(new Set(found).size, 'each row once').toBe(found.length);
  expect(describe(found.filter((row) => !full.includes(row))), 'only rows of the full reading').toEqual([]);
  expect(describe(expected.filter((row) => !found.includes(row))), 'every row in or around the added subtrees').toEqual([]);
}

function pick<T>(rng: Rng, xs: readonly T[]): T {
  return xs[Math.floor(rng() * xs.length)]!;
}

/** A row and the smallest element in it that shows its refund number: added last, it made the row a row. */
function lateCell(rng: Rng): { roots: Element[]; grown: Element[] } | null {
  const rows = findRefundRows(document).filter((r) => readRefundRow(r, READ_AT).ok);
  if (rows.length === 0) return null;
  const row = pick(rng, rows);
  const reading = readRefundRow(row, READ_AT);
  const id = reading.ok ? reading.row.refundId : '';
  const holders = [...row.querySelectorAll('*')].filter((el) => (el.textContent ?? '').includes(id));
  return holders.length > 0 ? { roots: [pick(rng, holders)], grown: [row] } : null;
}

/** A few random elements of the page: the children of a list, a whole row, a cell, a wrapper, the list itself. */
function randomRoots(rng: Rng): Element[] {
  const all = [...document.body.querySelectorAll('*')];
  const rows = findRefundRows(document);
  const roots = new Set<Element>();
  const kind = Math.floor(rng() * 4);
  if (kind === 0 && rows.length > 0) {
    // The page re-rendered the list: every child of the list element (the first ancestor of a row that holds
    // another row) was added.
    const row = pick(rng, rows);
    let list = row === document.body ? row : row.parentElement!;
    while (list !== document.body && !rows.some((r) => r !== row && list.contains(r))) list = list.parentElement!;
    for (const child of list.children) roots.add(child);
  } else if (kind === 1 && rows.length > 0) {
    // Some rows were added (infinite scroll, a tab switch that kept some rows).
    for (const row of rows) if (rng() < 0.4) roots.add(row);
    if (roots.size === 0) roots.add(pick(rng, rows));
  } else {
    const n = 1 + Math.floor(rng() * 3);
    for (let i = 0; i < n && all.length > 0; i++) roots.add(pick(rng, all));
  }
  return [...roots];
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('findAddedRows', () => {
  const LAYOUTS: Record<string, () => string> = {
    'fusion next table': () => fusionList(REFUNDS),
    'plain table': () => plainTable(REFUNDS),
    'aria grid': () => ariaGrid(REFUNDS),
    'card list': () => cardList(REFUNDS),
    'legacy refund2 list': () => legacyList(REFUNDS),
  };

  it.each(Object.keys(LAYOUTS))('%s: the whole list added, then each row, then each cell', (name) => {
    document.body.innerHTML = LAYOUTS[name]!();
    const rows = findRefundRows(document);
    check([document.body]);
    check(rows.map((r) => r.parentElement!));
    for (const row of rows) check([row]);
    for (const row of rows) check([...row.querySelectorAll('td, [role="gridcell"], p, span')].slice(0, 3));
  });

  it('a row whose refund number arrives later (a late cell) is found as the whole row', () => {
    document.body.innerHTML = cardList(REFUNDS);
    const rows = findRefundRows(document);
    const idLine = [...rows[0]!.querySelectorAll('*')].find((el) => /退款编号/.test(el.textContent ?? '') && el.children.length <= 2)!;
    check([idLine], [rows[0]!]);
  });

  it('agrees with the full reading on the markup fuzzer pages, random added subtrees', () => {
    let cases = 0;
    for (let seed = 0x5eed; seed < 0x5eed + 60; seed++) {
      const c = buildCase(seed);
      const rng = prng(seed * 7 + 1);
      do {
        for (let k = 0; k < 4; k++) {
          const late = k === 3 ? lateCell(rng) : null;
          const roots = late ? late.roots : randomRoots(rng);
          try {
            check(roots, late?.grown);
          } catch (error) {
            throw new Error(`seed ${seed}, mutations ${JSON.stringify(c.mutations)}, roots ${roots.map((r) => r.outerHTML.slice(0, 80)).join(' | ')}\n${String(error)}`);
          }
          cases++;
        }
      } while (c.step());
    }
    expect(cases).toBeGreaterThan(200);
  }, 180_000);
});
