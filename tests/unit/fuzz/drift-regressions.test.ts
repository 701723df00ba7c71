// @vitest-environment happy-dom
// Hand-made pages for the markup drift the fuzzer (markup-drift-*.test.ts) reaches only rarely, and the bugs it found.
import { describe, expect, it } from 'vitest';
import { readRefundPage } from '@/lib/page/read-page';
// @ts-expect-error plain ESM fixtures without types
import { generateRefunds, unreadableRows } from '../../fixtures/demo-data.mjs';
// @ts-expect-error plain ESM fixtures without types
import { LEGACY_COLUMNS, QN_COLUMNS, RENDERERS } from '../../fixtures/pages/rows.mjs';

const NOW = Date.UTC(2026, 10, 21, 2, 0);
const refunds: any[] = generateRefunds(NOW);
const junk: any[] = unreadableRows(NOW);
// Headers as in tests/unit/page/demo-pages.test.ts.
function listHtml(layout: string, rows: string): string {
  if (layout === 'table') return `<div><table><thead><tr>${(QN_COLUMNS as string[]).map((c) => `<th>${c}</th>`).join('')}</tr></thead></table><div>${rows}</div></div>`;
  if (layout === 'grid') {
    const heads = (QN_COLUMNS as string[]).map((c) => `<div role="columnheader">${c}</div>`).join('');
    return `<div role="grid"><div role="row">${heads}</div><div role="rowgroup">${rows}</div></div>`;
  }
  if (layout === 'legacy') return `<div><div>${(LEGACY_COLUMNS as string[]).map((c) => `<div>${c}</div>`).join('')}</div><div>${rows}</div></div>`;
  return `<div>${rows}</div>`;
}

function read(html: string) {
  document.body.innerHTML = html;
  return readRefundPage(document, NOW);
}

describe('drift regressions', () => {
  it.each(['table', 'grid', 'cards', 'legacy'])('%s: one readable row among rows without a refund number stays one row', (layout) => {
    // Found by the fuzzer: the readable row's refund number climbed to the list, swallowing the rows beside it
    // (fields read from all three, the badge in the first row's cell whichever row it is).
    const rows = [junk[0], refunds[0], junk[0]].map((r) => RENDERERS[layout](r, NOW)).join('');
    const reading = read(listHtml(layout, rows));
    expect(reading.rows.map((r) => r.row.refundId)).toEqual([refunds[0].refundId]);
    const el = reading.rows[0]!.element;
    expect(el.closest('[data-demo-refund-id]') ?? el.querySelector('[data-demo-refund-id]')).not.toBeNull();
    expect(el.textContent).not.toContain(junk[0].orderId);
    expect(reading.problems.map((p) => p.field)).toEqual(['refundId', 'refundId']);
  });
  it('digits right after the refund-number label followed by more digits: not a refund number', () => {
    const r = refunds[0];
    // Without the 查看详情 link (its disputeId would name the refund too).
    const html = RENDERERS.cards(r, NOW).replace(`${r.refundId}</span>`, `123456 ${r.refundId}</span>`).replace(/<a [^>]*>查看详情<\/a>/, '');
    const reading = read(`<div>${RENDERERS.cards(refunds[1], NOW)}${html}${RENDERERS.cards(refunds[2], NOW)}</div>`);
    // Before the fix: read as refund 123456.
    expect(reading.rows.map((x) => x.row.refundId)).toEqual([refunds[1].refundId, refunds[2].refundId]);
    expect(reading.problems.map((p) => p.field)).toEqual(['refundId']);
  });
  it('two dates under 申请时间 / 超时时间: neither is read', () => {
    const r = refunds.find((x) => x.deadlineDisplay.kind === 'absolute');
    const html = RENDERERS.cards(r, NOW).replace('申请时间：</span><span class="card_v__r9Mx2">', '$&2025-01-02 03:04 ').replace('超时时间：</span><span class="card_v__r9Mx2">', '$&2025-01-02 03:04 ');
    const reading = read(`<div>${html}</div>`);
    expect(reading.rows).toHaveLength(1);
    expect(reading.rows[0]!.row.appliedAt).toBeUndefined();
    expect(reading.rows[0]!.row.pageDeadline).toBeUndefined();
  });
});

describe('drift regressions found by the fuzzer', () => {
  it('a wrapper around one grid cell (and one header cell) does not shift the columns after it', () => {
    const r = refunds[3];
    const heads = (QN_COLUMNS as string[]).map((c, i) => (i === 7 ? `<section><div role="columnheader">${c}</div></section>` : `<div role="columnheader">${c}</div>`)).join('');
    const row = RENDERERS.grid(r, NOW).replace(/<div role="gridcell"[^>]*><span class="money_num__v2Q0a">[^<]*<\/span><\/div>/, '<div>$&</div>');
    const reading = read(`<div role="grid"><div role="row">${heads}</div><div role="rowgroup">${row}</div></div>`);
    expect(reading.rows.map((x) => [x.row.refundId, x.row.appliedAt, x.row.amountFen])).toEqual([[r.refundId, r.appliedAt, r.amountFen]]);
  });
  it('words beside a bare number under a label: not an amount ("退款金额：白的 621 ￥718.00" split across elements)', () => {
    const r = refunds[0];
    const html = RENDERERS.cards(r, NOW).replace('退款金额：</span>', '退款金额： 白的 621</span>');
    const reading = read(`<div>${html}</div>`);
    expect(reading.rows.map((x) => [x.row.refundId, x.row.amountFen])).toEqual([[r.refundId, undefined]]);
  });
});
