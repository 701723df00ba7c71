// Merging one page reading into the stored snapshot of its refund: pure, so upsert.ts stays a thin transaction and
// every ordering case can be tested without a database. Times are "seen at" t = min(row.readAt, observedAt).
//
// Ordering rules (domain.md §6.5 "the earliest intervenedAt and the latest status win"):
// - A newer observation (t > lastSeenAt) sets the status; an older one never moves the refund back.
// - Completion is terminal (§2.3): a completed reading wins whatever its time, and a later open reading (a stale tab,
//   §5.2 notes detail tabs that do not refresh) never reopens the refund.
// - Fields a page does not show are kept; a newer page's value replaces an older one.
import type { RefundRow } from '../model/refund-row';
import { decideDeadline } from '../deadline/decide';
import { DEFAULT_RULES, type DeadlineRule, type RuleOptions } from '../deadline/rules';
import { actorFor, isCompleted } from '../status/classify';
import type { RefundEvent, SeenPrecision, StatusSincePrecision, StoredPageDeadline, StoredRefund } from './schema';

export interface MergeOptions {
  /** Rules for the stored rule-estimated deadlineAt (default: the §3 defaults). */
  rules?: readonly DeadlineRule[];
  /** The shop's settings; when the return was signed is the history's own (returnSignedAt). */
  ruleOptions?: Omit<RuleOptions, 'returnSignedAt'>;
}

interface MergeResult {
  next: StoredRefund;
  /** The transition to record (new status), or the current status's event re-dated (see redatedFrom). */
  event?: RefundEvent;
  /** `event` replaces the event of the same refund and status at this time (an earlier or page-printed start). */
  redatedFrom?: number;
}

interface Since {
  at: number;
  precision: StatusSincePrecision;
}

function earliest(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}

/** §3 "Start of a rule deadline": printed time, then 申请时间 for the very first status, then first seen. */
function sinceOf(row: RefundRow, t: number, firstStatus: boolean): Since {
  if (row.statusSince !== undefined) return { at: row.statusSince, precision: 'page' };
  if (firstStatus && row.status === 'wait_seller_agree' && row.appliedAt !== undefined) {
    return { at: row.appliedAt, precision: 'applied' };
  }
  return { at: t, precision: 'first_seen' };
}

const eventPrecision = (p: StatusSincePrecision): SeenPrecision => (p === 'first_seen' ? 'first_seen' : 'page');

function readingOf(row: RefundRow, t: number): StoredPageDeadline | undefined {
  return row.pageDeadline && !isCompleted(row.status) ? { deadline: row.pageDeadline, status: row.status, readAt: t } : undefined;
}

/**
 * The stored deadline: the one policy (lib/deadline/decide.ts) over what the history knows, as of the latest reading
 * (so a bare 已超时 keeps the rule deadline only if it had passed by then, §4.2). statusSince is already the §3 start
 * the history worked out (sinceOf and the re-dating below); a first-seen start is passed as such.
 */
function deadlineOf(r: StoredRefund, options: MergeOptions): number | undefined {
  const start = r.statusSincePrecision === 'first_seen' ? { firstSeenInStatus: r.statusSince } : { statusSince: r.statusSince };
  const facts = { status: r.status, type: r.type, goodsState: r.goodsState, ...start, page: r.pageDeadline?.deadline, returnSignedAt: r.returnSignedAt };
  return decideDeadline(facts, r.lastSeenAt, options.rules ?? DEFAULT_RULES, options.ruleOptions).deadline;
}

/** One record literal, so every snapshot has the same key order (cheap equality by JSON) and no undefined keys. */
function assemble(r: StoredRefund, options: MergeOptions): StoredRefund {
  const full: StoredRefund = { ...r, actor: actorFor(r.status, r.statusText), deadlineAt: undefined };
  full.deadlineAt = deadlineOf(full, options);
  const ordered: Record<string, unknown> = {};
  for (const key of KEY_ORDER) if (full[key] !== undefined) ordered[key] = full[key];
  return ordered as unknown as StoredRefund;
}

