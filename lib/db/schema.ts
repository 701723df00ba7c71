// The local history (IndexedDB via Dexie). Used only by the background service worker and extension pages, never
// by content scripts: a content script runs in the seller center's origin, whose IndexedDB is not ours.
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { Actor, GoodsState, Phase, RefundStatus, RefundType, SeenPrecision, StatusSincePrecision } from '../model/vocabulary';
import type { PageDeadline } from '../model/page-deadline';

export const DB_NAME = 'refund-radar';

export type { SeenPrecision, StatusSincePrecision };

/** A deadline read from the page's own text, kept with the status it was read in (§3 "A page reading outlives the page"). */
export interface StoredPageDeadline {
  deadline: PageDeadline;
  status: RefundStatus;
  readAt: number;
}

/** The latest snapshot of one refund. Optional fields: not (yet) shown by any page seen. All times epoch ms (UTC). */
export interface StoredRefund {
  refundId: string;
  orderId?: string;
  status: RefundStatus;
  statusText: string;
  /** actorFor(status), stored so "open seller refunds by deadline" is one index range. */
  actor: Actor;
  type?: RefundType;
  phase?: Phase;
  goodsState?: GoodsState;
  amountFen?: number;
  appliedAt?: number;
  completedAt?: number;
  completedAtPrecision?: SeenPrecision;
  /** Earliest time seen intervening; never cleared once set (§2.2, §6.5). */
  intervenedAt?: number;
  /** Not readable from the pages yet; kept for imports and later readers (§6.10). */
  sellerAtFault?: boolean;
  sellerTimeout?: boolean;
  statusSince: number;
  statusSincePrecision: StatusSincePrecision;
  /** First time Refund Radar saw the refund in its current status (§3 start, step 3). */
  statusFirstSeenAt: number;
  /**
   * Latest time another status was seen before the current one. Bounds how far an out-of-order observation may move
   * statusFirstSeenAt back. Absent when the refund was first seen in its current status.
   */
  prevStatusSeenUntil?: number;
  /** Only ever in the current status: discarded when the status changes (§3). */
  pageDeadline?: StoredPageDeadline;
  /** First time the return was seen signed for or refused (R5a). */
  returnSignedAt?: number;
  /** Best deadline known at the last write (page reading, else rule estimate); open refunds only. Indexed. */
  deadlineAt?: number;
  /** Only when the agent turned on 保存买家昵称 (settings.storeBuyerNick); forgotten when it is turned off. */
  buyerNick?: string;
  firstSeenAt: number;
  lastSeenAt: number;
}

/** One status transition. `at` is page-printed (`page`) or the first time the new status was seen. */
export interface RefundEvent {
  id?: number;
  refundId: string;
  status: RefundStatus;
  at: number;
  precision: SeenPrecision;
  statusText: string;
}

/** 支付宝成交笔数 of one Beijing date (§6.1). */
export interface PaidOrdersDay {
  date: string; // YYYY-MM-DD, Beijing
  count: number;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export interface SchemaVersion {
  version: number;
  /** Dexie store specs. A shipped version's specs never change: add a version instead. */
  stores: Record<string, string | null>;
  /** Data migration from the previous version, run once by Dexie inside the upgrade transaction. */
  upgrade?: (tx: Transaction) => Promise<void>;
}

/**
 * Every version, oldest first. To add v2: append { version: 2, stores: {…changed tables only…}, upgrade } and one
 * case in tests/unit/db/schema.test.ts (UPGRADE_CASES).
 */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      // [actor+deadlineAt]: records without a deadline (completed, unknown) are simply absent from the index, so
      // "open seller refunds, most urgent first" is one range scan.
      refunds: 'refundId, status, appliedAt, completedAt, intervenedAt, lastSeenAt, orderId, [actor+deadlineAt]',
      // The unique compound index is the dedupe: the same transition can never be stored twice.
      events: '++id, &[refundId+status+at], refundId, at',
      paidOrders: 'date',
      settings: 'key',
    },
  },
];

export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

export interface DbOptions {
  /** For tests: an isolated IDBFactory / IDBKeyRange (fake-indexeddb). */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  /** For migration tests: declare only the versions up to this one. */
  upToVersion?: number;
}

export class RefundRadarDb extends Dexie {
  refunds!: EntityTable<StoredRefund, 'refundId'>;
  events!: EntityTable<RefundEvent, 'id'>;
  paidOrders!: EntityTable<PaidOrdersDay, 'date'>;
  settings!: EntityTable<SettingRow, 'key'>;

  constructor(options: DbOptions = {}) {
    const { upToVersion = LATEST_VERSION, ...deps } = options;
    super(DB_NAME, deps.indexedDB ? { indexedDB: deps.indexedDB, IDBKeyRange: deps.IDBKeyRange } : undefined);
    for (const v of SCHEMA_VERSIONS) {
      if (v.version > upToVersion) break;
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
  }
}
