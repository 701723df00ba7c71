// UI strings of extension pages come from public/_locales (zh_CN is the default locale, en the other one).
// The key type is the one WXT generates from the locale files (.wxt/types/i18n.d.ts: its last getMessage overload
// takes the union of every message name), so a misspelt key is a compile error. Chrome's own @@ names are no UI string.
export type MessageKey = Exclude<Parameters<typeof browser.i18n.getMessage>[0], `@@${string}`>;

export function t(key: MessageKey, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** P when some message key starts with it (so a misspelt prefix is a compile error), never otherwise. */
type KeyPrefix<P extends string> = [Extract<MessageKey, `${P}${string}`>] extends [never] ? never : P;

/**
 * The message whose key is `prefix` + a name that comes from data (a reader's field name, a user's rule id), or null
 * when the locale has no such key: the one place a key is not checked whole at compile time, only its prefix.
 */
export function tOfData<P extends string>(prefix: KeyPrefix<P>, name: string): string | null {
  return browser.i18n.getMessage(`${prefix}${name}` as MessageKey) || null;
}

/**
 * The language the extension's own messages come out in: '@@ui_locale' is the locale Chrome actually picked for
 * _locales (a browser without its Chinese language pack reports zh-CN as UI language but serves en messages).
 * Chinese unless that is English, as the default locale is zh_CN.
 */
export function uiLang(): 'zh' | 'en' {
  return browser.i18n.getMessage('@@ui_locale').toLowerCase().startsWith('en') ? 'en' : 'zh';
}
