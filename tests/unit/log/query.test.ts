// The log queries against a fake IndexedDB with a few hundred generated refunds: the index chosen for each filter,
// and rows/counts equal to a brute-force reference (filter + sort of the whole array, written independently here).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RefundRadarDb, StoredRefund } from '@/lib/db/schema';
import { badgeState, DEFAULT_THRESHOLDS } from '@/lib/deadline/state';
import type { LogFilter } from '@/lib/log/filter';
import { createLogQuery, planQuery } from '@/lib/log/query';
import { newDb } from '../db/helpers';
import { DAY, generateRefunds, HOUR, NOW } from './data';

const CTX = { now: NOW, thresholds: DEFAULT_THRESHOLDS };
const REFUNDS = generateRefunds(400);
let db: RefundRadarDb;

beforeAll(async () => {
  db = newDb();
  await db.refunds.bulkPut(REFUNDS);
});
afterAll(() => db.close());

const BJ = 8 * HOUR;
const dayStart = (d: string) => Date.parse(`${d}T00:00:00Z`) - BJ;

function stateOf(r: StoredRefund): string {
  const pageOverdue = r.pageDeadline?.deadline.kind === 'overdue' && r.pageDeadline.status === r.status;
  return badgeState({ status: r.status, actor: r.actor, deadline: r.deadlineAt, pageOverdue }, NOW, DEFAULT_THRESHOLDS);
}

/** Independent reference predicate. */
function keep(r: StoredRefund, f: LogFilter): boolean {
  if (f.q && !r.refundId.startsWith(f.q) && !(r.orderId ?? '').startsWith(f.q)) return false;
  if (f.from || f.to) {
    const v = f.date === 'completed' ? r.completedAt : r.appliedAt;
    if (v === undefined) return false;
    if (f.from && v < dayStart(f.from)) return false;
    if (f.to && v >= dayStart(f.to) + DAY) return false;
  }
  if (f.status && r.status !== f.status) return false;
  if (f.actor && r.actor !== f.actor) return false;
  if (f.type && r.type !== f.type) return false;
  if (f.phase && r.phase !== f.phase) return false;
  if (f.state && stateOf(r) !== f.state) return false;
  return true;
}

const desc = (k: 'lastSeenAt' | 'appliedAt' | 'completedAt') => (a: StoredRefund, b: StoredRefund) =>
  b[k]! - a[k]! || (a.refundId < b.refundId ? 1 : -1);

/** Reference order for a filter. */
function expected(f: LogFilter): string[] {
  const rows = REFUNDS.filter((r) => keep(r, f));
  if (f.q) {
    const own = rows.filter((r) => r.refundId.startsWith(f.q!)).sort((a, b) => (a.refundId < b.refundId ? -1 : 1));
    const byOrder = rows
      .filter((r) => !r.refundId.startsWith(f.q!))
      .sort((a, b) => (a.orderId! < b.orderId! ? -1 : a.orderId! > b.orderId! ? 1 : a.refundId < b.refundId ? -1 : 1));
    return [...own, ...byOrder].map((r) => r.refundId);
  }
  if (f.sort === 'deadline') {
    const withD = rows.filter((r) => r.deadlineAt !== undefined).sort((a, b) => a.deadlineAt! - b.deadlineAt! || (a.refundId < b.refundId ? -1 : 1));
    const rest = rows.filter((r) => r.deadlineAt === undefined).sort(desc('lastSeenAt'));
    return [...withD, ...rest].map((r) => r.refundId);
  }
  if (f.from || f.to) return rows.sort(desc(f.date === 'completed' ? 'completedAt' : 'appliedAt')).map((r) => r.refundId);
  return rows.sort(desc('lastSeenAt')).map((r) => r.refundId);
}

async function walk(f: LogFilter, pageSize: number): Promise<string[]> {
  const q = createLogQuery(db, f, CTX);
  const out: string[] = [];
  for (let off = 0; ; off += pageSize) {
    const rows = await q.page(off, pageSize);
    out.push(...rows.map((r) => r.refundId));
    if (rows.length < pageSize) break;
  }
  return out;
}

