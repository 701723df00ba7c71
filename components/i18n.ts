// UI strings of extension pages come from public/_locales (zh_CN is the default locale, en the other one).
export type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

export function t(key: string, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key as MessageKey, substitutions) || key;
}

/** Chinese unless the browser's UI language is English (the extension's default locale is zh_CN). */
export function uiLang(): 'zh' | 'en' {
  return browser.i18n.getUILanguage().toLowerCase().startsWith('en') ? 'en' : 'zh';
}
