// @vitest-environment happy-dom
// The readers against the demo seller center's own renderers (tests/fixtures): every readable demo refund reads back
// as the demo's ground truth, in every layout, and the unreadable rows are problems, never rows.
import { describe, expect, it } from 'vitest';
import { demoListHtml, type DemoLayout } from './fixtures/demo-list';
import { readRefundPage } from './reference-reader';
// @ts-expect-error plain ESM fixtures without types
import { generateRefunds, unreadableRows } from '../../fixtures/demo-data.mjs';
// @ts-expect-error plain ESM fixtures without types
import { renderLegacyDetail, renderQianniuDetail } from '../../fixtures/pages/detail.mjs';

const NOW = Date.UTC(2026, 10, 21, 2, 0); // 10:00 Beijing
const refunds = generateRefunds(NOW) as Array<Record<string, any>>;
const junk = unreadableRows(NOW) as Array<Record<string, any>>;

function listHtml(layout: DemoLayout): string {
  return demoListHtml(layout, [...refunds.slice(0, 30), ...junk], NOW);
}

function truthOf(refundId: string) {
  return refunds.find((r) => r.refundId === refundId)!;
}

describe.each(['table', 'grid', 'cards', 'legacy'] as const)('demo %s list', (layout) => {
  document.body.innerHTML = listHtml(layout);
  const reading = readRefundPage(document, NOW);

  it('reads every readable row once, and only those', () => {
    expect(reading.rows.map((r) => r.row.refundId)).toEqual(refunds.slice(0, 30).map((r) => r.refundId));
  });
  it('counts the unreadable rows as problems', () => {
    expect(reading.problems.length).toBe(junk.length);
    expect(reading.problems.every((p) => p.field === 'refundId')).toBe(true);
  });
  it('reads each field as the demo shows it', () => {
    for (const { row } of reading.rows) {
      const t = truthOf(row.refundId);
      expect(row.buyerNick, 'the lists show the nick without a label: not read').toBeUndefined();
      expect({ id: row.refundId, orderId: row.orderId, status: row.status, type: row.type, goods: row.goodsState, amount: row.amountFen, applied: row.appliedAt }).toEqual({
        id: t.refundId, orderId: t.orderId, status: t.status, type: t.type, goods: t.goodsState, amount: t.amountFen, applied: t.appliedAt,
      });
    }
  });
});

describe('demo detail pages', () => {
  const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
  it.each(refunds.slice(0, 30).map((r) => [r.refundId, r.statusText, r]))('%s (%s) reads as one row with its status', (_id, _text, r) => {
    for (const html of [renderQianniuDetail(r, NOW), renderLegacyDetail(r, NOW)]) {
      const reading = readRefundPage(parse(html), NOW);
      expect(reading.rows.map((x) => x.row.refundId)).toEqual([r.refundId]);
      expect(reading.rows[0]!.row.status).toBe(r.status);
      // "买家：nick" is read; the history lines "买家（nick）于…" and status texts starting with 买家 are not labels.
      expect(reading.rows[0]!.row.buyerNick).toBe(r.buyerNick);
      // The negotiation history prints when the current status began (to the second).
      const since = r.status === 'wait_seller_agree' ? r.appliedAt : r.status === 'unknown' ? undefined : r.statusSince;
      if (since !== undefined && since !== null) expect(reading.rows[0]!.row.statusSince).toBe(Math.floor(since / 1000) * 1000);
    }
  });
});
