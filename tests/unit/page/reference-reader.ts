// The reference reader: a whole page (or a list container, or a frame's document) read in one pass → its rows and the
// rows that could not be read. The product never reads a page this way: the content script finds the rows of each
// page change (lib/page/added-rows.ts) and reads them one at a time (lib/page/read-row.ts). The tests of the reader,
// the markup-drift fuzzer and the bench read whole pages with this. Rows are keyed by element, so a list showing one
// refund twice yields two entries.
import type { RefundRow } from '@/lib/model/refund-row';
import type { RowProblem } from '@/lib/model/vocabulary';
import { createReadContext, inTreeOrder, type ReadContext } from '@/lib/page/columns';
import { withTextMemo } from '@/lib/page/dom-text';
import { rowTops, strip } from '@/lib/page/find-rows';
import { readRefundRow } from '@/lib/page/read-row';

export interface RefundPageReading {
  rows: Array<{ element: Element; row: RefundRow }>;
  problems: RowProblem[];
}

/** The element a reading starts from: an element as given, or a document's body. */
function scopeOf(root: ParentNode): Element | null {
  if ((root as Node).nodeType === 9) {
    const doc = root as Document;
    return doc.body ?? doc.documentElement;
  }
  return (root as Node).nodeType === 1 ? (root as Element) : null;
}

/**
 * The refund rows under `root`, in document order. Rows whose refund number is missing or unreadable are included
 * when they sit in the same list as recognised rows (same kind of element as a row there, and they either carry a
 * refund-id label, two field labels, or the same markup skeleton): the reader reports them as problems.
 */
export function findRefundRows(root: ParentNode, ctx: ReadContext = createReadContext(root as Node)): Element[] {
  return withTextMemo(() => {
    const scope = scopeOf(root);
    if (!scope) return [];
    const tops = rowTops(scope, ctx);
    // One row needs no ordering (ordering builds the document's order index).
    const ordered = tops.length <= 1 ? tops : inTreeOrder(scope, tops, ctx);
    return ordered.map((r) => (r === scope ? r : strip(r)));
  });
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