const KEY_ORDER: ReadonlyArray<keyof StoredRefund> = [
  'refundId', 'orderId', 'status', 'statusText', 'actor', 'type', 'phase', 'goodsState', 'amountFen', 'appliedAt',
  'completedAt', 'completedAtPrecision', 'intervenedAt', 'sellerAtFault', 'sellerTimeout', 'statusSince',
  'statusSincePrecision', 'statusFirstSeenAt', 'prevStatusSeenUntil', 'pageDeadline', 'returnSignedAt', 'deadlineAt',
  'buyerNick', 'firstSeenAt', 'lastSeenAt',
];

/**
 * Same snapshot apart from lastSeenAt (which moves on every re-read of an unchanged page). Compared field by field,
 * an absent field equal to an undefined one, whatever the key order: run for every row of every report.
 */
export function sameSnapshot(a: StoredRefund, b: StoredRefund): boolean {
  return sameFields(a as unknown as Record<string, unknown>, b as unknown as Record<string, unknown>, 'lastSeenAt');
}

/** Deep equality of plain records of primitives and plain records (stored snapshots), ignoring the key `skip`. */
function sameFields(a: Record<string, unknown>, b: Record<string, unknown>, skip?: string): boolean {
  let n = 0;
  for (const k in a) {
    const x = a[k];
    if (x === undefined || k === skip) continue;
    n++;
    const y = b[k];
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    if (!sameFields(x as Record<string, unknown>, y as Record<string, unknown>)) return false;
  }
  for (const k in b) if (b[k] !== undefined && k !== skip) n--;
  return n === 0;
}

function eventOf(r: StoredRefund): RefundEvent {
  return { refundId: r.refundId, status: r.status, at: r.statusSince, precision: eventPrecision(r.statusSincePrecision), statusText: r.statusText };
}

function create(row: RefundRow, t: number, options: MergeOptions): MergeResult {
  const since = sinceOf(row, t, true);
  const done = isCompleted(row.status);
  const next = assemble(
    {
      refundId: row.refundId,
      orderId: row.orderId,
      status: row.status,
      statusText: row.statusText,
      actor: 'none',
      type: row.type,
      phase: row.phase,
      goodsState: row.goodsState,
      amountFen: row.amountFen,
      appliedAt: row.appliedAt,
      completedAt: done ? (row.statusSince ?? t) : undefined,
      completedAtPrecision: done ? (row.statusSince !== undefined ? 'page' : 'first_seen') : undefined,
      intervenedAt: row.status === 'intervening' ? (row.statusSince ?? t) : undefined,
      statusSince: since.at,
      statusSincePrecision: since.precision,
      statusFirstSeenAt: t,
      pageDeadline: readingOf(row, t),
      returnSignedAt: row.returnSigned ? t : undefined,
      buyerNick: row.buyerNick,
      firstSeenAt: t,
      lastSeenAt: t,
    },
    options,
  );
  return { next, event: eventOf(next) };
}

