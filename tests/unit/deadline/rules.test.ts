import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, estimateRuleDeadline, findRule, type DeadlineRule } from '@/lib/deadline/rules';
import { DeadlineRulesSchema } from '@/lib/deadline/rules-schema';

const T0 = Date.parse('2026-11-20T06:03:00.000Z'); // 2026-11-20 14:03 Beijing
const H = 3_600_000;
const at = (ms: number) => new Date(ms).toISOString();

describe('§3 worked example', () => {
  it('R1: unshipped refund-only applied 2026-11-20 14:03 Beijing → 2026-11-22T06:03:00.000Z', () => {
    const e = estimateRuleDeadline({ status: 'wait_seller_agree', type: 'refund_only', goodsState: 'unshipped', appliedAt: T0 });
    expect(e?.ruleId).toBe('R1');
    expect(at(e!.deadline!)).toBe('2026-11-22T06:03:00.000Z');
    expect(e?.countedFromFirstSeen).toBe(false);
    expect(e?.onTimeout).toBe('auto_refund');
    expect(e?.actor).toBe('seller');
  });
});

describe('each rule R1–R9', () => {
  it.each([
    ['R1', { status: 'wait_seller_agree', type: 'refund_only', goodsState: 'unshipped' }, 48, 'auto_refund', 'seller'],
    ['R2', { status: 'wait_seller_agree', type: 'refund_only', goodsState: 'shipped' }, 120, 'auto_refund', 'seller'],
    ['R2', { status: 'wait_seller_agree', type: 'refund_only', goodsState: 'received' }, 120, 'auto_refund', 'seller'],
    ['R3', { status: 'wait_seller_agree', type: 'return_refund', goodsState: 'shipped' }, 120, 'auto_agree', 'seller'],
    ['R4', { status: 'wait_buyer_return', type: 'return_refund' }, 168, 'close', 'buyer'],
    ['R5', { status: 'wait_seller_confirm', type: 'return_refund', goodsState: 'returned' }, 240, 'auto_refund', 'seller'],
    ['R6', { status: 'seller_refused', type: 'refund_only' }, 168, 'close', 'buyer'],
    ['R6', { status: 'seller_refused', type: 'return_refund' }, 168, 'close', 'buyer'],
    ['R7', { status: 'wait_seller_agree', type: 'exchange', goodsState: 'received' }, 120, 'auto_agree', 'seller'],
  ] as const)('%s %j → %i h', (id, input, hours, onTimeout, actor) => {
    const e = estimateRuleDeadline({ ...input, statusSince: T0 });
    expect(e?.ruleId).toBe(id);
    expect(e?.deadline).toBe(T0 + hours * H);
    expect(e?.onTimeout).toBe(onTimeout);
    expect(e?.actor).toBe(actor);
  });

  it('R8 intervening and R9 success/closed match but give no deadline', () => {
    for (const [status, id, actor] of [['intervening', 'R8', 'platform'], ['success', 'R9', 'none'], ['closed', 'R9', 'none']] as const) {
      const e = estimateRuleDeadline({ status, statusSince: T0, firstSeenInStatus: T0 });
      expect(e?.ruleId).toBe(id);
      expect(e?.actor).toBe(actor);
      expect(e?.deadline).toBeUndefined();
      expect(e?.onTimeout).toBe('none');
      expect(e?.countedFromFirstSeen).toBe(false);
    }
  });

  it('unknown status has no rule', () => {
    expect(findRule({ status: 'unknown' })).toBeUndefined();
    expect(estimateRuleDeadline({ status: 'unknown', statusSince: T0 })).toBeNull();
  });

  it('exchange: only R7 in wait_seller_agree, no rule in later steps', () => {
    expect(findRule({ status: 'wait_seller_agree', type: 'exchange', goodsState: 'unshipped' })?.id).toBe('R7');
    expect(findRule({ status: 'wait_buyer_return', type: 'exchange' })).toBeUndefined();
    expect(findRule({ status: 'wait_seller_confirm', type: 'exchange', goodsState: 'returned' })).toBeUndefined();
    expect(findRule({ status: 'seller_refused', type: 'exchange' })).toBeUndefined();
  });

  it('a condition the page did not show counts as met; the shorter limit comes first', () => {
    expect(findRule({ status: 'wait_seller_agree' })?.id).toBe('R1');
    expect(findRule({ status: 'wait_seller_agree', type: 'return_refund' })?.id).toBe('R1');
    expect(findRule({ status: 'wait_seller_agree', goodsState: 'shipped' })?.id).toBe('R2');
    expect(findRule({ status: 'wait_buyer_return' })?.id).toBe('R4');
    expect(findRule({ status: 'wait_seller_confirm' })?.id).toBe('R5');
  });

  it('a shown goods state outside the rule does not match', () => {
    expect(findRule({ status: 'wait_seller_confirm', type: 'return_refund', goodsState: 'shipped' })).toBeUndefined();
  });
});

