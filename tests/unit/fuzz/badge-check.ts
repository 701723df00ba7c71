// The badges of a mutated page, placed by the real BadgeBoard wired as the content script wires it
// (entrypoints/refund-pages.content/index.ts: readRefundRow, badgeAnchor; its first pass over a page as
// watch-rows.ts does it: the rows of the body found by findAddedRows, read and applied in one text memo), and what
// the fuzzer requires of them (domain.md §8): one host per row read, inside that row, on the row of the refund it
// names and on no other refund's row, with the contract attributes of that refund.
import { BadgeBoard } from '@/components/badge/badge-board';
import { BADGE_TAG } from '@/components/badge/mount-badge';
import { ACTORS, BADGE_STATES, REFUND_STATUSES } from '@/lib/model/vocabulary';
import { badgeAnchor } from '@/lib/page/anchor';
import { findAddedRows } from '@/lib/page/added-rows';
import { withTextMemo } from '@/lib/page/dom-text';
import { createReadContext, readRefundRow } from '@/lib/page/read-page';
import type { TruthMap } from './mutate';
import type { Reading } from './oracle';

/**
 * A board with the badges of the page as it is now (as the content script's first pass over it would leave it), and
 * the reading it badged: the rows read (in page order) and the rows it could not read.
 */
export function placeBadges(doc: Document, readAt: number): { board: BadgeBoard; reading: Reading } {
  const board = new BadgeBoard({ lang: 'zh', read: readRefundRow, anchor: badgeAnchor });
  const reading: Reading = { rows: [], problems: [] };
  const root = doc.documentElement;
  withTextMemo(() => {
    const ctx = createReadContext(root);
    for (const element of findAddedRows([doc.body ?? root], ctx, board)) {
      const result = board.read(element, ctx, readAt);
      if (!result) continue;
      board.apply(element, result, ctx, readAt);
      if (result.ok) reading.rows.push({ element, row: result.row });
      else reading.problems.push(result.problem);
    }
  });
  return { board, reading };
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** What is wrong with the badges `board` placed on the page read as `reading` (empty: nothing). */
export function judgeBadges(board: BadgeBoard, reading: Reading, truth: TruthMap, doc: Document): string[] {
  const wrong: string[] = [];
  const hosts = [...doc.getElementsByTagName(BADGE_TAG)];
  const rows = [...board.rows()];
  if (hosts.length !== rows.length) wrong.push(`${hosts.length} badge hosts on the page for ${rows.length} rows with a badge`);
  const read = new Set(reading.rows.map((r) => r.element));
  if (rows.length !== read.size || rows.some((el) => !read.has(el))) {
    wrong.push(`badges on ${rows.length} rows, ${read.size} rows read: ${rows.filter((el) => !read.has(el)).length} badges on rows not read`);
  }
  for (const el of rows) {
    const id = board.refundIdOf(el)!;
    const where = `badge of ${id} in <${el.localName}>`;
    const inside = el.getElementsByTagName(BADGE_TAG);
    if (inside.length !== 1) {
      wrong.push(`${where}: ${inside.length} hosts in the row`);
      continue;
    }
    const host = inside[0]!;
    // The row of another refund: a ground-truth row holding the host, or one the row element touches.
    const holding = truth.elements.filter((t) => t.isConnected && t.contains(host)).map((t) => truth.map.get(t)!.refundId);
    const touching = truth.elements.filter((t) => t.isConnected && (t.contains(el) || el.contains(t))).map((t) => truth.map.get(t)!.refundId);
    if ([...holding, ...touching].some((other) => other !== id)) wrong.push(`${where}: on the row of ${[...new Set([...holding, ...touching])].join(', ')}`);
    if (touching.length === 0) wrong.push(`${where}: on no refund's row`);
    const t = truth.elements.find((x) => truth.map.get(x)!.refundId === id);
    wrong.push(...contractErrors(host, t ? truth.map.get(t)! : undefined).map((e) => `${where}: ${e}`));
  }
  return wrong;
}

/** The §8 attributes of one host, against the refund it stands for (truth). */
function contractErrors(host: Element, t: { refundId: string; orderId: string; status: string } | undefined): string[] {
  const errs: string[] = [];
  const a = (name: string) => host.getAttribute(name);
  if (a('data-refund-id') !== t?.refundId) errs.push(`data-refund-id ${a('data-refund-id')}, truth ${t?.refundId}`);
  const order = a('data-order-id');
  if (order !== null && order !== t?.orderId) errs.push(`data-order-id ${order}, truth ${t?.orderId}`);
  const status = a('data-status');
  if (!(REFUND_STATUSES as readonly (string | null)[]).includes(status)) errs.push(`data-status ${status}`);
  else if (status !== 'unknown' && status !== t?.status) errs.push(`data-status ${status}, truth ${t?.status}`);
  if (!(ACTORS as readonly (string | null)[]).includes(a('data-actor'))) errs.push(`data-actor ${a('data-actor')}`);
  if (!(BADGE_STATES as readonly (string | null)[]).includes(a('data-state'))) errs.push(`data-state ${a('data-state')}`);
  const deadline = a('data-deadline');
  const source = a('data-deadline-source');
  if (deadline !== null && !(ISO_INSTANT.test(deadline) && new Date(deadline).toISOString() === deadline)) errs.push(`data-deadline ${deadline}`);
  if (deadline === null ? source !== null : source !== 'page' && source !== 'rule') errs.push(`data-deadline-source ${source} with data-deadline ${deadline}`);
  return errs;
}
