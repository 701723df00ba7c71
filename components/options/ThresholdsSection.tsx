// 3. 角标阈值: when a badge turns 紧急 / 临近, per actor (§8; defaults seller 6/24 h, buyer 12/48 h).
import { t } from '@/components/i18n';
import { THRESHOLD_FIELDS } from '@/lib/options/form';
import { DEFAULT_THRESHOLDS } from '@/lib/deadline/state';
import { SaveBar, Section, TextField } from './controls';
import type { OptionsStore } from './store';
import { useSettingsForm } from './use-settings-form';

export function ThresholdsSection({ store }: { store: OptionsStore }) {
  const form = useSettingsForm(store, { fields: THRESHOLD_FIELDS });
  return (
    <Section id="thresholds" title={t('options_thresholdsTitle')} intro={t('options_thresholdsIntro')} onSubmit={form.save}>
      <div class="two-col">
        {(['seller', 'buyer'] as const).map((who) => (
          <fieldset key={who} class="sub">
            <legend>{t(who === 'seller' ? 'options_thresholdsSeller' : 'options_thresholdsBuyer')}</legend>
            <div class="row">
              {(['urgentHours', 'soonHours'] as const).map((level) => {
                const id = `threshold-${who}-${level}`;
                return (
                  <TextField
                    key={id}
                    id={id}
                    label={t(level === 'urgentHours' ? 'options_thresholdUrgent' : 'options_thresholdSoon')}
                    unit={t('options_unitHours')}
                    hint={t('options_defaultValue', String(DEFAULT_THRESHOLDS[who][level]))}
                    value={form.texts[id] ?? ''}
                    error={form.errors[id]}
                    size="xs"
                    onInput={(text) => form.setText(id, text)}
                  />
                );
              })}
            </div>
          </fieldset>
        ))}
      </div>
      <SaveBar id="thresholds" status={form.status} />
    </Section>
  );
}