describe('options', () => {
  it('virtual goods: R2 and R3 are 3 days; R1 is unchanged', () => {
    const opt = { virtualGoods: true };
    expect(estimateRuleDeadline({ status: 'wait_seller_agree', type: 'refund_only', goodsState: 'shipped', statusSince: T0 }, DEFAULT_RULES, opt)?.deadline).toBe(T0 + 72 * H);
    expect(estimateRuleDeadline({ status: 'wait_seller_agree', type: 'return_refund', goodsState: 'received', statusSince: T0 }, DEFAULT_RULES, opt)?.deadline).toBe(T0 + 72 * H);
    expect(estimateRuleDeadline({ status: 'wait_seller_agree', type: 'refund_only', goodsState: 'unshipped', statusSince: T0 }, DEFAULT_RULES, opt)?.deadline).toBe(T0 + 48 * H);
  });

  it('R5 return by 平邮 is 30 days; express and EMS 10 days', () => {
    const input = { status: 'wait_seller_confirm', type: 'return_refund', goodsState: 'returned', statusSince: T0 } as const;
    expect(at(estimateRuleDeadline(input, DEFAULT_RULES, { returnShipping: 'post' })!.deadline!)).toBe('2026-12-20T06:03:00.000Z');
    expect(at(estimateRuleDeadline(input, DEFAULT_RULES, { returnShipping: 'ems' })!.deadline!)).toBe('2026-11-30T06:03:00.000Z');
    expect(at(estimateRuleDeadline(input)!.deadline!)).toBe('2026-11-30T06:03:00.000Z');
  });

  describe('R5a (Tmall, return signed)', () => {
    const input = { status: 'wait_seller_confirm', type: 'return_refund', goodsState: 'returned', statusSince: T0 } as const;
    it('caps the deadline at signedAt + 48 h when that is earlier', () => {
      const signed = T0 + 24 * H;
      const e = estimateRuleDeadline(input, DEFAULT_RULES, { platform: 'tmall', returnSignedAt: signed });
      expect(e?.ruleId).toBe('R5a');
      expect(at(e!.deadline!)).toBe('2026-11-23T06:03:00.000Z');
    });
    it('keeps R5 when the remaining time is already shorter', () => {
      const signed = T0 + 9 * 24 * H;
      const e = estimateRuleDeadline(input, DEFAULT_RULES, { platform: 'tmall', returnSignedAt: signed });
      expect(e?.ruleId).toBe('R5');
      expect(e?.deadline).toBe(T0 + 240 * H);
    });
    it('does not apply on Taobao, with no platform, or without a signing instant', () => {
      const signed = T0 + 24 * H;
      expect(estimateRuleDeadline(input, DEFAULT_RULES, { platform: 'taobao', returnSignedAt: signed })?.deadline).toBe(T0 + 240 * H);
      expect(estimateRuleDeadline(input, DEFAULT_RULES, { returnSignedAt: signed })?.deadline).toBe(T0 + 240 * H);
      expect(estimateRuleDeadline(input, DEFAULT_RULES, { platform: 'tmall' })?.deadline).toBe(T0 + 240 * H);
    });
    it('with no start time known, the cap alone gives the deadline', () => {
      const e = estimateRuleDeadline({ status: 'wait_seller_confirm' }, DEFAULT_RULES, { platform: 'tmall', returnSignedAt: T0 });
      expect(e?.ruleId).toBe('R5a');
      expect(e?.deadline).toBe(T0 + 48 * H);
      expect(e?.countedFromFirstSeen).toBe(false);
    });
  });
});

