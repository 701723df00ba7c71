// Synthetic history for the storage and computation benchmarks. Each function is self-contained (no imports, no
// closures over module scope) because the runner also ships its source text into extension pages, where it is
// evaluated through the DevTools protocol (the pages' CSP forbids eval from page code).
//
// Refund i is a pure function of (i, now): records, page rows and facts agree without sharing state. Shape of the
// history: 申请时间 spread uniformly over the 90 days before `now`, completion 2 h … ~12 days after it (so ~4 % are
// still open), 80 % 退款成功 / 20 % 退款关闭, 4 % intervened; about a third of the refunds fall in a 28/30-day window.

/** StoredRefund records (lib/db/schema.ts) and one event each, for refunds start … start + count − 1. */
export function storedRefunds(start, count, now) {
  const DAY = 86_400_000;
  const HOUR = 3_600_000;
  const rand = (i, k) => {
    let h = (Math.imul(i ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(k + 1, 0xc2b2ae35)) | 0;
    h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
    h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
    return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
  };
  const TEXT = {
    wait_seller_agree: '待商家处理', wait_buyer_return: '待买家发货', wait_seller_confirm: '待商家确认收货',
    seller_refused: '商家拒绝退款', intervening: '小二介入中', success: '退款成功', closed: '退款关闭',
  };
  const ACTOR = { wait_seller_agree: 'seller', wait_seller_confirm: 'seller', wait_buyer_return: 'buyer', seller_refused: 'buyer', intervening: 'platform', success: 'none', closed: 'none' };
  const OPEN = ['wait_seller_agree', 'wait_seller_agree', 'wait_buyer_return', 'wait_seller_confirm', 'seller_refused'];
  const refunds = [];
  const events = [];
  for (let i = start; i < start + count; i++) {
    const refundId = '6' + String(i).padStart(17, '0');
    const appliedAt = Math.round(now - rand(i, 0) * 90 * DAY);
    const type = rand(i, 1) < 0.55 ? 'refund_only' : rand(i, 1) < 0.95 ? 'return_refund' : 'exchange';
    const phase = rand(i, 2) < 0.3 ? 'onsale' : 'aftersale';
    const duration = 2 * HOUR + rand(i, 3) * rand(i, 4) * 12 * DAY;
    const done = appliedAt + duration < now - HOUR;
    const intervenedAt = rand(i, 5) < 0.04 && appliedAt + duration / 2 < now ? Math.round(appliedAt + duration / 2) : undefined;
    let status;
    if (done) status = rand(i, 6) < 0.8 ? 'success' : 'closed';
    else status = intervenedAt !== undefined ? 'intervening' : OPEN[Math.floor(rand(i, 6) * OPEN.length)];
    const statusSince = done ? Math.round(appliedAt + duration) : status === 'wait_seller_agree' ? appliedAt : Math.round(appliedAt + duration / 3);
    const seenAt = Math.max(statusSince, now - 2 * HOUR);
    const r = {
      refundId,
      orderId: '5' + String(i).padStart(17, '0'),
      status,
      statusText: TEXT[status],
      actor: ACTOR[status],
      type,
      phase,
      goodsState: type === 'refund_only' ? 'unshipped' : done ? 'returned' : 'shipped',
      amountFen: 500 + Math.floor(rand(i, 7) * 50_000),
      appliedAt,
    };
    if (done) Object.assign(r, { completedAt: statusSince, completedAtPrecision: 'first_seen' });
    if (intervenedAt !== undefined) r.intervenedAt = intervenedAt;
    Object.assign(r, {
      statusSince,
      statusSincePrecision: status === 'wait_seller_agree' ? 'applied' : 'first_seen',
      statusFirstSeenAt: seenAt,
    });
    if (!done) {
      const at = Math.round(now + (rand(i, 8) * 4 - 0.5) * DAY);
      r.pageDeadline = { deadline: { kind: 'at', at }, status, readAt: seenAt };
      r.deadlineAt = at;
    }
    r.firstSeenAt = Math.min(appliedAt + HOUR, seenAt);
    r.lastSeenAt = seenAt;
    refunds.push(r);
    events.push({ refundId, status, at: statusSince, precision: done ? 'first_seen' : 'page', statusText: TEXT[status] });
  }
  return { refunds, events };
}

/** 支付宝成交笔数 per Beijing date for the 100 days up to `now` (about 20 paid orders per refund of `perDayRefunds`). */
export function paidOrderDays(now, perDayRefunds) {
  const out = [];
  for (let k = 0; k < 100; k++) {
    const date = new Date(now + 8 * 3_600_000 - k * 86_400_000).toISOString().slice(0, 10);
    out.push({ date, count: Math.round(perDayRefunds * 20 * (0.8 + 0.4 * ((k * 7919) % 100) / 100)) });
  }
  return out;
}

/**
 * One page report's rows (lib/model/refund-row.ts RefundRow): `count` rows starting at refund `first`; every tenth is a refund
 * not stored yet (numbered from `newFrom`), a quarter of the stored open ones moved on to their next status.
 */
export function pageRows(first, count, newFrom, now, stored) {
  const NEXT = { wait_seller_agree: ['wait_buyer_return', '待买家发货'], wait_buyer_return: ['wait_seller_confirm', '待商家确认收货'], wait_seller_confirm: ['success', '退款成功'], seller_refused: ['intervening', '小二介入中'], intervening: ['success', '退款成功'] };
  const rows = [];
  for (let k = 0; k < count; k++) {
    if (k % 10 === 9) {
      const n = newFrom + first + k;
      rows.push({
        refundId: '6' + String(n).padStart(17, '0'), orderId: '5' + String(n).padStart(17, '0'), statusText: '待商家处理',
        status: 'wait_seller_agree', type: 'refund_only', phase: 'aftersale', goodsState: 'unshipped', amountFen: 1990,
        appliedAt: now - 3_600_000, pageDeadline: { kind: 'at', at: now + 47 * 3_600_000 }, readAt: now,
      });
      continue;
    }
    const s = stored[k];
    const open = s.status !== 'success' && s.status !== 'closed';
    const [status, statusText] = open && k % 4 === 0 ? NEXT[s.status] : [s.status, s.statusText];
    const row = {
      refundId: s.refundId, orderId: s.orderId, statusText, status, type: s.type, phase: s.phase, goodsState: s.goodsState,
      amountFen: s.amountFen, appliedAt: s.appliedAt, readAt: now,
    };
    if (status !== 'success' && status !== 'closed') row.pageDeadline = { kind: 'at', at: s.deadlineAt ?? now + 86_400_000 };
    rows.push(row);
  }
  return rows;
}