const FILTERS: [string, LogFilter][] = [
  ['nothing (newest first)', {}],
  ['status', { status: 'wait_seller_agree' }],
  ['status success', { status: 'success' }],
  ['state overdue', { state: 'overdue' }],
  ['state urgent', { state: 'urgent' }],
  ['state soon', { state: 'soon' }],
  ['state ok', { state: 'ok' }],
  ['state done', { state: 'done' }],
  ['state unknown', { state: 'unknown' }],
  ['actor buyer', { actor: 'buyer' }],
  ['type', { type: 'return_refund' }],
  ['phase', { phase: 'aftersale' }],
  ['applied range', { from: '2026-10-20', to: '2026-11-05' }],
  ['applied from only', { from: '2026-11-15' }],
  ['completed range', { date: 'completed', from: '2026-10-25', to: '2026-11-18' }],
  ['search refund prefix', { q: '302611' }],
  ['search order prefix', { q: '41003' }],
  ['search matching both kinds', { q: '2' }],
  ['search no match', { q: '999' }],
  ['deadline sort', { sort: 'deadline' }],
  ['deadline sort, seller', { sort: 'deadline', actor: 'seller' }],
  ['deadline sort, urgent', { sort: 'deadline', state: 'urgent' }],
  ['deadline sort, soon buyer', { sort: 'deadline', state: 'soon', actor: 'buyer' }],
  ['deadline sort, overdue (incl. bare 已超时)', { sort: 'deadline', state: 'overdue' }],
  ['deadline sort, done', { sort: 'deadline', state: 'done' }],
  ['deadline sort + applied range + type', { sort: 'deadline', from: '2026-10-25', type: 'refund_only' }],
  ['combined: status + type + phase', { status: 'wait_buyer_return', type: 'return_refund', phase: 'onsale' }],
  ['combined: applied range + state + actor', { from: '2026-10-15', to: '2026-11-20', state: 'ok', actor: 'seller' }],
  ['combined: search + status', { q: '2026', status: 'closed' }],
  ['combined: completed range + type', { date: 'completed', from: '2026-11-01', type: 'refund_only' }],
];

describe('log query: rows and counts equal the brute-force reference', () => {
  it.each(FILTERS)('%s', async (_name, f) => {
    const want = expected(f);
    const q = createLogQuery(db, f, CTX);
    expect(await q.count()).toBe(want.length);
    expect(await walk(f, 37)).toEqual(want);
  });

  it('the generated data exercises every filter (no vacuous case)', () => {
    for (const [name, f] of FILTERS) {
      if (name.includes('no match')) continue;
      expect(expected(f).length, name).toBeGreaterThan(0);
    }
  });

  it('random page jumps (no cursor yet, then nearby cursors) give the same rows as a walk', async () => {
    for (const f of [{}, { sort: 'deadline' as const }, { state: 'ok' as const }, { from: '2026-10-20' }, { q: '2' }]) {
      const want = expected(f);
      const q = createLogQuery(db, f, CTX);
      for (const off of [230, 10, 231, 399, 0, 117, 118, 300]) {
        const rows = await q.page(off, 25);
        expect(rows.map((r) => r.refundId), `${JSON.stringify(f)} @${off}`).toEqual(want.slice(off, off + 25));
      }
    }
  });

  it('newest first: lastSeenAt descending', async () => {
    const rows = await createLogQuery(db, {}, CTX).page(0, 400);
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1]!.lastSeenAt).toBeGreaterThanOrEqual(rows[i]!.lastSeenAt);
  });

  it('deadline order: deadlines ascending, then refunds without a deadline', async () => {
    const rows = await createLogQuery(db, { sort: 'deadline' }, CTX).page(0, 400);
    const firstNone = rows.findIndex((r) => r.deadlineAt === undefined);
    expect(firstNone).toBeGreaterThan(0);
    for (let i = 1; i < firstNone; i++) expect(rows[i - 1]!.deadlineAt!).toBeLessThanOrEqual(rows[i]!.deadlineAt!);
    expect(rows.slice(firstNone).every((r) => r.deadlineAt === undefined)).toBe(true);
  });
});

