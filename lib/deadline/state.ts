// Badge `data-state` (domain.md §8) from the deadline, the actor and configurable thresholds.
import type * as z from 'zod/mini';
import type { Actor, BadgeState, RefundStatus } from '../model/vocabulary';
import { isCompleted } from '../status/classify';
import type { BadgeThresholdsSchema } from './thresholds-schema';

export type BadgeThresholds = z.infer<typeof BadgeThresholdsSchema>;
type ThresholdLevel = BadgeThresholds['seller'];

/** §8 contract defaults. */
export const DEFAULT_THRESHOLDS: BadgeThresholds = {
  seller: { urgentHours: 6, soonHours: 24 },
  buyer: { urgentHours: 12, soonHours: 48 },
};

/** The buyer's thresholds for the buyer; the seller's for everyone else (§9: platform uses the seller's [Decision]). */
export function thresholdsFor(actor: Actor, thresholds: BadgeThresholds = DEFAULT_THRESHOLDS): ThresholdLevel {
  return actor === 'buyer' ? thresholds.buyer : thresholds.seller;
}

interface BadgeStateInput {
  status: RefundStatus;
  actor: Actor;
  deadline?: number;
  /** The page said 已超时 without an amount (§4.2): overdue whatever the deadline. */
  pageOverdue?: boolean;
}

const HOUR_MS = 3_600_000;

/**
 * §8: done for success/closed; overdue once the deadline has passed (now > deadline) or the page said 已超时;
 * unknown when open without deadline; else urgent/soon/ok, each boundary "at or under".
 */
export function badgeState(input: BadgeStateInput, now: number, thresholds: BadgeThresholds = DEFAULT_THRESHOLDS): BadgeState {
  if (isCompleted(input.status)) return 'done';
  if (input.pageOverdue) return 'overdue';
  if (input.deadline === undefined) return 'unknown';
  const left = input.deadline - now;
  if (left < 0) return 'overdue';
  const level = thresholdsFor(input.actor, thresholds);
  if (left <= level.urgentHours * HOUR_MS) return 'urgent';
  if (left <= level.soonHours * HOUR_MS) return 'soon';
  return 'ok';
}

/**
 * The first instant after `now` at which badgeState of an open refund with this deadline changes (a threshold is
 * crossed, or the deadline passes); Infinity once it is overdue. The clock need not look at the badge before then.
 */
export function nextStateChange(deadline: number, actor: Actor, now: number, thresholds: BadgeThresholds = DEFAULT_THRESHOLDS): number {
  const level = thresholdsFor(actor, thresholds);
  // soon at left ≤ soonHours, urgent at left ≤ urgentHours (both "at or under"), overdue at left < 0.
  const crossings = [deadline - level.soonHours * HOUR_MS, deadline - level.urgentHours * HOUR_MS, deadline + 1];
  let next = Infinity;
  for (const at of crossings) if (at > now && at < next) next = at;
  return next;
}
