// Number formats of the popup (domain.md §6.1 "Display", §11): dispute rate in % with 4 decimals, self-completion
// rate in % with 2 decimals, completion time in days with 2 decimals; lead / rank share in % with 1 decimal.
// Pure; null (no data) is the caller's to word.
import type { SubIndicator } from '../composite';
import type { Lang } from '../format/time-left';

/** Fixed-point text without a "-0.00". */
function fixed(x: number, digits: number): string {
  const s = x.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

const DISPLAY_DIGITS: Record<SubIndicator, number> = { disputeRate: 4, completionDays: 2, selfCompletionRate: 2 };

/** "0.0667%" / "98.33%" / "2.40 天" ("2.40 d"). */
export function formatIndicator(key: SubIndicator, value: number, lang: Lang): string {
  const digits = DISPLAY_DIGITS[key];
  if (key === 'completionDays') return lang === 'zh' ? `${fixed(value, digits)} 天` : `${fixed(value, digits)} d`;
  return `${fixed(value * 100, digits)}%`;
}

/** A signed difference in the indicator's unit: "+0.0067 个百分点" ("+0.0067 pp"), "−0.12 天" ("−0.12 d"). */
export function formatIndicatorDiff(key: SubIndicator, diff: number, lang: Lang): string {
  const digits = DISPLAY_DIGITS[key];
  const amount = key === 'completionDays' ? diff : diff * 100;
  const text = fixed(Math.abs(amount), digits);
  const zero = /^0\.?0*$/.test(text);
  const sign = zero ? '±' : amount > 0 ? '+' : '−';
  if (key === 'completionDays') return lang === 'zh' ? `${sign}${text} 天` : `${sign}${text} d`;
  return lang === 'zh' ? `${sign}${text} 个百分点` : `${sign}${text} pp`;
}

/** Lead or rank share (already 0–100): "43.5%". */
export function formatShare(x: number): string {
  return `${fixed(x, 1)}%`;
}

/** `YYYY-MM-DD` → `MM-DD`. */
export function shortDate(date: string): string {
  return date.slice(5);
}

/** Axis tick of a chart series: fewer digits than the table, enough to tell ticks apart. */
export function formatTick(series: ChartSeries, value: number, step: number, lang: Lang): string {
  if (series === 'rankShare') return `${fixed(value, 0)}%`;
  if (series === 'completionDays') {
    const digits = step >= 1 ? 0 : step >= 0.1 ? 1 : 2;
    return lang === 'zh' ? `${fixed(value, digits)}天` : `${fixed(value, digits)}d`;
  }
  const pct = value * 100;
  const stepPct = step * 100;
  const digits = Math.min(4, Math.max(0, Math.ceil(-Math.log10(stepPct) + 0.0001)));
  return `${fixed(pct, digits)}%`;
}

export type ChartSeries = 'rankShare' | SubIndicator;
export const CHART_SERIES: readonly ChartSeries[] = ['rankShare', 'disputeRate', 'completionDays', 'selfCompletionRate'];

/** "Nice" axis: a step of 1, 2, 2.5 or 5 × 10ⁿ giving about `count` intervals over [min, max]. */
export function niceAxis(min: number, max: number, count = 4): { min: number; max: number; step: number } {
  if (!(max > min)) {
    const pad = Math.abs(max) > 0 ? Math.abs(max) * 0.1 : 1;
    return niceAxis(min - pad, max + pad, count);
  }
  const raw = (max - min) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * mag >= raw) ?? 10) * mag;
  return { min: Math.floor(min / step + 1e-9) * step, max: Math.ceil(max / step - 1e-9) * step, step };
}
