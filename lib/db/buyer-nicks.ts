// Buyer nicknames are personal data: stored only while the agent allows it (settings.storeBuyerNick, default off),
// and forgotten from every stored refund when the agent turns it off.
import type { RefundRadarDb, StoredRefund } from './schema';

/** The record without its buyer nickname (the same object when it has none). */
export function withoutBuyerNick<T extends { buyerNick?: string }>(record: T): T {
  if (record.buyerNick === undefined) return record;
  const { buyerNick: _nick, ...rest } = record;
  return rest as T;
}

/** Removes the nickname from every stored refund; returns how many had one. */
export function forgetBuyerNicks(db: RefundRadarDb): Promise<number> {
  return db.refunds
    .filter((r) => r.buyerNick !== undefined)
    .modify((r: StoredRefund) => {
      delete r.buyerNick;
    });
}
