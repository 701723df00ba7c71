// Follows the page's client-side re-renders (pagination, sorting, tabs, filters: no URL change, domain.md §5):
// one MutationObserver on the document, batched, and only the touched rows or subtrees are read again.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { BadgeBoard } from '@/components/badge/badge-board';
import { createReadContext, type ReadContext } from '@/lib/page/read-page';
import { withTextMemo } from '@/lib/page/dom-text';

/** How many ancestors of a changed node are tried when it holds no row itself (a row completed by a late cell). */
const ESCALATE_LEVELS = 4;
/** Rows are read and badged in slices of at most this many, each slice in its own task… */
const SLICE_ROWS = 50;
/** …and a slice stops early once it has taken this long (ms), so no task of ours gets long on a slow machine. */
const SLICE_MS = 20;

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

  /** Rows found but not read yet (read in slices, yielding to the page between them). */
  const queue = new Set<Element>();
  let readCtx: ReadContext | null = null;
  let pumping = false;

  const pump = () => {
    pumping = false;
    if (ctx.isInvalid || !readCtx) return;
    const started = performance.now();
    const slice: Element[] = [];
    for (const el of queue) {
      slice.push(el);
      queue.delete(el);
      if (slice.length >= SLICE_ROWS) break;
    }
    const context = readCtx;
    withTextMemo(() => {
      // Read one at a time so a slow machine stops a slice early (the rest stays queued).
      for (let i = 0; i < slice.length; i++) {
        board.refresh([slice[i]!], context);
        if (performance.now() - started > SLICE_MS) {
          const left = [...slice.slice(i + 1), ...queue];
          queue.clear();
          for (const r of left) queue.add(r);
          break;
        }
      }
    });
    if (queue.size > 0) schedulePump();
    else options.onBatch();
  };

  const schedulePump = () => {
    if (pumping) return;
    pumping = true;
    ctx.setTimeout(pump, 0);
  };

  const flush = () => {
    scheduled = false;
    if (ctx.isInvalid) return;
    board.prune();
    // One reading context (column headers, element order) per batch, shared by every row of the batch.
    const batchCtx = createReadContext(root);
    readCtx = batchCtx;
    const rows = new Set(dirtyRows);
    withTextMemo(() => {
      for (const scanRoot of outermost(scanRoots)) {
        if (!scanRoot.isConnected) continue;
        let found = findRows(scanRoot, batchCtx);
        for (let up = scanRoot.parentElement, i = 0; found.length === 0 && up && i < ESCALATE_LEVELS; up = up.parentElement, i++) {
          found = findRows(up, batchCtx);
        }
        for (const row of found) rows.add(row);
      }
    });
    dirtyRows.clear();
    scanRoots.clear();
    for (const row of rows) {
      queue.delete(row);
      queue.add(row);
    }
    pump();
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
