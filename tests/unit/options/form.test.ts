import { describe, expect, it } from 'vitest';
import {
  BENCHMARK_FIELDS,
  benchmarkWarnings,
  buildSettings,
  OFFICIAL_FIELDS,
  PLATINUM_LEAD_FIELD,
  ruleFields,
  textsFromSettings,
  THRESHOLD_FIELDS,
  WEIGHT_FIELDS,
  weightPresetOf,
} from '@/lib/options/form';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import { loadMessages } from '../components/i18n-double';

const base = DEFAULT_SETTINGS;

describe('form texts ↔ settings', () => {
  it('shows stored fractions as percentages', () => {
    const texts = textsFromSettings(base, BENCHMARK_FIELDS);
    expect(texts['bench-disputeRate-industryAverage']).toBe('0.01');
    expect(texts['bench-selfCompletionRate-industryAverage']).toBe('96.65');
    expect(texts['bench-completionDays-industryAverage']).toBe('2.68');
    expect(texts['bench-disputeRate-platinum']).toBe('');
  });
  it('stores typed percentages as exact fractions; empty optional fields are removed', () => {
    const texts = { ...textsFromSettings(base, BENCHMARK_FIELDS), 'bench-disputeRate-industryAverage': '0.07', 'bench-disputeRate-platinum': '0.01', 'bench-completionDays-industryAverage': '' };
    const r = buildSettings(base, BENCHMARK_FIELDS, texts);
    expect(r.errors).toEqual({});
    expect(r.settings!.benchmarks.disputeRate).toEqual({ industryAverage: 0.0007, platinum: 0.0001 });
    expect(r.settings!.benchmarks.completionDays).toEqual({});
  });
  it('maps schema issues to the field, in display units', () => {
    const texts = { ...textsFromSettings(base, BENCHMARK_FIELDS), 'bench-selfCompletionRate-platinum': '120', 'bench-disputeRate-industryAverage': '-1', 'bench-completionDays-platinum': 'abc' };
    const r = buildSettings(base, BENCHMARK_FIELDS, texts);
    expect(r.settings).toBeNull();
    expect(r.errors).toEqual({
      'bench-selfCompletionRate-platinum': { key: 'options_errMax', params: ['100'] },
      'bench-disputeRate-industryAverage': { key: 'options_errNegative' },
      'bench-completionDays-platinum': { key: 'options_errNotNumber' },
    });
  });
  it('platinumLead must be in (50, 100]', () => {
    expect(buildSettings(base, [PLATINUM_LEAD_FIELD], { 'platinum-lead': '50' }).errors).toEqual({ 'platinum-lead': { key: 'options_errAbove', params: ['50'] } });
    expect(buildSettings(base, [PLATINUM_LEAD_FIELD], { 'platinum-lead': '100.5' }).errors).toEqual({ 'platinum-lead': { key: 'options_errMax', params: ['100'] } });
    expect(buildSettings(base, [PLATINUM_LEAD_FIELD], { 'platinum-lead': '' }).errors).toEqual({ 'platinum-lead': { key: 'options_errRequired' } });
    expect(buildSettings(base, [PLATINUM_LEAD_FIELD], { 'platinum-lead': '100' }).settings!.platinumLead).toBe(100);
  });
  it('group issues go to the first field of the group', () => {
    const w = buildSettings(base, WEIGHT_FIELDS, { 'weight-disputeRate': '0', 'weight-completionDays': '0', 'weight-selfCompletionRate': '0' });
    expect(w.errors).toEqual({ 'weight-disputeRate': { key: 'options_errWeightsZero' } });
    const th = buildSettings(base, THRESHOLD_FIELDS, { ...textsFromSettings(base, THRESHOLD_FIELDS), 'threshold-buyer-urgentHours': '50' });
    expect(th.errors).toEqual({ 'threshold-buyer-urgentHours': { key: 'options_errUrgentAboveSoon' } });
  });
  it('rule limits: only rules with a limit are fields; 0 h is refused', () => {
    const fields = ruleFields(base.rules);
    expect(fields.map((f) => f.id)).toContain('rule-1-virtualLimitHours');
    expect(fields.map((f) => f.id)).toContain('rule-4-postLimitHours');
    expect(fields.some((f) => f.id.startsWith('rule-7-'))).toBe(false); // R8: no limit
    const texts = { ...textsFromSettings(base, fields), 'rule-0-limitHours': '0' };
    expect(buildSettings(base, fields, texts).errors).toEqual({ 'rule-0-limitHours': { key: 'options_errAbove', params: ['0'] } });
    const ok = buildSettings(base, fields, { ...texts, 'rule-0-limitHours': '72' });
    expect(ok.settings!.rules[0]!.limitHours).toBe(72);
    expect(ok.settings!.rules[1]).toEqual(base.rules[1]);
  });
  it('official figures: date checked for existence, 排名占比 stored as the lead', () => {
    const texts = { 'official-date': '2026-02-30', 'official-disputeRate': '0.0052', 'official-completionDays': '2.4', 'official-selfCompletionRate': '96.65', 'official-leadPct': '43.7' };
    expect(buildSettings(base, OFFICIAL_FIELDS, texts).errors).toEqual({ 'official-date': { key: 'options_errDate' } });
    const r = buildSettings(base, OFFICIAL_FIELDS, { ...texts, 'official-date': '2026-11-20' }, { rankShare: true });
    expect(r.settings!.official).toEqual({ date: '2026-11-20', disputeRate: 0.000052, completionDays: 2.4, selfCompletionRate: 0.9665, leadPct: 56.3 });
    expect(textsFromSettings(r.settings!, OFFICIAL_FIELDS, { rankShare: true })['official-leadPct']).toBe('43.7');
  });
  it('weight presets', () => {
    expect(weightPresetOf([1, 1, 1])).toBe('1:1:1');
    expect(weightPresetOf([3, 2, 1])).toBe('3:2:1');
    expect(weightPresetOf([2, 1, 1])).toBe('custom');
  });
});

