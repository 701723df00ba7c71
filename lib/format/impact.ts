// The per-refund impact lines of the badge tooltip (§6.8, wording §11): what the current window's indicators become
// if this refund is escalated, completed now, or left to its deadline. Display precision per §6.1.
import type * as z from 'zod/mini';
import type { RefundImpact } from '../impact';
import type { Indicators } from '../indicators';
import type { ImpactNumbersSchema } from './impact-schema';
import type { Lang } from './time-left';

export type ImpactNumbers = z.infer<typeof ImpactNumbersSchema>;

export function impactNumbers(current: Indicators, impact: RefundImpact): ImpactNumbers {
  return {
    disputeRate: [current.disputeRate, impact.ifIntervened.disputeRate],
    completionDays: [current.completionDays, impact.ifCompletedNow.completionDays, impact.ifCompletedAtDeadline.completionDays],
    selfCompletionRate: [current.selfCompletionRate, impact.ifCompletedNow.selfCompletionRate, impact.ifCompletedAtDeadline.selfCompletionRate],
  };
}

const NO_DATA = { zh: '暂无数据', en: 'no data' } as const;

function formatRate(v: number | null, decimals: number, lang: Lang): string {
  return v === null ? NO_DATA[lang] : `${(v * 100).toFixed(decimals)}%`;
}

function formatDays(v: number | null, lang: Lang): string {
  if (v === null) return NO_DATA[lang];
  return lang === 'zh' ? `${v.toFixed(2)}天` : `${v.toFixed(2)} d`;
}

const change = (a: string, b: string) => `${a}→${b}`;

export function formatImpactLines(n: ImpactNumbers, lang: Lang): string[] {
  const dispute = change(formatRate(n.disputeRate[0], 4, lang), formatRate(n.disputeRate[1], 4, lang));
  const days = (i: 1 | 2) => change(formatDays(n.completionDays[0], lang).replace(/天| d$/, ''), formatDays(n.completionDays[i], lang));
  const self = (i: 1 | 2) => change(formatRate(n.selfCompletionRate[0], 2, lang), formatRate(n.selfCompletionRate[i], 2, lang));
  if (lang === 'zh') {
    return [
      `若介入：纠纷率 ${dispute}`,
      `立即完结：完结时长 ${days(1)} · 自主完结率 ${self(1)}`,
      `到期完结：完结时长 ${days(2)} · 自主完结率 ${self(2)}`,
    ];
  }
  return [
    `if escalated: dispute ${dispute}`,
    `complete now: time ${days(1)} · self-completion ${self(1)}`,
    `at deadline: time ${days(2)} · self-completion ${self(2)}`,
  ];
}
