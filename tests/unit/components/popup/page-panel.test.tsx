// @vitest-environment happy-dom
// The page panel's "copy diagnostics": counts, page kind and failed fields, never a character of the page's text.
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PagePanel } from '@/components/popup/PagePanel';
import type { StoredTabReport } from '@/lib/protocol/tab-report';
import { installI18n } from '../i18n-double';
import { attachRoot, detachRoot } from '../render-root';

const NICK = 'tb_小鹿乱撞2021';
const REFUND_ID = '200000000000123456';
const AMOUNT = '¥1,288.50';
const DATE = '2026-11-20 14:03:00';
const ORDER_IN_QUERY = '3000000000000000777';

const REPORT: StoredTabReport = {
  url: `https://myseller.taobao.com/home.htm/trade-platform/refund-list/detail?disputeId=${REFUND_ID}&bizOrderId=${ORDER_IN_QUERY}#${NICK}`,
  pageKind: 'qianniu-detail',
  rowCount: 17,
  problemCount: 4,
  problems: [
    { field: 'refundId', text: `买家：${NICK} 退款编号：` },
    { refundId: REFUND_ID, field: 'amountFen', text: AMOUNT },
    { refundId: REFUND_ID, field: 'appliedAt', text: DATE },
    { field: 'buyerNick', text: NICK },
  ],
  states: { ok: 15, urgent: 2 },
  at: Date.UTC(2026, 10, 21, 2, 0),
};

let root: HTMLElement;
let copied: string[];

beforeEach(() => {
  installI18n('zh_CN');
  (fakeBrowser.runtime as unknown as { getManifest: () => unknown }).getManifest = () => ({ version: '1.2.3' });
  copied = [];
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: vi.fn(async (text: string) => void copied.push(text)) },
  });
  root = attachRoot();
});
afterEach(() => detachRoot(root));

function copy(report: StoredTabReport): string {
  render(<PagePanel load={{ kind: 'report', report }} />, root);
  root.querySelector<HTMLButtonElement>('[data-testid=copy-diagnostic]')!.click();
  expect(copied).toHaveLength(1);
  return copied[0]!;
}

describe('PagePanel diagnostics', () => {
  it('copies no nickname, refund number, amount or date from the samples, nor the query of the address', () => {
    const text = copy(REPORT);
    for (const secret of [NICK, '小鹿乱撞', REFUND_ID, AMOUNT, '1,288.50', '1288', DATE, '2026-11-20', ORDER_IN_QUERY, 'disputeId']) {
      expect(text, secret).not.toContain(secret);
    }
  });

  it('keeps what support needs: counts, page kind, the failed fields in words, host and path, states', () => {
    const copiedReport = JSON.parse(copy(REPORT)) as Record<string, unknown>;
    expect(copiedReport).toMatchObject({
      extension: '1.2.3',
      page: 'myseller.taobao.com/home.htm/trade-platform/refund-list/detail',
      pageKind: 'qianniu-detail',
      rowsRead: 17,
      rowsNotUnderstood: 4,
      states: { ok: 15, urgent: 2 },
      at: '2026-11-21T02:00:00.000Z',
    });
    expect(copiedReport.failedFields).toEqual([
      { field: 'refundId', name: '退款编号', samples: 1 },
      { field: 'amountFen', name: expect.any(String), samples: 1 },
      { field: 'appliedAt', name: '申请时间', samples: 1 },
      { field: 'buyerNick', name: expect.any(String), samples: 1 },
    ]);
  });

  it('the samples stay on screen for the agent (this machine only)', () => {
    render(<PagePanel load={{ kind: 'report', report: REPORT }} />, root);
    expect(root.querySelector('.problems')!.textContent).toContain(NICK);
  });

  it('an address that does not parse is left out rather than copied', () => {
    const copiedReport = JSON.parse(copy({ ...REPORT, url: `not a url ${NICK}` })) as Record<string, unknown>;
    expect(copiedReport.page).toBeNull();
  });
});

describe('PagePanel: badges the page kept removing', () => {
  it('says how many rows were given up, and the diagnostics count them', () => {
    const text = copy({ ...REPORT, givenUp: 3 });
    expect(root.querySelector('[data-testid=badges-given-up]')?.textContent).toContain('3 行的徽章被页面反复移除');
    expect(JSON.parse(text).badgesGivenUp).toBe(3);
  });
  it('says nothing when none was given up', () => {
    render(<PagePanel load={{ kind: 'report', report: REPORT }} />, root);
    expect(root.querySelector('[data-testid=badges-given-up]')).toBeNull();
  });
});