describe('benchmark warnings (§6.6)', () => {
  const b = base.benchmarks;
  it('a platinum not better than the average is ignored, per direction', () => {
    expect(benchmarkWarnings({ ...b, disputeRate: { industryAverage: 0.0001, platinum: 0.0002 } })).toEqual({ disputeRate: 'platinumIgnored' });
    expect(benchmarkWarnings({ ...b, disputeRate: { industryAverage: 0.0001, platinum: 0.0001 } })).toEqual({ disputeRate: 'platinumIgnored' });
    expect(benchmarkWarnings({ ...b, disputeRate: { industryAverage: 0.0001, platinum: 0 } })).toEqual({});
    expect(benchmarkWarnings({ ...b, selfCompletionRate: { industryAverage: 0.9665, platinum: 0.95 } })).toEqual({ selfCompletionRate: 'platinumIgnored' });
    expect(benchmarkWarnings({ ...b, selfCompletionRate: { industryAverage: 0.9665, platinum: 0.99 } })).toEqual({});
  });
  it('no usable average: no estimate', () => {
    expect(benchmarkWarnings({ ...b, completionDays: {} })).toEqual({ completionDays: 'noAverage' });
    expect(benchmarkWarnings({ ...b, selfCompletionRate: { industryAverage: 1 } })).toEqual({ selfCompletionRate: 'noAverage' });
  });
});

describe('locale files', () => {
  it('zh_CN and en have the same options_ keys and the same placeholders', () => {
    const zh = loadMessages('zh_CN');
    const en = loadMessages('en');
    const keys = (m: Record<string, unknown>) => Object.keys(m).filter((k) => k.startsWith('options_')).sort();
    expect(keys(zh)).toEqual(keys(en));
    for (const k of keys(zh)) expect(Object.keys(zh[k]!.placeholders ?? {}), k).toEqual(Object.keys(en[k]!.placeholders ?? {}));
  });
});
