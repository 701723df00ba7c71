// The user's settings (issue 3 §5; domain.md §6.1, §6.6, §6.7, §3, §8): their schema and defaults, the current
// version's shape. How they are stored and read back (version, migrations, tolerant parse) is the rest of this folder.
import * as z from 'zod/mini';
import { DEFAULT_RULES, PLATFORMS, RETURN_SHIPPINGS } from '../deadline/rules';
import { DeadlineRulesSchema } from '../deadline/rules-schema';
import { DEFAULT_THRESHOLDS } from '../deadline/state';
import { BadgeThresholdsSchema } from '../deadline/thresholds-schema';
import { DEFAULT_REMINDER_SETTINGS, ReminderSettingsSchema } from './reminder-settings';

const finite = z.number().check(z.refine(Number.isFinite, '必须是数字 / must be a number'));
const nonNegative = finite.check(z.gte(0, '不能为负数 / must not be negative'));

/** 行业平均值 and optional 白金标准值, in the indicator's own unit (rate fraction or days), §6.6. */
const BenchmarkSchema = z.object({
  industryAverage: z.optional(nonNegative),
  platinum: z.optional(nonNegative),
});
type BenchmarkSetting = z.infer<typeof BenchmarkSchema>;
/** A rate's benchmarks (dispute, self-completion) are fractions: at most 1 (= 100 %). */
const fraction = nonNegative.check(z.lte(1, '不能超过 100% / must not exceed 100%'));
const RateBenchmarkSchema = z.object({
  industryAverage: z.optional(fraction),
  platinum: z.optional(fraction),
});

/** Official figures typed in from the seller center, with their date (§6.7). Nothing is auto-corrected from them. */
const OfficialFiguresSchema = z.object({
  date: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式 YYYY-MM-DD'))),
  disputeRate: z.optional(fraction),
  completionDays: z.optional(nonNegative),
  selfCompletionRate: z.optional(fraction),
  leadPct: z.optional(nonNegative.check(z.lte(100))),
});
type OfficialFigures = z.infer<typeof OfficialFiguresSchema>;

export const SettingsSchema = z.object({
  benchmarks: z.object({
    disputeRate: RateBenchmarkSchema,
    completionDays: BenchmarkSchema,
    selfCompletionRate: RateBenchmarkSchema,
  }),
  /** dispute : time : self (§6.1: 1:1:1 in 2014, ≈3:2:1 later). */
  weights: z.tuple([nonNegative, nonNegative, nonNegative]).check(
    z.refine((w) => w[0] + w[1] + w[2] > 0, '权重之和必须大于 0 / weights must not all be 0'),
  ),
  platinumLead: finite.check(z.gt(50), z.lte(100)),
  windowDays: z.union([z.literal(28), z.literal(30)]),
  disputeNumerator: z.enum(['intervened', 'sellerAtFault']),
  completionPopulation: z.enum(['all', 'selfOnly']),
  timeoutCountsAsSelfCompleted: z.boolean(),
  includeExchanges: z.boolean(),
  thresholds: BadgeThresholdsSchema,
  rules: DeadlineRulesSchema,
  platform: z.enum(PLATFORMS),
  virtualGoods: z.boolean(),
  returnShipping: z.enum(RETURN_SHIPPINGS),
  official: OfficialFiguresSchema,
  /** Buyer nicknames are not stored unless the agent turns this on (privacy). */
  storeBuyerNick: z.boolean(),
  /** Desktop reminders before deadlines (issue 4): off switch, quiet hours, "about to go overdue" minutes. */
  reminders: ReminderSettingsSchema,
});
export type Settings = z.infer<typeof SettingsSchema>;

/** Defaults: the public typical values of §7 as industry averages (editable), no platinum values (none public). */
export const DEFAULT_SETTINGS: Settings = {
  benchmarks: {
    disputeRate: { industryAverage: 0.0001 },
    completionDays: { industryAverage: 2.68 },
    selfCompletionRate: { industryAverage: 0.9665 },
  },
  weights: [1, 1, 1],
  platinumLead: 90,
  windowDays: 28,
  disputeNumerator: 'intervened',
  completionPopulation: 'all',
  timeoutCountsAsSelfCompleted: true,
  includeExchanges: false,
  thresholds: DEFAULT_THRESHOLDS,
  rules: [...DEFAULT_RULES],
  platform: 'tmall',
  virtualGoods: false,
  returnShipping: 'express',
  official: {},
  storeBuyerNick: false,
  reminders: DEFAULT_REMINDER_SETTINGS,
};
