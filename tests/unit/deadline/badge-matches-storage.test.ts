// @vitest-environment happy-dom
// One deadline policy (issue 9, point 1): a row's stored deadlineAt equals its badge's data-deadline, for every demo
// row (every list layout and both detail pages) and every phrasing of domain.md §4.3, read by the real reader. The
// snapshot is merged as the upsert does (mergeObservation at the reading time); the badge is described at that same
// time, as the tab does before the background answers and again with what its answer carries (knownOf).
import { describe, expect, it } from 'vitest';
import { knownOf } from '@/lib/db/queries';
import { mergeObservation, type MergeOptions } from '@/lib/db/merge';
import type { StoredRefund } from '@/lib/db/schema';
import { describeRefund, type DescribeContext } from '@/lib/deadline/describe';
import { historyContext } from '@/lib/deadline/history-context';
import type { RefundRow } from '@/lib/model/refund-row';
import { demoListHtml, type DemoLayout } from '../page/fixtures/demo-list';
import { readRefundPage } from '../page/reference-reader';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
// @ts-expect-error plain ESM fixtures without types
import { generateRefunds } from '../../fixtures/demo-data.mjs';
// @ts-expect-error plain ESM fixtures without types
import { renderLegacyDetail, renderQianniuDetail } from '../../fixtures/pages/detail.mjs';

const NOW = Date.UTC(2026, 10, 21, 2, 0); // 10:00 Beijing, the reading time of §4.3
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

/** What the background stores and tells the badges for these settings (lib/db/handle-page-report.ts). */
function settingsFor(platform: 'tmall' | 'taobao') {
  const s = { ...DEFAULT_SETTINGS, platform };
  const merge: MergeOptions = { rules: s.rules, ruleOptions: { platform: s.platform, virtualGoods: s.virtualGoods, returnShipping: s.returnShipping } };
  const context: DescribeContext = { rules: s.rules, thresholds: s.thresholds, ...merge.ruleOptions };
  return { merge, context };
}

interface Checked {
  row: RefundRow;
  badge?: number;
  stored?: number;
  /** The badge before the background's answer (the tab's own first-seen time), for a refund new to the history. */
  badgeAlone?: number;
  fresh: boolean;
  pageOverdue: boolean;
}

/**
 * Reads the page and merges every row into `history` (as one report at the reading time), then describes each badge.
 * A row's badge after the answer sees what knownOf gives for its stored snapshot, combined as BadgeBoard does (historyContext).
 */
function readAndCompare(html: string, readAt: number, history: Map<string, StoredRefund>, platform: 'tmall' | 'taobao'): Checked[] {
  const { merge, context } = settingsFor(platform);
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const rows = readRefundPage(doc, readAt).rows.map((r) => r.row);
  const tabFirstSeen = new Map<string, number>();
  const fresh = new Set(rows.map((r) => r.refundId).filter((id) => !history.has(id)));
  for (const row of rows) {
    history.set(row.refundId, mergeObservation(history.get(row.refundId), row, row.readAt, merge).next);
    tabFirstSeen.set(row.refundId, row.readAt);
  }
  return rows.map((row) => {
    const stored = history.get(row.refundId)!;
    const local = tabFirstSeen.get(row.refundId)!;
    const answered = describeRefund(row, row.readAt, { ...context, ...historyContext(knownOf([stored])[row.refundId], row, local) });
    const alone = describeRefund(row, row.readAt, { ...context, ...historyContext(undefined, row, local) });
    return { row, badge: answered.deadline, stored: stored.deadlineAt, badgeAlone: alone.deadline, fresh: fresh.has(row.refundId), pageOverdue: answered.state === 'overdue' && row.pageDeadline?.kind === 'overdue' };
  });
}

function expectSame(checked: Checked[]): void {
  for (const c of checked) {
    const where = `refund ${c.row.refundId} (${c.row.statusText}, page ${JSON.stringify(c.row.pageDeadline)})`;
    expect(iso(c.stored), where).toBe(iso(c.badge));
    if (c.fresh) expect(iso(c.badgeAlone), `${where}, before the answer`).toBe(iso(c.badge));
  }
}

const refunds = generateRefunds(NOW) as Array<Record<string, any>>;

const listHtml = (layout: DemoLayout, t: number): string => demoListHtml(layout, refunds, t);