describe('log query: index choice', () => {
  const idx = (f: LogFilter) => planQuery(f, CTX).segments.map((s) => s.index);
  it('search → refundId then orderId prefix ranges', () => {
    expect(idx({ q: '2026', status: 'success', sort: 'deadline' })).toEqual(['refundId', 'orderId']);
    expect(planQuery({ q: '2026' }, CTX).order).toBe('number');
  });
  it('date ranges → appliedAt / completedAt, newest first', () => {
    expect(idx({ from: '2026-11-01' })).toEqual(['appliedAt']);
    expect(idx({ date: 'completed', to: '2026-11-01', status: 'closed' })).toEqual(['completedAt']);
    expect(planQuery({ date: 'completed', to: '2026-11-01' }, CTX).order).toBe('completed');
  });
  it('no range → lastSeenAt descending; the rest is a residual filter', () => {
    const plan = planQuery({ status: 'success', type: 'exchange' }, CTX);
    expect(plan.segments.map((s) => [s.index, s.residual])).toEqual([['lastSeenAt', ['status', 'type']]]);
    expect(planQuery({}, CTX).segments[0]!.pred).toBeNull();
  });
  it('deadline sort → [actor+deadlineAt] ranges (one per actor, narrowed by state), then the no-deadline rest', () => {
    expect(idx({ sort: 'deadline' })).toEqual(['[actor+deadlineAt]', 'lastSeenAt']);
    const seg = planQuery({ sort: 'deadline', state: 'urgent', actor: 'seller' }, CTX).segments;
    expect(seg).toHaveLength(1);
    expect(seg[0]).toMatchObject({ kind: 'merge', ranges: [{ actor: 'seller', lower: NOW, upper: NOW + 6 * HOUR }], pred: null });
    expect(idx({ sort: 'deadline', state: 'done' })).toEqual(['lastSeenAt']);
  });
  it('status-only filter counts natively on the status index', async () => {
    const plan = planQuery({ status: 'closed' }, CTX);
    expect(plan.segments[0]).toHaveProperty('countVia');
    expect(await createLogQuery(db, { status: 'closed' }, CTX).count()).toBe(REFUNDS.filter((r) => r.status === 'closed').length);
  });
});

describe('log query: never loads the whole table', () => {
  it('a page reads only what it needs (toArray of the table is never called)', async () => {
    const table = db.refunds as unknown as { toArray: () => unknown };
    const original = table.toArray;
    table.toArray = () => {
      throw new Error('full-table toArray');
    };
    try {
      for (const f of FILTERS.map(([, x]) => x)) {
        const q = createLogQuery(db, f, CTX);
        await q.count();
        await q.page(50, 20);
      }
    } finally {
      table.toArray = original;
    }
  });
});

describe('log query: keyset cursors across long runs of equal keys', () => {
  it('120 refunds with the same lastSeenAt, read 25 at a time and by jumps, in primary-key order', async () => {
    const tied = newDb();
    const rows = generateRefunds(120, 3).map((r) => ({ ...r, lastSeenAt: NOW }));
    await tied.refunds.bulkPut(rows);
    const want = rows.map((r) => r.refundId).sort().reverse();
    const q = createLogQuery(tied, {}, CTX);
    const got: string[] = [];
    for (let off = 0; off < 130; off += 25) got.push(...(await q.page(off, 25)).map((r) => r.refundId));
    expect(got).toEqual(want);
    const q2 = createLogQuery(tied, { status: 'success' }, CTX);
    const wantSuccess = rows.filter((r) => r.status === 'success').map((r) => r.refundId).sort().reverse();
    const got2: string[] = [];
    for (let off = 0; off < wantSuccess.length + 5; off += 3) got2.push(...(await q2.page(off, 3)).map((r) => r.refundId));
    expect(got2).toEqual(wantSuccess);
    for (const off of [50, 10, 51, 100, 75]) expect((await q.page(off, 7)).map((r) => r.refundId)).toEqual(want.slice(off, off + 7));
    tied.close();
  });
});
