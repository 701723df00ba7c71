// @vitest-environment happy-dom
// The virtualized log table on 10,000 stored refunds: only a window of rows is in the DOM, scrolling moves the
// window, rows are keyboard navigable, and Enter expands a row to its status history (db.events).
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EmptyState } from '@/components/log/EmptyState';
import { ImportDialog } from '@/components/log/ImportDialog';
import { LogPage } from '@/components/log/LogPage';
import { LogTable, OVERSCAN, ROW_HEIGHT } from '@/components/log/LogTable';
import type { RefundRadarDb } from '@/lib/db/schema';
import { DEFAULT_THRESHOLDS } from '@/lib/deadline/state';
import { createLogQuery } from '@/lib/log/query';
import { installI18n } from '../i18n-double';
import { newDb } from '../../db/helpers';
import { eventsFor, generateRefunds, NOW } from '../../log/data';
import { attachRoot, detachRoot } from '../render-root';

const N = 10_000;
const DEEP = 250;
let db: RefundRadarDb;
let root: HTMLElement;

beforeAll(async () => {
  db = newDb();
  const refunds = generateRefunds(N, 11);
  await db.refunds.bulkPut(refunds);
  await db.events.bulkAdd(refunds.slice(0, 50).flatMap(eventsFor));
}, 60_000);
afterAll(() => db.close());
beforeEach(() => {
  installI18n('zh_CN');
  root = attachRoot();
});
afterEach(() => detachRoot(root));

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await act(() => new Promise((r) => setTimeout(r, 10)));
  }
}

const dataRows = () => [...root.querySelectorAll<HTMLElement>('[role=row][data-refund-id]')];