describe.each(['tmall', 'taobao'] as const)('demo seller center (%s shop)', (platform) => {
  it.each(['table', 'grid', 'cards', 'legacy'] as const)('%s list, read now and again 8 days later', (layout) => {
    const history = new Map<string, StoredRefund>();
    const first = readAndCompare(listHtml(layout, NOW), NOW, history, platform);
    expect(first.map((c) => c.row.refundId)).toEqual(refunds.map((r) => r.refundId));
    expectSame(first);
    expectSame(readAndCompare(listHtml(layout, NOW + 8 * DAY), NOW + 8 * DAY, history, platform));
  });

  it('both detail pages of every demo refund, after its list', () => {
    const history = new Map<string, StoredRefund>();
    readAndCompare(listHtml('table', NOW), NOW, history, platform);
    const checked = refunds.flatMap((r) =>
      [renderQianniuDetail(r, NOW + HOUR), renderLegacyDetail(r, NOW + HOUR)].flatMap((html) => readAndCompare(html, NOW + HOUR, history, platform)),
    );
    expect(checked).toHaveLength(2 * refunds.length);
    expectSame(checked);
  });

  it('every list layout after the detail pages (the history holds the start a detail page printed)', () => {
    for (const layout of ['table', 'grid', 'cards', 'legacy'] as const) {
      const history = new Map<string, StoredRefund>();
      for (const r of refunds) readAndCompare(renderQianniuDetail(r, NOW - HOUR), NOW - HOUR, history, platform);
      const printed = [...history.values()].filter((r) => r.statusSincePrecision === 'page').length;
      expect(printed).toBeGreaterThan(0);
      expectSame(readAndCompare(listHtml(layout, NOW), NOW, history, platform));
    }
  });
});

// §4.3, each phrasing on refunds whose rule deadline is ahead, past, counted from first seen, capped by the Tmall
// signing (R5a), absent (intervening), or moot (completed).
const PHRASINGS = [
  '还剩1天2时3分', '还剩 3天', '还剩 5时 0分', '还剩\u00A012分', '还剩１天０２时０３分', '还剩\n1天 2时 3分', '剩余2天3小时10分钟',
  '剩余时间：2天3小时', '剩余 23:59:59', '超时时间：2026-11-25 12:00', '超时时间 2026-11-25 12:00', '超时时间:2026-11-25 00:30:00',
  '超时1时5分', '已超时', '７天无理由退货', '超时时间：-', '剩余处理时间：5小时12分钟',
];
const SETUPS = [
  '售后状态：退款待处理|货物状态：未发货|退款类型：仅退款|申请时间：2026-11-20 14:03:00', // R1 ahead (11-22 14:03)
  '售后状态：退款待处理|货物状态：未发货|退款类型：仅退款|申请时间：2026-11-18 09:00:00', // R1 past (11-20 09:00)
  '售后状态：待买家发货|退款类型：退货退款', // R4 from first seen
  '售后状态：买家退货，已签收|退款类型：退货退款|货物状态：已经退货', // R5, R5a on Tmall
  '售后状态：客服介入中', // no rule deadline
  '售后状态：退款成功', // done
];
const cards = (cells: string[]) => `<section>${cells.map((c) => `<div class="card">${c}</div>`).join('')}</section>`;
const idOf = (i: number) => String(200000000000000000n + BigInt(i));

describe.each(['tmall', 'taobao'] as const)('every phrasing of §4.3 (%s shop)', (platform) => {
  const cells = PHRASINGS.flatMap((text, p) =>
    SETUPS.map((setup, s) => `<p>退款编号：${idOf(p * SETUPS.length + s)}</p><p>${setup.split('|').join('</p><p>')}</p><div>${text}</div>`),
  );
  // 1天02:03:04 in a 剩余时间 column (§4.2 countdown cells), and a bare 已超时 there.
  const column = `<table><thead><tr><th>退款编号</th><th>售后状态</th><th>申请时间</th><th>货物状态</th><th>剩余时间</th></tr></thead><tbody>
    <tr><td>209000000000000001</td><td>退款待处理</td><td>2026-11-20 14:03:00</td><td>未发货</td><td>1天02:03:04</td></tr>
    <tr><td>209000000000000002</td><td>退款待处理</td><td>2026-11-18 09:00:00</td><td>未发货</td><td>已超时</td></tr></tbody></table>`;

  it.each([0, 2 * DAY])('read at the §4.3 reading time + %i ms', (later) => {
    const history = new Map<string, StoredRefund>();
    const checked = [...readAndCompare(cards(cells), NOW, history, platform), ...readAndCompare(column, NOW, history, platform)];
    if (later) checked.push(...readAndCompare(cards(cells), NOW + later, history, platform));
    expect(checked.length).toBe((later ? 2 : 1) * cells.length + 2);
    expectSame(checked);
    // The bare 已超时 rows cover both sides of §4.2: a past rule deadline kept, an ahead or absent one left out.
    const bare = checked.filter((c) => c.pageOverdue);
    expect(bare.some((c) => c.stored !== undefined)).toBe(true);
    expect(bare.some((c) => c.stored === undefined)).toBe(true);
  });
});
