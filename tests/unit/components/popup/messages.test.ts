// Every popup_ key exists in both locales with the same placeholders, and every key the popup uses is defined.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadMessages } from '../i18n-double';

const zh = loadMessages('zh_CN');
const en = loadMessages('en');
const popupKeys = (m: Record<string, unknown>) => Object.keys(m).filter((k) => k.startsWith('popup_')).sort();

describe('popup_ messages', () => {
  it('the same popup_ keys and placeholders in zh_CN and en', () => {
    expect(popupKeys(zh)).toEqual(popupKeys(en));
    for (const k of popupKeys(zh)) {
      expect(Object.keys(zh[k]!.placeholders ?? {}), k).toEqual(Object.keys(en[k]!.placeholders ?? {}));
      expect(zh[k]!.message.trim(), k).not.toBe('');
    }
  });

  it('every literal t("popup…") key in components/popup exists (dynamic popup_sub_*/scenario_*/seriesShort_* too)', () => {
    const dir = 'components/popup';
    const used = new Set<string>();
    for (const f of readdirSync(dir)) {
      const src = readFileSync(`${dir}/${f}`, 'utf8');
      for (const m of src.matchAll(/t\('(popup[A-Za-z_]*)'/g)) used.add(m[1]!);
      for (const m of src.matchAll(/key: '(popup_[A-Za-z_]+)'/g)) used.add(m[1]!);
    }
    for (const s of ['disputeRate', 'completionDays', 'selfCompletionRate']) used.add(`popup_sub_${s}`);
    for (const s of ['rankShare', 'disputeRate', 'completionDays', 'selfCompletionRate']) used.add(`popup_seriesShort_${s}`);
    for (const s of ['now', 'deadline', 'median']) used.add(`popup_scenario_${s}`);
    expect(used.size).toBeGreaterThan(40);
    for (const k of used) {
      expect(zh[k], k).toBeDefined();
      expect(en[k], k).toBeDefined();
    }
  });
});
