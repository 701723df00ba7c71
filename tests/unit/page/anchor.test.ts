// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { badgeAnchor, isPageRow } from '@/lib/page/anchor';
import { findRefundRows } from './reference-reader';
import { REFUNDS } from './fixtures/data';
import { ariaGrid, cardList, fusionList, legacyList, plainTable } from './fixtures/layouts';

function anchors(html: string) {
  document.body.innerHTML = html;
  return findRefundRows(document).map((row) => ({ row, ...badgeAnchor(row) }));
}

describe('badgeAnchor', () => {
  it('fusion table: at the end of the first cell with content (not the checkbox cell)', () => {
    for (const { row, parent, before } of anchors(fusionList(REFUNDS))) {
      expect(parent.localName).toBe('td');
      expect(parent.textContent).toContain('订单号');
      expect(row.contains(parent)).toBe(true);
      expect(before).toBeNull();
    }
  });

  it('plain table and ARIA grid: at the end of the first cell', () => {
    for (const { row, parent, before } of anchors(plainTable(REFUNDS))) {
      expect(parent).toBe(row.firstElementChild);
      expect(before).toBeNull();
    }
    for (const { row, parent } of anchors(ariaGrid(REFUNDS))) {
      expect(parent).toBe(row.querySelector('[role="gridcell"]'));
    }
  });

  it('card list: at the end of the line holding the 退款编号, after its copy link, not inside it', () => {
    const found = anchors(cardList(REFUNDS.slice(0, 3)));
    expect(found).toHaveLength(3);
    for (const { parent, before } of found) {
      expect(parent.textContent).toMatch(/^退款编号：\d{18}复制$/);
      expect(before).toBeNull();
    }
  });

  it('legacy list: in the column holding the detail link, after the link', () => {
    for (const { parent, before } of anchors(legacyList(REFUNDS.slice(0, 4)))) {
      expect(parent.querySelector('a[href*="disputeId"]')).not.toBeNull();
      expect(parent.closest('a, button')).toBeNull();
      expect(before).toBeNull();
    }
  });

  it('never inside a link, even when the whole card is a link', () => {
    const html = `<div>${[1, 2].map((i) => `<a href="/detail?disputeId=20000000000000000${i}"><div>退款编号：20000000000000000${i}</div><div>售后状态：退款成功</div></a>`).join('')}</div>`;
    for (const { row, parent, before } of anchors(html)) {
      expect(parent.closest('a')).toBeNull();
      const host = document.createElement('refund-radar-badge');
      parent.insertBefore(host, before);
      expect(host.previousElementSibling?.localName).toBe('a');
      expect(row.contains(host) || host.previousElementSibling === row || host.previousElementSibling?.contains(row)).toBe(true);
    }
  });

  it('never inside a button', () => {
    const html = `<ul>${[1, 2].map((i) => `<li><button type="button">退款编号：20000000000000000${i}</button><span>退款成功</span></li>`).join('')}</ul>`;
    for (const { parent } of anchors(html)) {
      expect(parent.closest('button')).toBeNull();
    }
  });

  it('a row directly holding the number as text: right after the element that holds it', () => {
    const html = `<ul>${[1, 2].map((i) => `<li><span>退款编号：20000000000000000${i}</span><span>退款成功</span></li>`).join('')}</ul>`;
    for (const { row, parent, before } of anchors(html)) {
      expect(parent).toBe(row);
      expect(before).toBe(row.children[1]);
    }
  });

  it('knows the whole-page row of a detail page', () => {
    document.body.innerHTML = '<div><span>退款编号</span><span>200000000000000001</span></div>';
    const [row] = findRefundRows(document);
    expect(row).toBe(document.body);
    expect(isPageRow(row!)).toBe(true);
    const { parent, before } = badgeAnchor(row!);
    expect(parent).toBe(document.querySelector('div'));
    expect(before).toBeNull();
  });
});
