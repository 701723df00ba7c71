// Follows the page's client-side re-renders (pagination, sorting, tabs, filters: no URL change, domain.md §5):
// one MutationObserver on the document, batched, and only the touched rows or subtrees are read again.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { BadgeBoard, RowReading } from '@/components/badge/badge-board';
import { createReadContext, type ReadContext } from '@/lib/page/read-page';
import type { HeaderRow } from '@/lib/page/columns';
import { withTextMemo } from '@/lib/page/dom-text';

/** How many ancestors of a changed node are tried when it holds no row itself (a row completed by a late cell). */
const ESCALATE_LEVELS = 4;
/**
 * Rows are read and badged in slices, each in its own task: a slice ends once the task has spent this long (ms) on
 * our work, so none of our tasks gets long even with thousands of rows. A slice rather large than many small ones:
 * every slice that inserts badges costs the page a layout.
 */
const SLICE_MS = 30;

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

  /** Rows found but not read yet (read in slices, yielding to the page between them). */
  const queue = new Set<Element>();
  let readCtx: ReadContext | null = null;
  let headers: HeaderRow[] | undefined;
  let pumping = false;

  /** Rows read but whose badge is not brought in line yet, with their reading. */
  const read = new Map<Element, { reading: RowReading; readAt: number }>();

  // First every queued row is read (no change to the page, so the page has no layout to redo in between), then the
  // badges go in: a slice that inserts badges costs the page a layout, so there are few of them.
  const pump = (started = performance.now()) => {
    pumping = false;
    if (ctx.isInvalid || !readCtx) return;
    const context = readCtx;
    // A hidden tab has no one to keep smooth and its timers are throttled to one a second: no slicing there.
    const spent = () => !document.hidden && performance.now() - started > SLICE_MS;
    withTextMemo(() => {
      const readAt = Date.now();
      for (const el of queue) {
        queue.delete(el);
        const reading = board.read(el, context, readAt);
        if (reading) read.set(el, { reading, readAt });
        else read.delete(el);
        if (spent()) return;
      }
      for (const [el, { reading, readAt: at }] of read) {
        read.delete(el);
        board.apply(el, reading, context, at);
        if (spent()) return;
      }
    });
    if (queue.size > 0 || read.size > 0) schedulePump();
    else options.onBatch();
  };

  const schedulePump = () => {
    if (pumping) return;
    pumping = true;
    ctx.setTimeout(() => pump(), 0);
  };

  const flush = () => {
    const started = performance.now();
    if (ctx.isInvalid) return;
    board.prune();
    // One reading context (column headers, element order) per batch, shared by every row of the batch. When only
    // known rows changed, the column headers are those of the last batch (a header never sits inside a refund row).
    const keep = scanRoots.size === 0 && headers?.every((h) => h.el.isConnected);
    const batchCtx = createReadContext(root, keep ? headers : undefined);
    headers = batchCtx.headers;
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
      read.delete(row);
      queue.delete(row);
      queue.add(row);
    }
    pump(started);
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
    // Read at once, in this microtask: the badges then go in before the page's next layout (one layout, not two).
    if (dirtyRows.size > 0 || scanRoots.size > 0) flush();
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
