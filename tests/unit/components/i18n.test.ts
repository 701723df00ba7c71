// The UI-string helpers: t() takes only keys of public/_locales (the key type WXT generates from the locale files,
// so the @ts-expect-error lines below are compile errors that `npx tsc --noEmit` requires), tOfData() a key whose
// tail comes from data, checked by its prefix.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { t, tOfData, uiLang } from '@/components/i18n';
import { installI18n } from './i18n-double';

beforeEach(() => installI18n('zh_CN'));
afterEach(() => fakeBrowser.reset());

describe('t', () => {
  it('answers the message of the UI language, with its substitutions', () => {
    expect(t('popupTitle')).toBe('退款雷达');
    expect(t('popupProblemField', '退款编号')).toContain('退款编号');
    installI18n('en');
    expect(t('popupTitle')).not.toBe('退款雷达');
    expect(uiLang()).toBe('en');
  });

  it('a misspelt key does not compile (and would show as itself)', () => {
    // @ts-expect-error 'popupTitel' is not a key of public/_locales
    expect(t('popupTitel')).toBe('popupTitel');
    const sub = 'disputeRat';
    // @ts-expect-error a dynamic key is a union of real keys: popup_sub_disputeRat is none of them
    expect(t(`popup_sub_${sub}`)).toBe('popup_sub_disputeRat');
    // @ts-expect-error Chrome's own @@ names are not UI strings
    t('@@ui_locale');
  });
});

describe('tOfData', () => {
  it('answers the message of prefix + name, or null when the locale has no such key', () => {
    expect(tOfData('popup_field_', 'refundId')).toBe(t('popup_field_refundId'));
    expect(tOfData('popup_field_', 'noSuchField')).toBeNull();
    expect(tOfData('options_rule_', 'R9_success')).toBe(t('options_rule_R9_success'));
  });

  it('a prefix no key starts with does not compile', () => {
    // @ts-expect-error no message key starts with 'popup_feild_'
    expect(tOfData('popup_feild_', 'refundId')).toBeNull();
  });
});
