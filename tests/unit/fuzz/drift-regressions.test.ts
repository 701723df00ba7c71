// @vitest-environment happy-dom
// Hand-made pages for the markup drift the fuzzer (markup-drift-*.test.ts) reaches only rarely, and the bugs it found.
// Each page is read and badged as the content script does it (the real BadgeBoard, ./badge-check.ts): one badge per row
// read, on that refund's row, with its §8 attributes; the reference reader must read the page the same.
import { describe, expect, it } from 'vitest';
import { BADGE_TAG } from '@/components/badge/mount-badge';
import { readRefundPage } from '../page/reference-reader';
import { judgeBadges, placeBadges } from './badge-check';
import type { Truth, TruthMap } from './mutate';
import { type Reading, sameReading } from './oracle';
// @ts-expect-error plain ESM fixtures without types
import { generateRefunds, unreadableRows } from '../../fixtures/demo-data.mjs';
// @ts-expect-error plain ESM fixtures without types
import { LEGACY_COLUMNS, QN_COLUMNS, RENDERERS } from '../../fixtures/pages/rows.mjs';
// @ts-expect-error plain ESM fixtures without types
import { renderLegacyDetail } from '../../fixtures/pages/detail.mjs';

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

/** The rows the fixtures mark (data-demo-refund-id) → their refund; the marks stay on (these pages are not fuzzed). */
function marked(doc: Document): TruthMap {
  const map = new WeakMap<Element, Truth>();
  const elements = [...doc.querySelectorAll('[data-demo-refund-id]')].filter((el) => {
    const t = refunds.find((r) => r.refundId === el.getAttribute('data-demo-refund-id'));
    if (t) map.set(el, t);
    return t !== undefined;
  });
  return { map, elements };
}

/** The content script's reading of the page, after checking the badges it put there and the reference reader's reading. */
function readAndBadge(doc: Document, truth: TruthMap = marked(doc)): Reading {
  const { board, reading } = placeBadges(doc, NOW);
  expect(doc.getElementsByTagName(BADGE_TAG)).toHaveLength(reading.rows.length);
  expect(judgeBadges(board, reading, truth, doc)).toEqual([]);
  board.removeAll();
  expect(sameReading(readRefundPage(doc, NOW), reading)).toBe(true);
  return reading;
}

