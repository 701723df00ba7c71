// UI strings of extension pages come from public/_locales (zh_CN is the default locale, en the other one).
export type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

export function t(key: string, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key as MessageKey, substitutions) || key;
}

/**
 * The language the extension's own messages come out in: '@@ui_locale' is the locale Chrome actually picked for
 * _locales (a browser without its Chinese language pack reports zh-CN as UI language but serves en messages).
 * Chinese unless that is English, as the default locale is zh_CN.
 */
export function uiLang(): 'zh' | 'en' {
  return browser.i18n.getMessage('@@ui_locale').toLowerCase().startsWith('en') ? 'en' : 'zh';
}
