// checkRefundRow must give RefundRowSchema's verdict, first failing field and output on every candidate.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RefundRowSchema } from '@/lib/model/refund-row';
import { checkRefundRow } from '@/lib/page/check-row';

const T = 1_764_000_000_000;
const any = fc.constantFrom<unknown>(undefined, null, '', '123456', '12345', '200000000000000001', 'x', 0, -1, 1.5, 12800, 2 ** 60, NaN, Infinity, T, 946_684_799_999, 946_684_800_000, 4_102_444_800_000, 4_102_444_800_001, true, false, [], {});
const field = <T>(good: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: any });
const deadline = fc.oneof(
  fc.record({ kind: fc.constant('at'), at: fc.constantFrom(T, T + 1, 1.5, -5, 4_102_444_800_001) }),
  fc.constant({ kind: 'overdue' }),
  fc.constant({ kind: 'overdue', at: T }),
  fc.constant({ kind: 'at', at: T, extra: 1 }),
  fc.constant({ kind: 'soon' }),
);

const candidate = fc.record(
  {
    refundId: field(fc.constantFrom('200000000000000001', '1234567')),
    orderId: field(fc.constantFrom('3311323719669312427', '12')),
    statusText: field(fc.constantFrom('等待卖家同意', '')),
    status: field(fc.constantFrom('wait_seller_agree', 'success', 'unknown', 'nope')),
    type: field(fc.constantFrom('refund_only', 'exchange', 'x')),
    phase: field(fc.constantFrom('onsale', 'aftersale')),
    goodsState: field(fc.constantFrom('unshipped', 'returned')),
    amountFen: field(fc.constantFrom(0, 12800, 999_999_999_999_999)),
    appliedAt: field(fc.constantFrom(T, T - 1)),
    pageDeadline: field(deadline),
    statusSince: field(fc.constant(T)),
    returnSigned: field(fc.boolean()),
    buyerNick: field(fc.constantFrom('小***猫', '', 'x'.repeat(40), 'x'.repeat(41), 7)),
    readAt: field(fc.constant(T)),
  },
  { requiredKeys: [] },
);

describe('checkRefundRow', () => {
  it('agrees with RefundRowSchema.safeParse', () => {
    fc.assert(
      fc.property(candidate, (c) => {
        const zod = RefundRowSchema.safeParse(c);
        const lean = checkRefundRow(c as Record<string, unknown>);
        expect(lean.success).toBe(zod.success);
        if (zod.success && lean.success) {
          expect(lean.data).toStrictEqual(zod.data);
          expect(Object.keys(lean.data)).toEqual(Object.keys(zod.data));
        } else if (!zod.success && !lean.success) {
          expect(lean.error.issues[0]!.path[0]).toBe(String(zod.error.issues[0]!.path[0]));
        }
      }),
      { numRuns: 5000 },
    );
  });
});
