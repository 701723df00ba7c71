// @vitest-environment happy-dom
// A page that takes every badge host out as soon as it goes in (a MutationObserver of the page's own): the content
// script puts each back a bounded number of times, then gives the row up, with no exception and no endless loop;
// new rows still get their badge, and a given-up row gets it back once the page is calm and renders it again.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { BadgeBoard } from '@/components/badge/badge-board';
import { BADGE_TAG } from '@/components/badge/mount-badge';
import { badgeAnchor } from '@/lib/page/anchor';
import { readRefundRow } from '@/lib/page/read-page';
import { watchRows } from '@/entrypoints/refund-pages.content/watch-rows';

const ROWS = 5;

function card(n: number): string {
  const id = `2000000000000000${String(n).padStart(2, '0')}`;
  return `<p>退款编号：${id}</p><p>订单号：30000000000000000${String(n).padStart(2, '0')}</p><p>申请时间：2026-11-20 14:03:00</p><p>售后状态：买家已经申请退款，等待卖家同意</p><p>还剩1天2时3分</p>`;
}

function addRow(list: Element, n: number): HTMLLIElement {
  const li = document.createElement('li');
  li.innerHTML = card(n); // test markup of our own, not page text
  list.append(li);
  return li;
}

/** The page's script: takes out every host it sees, and counts them. */
function stripHosts() {
  const seen = { insertions: 0 };
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      for (const node of r.addedNodes) {
        if (node.nodeType === 1 && (node as Element).localName === BADGE_TAG) {
          seen.insertions++;
          (node as Element).remove();
        }
      }
    }
  });
  observer.observe(document.body, { childList: true, subtree: true });
  return { seen, stop: () => observer.disconnect() };
}

const hosts = () => document.querySelectorAll(BADGE_TAG).length;

let ctx: ContentScriptContext;
let board: BadgeBoard;
let list: HTMLUListElement;
const errors: unknown[] = [];

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 10, 21, 2, 0) });
  document.body.replaceChildren();
  list = document.createElement('ul');
  document.body.append(list);
  ctx = new ContentScriptContext('refund-pages');
  board = new BadgeBoard({ lang: 'zh', read: readRefundRow, anchor: badgeAnchor });
  errors.length = 0;
  window.addEventListener('error', (e) => errors.push(e.error));
});
afterEach(() => {
  ctx.abort();
  vi.useRealTimers();
});

describe('watchRows when the page keeps taking badge hosts out', () => {
  it('puts each host back a bounded number of times, gives the rows up, and stays quiet after', async () => {
    for (let n = 1; n <= ROWS; n++) addRow(list, n);
    const page = stripHosts();
    watchRows(ctx, document.documentElement, { board, onBatch: () => undefined });
    await vi.advanceTimersByTimeAsync(10_000);
    const afterTen = page.seen.insertions;
    // Each row's host went in, came out and went in again more than once, but a few times only.
    expect(afterTen).toBeGreaterThan(ROWS * 2);
    expect(afterTen).toBeLessThanOrEqual(ROWS * 10);
    expect(board.snapshot()).toMatchObject({ givenUp: ROWS });
    expect(board.snapshot().rows).toHaveLength(ROWS); // still read and reported, only not badged
    await vi.advanceTimersByTimeAsync(60_000);
    expect(page.seen.insertions).toBe(afterTen);
    expect(vi.getTimerCount()).toBe(0);
    expect(errors).toEqual([]);
    page.stop();
  });

  it('a row added after the give-up still gets its badge, and a given-up row gets it back on a calm re-render', async () => {
    for (let n = 1; n <= ROWS; n++) addRow(list, n);
    const page = stripHosts();
    watchRows(ctx, document.documentElement, { board, onBatch: () => undefined });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(board.snapshot().givenUp).toBe(ROWS);
    const before = page.seen.insertions;

    // The page still strips: a new row's host goes in (it is a new row), and is taken out like the others.
    addRow(list, ROWS + 1);
    await vi.advanceTimersByTimeAsync(0);
    expect(page.seen.insertions).toBeGreaterThan(before);

    // The page calms down: a new row keeps its badge, and a re-render of a given-up row brings its badge back.
    page.stop();
    await vi.advanceTimersByTimeAsync(15_000);
    const fresh = addRow(list, ROWS + 2);
    await vi.advanceTimersByTimeAsync(0);
    expect(fresh.getElementsByTagName(BADGE_TAG)).toHaveLength(1);
    const first = list.firstElementChild!;
    expect(first.getElementsByTagName(BADGE_TAG)).toHaveLength(0);
    first.lastElementChild!.textContent = '还剩1天2时';
    await vi.advanceTimersByTimeAsync(0);
    expect(first.getElementsByTagName(BADGE_TAG)).toHaveLength(1);
    expect(board.snapshot().givenUp).toBe(ROWS - 1);
    expect(errors).toEqual([]);
  });

  it('a page that re-renders a row now and then (not as fast as the host goes in) keeps its badge every time', async () => {
    const row = addRow(list, 1);
    addRow(list, 2);
    watchRows(ctx, document.documentElement, { board, onBatch: () => undefined });
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 12; i++) {
      await vi.advanceTimersByTimeAsync(1000);
      row.querySelector(BADGE_TAG)!.remove();
      await vi.advanceTimersByTimeAsync(0);
      expect(row.getElementsByTagName(BADGE_TAG)).toHaveLength(1);
    }
    expect(board.snapshot().givenUp).toBe(0);
  });
});
