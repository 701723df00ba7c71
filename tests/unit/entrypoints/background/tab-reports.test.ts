// The background's tab reports, asked for through its router with the typed send (WXT's fake browser carries the
// messages): what a page reported is answered, what is kept in another shape is not, a closed tab's is forgotten.
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { toBackground } from '@/components/to-background';
import { setUpMessageRouter } from '@/entrypoints/background/message-router';
import { setUpTabReports, type TabReports } from '@/entrypoints/background/tab-reports';
import type { Handlers } from '@/lib/protocol/router';
import type { PageReport } from '@/lib/protocol/page-report';
import { sender } from '@/lib/protocol/send';
import { TabReportReplySchema } from '@/lib/protocol/tab-report';
import { tabReportKey } from '@/lib/storage/keys';

afterEach(() => fakeBrowser.reset());

const REPORT: PageReport = {
  type: 'page-report',
  url: 'https://qn.taobao.com/x',
  pageKind: 'qianniu-list',
  rows: [],
  problems: [{ field: 'refundId', text: '退款编号' }],
  problemCount: 3,
  states: { ok: 2 },
};

function background(): TabReports {
  const tabReports = setUpTabReports();
  const unused = () => Promise.reject(new Error('not in this test'));
  const handlers: Handlers<Browser.runtime.MessageSender> = {
    'page-report': unused,
    'tab-report': async ({ tabId }) => ({ ok: true, report: await tabReports.get(tabId) }),
    dashboard: unused,
    'history-changed': unused,
  };
  setUpMessageRouter(handlers);
  return tabReports;
}

const send = sender(toBackground, { 'tab-report': TabReportReplySchema });

describe('tab reports through the router', () => {
  it('answers the report a tab sent, and null for a tab that sent none', async () => {
    const tabReports = background();
    await tabReports.save(5, REPORT, 'QuotaExceededError');
    const { report } = await send('tab-report', { tabId: 5 });
    expect(report).toMatchObject({ url: REPORT.url, pageKind: 'qianniu-list', rowCount: 0, problemCount: 3, storageError: 'QuotaExceededError' });
    expect(await send('tab-report', { tabId: 6 })).toEqual({ ok: true, report: null });
  });

  it('answers null for a report kept in another shape, and forgets a closed tab', async () => {
    const tabReports = background();
    await fakeBrowser.storage.session.set({ [tabReportKey(8)]: { url: 'x', rows: 'old shape' } });
    expect(await send('tab-report', { tabId: 8 })).toEqual({ ok: true, report: null });
    await tabReports.save(9, REPORT, undefined);
    await fakeBrowser.tabs.onRemoved.trigger(9, { windowId: 1, isWindowClosing: false });
    await Promise.resolve();
    expect(await fakeBrowser.storage.session.get(tabReportKey(9))).toEqual({});
  });

  it('a message the router refuses rejects the send with the error', async () => {
    background();
    await expect(send('tab-report', { tabId: 1.5 })).rejects.toThrow('tab-report: invalid tab-report message');
  });
});
