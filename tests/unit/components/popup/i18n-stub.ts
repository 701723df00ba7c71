// chrome.i18n for component tests: the real messages.json of a locale, with $1…$9 placeholders substituted.
import { readFileSync } from 'node:fs';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export function loadMessages(locale: 'zh_CN' | 'en'): Messages {
  return JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Messages;
}

export function format(messages: Messages, key: string, subs: string[]): string {
  const m = messages[key];
  if (!m) return '';
  return m.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
    const content = m.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (_x, i: string) => subs[Number(i) - 1] ?? '');
  });
}

export function stubI18n(locale: 'zh_CN' | 'en'): void {
  const messages = loadMessages(locale);
  const i18n = fakeBrowser.i18n as unknown as Record<string, unknown>;
  i18n.getMessage = (key: string, subs?: string | string[]) =>
    key === '@@ui_locale' ? (locale === 'en' ? 'en_US' : 'zh_CN') : format(messages, key, subs === undefined ? [] : Array.isArray(subs) ? subs : [subs]);
  i18n.getUILanguage = () => (locale === 'en' ? 'en-US' : 'zh-CN');
}
