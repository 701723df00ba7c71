import { it } from 'vitest';
import { REFUNDS, PAID_ORDERS, NOW, BENCH } from './worked-example';
import { projectIndicators } from '@/lib/projection';
import { estimateComposite } from '@/lib/composite';
import { computeIndicators } from '@/lib/indicators';
it('explore', () => {
  console.log(computeIndicators(REFUNDS, PAID_ORDERS, NOW));
  const sc = ['deadline','now','median'] as const;
  const res = sc.map(s => projectIndicators(REFUNDS, PAID_ORDERS, NOW, { scenario: s }));
  for (let k = 0; k <= 28; k++) {
    const p = res[0]![k]!;
    const c = sc.map((_, i) => estimateComposite(res[i]![k]!, BENCH));
    console.log(k, p.date, p.paidOrders.toFixed(1), p.disputes, ((p.disputeRate ?? NaN)*100).toFixed(4), p.completed, p.completionDays?.toFixed(2), ((p.selfCompletionRate??NaN)*100).toFixed(2), c[0]!.lead?.toFixed(1), c.map(x => x.rankShare?.toFixed(1) + (x.partial ? 'p' : '')).join(' '));
  }
});
