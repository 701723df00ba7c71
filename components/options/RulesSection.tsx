// 4. 超时规则: the R1–R9 limits of §3 (hours), reset to defaults, and the shop settings the rules depend on.
import { useState } from 'preact/hooks';
import { t, tOfData, type MessageKey } from '@/components/i18n';
import { DEFAULT_RULES, PLATFORMS, RETURN_SHIPPINGS, type DeadlineRule, type Platform, type ReturnShipping } from '@/lib/deadline/rules';
import { parseDecimalText } from '@/lib/options/number-input';
import { RULE_LIMIT_KEYS, ruleFieldId, ruleFields, textsFromSettings, type RuleLimitKey } from '@/lib/options/form';
import type { Settings } from '@/lib/settings/settings';
import { Checkbox, RadioGroup, SaveBar, Section, TextField } from './controls';
import type { OptionsStore } from './store';
import { useSettingsForm } from './use-settings-form';

const COLUMN_KEYS: Record<RuleLimitKey, MessageKey> = {
  limitHours: 'options_ruleColLimit',
  virtualLimitHours: 'options_ruleColVirtual',
  postLimitHours: 'options_ruleColPost',
  signedCapHours: 'options_ruleColSigned',
};

function ruleDescription(rule: DeadlineRule): string {
  // A rule id is the user's data (built-in R1–R9, or one of theirs): a rule without a description shows its status.
  return tOfData('options_rule_', rule.id === 'R9' ? `R9_${rule.status}` : rule.id) ?? rule.status;
}

/** "= 5 天" under an hours input, when the hours are whole days. */
function daysHint(text: string): string | undefined {
  const p = parseDecimalText(text);
  if (p.kind !== 'number' || p.value <= 0 || p.value % 24 !== 0) return undefined;
  return t('options_equalsDays', String(p.value / 24));
}

type Shop = Pick<Settings, 'platform' | 'virtualGoods' | 'returnShipping'>;

export function RulesSection({ store }: { store: OptionsStore }) {
  const [reset, setReset] = useState(false);
  const [shop, setShop] = useState<Shop>(() => {
    const s = store.settings.value;
    return { platform: s.platform, virtualGoods: s.virtualGoods, returnShipping: s.returnShipping };
  });
  const rules = reset ? DEFAULT_RULES : store.settings.value.rules;
  const fields = ruleFields(rules);
  const form = useSettingsForm(store, {
    fields,
    patch(draft) {
      if (reset) draft.rules = structuredClone([...DEFAULT_RULES]);
      draft.platform = shop.platform;
      draft.virtualGoods = shop.virtualGoods;
      draft.returnShipping = shop.returnShipping;
    },
  });
  const save = async () => {
    await form.save();
  };
  const restoreDefaults = () => {
    setReset(true);
    form.setTexts(textsFromSettings({ ...store.settings.value, rules: [...DEFAULT_RULES] }, ruleFields(DEFAULT_RULES)));
    form.setStatus({ kind: 'note', text: t('options_rulesResetNote') });
  };
  const changeShop = (next: Partial<Shop>) => {
    setShop((prev) => ({ ...prev, ...next }));
    form.markDirty();
  };
  const used = RULE_LIMIT_KEYS.filter((k) => rules.some((r) => r[k] !== undefined && r[k] !== null));
  return (
    <Section id="rules" title={t('options_rulesTitle')} intro={t('options_rulesIntro')} onSubmit={save}>
      <div class="table-wrap">
        <table class="rules">
          <caption class="sr-only">{t('options_rulesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('options_ruleColId')}</th>
              <th scope="col">{t('options_ruleColDesc')}</th>
              {used.map((k) => (
                <th key={k} scope="col">
                  {t(COLUMN_KEYS[k])}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rules.map((rule, index) => (
              <tr key={`${rule.id}-${rule.status}`}>
                <th scope="row">{rule.id}</th>
                <td class="desc">{ruleDescription(rule)}</td>
                {used.map((k) => {
                  const v = rule[k];
                  if (v === undefined || v === null) {
                    return (
                      <td key={k} class="none">
                        {k === 'limitHours' ? t('options_ruleNoLimit') : '—'}
                      </td>
                    );
                  }
                  const id = ruleFieldId(index, k);
                  const text = form.texts[id] ?? '';
                  return (
                    <td key={k}>
                      <TextField
                        id={id}
                        hiddenLabel
                        label={`${rule.id} ${t(COLUMN_KEYS[k])}`}
                        unit={t('options_unitH')}
                        value={text}
                        hint={daysHint(text)}
                        error={form.errors[id]}
                        size="xs"
                        onInput={(next) => form.setText(id, next)}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="two-col shop">
        <RadioGroup<Platform>
          name="platform"
          legend={t('options_platformLegend')}
          value={shop.platform}
          onChange={(platform) => changeShop({ platform })}
          options={PLATFORMS.map((p) => ({ value: p, label: t(`options_platform_${p}`) }))}
        />
        <fieldset class="radios">
          <legend>{t('options_shopLegend')}</legend>
          <Checkbox
            id="virtual-goods"
            label={t('options_virtualGoods')}
            hint={t('options_virtualGoodsHint')}
            checked={shop.virtualGoods}
            onChange={(virtualGoods) => changeShop({ virtualGoods })}
          />
          <div class="field">
            <label for="return-shipping">{t('options_returnShipping')}</label>
            <select
              id="return-shipping"
              value={shop.returnShipping}
              aria-describedby="return-shipping-hint"
              onChange={(e) => changeShop({ returnShipping: (e.currentTarget as HTMLSelectElement).value as ReturnShipping })}
            >
              {RETURN_SHIPPINGS.map((r) => (
                <option key={r} value={r}>
                  {t(`options_shipping_${r}`)}
                </option>
              ))}
            </select>
            <span id="return-shipping-hint" class="hint">
              {t('options_returnShippingHint')}
            </span>
          </div>
        </fieldset>
      </div>
      <SaveBar id="rules" status={form.status}>
        <button type="button" class="secondary" onClick={restoreDefaults}>
          {t('options_rulesReset')}
        </button>
      </SaveBar>
    </Section>
  );
}
