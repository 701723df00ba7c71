import { describe, expect, it } from 'vitest';
import { computeIndicators } from '@/lib/indicators';
import { refundImpact } from '@/lib/impact';
import { refundImpacts } from '@/lib/impact';
import { IMPACT_REFUND, NOW, OPEN, PAID_ORDERS, REFUNDS } from './worked-example';

describe('refundImpacts (one pass for a page of refunds)', () => {
  it('gives exactly refundImpact for each refund, with the history counted once', () => {
    const targets = [...Object.values(OPEN), IMPACT_REFUND];
    const history = [...REFUNDS, IMPACT_REFUND];
    const batch = refundImpacts(targets, history, PAID_ORDERS, NOW);
    expect(batch.current).toEqual(computeIndicators(history, PAID_ORDERS, NOW));
    for (const r of targets) expect(batch.impacts.get(r.refundId)).toEqual(refundImpact(r, history, PAID_ORDERS, NOW));
  });
  it('works for a refund the history does not hold yet', () => {
    const batch = refundImpacts([IMPACT_REFUND], REFUNDS, PAID_ORDERS, NOW);
    expect(batch.impacts.get(IMPACT_REFUND.refundId)).toEqual(refundImpact(IMPACT_REFUND, REFUNDS, PAID_ORDERS, NOW));
  });
});
