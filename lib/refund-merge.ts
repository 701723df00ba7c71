// Each refund counts once, by refundId (domain.md §6.1). Same refund seen several times: merge, the earliest
// intervenedAt and the latest status win (§6.5). A completion never reverts, so a completed record beats an open one.
import type { RefundFacts } from './indicators';

function earliest(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return b < a ? b : a;
}

/** Merges two records of one refund; `b` is the later observation. */
export function mergeRefundFacts(a: RefundFacts, b: RefundFacts): RefundFacts {
  const completedBy = b.completedAt !== undefined ? b : a.completedAt !== undefined ? a : b;
  const merged: RefundFacts = { ...a, ...b };
  const intervenedAt = earliest(a.intervenedAt, b.intervenedAt);
  if (intervenedAt === undefined) delete merged.intervenedAt;
  else merged.intervenedAt = intervenedAt;
  if (completedBy.completedAt === undefined) delete merged.completedAt;
  else merged.completedAt = completedBy.completedAt;
  if (completedBy.sellerTimeout === undefined) delete merged.sellerTimeout;
  else merged.sellerTimeout = completedBy.sellerTimeout;
  if (a.sellerAtFault === true || b.sellerAtFault === true) merged.sellerAtFault = true;
  if (merged.deadlineAt === undefined && a.deadlineAt !== undefined) merged.deadlineAt = a.deadlineAt;
  return merged;
}

/**
 * One record per refundId, in first-seen order. Returns the input array itself when no id repeats (the usual case:
 * storage already merges), so callers must not mutate the result.
 */
export function mergeByRefundId(refunds: readonly RefundFacts[]): readonly RefundFacts[] {
  const seen = new Set<string>();
  let duplicate = false;
  for (const r of refunds) {
    if (seen.has(r.refundId)) {
      duplicate = true;
      break;
    }
    seen.add(r.refundId);
  }
  if (!duplicate) return refunds;
  const byId = new Map<string, RefundFacts>();
  for (const r of refunds) {
    const prev = byId.get(r.refundId);
    byId.set(r.refundId, prev ? mergeRefundFacts(prev, r) : r);
  }
  return [...byId.values()];
}
