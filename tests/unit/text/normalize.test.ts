import { describe, expect, it } from 'vitest';
import { compactText, normalizeText } from '@/lib/text/normalize';

describe('normalizeText (§4.1)', () => {
  it.each([
    ['full-width digits and colon', '超时时间：２０２６－１１－２５ １２：００', '超时时间:2026-11-25 12:00'],
    ['no-break space', '还剩\u00A012分', '还剩 12分'],
    ['ideographic space', '还剩\u30001天', '还剩 1天'],
    ['zero-width space and BOM deleted', '还\u200B剩\uFEFF1天', '还剩1天'],
    ['zero-width joiners and word joiner deleted', '退\u200C款\u200D成\u2060功', '退款成功'],
    ['line breaks collapse to one space', '还剩\n1天\r\n\t2时', '还剩 1天 2时'],
    ['runs of spaces collapse, ends trimmed', '  还剩   1天  ', '还剩 1天'],
    ['full-width letters and yen sign', 'ＡＢＣ ￥20', 'ABC ¥20'],
    ['empty', '', ''],
  ])('%s', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('a zero-width char between spaces leaves a single space', () => {
    expect(normalizeText('还剩 \u200B 1天')).toBe('还剩 1天');
  });
});

describe('compactText', () => {
  it('removes every space after normalising', () => {
    expect(compactText(' 卖家已经同意退款，\n等待 买家退货 ')).toBe('卖家已经同意退款,等待买家退货');
    expect(compactText('还剩\u00A01天\u3000 2时')).toBe('还剩1天2时');
  });
});
