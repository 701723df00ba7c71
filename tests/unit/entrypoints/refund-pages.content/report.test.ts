// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://myseller.taobao.com/home.htm/trade-platform/refund-list"}
// The page report names the page kind of the address at send time: the Qianniu workbench moves between the list and
// a detail page with history.pushState, no page load (domain.md §5.4).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { BadgeBoard } from '@/components/badge/badge-board';
import { badgeAnchor } from '@/lib/page/anchor';
import { readRefundRow } from '@/lib/page/read-page';
import { reportPage } from '@/entrypoints/refund-pages.content/report';

const LIST = '/home.htm/trade-platform/refund-list';
const DETAIL = `${LIST}/detail?disputeId=200000000000000001&type=1`;

let ctx: ContentScriptContext;

/** Page reports sent; no answer comes (the background is away): what is sent is all these tests look at. */
function sentReports(): () => Array<{ pageKind: string; url: string }> {
  const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((() => new Promise(() => {})) as never);
  return () => send.mock.calls.map(([m]) => m as unknown as { pageKind: string; url: string });
}

beforeEach(() => {
  vi.useFakeTimers();
  ctx = new ContentScriptContext('refund-pages');
});
afterEach(() => {
  ctx.abort();
  vi.useRealTimers();
  history.replaceState(null, '', LIST);
  fakeBrowser.reset();
});

describe('reportPage', () => {
  it('follows a client-side navigation list → detail → list', async () => {
    const sent = sentReports();
    const report = reportPage(ctx, new BadgeBoard({ lang: 'zh', read: readRefundRow, anchor: badgeAnchor }));

    report();
    await vi.advanceTimersByTimeAsync(2000);
    history.pushState(null, '', DETAIL);
    report();
    await vi.advanceTimersByTimeAsync(2000);
    history.pushState(null, '', LIST);
    report();
    await vi.advanceTimersByTimeAsync(2000);

    expect(sent().map((m) => m.pageKind)).toEqual(['qianniu-list', 'qianniu-detail', 'qianniu-list']);
    expect(sent()[1]!.url).toBe(`https://myseller.taobao.com${DETAIL}`);
  });

  it('a page of the matched host that is no refund page is reported as other', async () => {
    const sent = sentReports();
    const report = reportPage(ctx, new BadgeBoard({ lang: 'zh', read: readRefundRow, anchor: badgeAnchor }));
    history.pushState(null, '', '/home.htm/QnworkbenchHome/');
    report();
    await vi.advanceTimersByTimeAsync(2000);
    expect(sent().map((m) => m.pageKind)).toEqual(['other']);
  });
});
