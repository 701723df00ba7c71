// @vitest-environment happy-dom
// The six layouts of domain.md §5 showing the same refunds must read the same, whatever the class names or column order.
import { beforeEach, describe, expect, it } from 'vitest';
import { badgeAnchor } from '@/lib/page/anchor';
import { readRefundRow } from '@/lib/page/read-row';
import { findRefundRows, readRefundPage } from './reference-reader';
import type { RefundRow } from '@/lib/model/refund-row';
import { EXPECTED_ROWS, READ_AT, REFUNDS, renameAttributes } from './fixtures/data';
import {
  type ColumnKey,
  QN_COLUMNS,
  TABLE_COLUMNS,
  ariaGrid,
  cardList,
  fusionList,
  legacyList,
  plainTable,
  qianniuDetail,
  shuffled,
} from './fixtures/layouts';

/** A row without its buyer nickname: only the Fusion table labels it (买家：…), checked on its own below. */
const noNick = ({ buyerNick: _nick, ...row }: RefundRow): RefundRow => row;

function readRaw(html: string): ReturnType<typeof readRefundPage> {
  document.body.innerHTML = html;
  return readRefundPage(document, READ_AT);
}

/** The page read, its rows without the nickname (so every layout compares with EXPECTED_ROWS). */
function read(html: string): ReturnType<typeof readRefundPage> {
  const reading = readRaw(html);
  return { ...reading, rows: reading.rows.map((r) => ({ ...r, row: noNick(r.row) })) };
}

const rowsOf = (html: string): RefundRow[] => read(html).rows.map((r) => r.row);

const LIST_LAYOUTS: Record<string, (columns?: ColumnKey[]) => string> = {
  'fusion next table': (cols) => fusionList(REFUNDS, cols),
  'plain table': (cols) => plainTable(REFUNDS, cols),
  'aria grid': (cols) => ariaGrid(REFUNDS, cols),
  'card list': () => cardList(REFUNDS),
  'legacy refund2 list': () => legacyList(REFUNDS),
};

beforeEach(() => {
  document.body.innerHTML = '';
});

it('the Fusion table labels the buyer nickname (买家：…): it is read; the other layouts show it bare: not read', () => {
  expect(readRaw(fusionList(REFUNDS)).rows.map((r) => r.row.buyerNick)).toEqual(REFUNDS.slice(0, EXPECTED_ROWS.length).map((r) => r.buyer));
  expect(readRaw(legacyList(REFUNDS)).rows.map((r) => r.row.buyerNick)).toEqual(EXPECTED_ROWS.map(() => undefined));
});

