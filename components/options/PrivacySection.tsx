// 7. 隐私: buyer nicknames are stored only when the agent turns this on (default off).
import { useState } from 'preact/hooks';
import { t } from '@/components/i18n';
import { Checkbox, SaveBar, Section } from './controls';
import type { OptionsStore } from './store';
import { useSettingsForm } from './use-settings-form';

export function PrivacySection({ store }: { store: OptionsStore }) {
  const [storeNick, setStoreNick] = useState(store.settings.value.storeBuyerNick);
  const form = useSettingsForm(store, {
    fields: [],
    patch(draft) {
      draft.storeBuyerNick = storeNick;
    },
  });
  return (
    <Section id="privacy" title={t('options_privacyTitle')} intro={t('options_privacyIntro')} onSubmit={form.save}>
      <Checkbox
        id="store-buyer-nick"
        label={t('options_storeBuyerNick')}
        hint={t('options_storeBuyerNickHint')}
        checked={storeNick}
        onChange={(v) => {
          setStoreNick(v);
          form.markDirty();
        }}
      />
      <SaveBar id="privacy" status={form.status} />
    </Section>
  );
}
