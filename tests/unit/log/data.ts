// Generated refunds for the log tests: deterministic, with shared number prefixes, tied lastSeenAt values, open
// refunds with and without deadlines, completed ones, and missing optional fields.
import { actorFor, isCompleted } from '@/lib/status/classify';
import type { RefundEvent, StoredRefund } from '@/lib/db/schema';
import { PHASES, REFUND_STATUSES, REFUND_TYPES } from '@/lib/model/vocabulary';

export const NOW = Date.UTC(2026, 10, 20, 6, 0, 0); // 2026-11-20 14:00 Beijing
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function generateRefunds(count: number, seed = 7): StoredRefund[] {
  const rnd = lcg(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const out: StoredRefund[] = [];
  for (let i = 0; i < count; i++) {
    // Ids share prefixes: 2026112 0xxxx … and a few 3-prefixed ones.
    const refundId = `${i % 10 === 0 ? '3' : '2'}02611${String(200000000000 + i * 7919).slice(-12)}`;
    const orderId = rnd() < 0.9 ? `4${String(1000 + (i % 250)).padStart(4, '0')}${String(i).padStart(13, '0')}` : undefined;
    const status = pick(REFUND_STATUSES);
    const actor = actorFor(status, status === 'unknown' && rnd() < 0.5 ? '待买家收货' : '');
    const appliedAt = rnd() < 0.95 ? NOW - Math.floor(rnd() * 40 * DAY) : undefined;
    const completed = isCompleted(status);
    const r: StoredRefund = {
      refundId,
      status,
      statusText: `状态${status}`,
      actor,
      statusSince: NOW - 5 * DAY,
      statusSincePrecision: 'first_seen',
      statusFirstSeenAt: NOW - 5 * DAY,
      firstSeenAt: NOW - 30 * DAY,
      // Coarse (hour-rounded) so many refunds tie on lastSeenAt: the keyset cursor must break ties by refundId.
      lastSeenAt: NOW - Math.floor(rnd() * 72) * HOUR,
    };
    if (orderId) r.orderId = orderId;
    if (rnd() < 0.9) r.type = pick(REFUND_TYPES);
    if (rnd() < 0.85) r.phase = pick(PHASES);
    if (rnd() < 0.9) r.amountFen = Math.floor(rnd() * 100000);
    if (appliedAt !== undefined) r.appliedAt = appliedAt;
    if (completed) {
      r.completedAt = (appliedAt ?? NOW - 10 * DAY) + Math.floor(rnd() * 5 * DAY);
    } else if (rnd() < 0.8) {
      // -3 d … +6 d, hour-rounded for ties; some exactly on the threshold boundaries.
      const k = Math.floor(rnd() * 216) - 72;
      r.deadlineAt = NOW + k * HOUR;
    } else if (rnd() < 0.3) {
      r.pageDeadline = { deadline: { kind: 'overdue' }, status, readAt: NOW - HOUR };
    }
    out.push(r);
  }
  return out;
}

export function eventsFor(r: StoredRefund): Omit<RefundEvent, 'id'>[] {
  return [
    { refundId: r.refundId, status: 'wait_seller_agree', at: r.firstSeenAt, precision: 'first_seen', statusText: '等待卖家同意' },
    ...(r.status !== 'wait_seller_agree'
      ? [{ refundId: r.refundId, status: r.status, at: r.statusSince, precision: 'page' as const, statusText: r.statusText }]
      : []),
  ];
}
