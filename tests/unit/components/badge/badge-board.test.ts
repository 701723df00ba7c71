// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { BadgeBoard } from '@/components/badge/badge-board';
import { badgeAnchor } from '@/lib/page/anchor';
import { createReadContext, readRefundRow } from '@/lib/page/read-page';
import { findRefundRows } from '../../page/reference-reader';

const NOW = Date.UTC(2026, 10, 21, 2, 0); // 10:00 Beijing

function card(id: string, status: string, deadline = '还剩1天2时3分') {
  return `<li><p>退款编号：${id}</p><p>订单号：3000000000000000001</p><p>申请时间：2026-11-20 14:03:00</p><p>售后状态：${status}</p><p>${deadline}</p></li>`;
}

function makeBoard() {
  return new BadgeBoard({ lang: 'zh', read: readRefundRow, anchor: badgeAnchor });
}

function sync(board: BadgeBoard) {
  const ctx = createReadContext(document);
  board.prune();
  board.refresh(findRefundRows(document.body, ctx), ctx, NOW);
}

const hosts = () => [...document.querySelectorAll('refund-radar-badge')] as HTMLElement[];

describe('BadgeBoard', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('puts one host with the contract attributes in each row, and no second one on a re-read', () => {
    document.body.innerHTML = `<ul>${card('200000000000000001', '买家已经申请退款，等待卖家同意')}${card('200000000000000002', '退款成功', '')}</ul>`;
    const board = makeBoard();
    sync(board);
    sync(board);
    expect(hosts().map((h) => [h.dataset.refundId, h.dataset.status, h.dataset.actor, h.dataset.state, h.dataset.deadlineSource])).toEqual([
      ['200000000000000001', 'wait_seller_agree', 'seller', 'ok', 'page'],
      ['200000000000000002', 'success', 'none', 'done', undefined],
    ]);
    expect(hosts()[0]!.dataset.deadline).toBe('2026-11-22T04:03:00.000Z');
    expect(hosts()[0]!.closest('li')!.textContent).toContain('200000000000000001');
    const shown = hosts()[0]!.shadowRoot!.textContent;
    expect(shown).toContain('正常');
    expect(shown).toContain('还剩 1天 2时');
    expect(shown).toContain('待商家处理');
    expect(hosts()[0]!.shadowRoot!.querySelector('[title]')!.getAttribute('title')).toContain('截止：2026-11-22 12:03（北京时间）');
  });

  it('updates the host in place when the page reuses a row element for another refund', () => {
    document.body.innerHTML = `<ul>${card('200000000000000001', '待商家处理')}${card('200000000000000003', '待商家处理')}</ul>`;
    const board = makeBoard();
    sync(board);
    const first = document.querySelector('li')!;
    first.innerHTML = card('200000000000000009', '卖家拒绝退款', '还剩 5时').replace(/^<li>|<\/li>$/g, '');
    board.refresh([first], createReadContext(document), NOW);
    expect(hosts()).toHaveLength(2);
    const host = first.querySelector('refund-radar-badge') as HTMLElement;
    expect([host.dataset.refundId, host.dataset.status, host.dataset.actor, host.dataset.state]).toEqual(['200000000000000009', 'seller_refused', 'buyer', 'urgent']);
  });

  it('forgets rows that left the page and removes the host of a row that became unreadable', () => {
    document.body.innerHTML = `<ul>${card('200000000000000001', '待商家处理')}${card('200000000000000002', '待商家处理')}${card('200000000000000003', '待商家处理')}</ul>`;
    const board = makeBoard();
    sync(board);
    const [a, b] = document.querySelectorAll('li');
    a!.remove();
    b!.querySelector('p')!.textContent = '退款编号：—';
    board.prune();
    board.refresh([b!], createReadContext(document), NOW);
    expect(board.size).toBe(1);
    expect(hosts().map((h) => h.dataset.refundId)).toEqual(['200000000000000003']);
    expect(board.snapshot().problems).toEqual([expect.objectContaining({ field: 'refundId' })]);
  });

  it('removes a stray host left in a row by an earlier instance', () => {
    document.body.innerHTML = `<ul>${card('200000000000000001', '待商家处理')}${card('200000000000000002', '待商家处理')}</ul>`;
    document.querySelector('li p')!.append(document.createElement('refund-radar-badge'));
    const board = makeBoard();
    sync(board);
    expect(hosts()).toHaveLength(2);
  });

  it('removeAll takes every host away', () => {
    document.body.innerHTML = `<ul>${card('200000000000000001', '待商家处理')}${card('200000000000000002', '待商家处理')}</ul>`;
    const board = makeBoard();
    sync(board);
    board.removeAll();
    expect(hosts()).toHaveLength(0);
    expect(board.size).toBe(0);
  });

  it('the ticker moves the state without re-reading the page', () => {
    document.body.innerHTML = `<ul>${card('200000000000000001', '待商家处理', '还剩 7时')}${card('200000000000000002', '退款成功', '')}</ul>`;
    const board = makeBoard();
    const ctx = createReadContext(document);
    board.refresh(findRefundRows(document.body, ctx), ctx, NOW);
    expect(hosts()[0]!.dataset.state).toBe('soon');
    board.tick(NOW + 2 * 3_600_000);
    expect(hosts()[0]!.dataset.state).toBe('urgent');
    board.tick(NOW + 8 * 3_600_000);
    expect(hosts()[0]!.dataset.state).toBe('overdue');
  });

  it('a tick writes only to the badges whose text or state it changes', async () => {
    const [soon, later, done] = ['200000000000000001', '200000000000000002', '200000000000000003'];
    document.body.innerHTML = `<ul>${card(soon, '待商家处理', '还剩 7时')}${card(later, '待商家处理', '还剩3天2时3分')}${card(done, '退款成功', '')}</ul>`;
    const board = makeBoard();
    sync(board);
    const touched = new Set<string>();
    const watcher = new MutationObserver((records) => {
      for (const r of records) {
        const root = r.target.getRootNode();
        const host = (root instanceof ShadowRoot ? root.host : r.target) as HTMLElement;
        touched.add(host.dataset.refundId!);
      }
    });
    for (const h of hosts()) {
      watcher.observe(h, { attributes: true });
      watcher.observe(h.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
    }
    const changes = async (now: number) => {
      board.tick(now);
      await Promise.resolve();
      const out = [...touched].sort();
      touched.clear();
      return out;
    };
    // Deadlines NOW + 7 h and NOW + 3 d 2 h 3 min (read at NOW).
    expect(await changes(NOW + 1)).toEqual([soon]); // 还剩 6时59分; the other still says 3天 2时
    expect(hosts()[0]!.shadowRoot!.textContent).toContain('还剩 6时59分');
    expect(await changes(NOW + 30_000)).toEqual([]); // same minute: nothing to write
    expect(await changes(NOW + 60_001)).toEqual([soon]);
    expect(await changes(NOW + 3 * 60_000 + 1)).toEqual([later, soon].sort()); // 还剩 3天 1时
    expect(hosts()[1]!.shadowRoot!.textContent).toContain('还剩 3天 1时');
    expect(hosts()[2]!.shadowRoot!.textContent).toContain('已完结');
  });

  it('the background\'s thresholds and history reach the badges', () => {
    const id = '200000000000000001';
    document.body.innerHTML = `<ul>${card(id, '待商家处理', '还剩 20时')}${card('200000000000000002', '待商家处理')}</ul>`;
    const board = makeBoard();
    sync(board);
    expect(hosts()[0]!.dataset.state).toBe('soon');
    board.setContext({ thresholds: { seller: { urgentHours: 21, soonHours: 30 }, buyer: { urgentHours: 12, soonHours: 48 } } });
    expect(hosts()[0]!.dataset.state).toBe('urgent');
    const impact = { disputeRate: [0.001, 0.002] as [number, number], completionDays: [2.4, 2.3, 2.5] as [number, number, number], selfCompletionRate: [0.9, 0.91, 0.89] as [number, number, number] };
    board.applyKnown({ [id]: { impact } });
    expect(hosts()[0]!.shadowRoot!.querySelector('[title]')!.getAttribute('title')).toContain('若介入：纠纷率 0.1000%→0.2000%');
    expect(hosts()[0]!.shadowRoot!.querySelector('[aria-label]')!.getAttribute('aria-label')).toMatch(/^退款雷达：紧急，还剩 20时00分。/);
  });
});
