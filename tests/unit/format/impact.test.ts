import { describe, expect, it } from 'vitest';
import { formatImpactLines, type ImpactNumbers } from '@/lib/format/impact';

// The §6.8 worked example: dispute 2/3000 → 3/3000, time 2.4 → 2.3926 (now) / 2.4215 (deadline), self 118/120 → 119/121.
const example: ImpactNumbers = {
  disputeRate: [2 / 3000, 3 / 3000],
  completionDays: [2.4, 2.3926, 2.4215],
  selfCompletionRate: [118 / 120, 119 / 121, 119 / 121],
};

describe('formatImpactLines', () => {
  it('reads like §11 in Chinese', () => {
    expect(formatImpactLines(example, 'zh')).toEqual([
      '若介入：纠纷率 0.0667%→0.1000%',
      '立即完结：完结时长 2.40→2.39天 · 自主完结率 98.33%→98.35%',
      '到期完结：完结时长 2.40→2.42天 · 自主完结率 98.33%→98.35%',
    ]);
  });
  it('reads like §11 in English', () => {
    expect(formatImpactLines(example, 'en')[0]).toBe('if escalated: dispute 0.0667%→0.1000%');
    expect(formatImpactLines(example, 'en')[1]).toBe('complete now: time 2.40→2.39 d · self-completion 98.33%→98.35%');
  });
  it('says "no data" for a zero denominator, never NaN', () => {
    const lines = formatImpactLines({ disputeRate: [null, null], completionDays: [null, 1.5, 5], selfCompletionRate: [null, 1, 1] }, 'zh');
    expect(lines[0]).toBe('若介入：纠纷率 暂无数据→暂无数据');
    expect(lines[1]).toBe('立即完结：完结时长 暂无数据→1.50天 · 自主完结率 暂无数据→100.00%');
    expect(lines.join()).not.toMatch(/NaN|Infinity/);
  });
});