describe.each(Object.entries(LIST_LAYOUTS))('%s', (_name, layout) => {
  it('reads every refund exactly (18-digit ids as strings, Beijing times as UTC, fen as integers)', () => {
    expect(rowsOf(layout())).toStrictEqual(EXPECTED_ROWS);
  });

  it('reports the rows without a readable refund number as refundId problems, in page order', () => {
    const { problems } = read(layout());
    expect(problems.map((p) => p.field)).toEqual(['refundId', 'refundId']);
    expect(problems.every((p) => p.refundId === undefined)).toBe(true);
    // The one with "—" names it when the layout shows the label; the one without shows its row text.
    expect(problems[1]!.text).toContain('3890123456789012301');
  });

  it('returns the row elements in page order, one per refund', () => {
    document.body.innerHTML = layout();
    const rows = findRefundRows(document);
    expect(rows).toHaveLength(REFUNDS.length);
    const reading = readRefundPage(document, READ_AT);
    expect(reading.rows.map((r) => r.element)).toEqual(rows.filter((_, i) => i < 4));
    for (const { element, row } of reading.rows) {
      const again = readRefundRow(element, READ_AT);
      expect(again).toStrictEqual({ ok: true, row });
    }
  });

  it('does not depend on class names or ids', () => {
    expect(rowsOf(renameAttributes(layout(), 'x'))).toStrictEqual(EXPECTED_ROWS);
    expect(rowsOf(layout().replace(/\s(class|id)="[^"]*"/g, ''))).toStrictEqual(EXPECTED_ROWS);
  });

  it('reads the same after a badge host (with countdown text of its own) is inserted at the anchor', () => {
    document.body.innerHTML = layout();
    for (const row of findRefundRows(document)) {
      const { parent, before } = badgeAnchor(row);
      const host = document.createElement('refund-radar-badge');
      host.setAttribute('data-state', 'urgent');
      host.textContent = '还剩 5时 申请介入 退款编号：200999999999999999';
      parent.insertBefore(host, before);
      expect(row.contains(host)).toBe(true);
      expect(host.closest('a, button')).toBeNull();
    }
    const reading = readRefundPage(document, READ_AT);
    expect(reading.rows.map((r) => noNick(r.row))).toStrictEqual(EXPECTED_ROWS);
    expect(reading.problems).toHaveLength(2);
    expect(findRefundRows(document)).toHaveLength(REFUNDS.length);
  });
});

describe('column order', () => {
  it.each([1, 2, 3, 42])('a shuffled column order (seed %i) gives the same rows in every table layout', (seed) => {
    expect(rowsOf(fusionList(REFUNDS, shuffled(QN_COLUMNS, seed)))).toStrictEqual(EXPECTED_ROWS);
    expect(rowsOf(plainTable(REFUNDS, shuffled(TABLE_COLUMNS, seed)))).toStrictEqual(EXPECTED_ROWS);
    expect(rowsOf(ariaGrid(REFUNDS, shuffled(TABLE_COLUMNS, seed)))).toStrictEqual(EXPECTED_ROWS);
  });
});

describe('exact problems', () => {
  it('fusion: the "—" row names the dash, the row without a number gives its text', () => {
    const { problems } = read(fusionList(REFUNDS));
    expect(problems[0]).toEqual({ field: 'refundId', text: '—' });
    expect(problems[1]!.text).toMatch(/^订单号: 3890123456789012301 买家:/);
  });
  it('plain table: the "—" cell and the empty cell', () => {
    const { problems } = read(plainTable(REFUNDS));
    expect(problems[0]).toEqual({ field: 'refundId', text: '—' });
    expect(problems[1]!.text).toMatch(/^3890123456789012301 手机壳/);
  });
  it('card list: "退款编号：—" and a card without the line', () => {
    const { problems } = read(cardList(REFUNDS));
    expect(problems[0]).toEqual({ field: 'refundId', text: '—' });
    expect(problems[1]!.text).toMatch(/^订单号: 3890123456789012301/);
  });
});

describe('detail page', () => {
  const logistics = '圆通速递 YT8800123456789 已签收';
  it('reads the one refund of the page, the same as its list row (the detail page shows no 售中/售后)', () => {
    const { rows, problems } = read(qianniuDetail(REFUNDS[1]!, logistics));
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(1);
    const { phase: _phase, ...listRow } = EXPECTED_ROWS[1]!;
    expect(rows[0]!.row).toStrictEqual(listRow);
    expect(rows[0]!.element).toBe(document.body);
  });

  it('reads 要求: 退款 as refund-only and the countdown split over spans', () => {
    const refund = { ...REFUNDS[0]!, countdown: '还剩 <span>1</span>天 <span>4</span>时 <span>3</span>分' };
    const { rows } = read(qianniuDetail(refund, '—'));
    const { phase: _phase, ...listRow } = EXPECTED_ROWS[0]!;
    expect(rows[0]!.row).toStrictEqual({ ...listRow, returnSigned: false });
  });

  it('puts the badge right after the element holding the refund number, outside the copy link', () => {
    document.body.innerHTML = qianniuDetail(REFUNDS[1]!, logistics);
    const [row] = findRefundRows(document);
    const { parent, before } = badgeAnchor(row!);
    expect(parent.textContent).toContain('退款编号');
    expect(parent.closest('a, button')).toBeNull();
    const host = document.createElement('refund-radar-badge');
    parent.insertBefore(host, before);
    expect(host.previousElementSibling?.textContent).toContain('200123456789012399');
    expect(readRefundPage(document, READ_AT).rows.map((r) => r.row.refundId)).toEqual(['200123456789012399']);
  });

  it('reads the same with renamed classes', () => {
    const { rows } = read(renameAttributes(qianniuDetail(REFUNDS[1]!, logistics), 'd'));
    expect(rows.map((r) => r.row.refundId)).toEqual(['200123456789012399']);
    expect(rows[0]!.row.returnSigned).toBe(true);
  });
});

describe('duplicates', () => {
  it.each([
    ['card list', () => cardList([REFUNDS[0]!, REFUNDS[1]!, REFUNDS[0]!])],
    ['plain table', () => plainTable([REFUNDS[0]!, REFUNDS[0]!])],
    ['fusion next table', () => fusionList([REFUNDS[0]!, REFUNDS[0]!])],
    ['legacy refund2 list', () => legacyList([REFUNDS[0]!, REFUNDS[0]!])],
  ])('%s: the same refund twice gives two rows (keyed by element)', (_name, html) => {
    const { rows, problems } = read(html());
    const ids = rows.map((r) => r.row.refundId);
    expect(ids.filter((id) => id === REFUNDS[0]!.refundId)).toHaveLength(2);
    expect(new Set(rows.map((r) => r.element)).size).toBe(rows.length);
    expect(problems).toEqual([]);
    expect(rows.find((r) => r.row.refundId === REFUNDS[0]!.refundId)!.row).toStrictEqual(EXPECTED_ROWS[0]);
  });
});

describe('single-row lists', () => {
  it.each(Object.entries(LIST_LAYOUTS))('%s with one refund: the row is that refund, not the whole list', (_name, layout) => {
    void layout;
    const one: Record<string, string> = {
      'fusion next table': fusionList([REFUNDS[2]!]),
      'plain table': plainTable([REFUNDS[2]!]),
      'aria grid': ariaGrid([REFUNDS[2]!]),
      'card list': cardList([REFUNDS[2]!]),
      'legacy refund2 list': legacyList([REFUNDS[2]!]),
    };
    const { rows } = read(one[_name]!);
    expect(rows.map((r) => r.row)).toStrictEqual([EXPECTED_ROWS[2]]);
    expect(rows[0]!.element.textContent).not.toContain('批量同意退款');
  });
});
