// 2. 权重与口径: weights, window, definitions (§6.1) and λP, the lead of the platinum anchor (§6.6).
import { useState } from 'preact/hooks';
import { t } from '@/components/i18n';
import { SUB_INDICATORS } from '@/lib/composite';
import { PLATINUM_LEAD_FIELD, WEIGHT_FIELDS, WEIGHT_PRESETS, weightPresetOf, type WeightPreset } from '@/lib/options/form';
import type { Settings } from '@/lib/settings/settings';
import { Checkbox, RadioGroup, SaveBar, Section, TextField } from './controls';
import { subIndicatorName } from './labels';
import type { OptionsStore } from './store';
import { useSettingsForm } from './use-settings-form';

type Choices = Pick<
  Settings,
  'windowDays' | 'disputeNumerator' | 'completionPopulation' | 'timeoutCountsAsSelfCompleted' | 'includeExchanges'
> & { preset: WeightPreset };

function choicesOf(s: Settings): Choices {
  return {
    preset: weightPresetOf(s.weights),
    windowDays: s.windowDays,
    disputeNumerator: s.disputeNumerator,
    completionPopulation: s.completionPopulation,
    timeoutCountsAsSelfCompleted: s.timeoutCountsAsSelfCompleted,
    includeExchanges: s.includeExchanges,
  };
}

export function WeightsSection({ store }: { store: OptionsStore }) {
  const [c, setC] = useState<Choices>(() => choicesOf(store.settings.value));
  const fields = c.preset === 'custom' ? [...WEIGHT_FIELDS, PLATINUM_LEAD_FIELD] : [PLATINUM_LEAD_FIELD];
  const form = useSettingsForm(store, {
    fields,
    patch(draft) {
      if (c.preset !== 'custom') draft.weights = [...WEIGHT_PRESETS[c.preset]];
      draft.windowDays = c.windowDays;
      draft.disputeNumerator = c.disputeNumerator;
      draft.completionPopulation = c.completionPopulation;
      draft.timeoutCountsAsSelfCompleted = c.timeoutCountsAsSelfCompleted;
      draft.includeExchanges = c.includeExchanges;
    },
  });
  const change = (next: Partial<Choices>) => {
    setC((prev) => ({ ...prev, ...next }));
    form.markDirty();
  };
  const choosePreset = (preset: WeightPreset) => {
    if (preset === 'custom' && c.preset !== 'custom') {
      // Start the custom weights from the preset that was selected.
      const from = WEIGHT_PRESETS[c.preset];
      form.setTexts({ ...form.texts, ...Object.fromEntries(WEIGHT_FIELDS.map((f, i) => [f.id, String(from[i])])) });
    }
    change({ preset });
  };
  return (
    <Section id="weights" title={t('options_weightsTitle')} intro={t('options_weightsIntro')} onSubmit={form.save}>
      <RadioGroup<WeightPreset>
        name="weights-preset"
        legend={t('options_weightsLegend')}
        value={c.preset}
        onChange={choosePreset}
        options={[
          { value: '1:1:1', label: '1 : 1 : 1', hint: t('options_weights111Hint') },
          { value: '3:2:1', label: '3 : 2 : 1', hint: t('options_weights321Hint') },
          { value: 'custom', label: t('options_weightsCustom') },
        ]}
      />
      {c.preset === 'custom' && (
        <fieldset class="sub">
          <legend>{t('options_weightsCustomLegend')}</legend>
          <div class="row">
            {WEIGHT_FIELDS.map((f, i) => (
              <TextField
                key={f.id}
                id={f.id}
                label={subIndicatorName(SUB_INDICATORS[i]!)}
                value={form.texts[f.id] ?? ''}
                error={form.errors[f.id]}
                size="xs"
                onInput={(text) => form.setText(f.id, text)}
              />
            ))}
          </div>
        </fieldset>
      )}
      <div class="two-col">
        <RadioGroup<'28' | '30'>
          name="window-days"
          legend={t('options_windowLegend')}
          value={String(c.windowDays) as '28' | '30'}
          onChange={(v) => change({ windowDays: v === '30' ? 30 : 28 })}
          options={[
            { value: '28', label: t('options_windowDays', '28'), hint: t('options_window28Hint') },
            { value: '30', label: t('options_windowDays', '30'), hint: t('options_window30Hint') },
          ]}
        />
        <RadioGroup<Settings['disputeNumerator']>
          name="dispute-numerator"
          legend={t('options_disputeLegend')}
          value={c.disputeNumerator}
          onChange={(v) => change({ disputeNumerator: v })}
          options={[
            { value: 'intervened', label: t('options_disputeIntervened') },
            { value: 'sellerAtFault', label: t('options_disputeSellerAtFault') },
          ]}
        />
        <RadioGroup<Settings['completionPopulation']>
          name="completion-population"
          legend={t('options_completionLegend')}
          value={c.completionPopulation}
          onChange={(v) => change({ completionPopulation: v })}
          options={[
            { value: 'all', label: t('options_completionAll') },
            { value: 'selfOnly', label: t('options_completionSelfOnly') },
          ]}
        />
        <fieldset class="radios">
          <legend>{t('options_countingLegend')}</legend>
          <Checkbox
            id="timeout-self"
            label={t('options_timeoutSelf')}
            hint={t('options_timeoutSelfHint')}
            checked={c.timeoutCountsAsSelfCompleted}
            onChange={(v) => change({ timeoutCountsAsSelfCompleted: v })}
          />
          <Checkbox
            id="include-exchanges"
            label={t('options_includeExchanges')}
            hint={t('options_includeExchangesHint')}
            checked={c.includeExchanges}
            onChange={(v) => change({ includeExchanges: v })}
          />
        </fieldset>
      </div>
      <TextField
        id={PLATINUM_LEAD_FIELD.id}
        label={t('options_platinumLead')}
        unit="%"
        hint={t('options_platinumLeadHint')}
        value={form.texts[PLATINUM_LEAD_FIELD.id] ?? ''}
        error={form.errors[PLATINUM_LEAD_FIELD.id]}
        size="xs"
        onInput={(text) => form.setText(PLATINUM_LEAD_FIELD.id, text)}
      />
      <SaveBar id="weights" status={form.status} />
    </Section>
  );
}