function read(html: string): Reading {
  document.body.innerHTML = html;
  return readAndBadge(document);
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

describe('a label with more than one value beside it: the field is not understood, never a guess', () => {
  const noDeadline = refunds.find((x) => x.deadlineDisplay.kind === 'none' && x.deadlineDisplay.variant !== 'empty');
  const JUNK_DATE = '2024/12/31 23:59:59';

  it.each([
    ['between the label and its value (seed 3024380)', '超时时间：</span>', `超时时间：</span><i>${JUNK_DATE}</i>`],
    ['inside the label element', '超时时间：</span>', `超时时间：<i>${JUNK_DATE}</i></span>`],
  ])('cards: a date typed %s is not the deadline ("超时时间：" + date + "-")', (_where, from, to) => {
    const html = RENDERERS.cards(noDeadline, NOW).replace(from, to);
    expect(html).toContain(`${JUNK_DATE}</i>`);
    const reading = read(`<div>${html}</div>`);
    // Before the fix: the junk date was read as the page deadline 2024-12-31T15:59:59Z.
    expect(reading.rows.map((x) => [x.row.refundId, x.row.pageDeadline])).toEqual([[noDeadline.refundId, undefined]]);
  });

  it('legacy detail page: digits typed inside the 订单编号 label element are not the order id (seed 1025021)', () => {
    const r = refunds[0];
    const page = new DOMParser().parseFromString(renderLegacyDetail(r, NOW), 'text/html');
    const label = [...page.querySelectorAll('span.k')].find((el) => el.textContent === '订单编号：')!;
    label.append(page.createElement('i'));
    label.lastElementChild!.textContent = '836706785217124265655582';
    // A detail page is one refund's page: its body is the row (detail.mjs marks nothing).
    const reading = readAndBadge(page, { map: new WeakMap([[page.body, r]]), elements: [page.body] });
    // Before the fix: read as order 836706785217124265655582 (the label element's own text came first).
    expect(reading.rows.map((x) => [x.row.refundId, x.row.orderId, x.row.amountFen])).toEqual([[r.refundId, undefined, r.amountFen]]);
  });

  it('cards: a second amount typed inside the 退款金额 label element: the amount is not understood', () => {
    const r = refunds[2];
    const html = RENDERERS.cards(r, NOW).replace('退款金额：</span>', '退款金额：<i>3.5</i></span>');
    // Without the check: read as ¥3.50.
    expect(read(`<div>${html}</div>`).rows.map((x) => [x.row.refundId, x.row.amountFen])).toEqual([[r.refundId, undefined]]);
  });

  it('cards: words with a number after the amount are no second amount (the amount is still read)', () => {
    const r = refunds[2];
    const money = `￥${Math.floor(r.amountFen / 100)}.${String(r.amountFen % 100).padStart(2, '0')}`;
    const html = RENDERERS.cards(r, NOW).replace(`${money}</span>`, `${money}</span><span>绿能 459</span>`);
    expect(html).toContain('绿能 459');
    expect(read(`<div>${html}</div>`).rows.map((x) => [x.row.refundId, x.row.amountFen])).toEqual([[r.refundId, r.amountFen]]);
  });

  it('legacy list: the order number inside its label element is still read when nothing beside it looks like one', () => {
    // "订单号: <a>…</a>" followed by the buyer nick: the nick is no order number, so nothing is ambiguous.
    const r = refunds[1];
    const reading = read(listHtml('legacy', RENDERERS.legacy(r, NOW)));
    expect(reading.rows.map((x) => [x.row.refundId, x.row.orderId])).toEqual([[r.refundId, r.orderId]]);
  });
});

describe('a row that states two different deadlines: no page deadline (seed 2024395)', () => {
  it('grid: a row whose 申请时间 and 超时时间 cells are swapped against the header', () => {
    // The fuzzer's page: the header was shuffled, but one row (a stray element among its cells) kept its order, so
    // its 申请时间 date stood under 超时时间 while its own countdown "剩余 78:00:00" stood in another column.
    const r = refunds.find((x) => x.deadlineDisplay.kind === 'clock' && x.pageDeadlineAt > NOW);
    document.body.innerHTML = listHtml('grid', RENDERERS.grid(r, NOW));
    const cells = document.querySelectorAll('[role="rowgroup"] [role="gridcell"]');
    const [applied, deadline] = [cells[QN_COLUMNS.indexOf('申请时间')]!, cells[QN_COLUMNS.indexOf('超时时间')]!];
    applied.before(deadline);
    const reading = readAndBadge(document);
    // Before the fix: the 申请时间 date under 超时时间 was read as the page deadline.
    expect(reading.rows.map((x) => [x.row.refundId, x.row.pageDeadline, x.row.appliedAt])).toEqual([[r.refundId, undefined, undefined]]);
  });
});

describe('the badge check itself', () => {
  const page = () => listHtml('cards', refunds.slice(0, 3).map((r) => RENDERERS.cards(r, NOW)).join(''));

  it('passes the badges the board placed on a plain list', () => {
    expect(read(page()).rows).toHaveLength(3);
  });

  it('catches a badge moved to the next row, a second host in a row, a missing host and a wrong attribute', () => {
    document.body.innerHTML = page();
    const { board, reading } = placeBadges(document, NOW);
    const truth = marked(document);
    const [a, b, c] = reading.rows.map((r) => r.element.getElementsByTagName(BADGE_TAG)[0]!);
    b!.after(a!);
    expect(judgeBadges(board, reading, truth, document).join('\n')).toContain(`badge of ${refunds[1].refundId} in <${reading.rows[1]!.element.localName}>: 2 hosts in the row`);
    c!.remove();
    expect(judgeBadges(board, reading, truth, document).join('\n')).toContain('2 badge hosts on the page for 3 rows with a badge');
    reading.rows[0]!.element.append(a!);
    a!.setAttribute('data-refund-id', refunds[2].refundId);
    a!.setAttribute('data-state', 'late');
    const wrong = judgeBadges(board, reading, truth, document).join('\n');
    expect(wrong).toContain(`data-refund-id ${refunds[2].refundId}, truth ${refunds[0].refundId}`);
    expect(wrong).toContain('data-state late');
    board.removeAll();
  });

  it('catches a badge on another refund\'s row', () => {
    document.body.innerHTML = page();
    const { board, reading } = placeBadges(document, NOW);
    // The first row's element is taken for the second refund: its badge sits on the row of refunds[0].
    const first = reading.rows[0]!.element;
    const truth = marked(document);
    truth.map.set(first, refunds[1]);
    expect(judgeBadges(board, reading, truth, document).join('\n')).toContain(`on the row of ${refunds[1].refundId}`);
    board.removeAll();
  });
});
