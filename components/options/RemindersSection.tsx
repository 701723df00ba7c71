// 8. 超时提醒: desktop reminders before a seller-side deadline (issue 4), with an off switch and quiet hours.
import { useState } from 'preact/hooks';
import { t } from '@/components/i18n';
import { REMINDER_FIELDS } from '@/lib/options/form';
import { Checkbox, SaveBar, Section, TextField } from './controls';
import type { OptionsStore } from './store';
import { useSettingsForm } from './use-settings-form';

export function RemindersSection({ store }: { store: OptionsStore }) {
  const stored = store.settings.value.reminders;
  const [enabled, setEnabled] = useState(stored.enabled);
  const [quiet, setQuiet] = useState(stored.quietHours.enabled);
  const form = useSettingsForm(store, {
    fields: REMINDER_FIELDS,
    patch(draft) {
      draft.reminders.enabled = enabled;
      draft.reminders.quietHours.enabled = quiet;
    },
  });
  const field = (id: string, label: string, unit?: string, hint?: string) => (
    <TextField
      id={id}
      label={label}
      unit={unit}
      hint={hint}
      value={form.texts[id] ?? ''}
      error={form.errors[id]}
      size="xs"
      onInput={(text) => form.setText(id, text)}
    />
  );
  return (
    <Section id="reminders" title={t('options_remindersTitle')} intro={t('options_remindersIntro')} onSubmit={form.save}>
      <Checkbox
        id="reminders-enabled"
        label={t('options_remindersEnabled')}
        hint={t('options_remindersEnabledHint')}
        checked={enabled}
        onChange={(v) => {
          setEnabled(v);
          form.markDirty();
        }}
      />
      {field('reminder-due-minutes', t('options_remindersDue'), t('options_unitMinutes'))}
      <fieldset class="sub">
        <legend>{t('options_remindersQuiet')}</legend>
        <Checkbox
          id="reminders-quiet-enabled"
          label={t('options_remindersQuietEnabled')}
          checked={quiet}
          onChange={(v) => {
            setQuiet(v);
            form.markDirty();
          }}
        />
        <div class="row">
          {field('reminder-quiet-start', t('options_remindersQuietStart'), undefined, 'HH:MM')}
          {field('reminder-quiet-end', t('options_remindersQuietEnd'), undefined, 'HH:MM')}
        </div>
      </fieldset>
      <SaveBar id="reminders" status={form.status} />
    </Section>
  );
}
