// Follows the page's client-side re-renders (pagination, sorting, tabs, filters: no URL change, domain.md §5) with one
// MutationObserver on the document. A row whose content changed is read again; the subtrees the page added are
// searched for new rows (added-rows.ts), never the whole list. Work starts in the observer's callback, so the first
// badges go in before the page's next layout; whatever does not fit in a slice follows in later tasks.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { BadgeBoard } from '@/components/badge/badge-board';
import { findAddedRows } from '@/lib/page/added-rows';
import { findHeaderRows, type HeaderRow } from '@/lib/page/columns';
import { withTextMemo } from '@/lib/page/dom-text';
import { createReadContext, type ReadContext } from '@/lib/page/read-page';

/**
 * Our share of a task (ms): a slice stops once it has run this long, so no task of ours gets long even with thousands
 * of rows; the rest goes on in the next task.
 */
const SLICE_MS = 40;
/**
 * Added subtrees searched together: enough for the siblings of a row to be in the same search (a row is told from
 * a wrapper by the other refunds beside it), few enough to stop between groups when the slice is spent.
 */
const ROOTS_PER_SEARCH = 32;

interface RowWatchOptions {
  board: BadgeBoard;
  /** Called once the rows of a change all carry their badges. */
  onBatch(): void;
}

export function watchRows(ctx: ContentScriptContext, root: Element, options: RowWatchOptions): void {
  const { board } = options;
  /** Known rows whose content changed: read again. */
  const dirty = new Set<Element>();
  /** Subtrees added (or changed) outside known rows: searched for rows. */
  const added = new Set<Element>();
  /** Elements that lost children outside known rows: searched only when nothing else explains the change. */
  const emptied = new Set<Element>();
  /** Rows found, not read yet. */
  const queue = new Set<Element>();
  let headers: HeaderRow[] | undefined;
  let readCtx: ReadContext | null = null;
  let scheduled = false;
  let wakeAt = Infinity;
  let wake: number | undefined;

  /** A reading context for the page as it is now; the header rows of the last one when they are all still there. */
  const freshContext = (): ReadContext => {
    const keep = headers?.every((h) => h.el.isConnected);
    readCtx = createReadContext(root, keep ? headers : undefined);
    headers = readCtx.headers;
    return readCtx;
  };

  /** Rows of the added subtrees, a group at a time (searched again when the group brought a new header row). */
  const searchGroup = (context: ReadContext): ReadContext => {
    const group: Element[] = [];
    for (const el of added) {
      added.delete(el);
      if (el.isConnected) group.push(el);
      if (group.length >= ROOTS_PER_SEARCH) break;
    }
    let rows = findAddedRows(group, context, board);
    // A subtree that is not one row may bring a new list with its own header row (a header never sits in a row).
    const notOneRow = group.filter((el) => rows.filter((r) => el.contains(r)).length !== 1);
    if (notOneRow.some((el) => hasNewHeader(el, context))) {
      headers = undefined;
      context = freshContext();
      rows = findAddedRows(group, context, board);
    }
    for (const row of rows) queue.add(row);
    return context;
  };

  const pump = (started: number) => {
    if (ctx.isInvalid) return;
    // A hidden tab has no one to keep smooth and its timers are throttled to one a second: no slicing there.
    const spent = () => !document.hidden && performance.now() - started > SLICE_MS;
    withTextMemo(() => {
      let context = readCtx ?? freshContext();
      const readAt = Date.now();
      for (;;) {
        for (const el of queue) {
          queue.delete(el);
          const reading = board.read(el, context, readAt);
          if (reading) board.apply(el, reading, context, readAt);
          if (spent()) return;
        }
        if (added.size === 0) return;
        context = searchGroup(context);
      }
    });
    if (queue.size > 0 || added.size > 0) schedule();
    else options.onBatch();
    holdBack();
  };

  /**
   * Hosts the board holds back (the page kept taking them out, host-backoff.ts): their rows are read again, all in
   * one task, when the first may go back in.
   */
  const holdBack = () => {
    const at = board.nextPlacementAt();
    if (at === undefined || at >= wakeAt) return;
    if (wake !== undefined) clearTimeout(wake);
    wakeAt = at;
    wake = ctx.setTimeout(() => {
      wake = undefined;
      wakeAt = Infinity;
      for (const row of board.takeDuePlacements(Date.now())) dirty.add(row);
      if (dirty.size > 0) flush();
      else holdBack();
    }, Math.max(0, at - Date.now()));
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    // A task of its own, not a frame: each frame between slices would lay the list out again (costly for tables).
    // Any page change in between has gone through the observer (and a fresh reading context) before the slice.
    ctx.setTimeout(() => {
      scheduled = false;
      pump(performance.now());
    }, 0);
  };

  /** Sorts the records of one callback into rows to read again and subtrees to search. */
  const take = (records: MutationRecord[]) => {
    for (const record of records) {
      const target = record.target.nodeType === 1 ? (record.target as Element) : record.target.parentElement;
      if (!target) continue;
      if (record.type === 'childList' && onlyOwnHosts(board, record)) continue;
      const row = board.rowOf(target);
      if (row) {
        dirty.add(row);
        continue;
      }
      if (record.type === 'characterData') {
        added.add(target);
        continue;
      }
      for (const node of record.addedNodes) {
        if (node.nodeType === 1) {
          if (!board.isOwnHost(node)) added.add(node as Element);
        } else if (node.nodeType === 3) added.add(target);
      }
      if (record.removedNodes.length > 0) emptied.add(target);
    }
  };

  const flush = () => {
    const started = performance.now();
    if (ctx.isInvalid) return;
    board.prune();
    // An element that lost children may have become a row (a second refund taken out of it), unless it is a list
    // that still holds rows or got new ones: its rows were re-rendered, and those are searched as added subtrees.
    for (const el of emptied) if (el.isConnected && !parentOfAny(el, added) && !holdsKnownRow(board, el)) added.add(el);
    emptied.clear();
    for (const row of dirty) queue.add(row);
    dirty.clear();
    freshContext();
    pump(started);
  };

  const observer = new MutationObserver((records) => {
    take(records);
    // Read at once, in this microtask: the badges then go in before the page's next layout (one layout, not two).
    if (dirty.size > 0 || added.size > 0 || emptied.size > 0) flush();
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => observer.disconnect());

  added.add(root.ownerDocument.body ?? root);
  flush();
}

/**
 * Our own inserts are not page changes; removals are (the page may drop a host: its row is read again and the board
 * puts the host back, or holds it back when the page keeps doing so).
 */
function onlyOwnHosts(board: BadgeBoard, record: MutationRecord): boolean {
  if (record.removedNodes.length > 0) return false;
  for (const node of record.addedNodes) if (!board.isOwnHost(node)) return false;
  return true;
}

function holdsKnownRow(board: BadgeBoard, el: Element): boolean {
  for (const row of board.rows()) if (el.contains(row)) return true;
  return false;
}

function parentOfAny(el: Element, nodes: Set<Element>): boolean {
  for (const node of nodes) if (node.parentElement === el) return true;
  return false;
}

/** Does `el` hold a header row the context does not know? */
function hasNewHeader(el: Element, context: ReadContext): boolean {
  if (el.childElementCount === 0) return false;
  return findHeaderRows(el).some((h) => !context.headers.some((k) => k.el === h.el));
}