export function mergeObservation(prev: StoredRefund | undefined, row: RefundRow, t: number, options: MergeOptions = {}): MergeResult {
  if (!prev) return create(row, t, options);
  const newer = t > prev.lastSeenAt;
  const wasDone = isCompleted(prev.status);
  const isDone = isCompleted(row.status);
  const changes = row.status !== prev.status && ((isDone && !wasDone) || (newer && !(wasDone && !isDone)));
  /** The row's value when it is newer or fills a gap; otherwise the stored one. */
  const pick = <K extends keyof RefundRow & keyof StoredRefund>(k: K): StoredRefund[K] =>
    (row[k] !== undefined && (newer || prev[k] === undefined) ? row[k] : prev[k]) as StoredRefund[K];

  const r: StoredRefund = {
    ...prev,
    orderId: pick('orderId'),
    type: pick('type'),
    phase: pick('phase'),
    goodsState: pick('goodsState'),
    amountFen: pick('amountFen'),
    appliedAt: pick('appliedAt'),
    returnSignedAt: row.returnSigned ? earliest(prev.returnSignedAt, t) : prev.returnSignedAt,
    buyerNick: pick('buyerNick'),
    firstSeenAt: Math.min(prev.firstSeenAt, t),
    lastSeenAt: Math.max(prev.lastSeenAt, t),
  };

  // Earliest intervention wins and is never cleared (§2.2, §6.5); a stale tab showing 介入 after the refund was seen
  // completed is not an intervention (it would add a phantom dispute).
  const staleAfterDone = wasDone && prev.completedAt !== undefined && t > prev.completedAt;
  if (row.status === 'intervening' && !staleAfterDone) r.intervenedAt = earliest(prev.intervenedAt, row.statusSince ?? t);

  if (isDone) {
    // §6.5: completedAt = first time seen completed unless the page prints it. Any completed reading counts
    // (completion is terminal, so success vs closed does not matter for when it ended).
    if (row.statusSince !== undefined && (prev.completedAtPrecision !== 'page' || newer)) {
      r.completedAt = row.statusSince;
      r.completedAtPrecision = 'page';
    } else if (prev.completedAtPrecision !== 'page') {
      r.completedAt = earliest(prev.completedAt, t);
      r.completedAtPrecision = 'first_seen';
    }
  }

  if (changes) {
    const since = sinceOf(row, t, false);
    r.status = row.status;
    r.statusText = row.statusText;
    r.statusSince = since.at;
    r.statusSincePrecision = since.precision;
    r.statusFirstSeenAt = t;
    // Only a newer reading proves the old status lasted until lastSeenAt.
    r.prevStatusSeenUntil = newer ? prev.lastSeenAt : undefined;
    r.pageDeadline = readingOf(row, t); // §3: a page reading is discarded as soon as the status changes.
    const next = assemble(r, options);
    return { next, event: eventOf(next) };
  }

  if (row.status !== prev.status) {
    // An older (or stale) reading of another status: remember it bounds the current status's start from below.
    if (!wasDone && t < prev.statusFirstSeenAt) r.prevStatusSeenUntil = Math.max(prev.prevStatusSeenUntil ?? t, t);
    return { next: assemble(r, options) };
  }

  // Same status.
  if (newer) r.statusText = row.statusText;
  const reading = readingOf(row, t);
  // The newest reading wins. The same deadline read again is no news: keep its earliest reading, so re-reading an
  // unchanged page counts as unchanged and the result does not depend on the order readings arrive in.
  const known = prev.pageDeadline;
  if (reading && known && JSON.stringify(reading.deadline) === JSON.stringify(known.deadline)) {
    if (t < known.readAt) r.pageDeadline = reading;
  } else if (reading && (!known || t >= known.readAt)) {
    r.pageDeadline = reading;
  }
  // An out-of-order reading may show the status was reached earlier than first seen, if no other status was seen
  // in between (completion is terminal, so no bound there).
  const bound = wasDone ? undefined : prev.prevStatusSeenUntil;
  if (t < prev.statusFirstSeenAt && (bound === undefined || bound < t)) r.statusFirstSeenAt = t;
  let since: Since = { at: prev.statusSince, precision: prev.statusSincePrecision };
  if (row.statusSince !== undefined && (since.precision !== 'page' || newer)) since = { at: row.statusSince, precision: 'page' };
  else if (since.precision === 'first_seen') since = { at: r.statusFirstSeenAt, precision: 'first_seen' };
  // First seen in wait_seller_agree on a page without 申请时间, which a later page shows (§3 start, step 2).
  if (since.precision === 'first_seen' && r.status === 'wait_seller_agree' && r.prevStatusSeenUntil === undefined && r.firstSeenAt === r.statusFirstSeenAt && r.appliedAt !== undefined) {
    since = { at: r.appliedAt, precision: 'applied' };
  }
  r.statusSince = since.at;
  r.statusSincePrecision = since.precision;
  const next = assemble(r, options);
  if (since.at === prev.statusSince && since.precision === prev.statusSincePrecision) return { next };
  return { next, event: eventOf(next), redatedFrom: prev.statusSince };
}
