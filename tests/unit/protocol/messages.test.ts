import { describe, expect, it } from 'vitest';
import { ExtensionMessageSchema } from '@/lib/protocol/messages';

const row = { refundId: '202611200000000001', statusText: '退款成功', status: 'success', readAt: Date.UTC(2026, 10, 21) };

describe('ExtensionMessageSchema', () => {
  it('accepts a page report', () => {
    const msg = { type: 'page-report', url: 'https://qn.taobao.com/x', pageKind: 'qianniu-list', rows: [row], problems: [{ field: 'refundId' }], problemCount: 1, states: { done: 1 } };
    expect(ExtensionMessageSchema.safeParse(msg).success).toBe(true);
  });
  it('refuses a row with a numeric refund id (precision would be lost)', () => {
    const msg = { type: 'page-report', url: 'u', pageKind: 'other', rows: [{ ...row, refundId: 202611200000000001 }], problems: [], problemCount: 0, states: {} };
    expect(ExtensionMessageSchema.safeParse(msg).success).toBe(false);
  });
  it('refuses unknown message types and junk', () => {
    expect(ExtensionMessageSchema.safeParse({ type: 'drop-database' }).success).toBe(false);
    expect(ExtensionMessageSchema.safeParse('hello').success).toBe(false);
    expect(ExtensionMessageSchema.safeParse(null).success).toBe(false);
  });
});
