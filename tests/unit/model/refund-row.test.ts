import { describe, expect, it } from 'vitest';
import { RefundRowSchema } from '@/lib/model/refund-row';

describe('RefundRowSchema', () => {
  it('rejects a refund id that is not digits', () => {
    expect(RefundRowSchema.safeParse({ refundId: 'abc', statusText: '', status: 'unknown', readAt: Date.now() }).success).toBe(false);
  });
  it('accepts a minimal row', () => {
    expect(RefundRowSchema.safeParse({ refundId: '123456789012345678', statusText: '退款成功', status: 'success', readAt: Date.now() }).success).toBe(true);
  });
});