describe('LogTable (virtualized)', () => {
  it('renders only a window of rows, moves it on scroll, navigates by keyboard and expands to the history', async () => {
    const query = createLogQuery(db, {}, { now: NOW });
    const total = await query.count();
    expect(total).toBe(N);
    await act(() => {
      render(<LogTable db={db} query={query} total={total} now={NOW} lang="zh" thresholds={DEFAULT_THRESHOLDS} initialHeight={600} />, root);
    });
    await until(() => dataRows().length > 0);
    const grid = root.querySelector('[role=grid]')!;
    expect(grid.getAttribute('aria-rowcount')).toBe(String(N + 1));
    const windowMax = Math.ceil(600 / ROW_HEIGHT) + 2 * OVERSCAN + 2;
    expect(dataRows().length).toBeLessThanOrEqual(windowMax);
    expect(dataRows()[0]!.dataset.index).toBe('0');
    expect(root.querySelectorAll('[role=columnheader]')).toHaveLength(11);
    expect(root.querySelector('[role=columnheader][aria-sort=descending]')!.textContent).toContain('最近记录');
    // Body is as tall as all rows.
    expect((root.querySelector('[data-testid=grid-body]') as HTMLElement).style.height).toBe(`${N * ROW_HEIGHT}px`);

    // Scroll: the window follows, with the rows the query has at those offsets. (Not thousands of rows deep here:
    // fake-indexeddb advances a cursor one key at a time, ~6 ms a step at this size; Chromium measured separately.)
    const scroller = root.querySelector<HTMLElement>('.grid-scroller')!;
    scroller.scrollTop = DEEP * ROW_HEIGHT;
    await act(() => {
      scroller.dispatchEvent(new Event('scroll'));
    });
    await until(() => dataRows().some((r) => r.dataset.index === String(DEEP)));
    const indexes = dataRows().map((r) => Number(r.dataset.index));
    expect(Math.min(...indexes)).toBeGreaterThanOrEqual(DEEP - OVERSCAN);
    expect(Math.max(...indexes)).toBeLessThanOrEqual(DEEP + windowMax);
    expect(dataRows().length).toBeLessThanOrEqual(windowMax);
    const [atDeep] = await createLogQuery(db, {}, { now: NOW }).page(DEEP, 1);
    const rowDeep = dataRows().find((r) => r.dataset.index === String(DEEP))!;
    expect(rowDeep.dataset.refundId).toBe(atDeep!.refundId);
    expect(rowDeep.getAttribute('aria-rowindex')).toBe(String(DEEP + 2));

    // Keyboard: one tabbable row; ArrowDown moves focus; Enter expands; Escape collapses.
    expect(dataRows().filter((r) => r.tabIndex === 0)).toHaveLength(1);
    rowDeep.focus();
    await act(() => {
      rowDeep.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    });
    await until(() => (document.activeElement as HTMLElement | null)?.dataset.index === String(DEEP + 1));
    const rowNext = document.activeElement as HTMLElement;
    await act(() => {
      rowNext.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    await until(() => root.querySelector(`[role=row][data-index="${DEEP + 1}"]`)?.getAttribute('aria-expanded') === 'true');
    expect(root.querySelector('[data-testid=history]')).not.toBeNull();
    expect(root.querySelector('[data-testid=history]')!.textContent).toContain(rowNext.dataset.refundId!);
    await act(() => {
      (document.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    await until(() => root.querySelector('[data-testid=history]') === null);
  }, 60_000);

  it('expanding a row with stored events lists them oldest first', async () => {
    // Refunds 0…49 have events; find one of them at the top of the deadline order by searching its number.
    const withEvents = generateRefunds(N, 11)[3]!;
    const query = createLogQuery(db, { q: withEvents.refundId }, { now: NOW });
    await act(() => {
      render(<LogTable db={db} query={query} total={1} now={NOW} lang="zh" thresholds={DEFAULT_THRESHOLDS} />, root);
    });
    await until(() => dataRows().length === 1);
    await act(() => {
      dataRows()[0]!.click();
    });
    await until(() => root.querySelectorAll('[data-testid=history-event]').length > 0);
    const events = [...root.querySelectorAll('[data-testid=history-event]')].map((e) => e.textContent ?? '');
    expect(events.length).toBe(eventsFor(withEvents).length);
    expect(events[0]).toContain('等待卖家同意');
  }, 30_000);
});

describe('log page pieces', () => {
  it('empty state wording (nothing stored) and the page on an empty database', async () => {
    await act(() => {
      render(<EmptyState filtered={false} onClear={() => {}} />, root);
    });
    expect(root.textContent).toContain('还没有记录：打开千牛退款列表即可自动记录');
    const empty = newDb();
    await act(() => {
      render(<LogPage db={empty} clock={() => NOW} />, root);
    });
    await until(() => root.querySelector('[data-testid=empty]') !== null);
    expect(root.querySelector('h1')!.textContent).toBe('退款日志');
    const buttons = [...root.querySelectorAll('.toolbar button')].map((b) => b.textContent);
    expect(buttons).toEqual(['导出 CSV', '导出 JSON', '导入']);
    expect(root.querySelector<HTMLInputElement>('#log-q')!.placeholder).toBe('搜索退款编号/订单号');
    // Every filter control has a label.
    for (const el of root.querySelectorAll('.filters input, .filters select')) {
      expect(root.querySelector(`label[for="${el.id}"]`), el.id).not.toBeNull();
    }
    empty.close();
  });

  it('import dialog: counts and rejected reasons, or the error', async () => {
    await act(() => {
      render(
        <ImportDialog
          fileName="backup.json"
          lang="zh"
          onClose={() => {}}
          report={{
            ok: true,
            added: 3,
            updated: 2,
            unchanged: 1,
            rejected: [{ refundId: '123456', reason: '退款编号必须是 6–30 位数字' }],
            events: { added: 4, duplicate: 0, rejected: 0 },
            paidOrders: { added: 0, updated: 0, unchanged: 0, conflicts: [] },
            settings: 'kept',
          }}
        />,
        root,
      );
    });
    expect(root.querySelector('[data-testid=import-added]')!.textContent).toBe('3');
    expect(root.querySelector('[data-testid=import-updated]')!.textContent).toBe('2');
    expect(root.querySelector('[data-testid=import-unchanged]')!.textContent).toBe('1');
    expect(root.querySelector('[data-testid=import-rejected]')!.textContent).toBe('1');
    expect(root.textContent).toContain('退款编号必须是 6–30 位数字');
    await act(() => {
      render(<ImportDialog fileName="x.json" lang="zh" onClose={() => {}} report={{ ok: false, error: '不是退款雷达导出的文件' }} />, root);
    });
    expect(root.querySelector('[data-testid=import-error]')!.textContent).toContain('不是退款雷达导出的文件');
  });
});
