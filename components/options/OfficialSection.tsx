// 6. 官方数据校准: the official figures with their date (§6.7). Shown next to the own values in the popup; nothing is
// auto-corrected from them. The lead can be typed as 领先百分比 or as 排名占比 (= 100 − lead), stored as the lead.
import { useState } from 'preact/hooks';
import { t } from '@/components/i18n';
import { SUB_INDICATORS } from '@/lib/composite';
import { complementPercent, numberToPlainString, parseDecimalText } from '@/lib/options/number-input';
import { OFFICIAL_FIELDS } from '@/lib/options/form';
import { beijingDate } from '@/lib/time/beijing';
import { RadioGroup, SaveBar, Section, TextField } from './controls';
import { subIndicatorName, subIndicatorUnit } from './labels';
import type { OptionsStore } from './store';
import { useSettingsForm } from './use-settings-form';

type LeadMode = 'lead' | 'rank';

export function OfficialSection({ store }: { store: OptionsStore }) {
  const [mode, setMode] = useState<LeadMode>('lead');
  const form = useSettingsForm(store, { fields: OFFICIAL_FIELDS, rankShare: mode === 'rank' });
  const leadId = 'official-leadPct';
  const leadText = form.texts[leadId] ?? '';
  const lead = parseDecimalText(leadText, true);
  const switchMode = (next: LeadMode) => {
    if (next === mode) return;
    // Keep the meaning: 领先 56.5 % ⇔ 排名占比 43.5 %.
    if (lead.kind === 'number' && lead.value >= 0 && lead.value <= 100) form.setText(leadId, numberToPlainString(complementPercent(lead.value)));
    setMode(next);
  };
  const other = lead.kind === 'number' && lead.value >= 0 && lead.value <= 100 && !form.errors[leadId] ? numberToPlainString(complementPercent(lead.value)) : null;
  return (
    <Section id="official" title={t('options_officialTitle')} intro={t('options_officialIntro')} onSubmit={form.save}>
      <TextField
        id="official-date"
        type="date"
        label={t('options_officialDate')}
        size="m"
        max={beijingDate(store.now())}
        value={form.texts['official-date'] ?? ''}
        error={form.errors['official-date']}
        onInput={(text) => form.setText('official-date', text)}
      />
      <fieldset class="sub">
        <legend>{t('options_officialValues')}</legend>
        <div class="row">
          {SUB_INDICATORS.map((key) => {
            const id = `official-${key}`;
            return (
              <TextField
                key={id}
                id={id}
                label={subIndicatorName(key)}
                unit={subIndicatorUnit(key)}
                value={form.texts[id] ?? ''}
                error={form.errors[id]}
                onInput={(text) => form.setText(id, text)}
              />
            );
          })}
        </div>
      </fieldset>
      <fieldset class="sub">
        <legend>{t('options_officialComposite')}</legend>
        <RadioGroup<LeadMode>
          name="lead-mode"
          legend={t('options_leadModeLegend')}
          value={mode}
          onChange={switchMode}
          options={[
            { value: 'lead', label: t('options_leadModeLead'), hint: t('options_leadModeLeadHint') },
            { value: 'rank', label: t('options_leadModeRank'), hint: t('options_leadModeRankHint') },
          ]}
        />
        <TextField
          id={leadId}
          label={t(mode === 'lead' ? 'options_leadModeLead' : 'options_leadModeRank')}
          unit="%"
          size="xs"
          value={leadText}
          error={form.errors[leadId]}
          hint={other === null ? undefined : t(mode === 'lead' ? 'options_equalsRank' : 'options_equalsLead', other)}
          onInput={(text) => form.setText(leadId, text)}
        />
      </fieldset>
      <SaveBar id="official" status={form.status} />
    </Section>
  );
}
