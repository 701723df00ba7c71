// zod/mini schema of the deadline rules table (rules.ts), for the settings and the background's answer to the content
// script. Apart from rules.ts so code that only estimates deadlines does not carry it (issue 5 size budget).
import * as z from 'zod/mini';
import { ACTORS, GOODS_STATES, REFUND_STATUSES, REFUND_TYPES, TIMEOUT_OUTCOMES } from '../model/vocabulary';

const hours = z.number().check(z.gt(0), z.lte(24 * 365));

export const DeadlineRuleSchema = z.object({
  /** R1…R9 of §3, so a badge can say which rule it estimated from. */
  id: z.string().check(z.minLength(1)),
  status: z.enum(REFUND_STATUSES),
  /** Goods states the rule applies to; absent = any. */
  goods: z.optional(z.array(z.enum(GOODS_STATES))),
  /** Refund types the rule applies to; absent = any. */
  types: z.optional(z.array(z.enum(REFUND_TYPES))),
  actor: z.enum(ACTORS),
  /** null = no deadline in this status (R8, R9). */
  limitHours: z.nullable(hours),
  /** Shorter limit for virtual goods (R2, R3). */
  virtualLimitHours: z.optional(hours),
  /** Limit when the return went by 平邮 (R5). */
  postLimitHours: z.optional(hours),
  /** R5a: on Tmall, once the return is signed/refused, the deadline is at most this long after signing. */
  signedCapHours: z.optional(hours),
  onTimeout: z.enum(TIMEOUT_OUTCOMES),
});

/** A user-edited rules table (options page). */
export const DeadlineRulesSchema = z.array(DeadlineRuleSchema);
