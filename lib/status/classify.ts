// Status text → normalized status (domain.md §2.1 "Classifying status text"). First match wins; order matters:
// rule 5 (等待买家退货) must precede rule 6 (买家退货), and 介入 precedes the open statuses.
import type { Actor, RefundStatus, RefundType } from '../model/vocabulary';
import { compactText } from '../text/normalize';

const RULES: ReadonlyArray<readonly [RefundStatus, readonly string[]]> = [
  ['success', ['退款成功', '售后成功', '换货成功']],
  ['closed', ['退款关闭', '售后关闭', '换货关闭']],
  ['intervening', ['介入', '举证中']], // 举证中 is an API string of an active intervention (§2.1)
  ['seller_refused', ['拒绝', '不同意', '待买家修改']],
  ['wait_buyer_return', ['等待买家退货', '待买家退货', '待买家发货', '商家已同意', '卖家已经同意']],
  ['wait_seller_confirm', ['等待卖家确认收货', '待商家确认收货', '待商家收货', '买家已退货', '买家已经退货', '买家退货', '待收货']],
  ['wait_seller_agree', ['等待卖家同意', '待商家处理', '退款待处理', '换货待处理', '等待卖家确认退货地址', '待卖家处理']],
];

/** Classifies the text of the status cell only (never the whole row: its buttons say 申请介入). */
export function classifyStatus(statusText: string): RefundStatus {
  const text = compactText(statusText);
  if (!text) return 'unknown';
  for (const [status, needles] of RULES) {
    if (needles.some((n) => text.includes(n))) return status;
  }
  return 'unknown';
}

// Recognised but unmodelled statuses that still name who acts (§2.1, last row): 7 and 13 buyer, 12 and 14 seller.
const UNKNOWN_BUYER = ['等待买家确认重新邮寄', '待买家收货'];
const UNKNOWN_SELLER = ['待发出换货商品', '请退款'];

/** Who must act next in a status (§2.1 `data-actor`); the text only matters for the `unknown` status. */
export function actorFor(status: RefundStatus, statusText = ''): Actor {
  switch (status) {
    case 'unknown': {
      const text = compactText(statusText);
      if (UNKNOWN_BUYER.some((n) => text.includes(n))) return 'buyer';
      if (UNKNOWN_SELLER.some((n) => text.includes(n))) return 'seller';
      return 'none';
    }
    case 'wait_seller_agree':
    case 'wait_seller_confirm':
      return 'seller';
    case 'wait_buyer_return':
    case 'seller_refused':
      return 'buyer';
    case 'intervening':
      return 'platform';
    default:
      return 'none';
  }
}

/** Completed = 退款成功 or 退款关闭 (§1 完结). */
export function isCompleted(status: RefundStatus): boolean {
  return status === 'success' || status === 'closed';
}

/** Reads the refund type from a label such as "仅退款(售中)" / "退货退款" / "换货" / the detail page's "要求: 退款". */
export function classifyType(text: string): RefundType | undefined {
  const t = compactText(text);
  if (t.includes('换货')) return 'exchange';
  if (t.includes('退货')) return 'return_refund';
  if (t.includes('仅退款') || t === '退款' || t.endsWith(':退款')) return 'refund_only';
  return undefined;
}
