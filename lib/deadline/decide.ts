// The one deadline policy (domain.md §3, §4.2): which deadline a refund has and where it comes from. The badge
// (describe.ts) and the stored snapshot (lib/db/merge.ts, deadlineAt: reminders, urgent list, log, projection) both
// ask it, each with what it knows, so a badge and the popup never show two deadlines for one refund.
import type { DeadlineSource } from '../model/vocabulary';
import type { PageDeadline } from '../model/page-deadline';
import { isCompleted } from '../status/classify';
import { DEFAULT_RULES, estimateRuleDeadline, type DeadlineRule, type RuleEstimate, type RuleEstimateInput, type RuleOptions } from './rules';

/** What is known about a refund: its rule inputs (§3 start) and the page's reading in its current status, if any. */
export interface DeadlineFacts extends RuleEstimateInput {
  page?: PageDeadline;
  /** When the return was signed for or refused (R5a). */
  returnSignedAt?: number;
}

interface DeadlineDecision {
  deadline?: number;
  source?: DeadlineSource;
  /** The page said 已超时 without an amount: overdue whatever the deadline (§4.2). */
  pageOverdue: boolean;
  /** The deadline is a rule estimate counted from the first time the status was seen (may be late, §3). */
  countedFromFirstSeen: boolean;
  /** The matching rule's estimate, also when the page gave the deadline (its rule id and timeout outcome). */
  estimate: RuleEstimate | null;
}

/**
 * The page's own deadline wins (§3); else the rule estimate. A bare 已超时 keeps the rule deadline only when it is
 * already past at `now`, else no deadline (§4.2). Completed refunds have none (R9). `now`: the badge's clock, or for
 * the stored snapshot the time of its latest reading.
 */
export function decideDeadline(
  facts: DeadlineFacts,
  now: number,
  rules: readonly DeadlineRule[] = DEFAULT_RULES,
  options: Omit<RuleOptions, 'returnSignedAt'> = {},
): DeadlineDecision {
  const estimate = estimateRuleDeadline(facts, rules, { ...options, returnSignedAt: facts.returnSignedAt });
  const none: DeadlineDecision = { pageOverdue: false, countedFromFirstSeen: false, estimate };
  if (isCompleted(facts.status)) return none;
  const page = facts.page;
  if (page?.kind === 'at') return { ...none, deadline: page.at, source: 'page' };
  const pageOverdue = page?.kind === 'overdue';
  const ruleDeadline = estimate?.deadline;
  if (ruleDeadline === undefined || (pageOverdue && ruleDeadline >= now)) return { ...none, pageOverdue };
  return { deadline: ruleDeadline, source: 'rule', pageOverdue, countedFromFirstSeen: estimate!.countedFromFirstSeen, estimate };
}
