// A whole page (or a list container, or a frame's document) → its rows and the rows that could not be read.
// The content script instead finds the rows of each page change (added-rows.ts) and calls readRefundRow per row:
// rows are keyed by element, so a list showing one refund twice yields two entries.
import type { RowProblem } from '../model/vocabulary';
import type { RefundRow } from '../model/refund-row';
import { createReadContext } from './columns';
import { findRefundRows } from './find-rows';
import { readRefundRow } from './read-row';

export { findRefundRows } from './find-rows';
export { readRefundRow } from './read-row';
export { createReadContext, type ReadContext } from './columns';
export { refundIdsIn } from './identifiers';
export { badgeAnchor } from './anchor';

export interface RefundPageReading {
  rows: Array<{ element: Element; row: RefundRow }>;
  problems: RowProblem[];
}

export function readRefundPage(root: ParentNode, readAt: number): RefundPageReading {
  const ctx = createReadContext(root as Node);
  const reading: RefundPageReading = { rows: [], problems: [] };
  for (const element of findRefundRows(root, ctx)) {
    const result = readRefundRow(element, readAt, ctx);
    if (result.ok) reading.rows.push({ element, row: result.row });
    else reading.problems.push(result.problem);
  }
  return reading;
}

/** The row (among `rows`, e.g. from findRefundRows) holding a changed node, so only that row is read again. */
export function rowContaining(node: Node, rows: readonly Element[]): Element | null {
  for (const row of rows) if (row === node || row.contains(node)) return row;
  return null;
}
