// 1. 基准值: industry average and platinum value per sub-indicator (§6.6). Rates typed in %, stored as fractions.
import { t, uiLang } from '@/components/i18n';
import { SUB_INDICATORS } from '@/lib/composite';
import { BENCHMARK_FIELDS, benchmarkFieldId, benchmarkWarnings, buildSettings } from '@/lib/options/form';
import { SaveBar, Section, TextField } from './controls';
import { subIndicatorName, subIndicatorUnit } from './labels';
import type { OptionsStore } from './store';
import { useSettingsForm } from './use-settings-form';

export function BenchmarksSection({ store }: { store: OptionsStore }) {
  const form = useSettingsForm(store, { fields: BENCHMARK_FIELDS });
  // Warnings follow what is typed, per sub-indicator: a typo in one row must not hide the warning of another.
  const saved = store.settings.value;
  const typed = structuredClone(saved.benchmarks);
  for (const key of SUB_INDICATORS) {
    const r = buildSettings(saved, BENCHMARK_FIELDS.filter((f) => f.path[1] === key), form.texts);
    if (r.settings) typed[key] = r.settings.benchmarks[key];
  }
  const warnings = benchmarkWarnings(typed);
  return (
    <Section id="benchmarks" title={t('options_benchTitle')} intro={t('options_benchIntro')} onSubmit={form.save}>
      <div class="bench-grid">
        {SUB_INDICATORS.map((key) => {
          const warning = warnings[key];
          const warnId = `bench-${key}-warning`;
          const unit = subIndicatorUnit(key);
          return (
            <fieldset key={key} class="bench">
              <legend>
                {subIndicatorName(key)}
                <span class="legend-unit">{uiLang() === 'en' ? ` (${unit})` : `（${unit}）`}</span>
              </legend>
              <div class="row">
                {(['industryAverage', 'platinum'] as const).map((which) => {
                  const id = benchmarkFieldId(key, which);
                  return (
                    <TextField
                      key={id}
                      id={id}
                      label={which === 'industryAverage' ? t('options_benchAverage') : t('options_benchPlatinum')}
                      unit={unit}
                      value={form.texts[id] ?? ''}
                      error={form.errors[id]}
                      describedBy={warning && (which === 'platinum' || warning === 'noAverage') ? warnId : undefined}
                      onInput={(text) => form.setText(id, text)}
                    />
                  );
                })}
              </div>
              {warning && (
                <p id={warnId} class="warning" data-warning={warning}>
                  {warning === 'platinumIgnored'
                    ? t(key === 'selfCompletionRate' ? 'options_warnPlatinumHigher' : 'options_warnPlatinumLower')
                    : t('options_warnNoAverage')}
                </p>
              )}
            </fieldset>
          );
        })}
      </div>
      <p class="hint">{t('options_benchPercentHint')}</p>
      <SaveBar id="benchmarks" status={form.status} />
    </Section>
  );
}
