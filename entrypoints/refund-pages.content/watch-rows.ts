// Follows the page's client-side re-renders (pagination, sorting, tabs, filters: no URL change, domain.md §5):
// one MutationObserver on the document, batched, and only the touched rows or subtrees are read again.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { BadgeBoard } from '@/components/badge/badge-board';
import { createReadContext, type ReadContext } from '@/lib/page/read-page';

/** How many ancestors of a changed node are tried when it holds no row itself (a row completed by a late cell). */
const ESCALATE_LEVELS = 4;

export interface RowWatchOptions {
  board: BadgeBoard;
  findRows(root: ParentNode, ctx: ReadContext): Element[];
  /** Called after every batch, with whether anything was re-read. */
  onBatch(): void;
}

export function watchRows(ctx: ContentScriptContext, root: Element, options: RowWatchOptions): void {
  const { board, findRows } = options;
  const dirtyRows = new Set<Element>();
  const scanRoots = new Set<Element>();
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    if (ctx.isInvalid) return;
    board.prune();
    // One reading context (column headers, element order) per batch, shared by every row of the batch.
    const readCtx = createReadContext(root);
    const rows = new Set(dirtyRows);
    for (const scanRoot of outermost(scanRoots)) {
      if (!scanRoot.isConnected) continue;
      let found = findRows(scanRoot, readCtx);
      for (let up = scanRoot.parentElement, i = 0; found.length === 0 && up && i < ESCALATE_LEVELS; up = up.parentElement, i++) {
        found = findRows(up, readCtx);
      }
      for (const row of found) rows.add(row);
    }
    dirtyRows.clear();
    scanRoots.clear();
    board.refresh(rows, readCtx);
    options.onBatch();
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (onlyOwnHosts(board, record)) continue;
      const target = record.target instanceof Element ? record.target : record.target.parentElement;
      if (!target) continue;
      const row = board.rowOf(target);
      if (row) dirtyRows.add(row);
      else scanRoots.add(target);
    }
    if (!scheduled && (dirtyRows.size > 0 || scanRoots.size > 0)) {
      scheduled = true;
      ctx.setTimeout(flush, 0);
    }
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => observer.disconnect());

  scanRoots.add(root);
  flush();
}

/** Our own inserts and removals are not page changes (removals are: the page may drop a host, so re-place it). */
function onlyOwnHosts(board: BadgeBoard, record: MutationRecord): boolean {
  if (record.type !== 'childList' || record.removedNodes.length > 0) return false;
  return [...record.addedNodes].every((n) => board.isOwnHost(n));
}

/** Drops roots inside other roots: scanning the outer one covers them. */
function outermost(roots: Set<Element>): Element[] {
  return [...roots].filter((r) => {
    for (let up = r.parentElement; up; up = up.parentElement) if (roots.has(up)) return false;
    return true;
  });
}