describe('start of a rule deadline (§3)', () => {
  const printed = T0;
  const applied = T0 - 10 * H;
  const firstSeen = T0 + 5 * H;

  it('1. the page-printed status time wins', () => {
    const e = estimateRuleDeadline({ status: 'wait_seller_agree', goodsState: 'unshipped', statusSince: printed, appliedAt: applied, firstSeenInStatus: firstSeen });
    expect(e?.statusSince).toBe(printed);
    expect(e?.deadline).toBe(printed + 48 * H);
    expect(e?.countedFromFirstSeen).toBe(false);
  });

  it('2. appliedAt for wait_seller_agree', () => {
    const e = estimateRuleDeadline({ status: 'wait_seller_agree', goodsState: 'unshipped', appliedAt: applied, firstSeenInStatus: firstSeen });
    expect(e?.deadline).toBe(applied + 48 * H);
    expect(e?.countedFromFirstSeen).toBe(false);
  });

  it('appliedAt is not used in other statuses, nor after a modified request', () => {
    const buyer = estimateRuleDeadline({ status: 'wait_buyer_return', appliedAt: applied, firstSeenInStatus: firstSeen });
    expect(buyer?.deadline).toBe(firstSeen + 168 * H);
    expect(buyer?.countedFromFirstSeen).toBe(true);
    const modified = estimateRuleDeadline({ status: 'wait_seller_agree', goodsState: 'unshipped', appliedAt: applied, requestModified: true, firstSeenInStatus: firstSeen });
    expect(modified?.deadline).toBe(firstSeen + 48 * H);
    expect(modified?.countedFromFirstSeen).toBe(true);
  });

  it('3. first seen in the status, flagged countedFromFirstSeen', () => {
    const e = estimateRuleDeadline({ status: 'seller_refused', firstSeenInStatus: firstSeen });
    expect(at(e!.deadline!)).toBe('2026-11-27T11:03:00.000Z');
    expect(e?.countedFromFirstSeen).toBe(true);
  });

  it('no start known: the rule matches but there is no deadline', () => {
    const e = estimateRuleDeadline({ status: 'seller_refused' });
    expect(e?.ruleId).toBe('R6');
    expect(e?.deadline).toBeUndefined();
    expect(e?.countedFromFirstSeen).toBe(false);
  });
});

describe('editable table', () => {
  it('DEFAULT_RULES validates against DeadlineRulesSchema', () => {
    expect(DeadlineRulesSchema.safeParse(DEFAULT_RULES).success).toBe(true);
  });

  it('rejects a bad user edit', () => {
    const bad = [{ ...DEFAULT_RULES[0], limitHours: -1 }];
    expect(DeadlineRulesSchema.safeParse(bad).success).toBe(false);
    expect(DeadlineRulesSchema.safeParse([{ ...DEFAULT_RULES[0], status: 'pending' }]).success).toBe(false);
    expect(DeadlineRulesSchema.safeParse([{ ...DEFAULT_RULES[0], onTimeout: 'explode' }]).success).toBe(false);
  });

  it('a user table replaces the defaults', () => {
    const rules: DeadlineRule[] = [{ id: 'X', status: 'seller_refused', actor: 'buyer', limitHours: 5 * 24, onTimeout: 'close' }];
    const e = estimateRuleDeadline({ status: 'seller_refused', type: 'exchange', statusSince: T0 }, rules);
    expect(e?.ruleId).toBe('X');
    expect(e?.deadline).toBe(T0 + 120 * H);
  });
});
