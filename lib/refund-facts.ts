// What the indicators know of one refund (domain.md §6.1, API §6.10: exported by lib/indicators.ts). On its own so
// the engine's files (indicators.ts, refund-merge.ts) can share it without importing each other.
import type { Phase, RefundType } from './model/vocabulary';

export interface RefundFacts {
  refundId: string;
  type: RefundType;
  phase: Phase;
  appliedAt: number;
  completedAt?: number;
  intervenedAt?: number;
  sellerAtFault?: boolean;
  /** Completed by a seller-side timeout (on an open refund: the seller is the party that must act by `deadlineAt`). */
  sellerTimeout?: boolean;
  deadlineAt?: number;
} // times in epoch ms
