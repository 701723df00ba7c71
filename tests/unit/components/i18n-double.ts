// browser.i18n for component tests, the one double every test that needs the UI strings uses: the real
// messages.json of a locale, substituted as Chrome does (a named $placeholder$ becomes its content when the locale is
// loaded, then $1…$9 become the substitutions), and '@@ui_locale' answering the locale (uiLang() reads it).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';

export type Locale = 'zh_CN' | 'en';
type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export function loadMessages(locale: Locale): Messages {
  return JSON.parse(readFileSync(resolve(__dirname, `../../../public/_locales/${locale}/messages.json`), 'utf8')) as Messages;
}

/** The message of `key` with its substitutions, '' for a key the locale does not have (as Chrome answers). */
export function formatMessage(messages: Messages, key: string, substitutions: readonly string[] = []): string {
  const m = messages[key];
  if (!m) return '';
  const named = m.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) => {
    const ph = Object.entries(m.placeholders ?? {}).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
    return ph ? ph.content : '';
  });
  return named.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
}

/** Installs the double on fakeBrowser.i18n for `locale`. */
export function installI18n(locale: Locale = 'zh_CN'): void {
  const messages = loadMessages(locale);
  const i18n = fakeBrowser.i18n as unknown as Record<string, unknown>;
  i18n.getMessage = (key: string, subs?: string | string[]) =>
    key === '@@ui_locale' ? locale : formatMessage(messages, key, subs === undefined ? [] : Array.isArray(subs) ? subs : [subs]);
  i18n.getUILanguage = () => (locale === 'en' ? 'en-US' : 'zh-CN');
}
