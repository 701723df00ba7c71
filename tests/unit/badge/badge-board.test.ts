// @vitest-environment happy-dom
import { signal } from '@preact/signals';
import { beforeEach, describe, expect, it } from 'vitest';
import { BadgeBoard } from '@/components/badge/badge-board';
import type { DescribeContext } from '@/lib/deadline/describe';
import { badgeAnchor, createReadContext, findRefundRows, readRefundRow } from '@/lib/page/read-page';

const NOW = Date.UTC(2026, 10, 21, 2, 0); // 10:00 Beijing

function card(id: string, status: string, deadline = '还剩1天2时3分') {
  return `<li><p>退款编号：${id}</p><p>订单号：3000000000000000001</p><p>申请时间：2026-11-20 14:03:00</p><p>售后状态：${status}</p><p>${deadline}</p></li>`;
}

function makeBoard() {
  return new BadgeBoard({
    now: signal(NOW),
    context: signal<DescribeContext>({}),
    lang: 'zh',
    read: readRefundRow,
    anchor: badgeAnchor,
  });
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
    const now = signal(NOW);
    const board = new BadgeBoard({ now, context: signal<DescribeContext>({}), lang: 'zh', read: readRefundRow, anchor: badgeAnchor });
    const ctx = createReadContext(document);
    board.refresh(findRefundRows(document.body, ctx), ctx, NOW);
    expect(hosts()[0]!.dataset.state).toBe('soon');
    now.value = NOW + 2 * 3_600_000;
    expect(hosts()[0]!.dataset.state).toBe('urgent');
    now.value = NOW + 8 * 3_600_000;
    expect(hosts()[0]!.dataset.state).toBe('overdue');
  });
});
