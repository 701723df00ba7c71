// The default deadline rules (domain.md §3, R1–R9) as editable data, and the rule estimate of a deadline.
// Page readings always win over these (§3); the caller (describe.ts) decides which one is shown.
import type * as z from 'zod/mini';
import type { Actor, GoodsState, RefundStatus, RefundType, TimeoutOutcome } from '../model/vocabulary';
import type { DeadlineRuleSchema } from './rules-schema';

export const PLATFORMS = ['tmall', 'taobao'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** How the buyer shipped the return (API `shipping_type`); 平邮 = 'post'. */
export const RETURN_SHIPPINGS = ['express', 'ems', 'post'] as const;
export type ReturnShipping = (typeof RETURN_SHIPPINGS)[number];

export type DeadlineRule = z.infer<typeof DeadlineRuleSchema>;

// §3 table. Order matters: the first matching rule wins, and when a goods state or type is not shown on the page the
// condition counts as met, so among candidates the shorter limit (R1 48 h) comes first — the urgent side, as in §4.2.
export const DEFAULT_RULES: readonly DeadlineRule[] = [
  // R1: unshipped; "any" type in the table, but exchanges have their own rule (R7).
  { id: 'R1', status: 'wait_seller_agree', goods: ['unshipped'], types: ['refund_only', 'return_refund'], actor: 'seller', limitHours: 48, onTimeout: 'auto_refund' },
  { id: 'R2', status: 'wait_seller_agree', goods: ['shipped', 'received'], types: ['refund_only'], actor: 'seller', limitHours: 5 * 24, virtualLimitHours: 3 * 24, onTimeout: 'auto_refund' },
  { id: 'R3', status: 'wait_seller_agree', goods: ['shipped', 'received'], types: ['return_refund'], actor: 'seller', limitHours: 5 * 24, virtualLimitHours: 3 * 24, onTimeout: 'auto_agree' },
  { id: 'R4', status: 'wait_buyer_return', types: ['return_refund'], actor: 'buyer', limitHours: 7 * 24, onTimeout: 'close' },
  { id: 'R5', status: 'wait_seller_confirm', goods: ['returned'], types: ['return_refund'], actor: 'seller', limitHours: 10 * 24, postLimitHours: 30 * 24, signedCapHours: 48, onTimeout: 'auto_refund' },
  // R6: "any" type, but the later exchange steps have no rule (§3 R7, §10).
  { id: 'R6', status: 'seller_refused', types: ['refund_only', 'return_refund'], actor: 'buyer', limitHours: 7 * 24, onTimeout: 'close' },
  { id: 'R7', status: 'wait_seller_agree', types: ['exchange'], actor: 'seller', limitHours: 5 * 24, onTimeout: 'auto_agree' },
  { id: 'R8', status: 'intervening', actor: 'platform', limitHours: null, onTimeout: 'none' },
  { id: 'R9', status: 'success', actor: 'none', limitHours: null, onTimeout: 'none' },
  { id: 'R9', status: 'closed', actor: 'none', limitHours: null, onTimeout: 'none' },
];

/** What the page tells about the refund, for rule matching. */
interface RuleMatchInput {
  status: RefundStatus;
  type?: RefundType;
  goodsState?: GoodsState;
}

/** A condition on a field the page did not show counts as met (see the table comment). */
function allows<T>(allowed: readonly T[] | undefined, value: T | undefined): boolean {
  return !allowed || value === undefined || allowed.includes(value);
}

/** The first rule for this status whose goods/type conditions hold; undefined for `unknown` or no match. */
export function findRule(input: RuleMatchInput, rules: readonly DeadlineRule[] = DEFAULT_RULES): DeadlineRule | undefined {
  return rules.find((r) => r.status === input.status && allows(r.goods, input.goodsState) && allows(r.types, input.type));
}

export interface RuleEstimateInput extends RuleMatchInput {
  /** Entry time printed on the page for the current status (§3 start, step 1). */
  statusSince?: number;
  /** 申请时间 (§3 start, step 2; wait_seller_agree only). */
  appliedAt?: number;
  /** The buyer modified the request after a refusal: the seller's timer restarted, so appliedAt is not the start. */
  requestModified?: boolean;
  /** When Refund Radar first saw the refund in this status (§3 start, step 3). */
  firstSeenInStatus?: number;
}

export interface RuleOptions {
  /** Virtual goods: shorter seller limit (R2, R3). Default false. */
  virtualGoods?: boolean;
  /** Return shipping mode; default express (§3 R5). */
  returnShipping?: ReturnShipping;
  platform?: Platform;
  /** When the return parcel was signed for or refused (R5a, Tmall only). */
  returnSignedAt?: number;
}

export interface RuleEstimate {
  rule: DeadlineRule;
  /** The rule id, or `R5a` when the Tmall signing cap decided the deadline. */
  ruleId: string;
  actor: Actor;
  onTimeout: TimeoutOutcome;
  /** Absent when the rule has no limit or no start time is known. */
  deadline?: number;
  statusSince?: number;
  /** The start is only when Refund Radar first saw this status, so the estimate may be late (§3). */
  countedFromFirstSeen: boolean;
}

/** §3 "Start of a rule deadline": page-printed time, then appliedAt (first status only), then first seen. */
function findStart(input: RuleEstimateInput): { at?: number; firstSeen: boolean } {
  if (input.statusSince !== undefined) return { at: input.statusSince, firstSeen: false };
  if (input.status === 'wait_seller_agree' && !input.requestModified && input.appliedAt !== undefined) {
    return { at: input.appliedAt, firstSeen: false };
  }
  if (input.firstSeenInStatus !== undefined) return { at: input.firstSeenInStatus, firstSeen: true };
  return { firstSeen: false };
}

function limitFor(rule: DeadlineRule, options: RuleOptions): number | null {
  if (rule.limitHours === null) return null;
  if (options.virtualGoods && rule.virtualLimitHours !== undefined) return rule.virtualLimitHours;
  if (options.returnShipping === 'post' && rule.postLimitHours !== undefined) return rule.postLimitHours;
  return rule.limitHours;
}

const HOUR_MS = 3_600_000;

/** The rule deadline of a refund in its current status, or null when no rule applies (unknown, later exchange steps). */
export function estimateRuleDeadline(
  input: RuleEstimateInput,
  rules: readonly DeadlineRule[] = DEFAULT_RULES,
  options: RuleOptions = {},
): RuleEstimate | null {
  const rule = findRule(input, rules);
  if (!rule) return null;
  const base: RuleEstimate = { rule, ruleId: rule.id, actor: rule.actor, onTimeout: rule.onTimeout, countedFromFirstSeen: false };
  const limit = limitFor(rule, options);
  if (limit === null) return base;

  const start = findStart(input);
  let deadline = start.at === undefined ? undefined : start.at + limit * HOUR_MS;
  let ruleId = rule.id;
  let firstSeen = start.firstSeen;
  // R5a: Tmall, return signed or refused → min(remaining, signedAt + 48 h). Without a start the cap alone bounds it.
  if (rule.signedCapHours !== undefined && options.platform === 'tmall' && options.returnSignedAt !== undefined) {
    const cap = options.returnSignedAt + rule.signedCapHours * HOUR_MS;
    if (deadline === undefined || cap < deadline) {
      deadline = cap;
      ruleId = `${rule.id}a`;
      firstSeen = false;
    }
  }
  return { ...base, ruleId, deadline, statusSince: start.at, countedFromFirstSeen: deadline !== undefined && firstSeen };
}
