// browser.i18n for component tests: the real messages.json of a locale, with Chrome's placeholder substitution.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export function loadMessages(locale: 'zh_CN' | 'en'): Messages {
  return JSON.parse(readFileSync(resolve(__dirname, `../../../../public/_locales/${locale}/messages.json`), 'utf8')) as Messages;
}

export function formatMessage(messages: Messages, key: string, substitutions: string[] = []): string {
  const m = messages[key];
  if (!m) return '';
  const named = m.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) => {
    const ph = Object.entries(m.placeholders ?? {}).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
    return ph ? ph.content : '';
  });
  return named.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
}

export function mockI18n(locale: 'zh_CN' | 'en' = 'zh_CN'): void {
  const messages = loadMessages(locale);
  const i18n = fakeBrowser.i18n as unknown as Record<string, unknown>;
  i18n.getMessage = (key: string, subs?: string | string[]) => formatMessage(messages, key, subs === undefined ? [] : Array.isArray(subs) ? subs : [subs]);
  i18n.getUILanguage = () => (locale === 'en' ? 'en-US' : 'zh-CN');
}
