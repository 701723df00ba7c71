// @vitest-environment happy-dom
// The shortcuts that make a reading fast must not change what it reads: the NFKC fast path, the tree-walker text
// search, the per-reading text memo, the occurrence index shared by the rows of one reading, cached header labels.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createReadContext } from '@/lib/page/columns';
import { contentTextNodes, contentTextNodesWhere, normText, readText, withTextMemo } from '@/lib/page/dom-text';
import { findIdOccurrences } from '@/lib/page/identifiers';
import { readRefundRow } from '@/lib/page/read-row';
import { findRefundRows } from './reference-reader';
import { headerField, simplifyChinese } from '@/lib/page/labels';
import { normalizeText } from '@/lib/text/normalize';
import { READ_AT, REFUNDS } from './fixtures/data';
import { ariaGrid, cardList, fusionList, legacyList, plainTable, qianniuDetail } from './fixtures/layouts';

/** NFKC, zero-width removal, whitespace collapsing: the reference, without any shortcut. */
const reference = (t: string) => t.normalize('NFKC').replace(/[\u200B\u200C\u200D\u2060\uFEFF]/g, '').replace(/\s+/g, ' ').trim();

const LAYOUTS: Record<string, string> = {
  fusion: fusionList(REFUNDS),
  table: plainTable(REFUNDS),
  grid: ariaGrid(REFUNDS),
  cards: cardList(REFUNDS),
  legacy: legacyList(REFUNDS),
  detail: qianniuDetail(REFUNDS[0]!, '买家已退货，快递已签收'),
};

describe('normalisation shortcuts', () => {
  it('normalizeText and normText equal NFKC + clean-up on every BMP character and on mixed strings', () => {
    for (let cp = 0; cp < 0x10000; cp += 1) {
      if (cp >= 0xd800 && cp < 0xe000) continue;
      const s = `a${String.fromCharCode(cp)}退`;
      expect(normalizeText(s)).toBe(reference(s));
    }
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('退', '款', '：', ':', ' ', '\u00a0', '\u3000', '１', '1', 'a', '\u200b', '\n', '、', '【', '￥', 'ｶ', '\u0301', '\u3099') }), (s) => {
        expect(normalizeText(s)).toBe(reference(s));
        expect(normText(s)).toBe(reference(s));
      }),
    );
  });

  it('simplifyChinese leaves text without traditional characters as it is, and maps the others', () => {
    expect(simplifyChinese('退款编号')).toBe('退款编号');
    expect(simplifyChinese('退款編號')).toBe('退款编号');
  });

  it('headerField gives the right field when asked again (cached), and after its cache filled up and was cleared', () => {
    const expected = [
      ['申请时间↓', 'appliedAt'],
      ['退款金额(元)', 'amount'],
      ['售後狀態', 'status'],
      ['状态', 'status'],
      ['商品', 'product'],
      ['随便', null],
      ['', null],
    ] as const;
    const answers = () => expected.map(([text]) => [text, headerField(text)]);
    expect(answers()).toEqual(expected);
    expect(answers()).toEqual(expected);
    for (let i = 0; i < 5000; i += 1) headerField(`列${i}`);
    expect(answers()).toEqual(expected);
  });
});

describe('text reading shortcuts', () => {
  it.each(Object.keys(LAYOUTS))('%s: contentTextNodesWhere = contentTextNodes filtered; memoised readText = fresh readText', (name) => {
    document.body.innerHTML = `${LAYOUTS[name]}<button>退款编号 1</button><div hidden>退款编号：200000000000000001</div>`;
    const accept = (d: string) => /[退售订]/.test(d);
    expect(contentTextNodesWhere(document.body, accept)).toEqual(contentTextNodes(document.body).filter((n) => accept(n.data)));
    const els = [...document.body.querySelectorAll('*')];
    const fresh = els.map((el) => readText(el));
    expect(withTextMemo(() => els.map((el) => readText(el)))).toEqual(fresh);
    expect(withTextMemo(() => [...els].reverse().map((el) => readText(el)).reverse())).toEqual(fresh);
  });
});

describe('occurrence index', () => {
  it.each(Object.keys(LAYOUTS))('%s: occurrences derived from the page search = those of a search in the row', (name) => {
    document.body.innerHTML = LAYOUTS[name]!;
    const ctx = createReadContext(document);
    const rows = findRefundRows(document, ctx);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of [...rows, ...row0Descendants(rows[0]!)]) {
      expect(findIdOccurrences(row, ctx)).toEqual(findIdOccurrences(row, createReadContext(document)));
    }
    const viaIndex = rows.map((r) => readRefundRow(r, READ_AT, ctx));
    const alone = rows.map((r) => readRefundRow(r, READ_AT, createReadContext(document)));
    expect(viaIndex).toEqual(alone);
  });

  it('a label whose digits lie outside the row is a blank inside it, as when the row is searched alone', () => {
    document.body.innerHTML = '<div><section><p><span>退款编号：</span></p></section>200000000000000001</div><div>x</div>';
    const span = document.querySelector('span')!;
    const section = document.querySelector('section')!;
    const ctx = createReadContext(document);
    expect(findIdOccurrences(document.body, ctx, true).map((o) => o.kind)).toEqual(['label']);
    expect(findIdOccurrences(section, ctx)).toEqual([{ kind: 'blank', id: null, el: span }]);
    expect(findIdOccurrences(section, createReadContext(document))).toEqual([{ kind: 'blank', id: null, el: span }]);
  });
});

function row0Descendants(row: Element): Element[] {
  return [...row.querySelectorAll('*')].slice(0, 20);
}
