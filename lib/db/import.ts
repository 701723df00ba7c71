// Importing a JSON export (lib/export/json.ts) into the local history. Never deletes; merges by refund number.
//
// Rules (issue "JSON export and import"; domain.md §6.5 "the earliest intervenedAt and the latest status win"):
// - A corrupt or foreign file, or a wrong format version, is refused before anything is written.
// - Each refund is validated on its own: a bad one is rejected with its reason, the others are imported.
// - Refunds merge by refundId (mergeImportedRefund): the newer status snapshot wins as a whole (a completed one wins
//   over an open one whatever its time: completion is terminal, as in merge.ts), so an older file never moves a
//   refund back; fields are never erased (a field the winner lacks is taken from the other); the earliest
//   intervenedAt / firstSeenAt / returnSignedAt and the latest lastSeenAt are kept.
// - Events are added unless the same [refundId+status+at] is stored: the union of both histories. Events of a
//   refund that is neither stored nor imported (its record was rejected) are skipped and counted as rejected.
// - Paid orders (typed in by the user, no time stamp): a date missing locally is added; a date stored with another
//   count keeps the local count by default and is listed in `conflicts` (mode 'keep'); mode 'replace' takes the
//   file's count instead (counted as updated). Keeping is the default because an import is usually an older backup
//   or another computer's copy, and silently overwriting what the user typed here would be the surprise.
// - Settings are imported only when none are stored here ('imported'), otherwise the local ones stay ('kept'). A
//   file's settings of any earlier version (0.1.0's carry none) are migrated and validated, then stored as the
//   current version; a newer version's are stored as that version wrote them (this build reads what it knows of
//   them, and the newer build, once back, reads them whole).
// - All writes happen in ONE rw transaction: any failure rolls everything back and the report says nothing changed.
import {
  describeIssues,
  parseEnvelope,
  PaidOrdersDaySchema,
  RefundEventSchema,
  StoredRefundSchema,
} from '../export/json';
import { SettingsSchema } from '../settings/settings';
import { readSettings, toStoredSettings } from '../settings/stored';
import { migrateSettings, SETTINGS_VERSION, storedSettingsVersion } from '../settings/versions';
import { withoutBuyerNick } from './buyer-nicks';
import { isCompleted } from '../status/classify';
import type { PaidOrdersDay, RefundEvent, RefundRadarDb, StoredRefund } from './schema';
import { SETTINGS_KEY } from '../storage/keys';

interface ImportRejection {
  refundId?: string;
  reason: string;
}

export type ImportReport =
  | {
      ok: true;
      /** Refunds not stored before. */
      added: number;
      /** Stored refunds the file changed. */
      updated: number;
      /** Stored refunds the file had nothing new for. */
      unchanged: number;
      /** Refund records (and paid-order entries, settings) that failed validation, with the reason. */
      rejected: ImportRejection[];
      events: { added: number; duplicate: number; rejected: number };
      paidOrders: { added: number; updated: number; unchanged: number; conflicts: string[] };
      settings: 'kept' | 'imported';
    }
  | { ok: false; error: string };

interface ImportOptions {
  /** What a paid-order date stored with another count gets: the local count ('keep', default) or the file's. */
  paidOrders?: 'keep' | 'replace';
}

const KEY_ORDER: ReadonlyArray<keyof StoredRefund> = [
  'refundId', 'orderId', 'status', 'statusText', 'actor', 'type', 'phase', 'goodsState', 'amountFen', 'appliedAt',
  'completedAt', 'completedAtPrecision', 'intervenedAt', 'sellerAtFault', 'sellerTimeout', 'statusSince',
  'statusSincePrecision', 'statusFirstSeenAt', 'prevStatusSeenUntil', 'pageDeadline', 'returnSignedAt', 'deadlineAt',
  'buyerNick', 'firstSeenAt', 'lastSeenAt',
];

/** Fields of the status snapshot: they belong together and come from the winning record only. */
const STATUS_FIELDS: ReadonlyArray<keyof StoredRefund> = [
  'status', 'statusText', 'actor', 'statusSince', 'statusSincePrecision', 'statusFirstSeenAt', 'prevStatusSeenUntil',
  'pageDeadline', 'deadlineAt',
];
/** Facts about the refund: the winner's value, else the other's (never erased). */
const FILL_FIELDS: ReadonlyArray<keyof StoredRefund> = [
  'orderId', 'type', 'phase', 'goodsState', 'amountFen', 'appliedAt', 'sellerAtFault', 'sellerTimeout', 'buyerNick',
];

const minDefined = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : Math.min(a, b));

/** True when `b`'s status snapshot is newer than `a`'s: completion first (terminal), then lastSeenAt; ties keep `a`. */
function isNewer(a: StoredRefund, b: StoredRefund): boolean {
  const aDone = isCompleted(a.status);
  const bDone = isCompleted(b.status);
  if (aDone !== bDone) return bDone;
  return b.lastSeenAt > a.lastSeenAt;
}

/** Merges an imported snapshot into the stored one (pure). The stored record is returned unchanged when equal. */
export function mergeImportedRefund(stored: StoredRefund | undefined, incoming: StoredRefund): StoredRefund {
  if (!stored) return ordered(incoming);
  const [win, other] = isNewer(stored, incoming) ? [incoming, stored] : [stored, incoming];
  const out: Partial<Record<keyof StoredRefund, unknown>> = { refundId: stored.refundId };
  for (const k of STATUS_FIELDS) out[k] = win[k];
  for (const k of FILL_FIELDS) out[k] = win[k] !== undefined ? win[k] : other[k];
  out.intervenedAt = minDefined(win.intervenedAt, other.intervenedAt);
  out.returnSignedAt = minDefined(win.returnSignedAt, other.returnSignedAt);
  out.firstSeenAt = Math.min(win.firstSeenAt, other.firstSeenAt);
  out.lastSeenAt = Math.max(win.lastSeenAt, other.lastSeenAt);
  if (isCompleted(win.status)) {
    // A printed completion time beats a first-seen one; among the same kind, the earliest.
    const candidates = [win, other].filter((r) => isCompleted(r.status) && r.completedAt !== undefined);
    const page = candidates.filter((r) => r.completedAtPrecision === 'page');
    const pool = page.length > 0 ? page : candidates;
    const best = pool.reduce<StoredRefund | undefined>((b, r) => (!b || r.completedAt! < b.completedAt! ? r : b), undefined);
    out.completedAt = best?.completedAt;
    out.completedAtPrecision = best?.completedAtPrecision;
  }
  return ordered(out as StoredRefund);
}

/** Same key order as merge.ts, no undefined keys (so stored records compare equal by JSON). */
function ordered(r: StoredRefund): StoredRefund {
  const out: Record<string, unknown> = {};
  for (const k of KEY_ORDER) if (r[k] !== undefined) out[k] = r[k];
  return out as unknown as StoredRefund;
}

/** Key-order independent deep equality of plain JSON data. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

const eventKey = (e: { refundId: string; status: string; at: number }) => `${e.refundId}|${e.status}|${e.at}`;

function refundIdOf(raw: unknown): string | undefined {
  const id = raw && typeof raw === 'object' ? (raw as { refundId?: unknown }).refundId : undefined;
  return typeof id === 'string' ? id.slice(0, 40) : undefined;
}

export async function importJson(db: RefundRadarDb, text: string, options: ImportOptions = {}): Promise<ImportReport> {
  const envelope = parseEnvelope(text);
  if (!envelope.ok) return envelope;
  const file = envelope.file;
  const rejected: ImportRejection[] = [];

  // Validate outside the transaction (pure work; the transaction stays short).
  const incoming = new Map<string, StoredRefund>();
  file.refunds.forEach((raw, i) => {
    const parsed = StoredRefundSchema.safeParse(raw);
    if (!parsed.success) {
      const refundId = refundIdOf(raw);
      rejected.push({ ...(refundId !== undefined && { refundId }), reason: `退款记录 #${i + 1} 无效 / refund record #${i + 1} is invalid: ${describeIssues(parsed.error)}` });
      return;
    }
    const r = parsed.data as StoredRefund;
    incoming.set(r.refundId, mergeImportedRefund(incoming.get(r.refundId), r));
  });

  let eventsRejected = 0;
  const fileEvents = new Map<string, RefundEvent>();
  let duplicateInFile = 0;
  for (const raw of file.events) {
    const parsed = RefundEventSchema.safeParse(raw);
    if (!parsed.success) {
      eventsRejected++;
      continue;
    }
    const e = parsed.data as RefundEvent;
    if (fileEvents.has(eventKey(e))) duplicateInFile++;
    else fileEvents.set(eventKey(e), e);
  }

  const paid = new Map<string, PaidOrdersDay>();
  for (const raw of file.paidOrders) {
    const parsed = PaidOrdersDaySchema.safeParse(raw);
    if (!parsed.success) {
      rejected.push({ reason: `成交笔数 / paid orders ${JSON.stringify(raw)?.slice(0, 60)}: ${describeIssues(parsed.error)}` });
      continue;
    }
    paid.set(parsed.data.date, parsed.data);
  }

  let settingsValue: unknown;
  if (file.settings !== null && file.settings !== undefined) {
    const version = storedSettingsVersion(file.settings);
    if (version !== undefined && version > SETTINGS_VERSION) {
      settingsValue = file.settings;
    } else {
      const parsed = SettingsSchema.safeParse(migrateSettings(file.settings));
      if (parsed.success) settingsValue = toStoredSettings(parsed.data);
      else rejected.push({ reason: `设置无效，未导入 / settings are invalid, not imported: ${describeIssues(parsed.error)}` });
    }
  }

  try {
    return await db.transaction('rw', [db.refunds, db.events, db.paidOrders, db.settings], async () => {
      // Nicknames in the file are stored only if this profile allows it (its settings, else the file's).
      const localSettings = (await db.settings.get(SETTINGS_KEY))?.value;
      if (!readSettings(localSettings ?? settingsValue).storeBuyerNick) {
        for (const [id, r] of incoming) incoming.set(id, withoutBuyerNick(r));
      }
      const ids = [...incoming.keys()];
      const stored = await db.refunds.bulkGet(ids);
      let added = 0;
      let updated = 0;
      let unchanged = 0;
      const puts: StoredRefund[] = [];
      ids.forEach((id, i) => {
        const before = stored[i];
        const next = mergeImportedRefund(before, incoming.get(id)!);
        if (!before) {
          added++;
          puts.push(next);
        } else if (canonical(before) === canonical(next)) {
          unchanged++;
        } else {
          updated++;
          puts.push(next);
        }
      });
      if (puts.length > 0) await db.refunds.bulkPut(puts);

      // Events need their refund: imported now or stored already.
      const eventIds = [...new Set([...fileEvents.values()].map((e) => e.refundId))].filter((id) => !incoming.has(id));
      const known = new Set((await db.refunds.bulkGet(eventIds)).flatMap((r) => (r ? [r.refundId] : [])));
      const toAdd: RefundEvent[] = [];
      for (const e of fileEvents.values()) {
        if (incoming.has(e.refundId) || known.has(e.refundId)) toAdd.push(e);
        else eventsRejected++;
      }
      const eventsAdded = await addNewEvents(db, toAdd);

      const storedPaid = await db.paidOrders.bulkGet([...paid.keys()]);
      const paidReport = { added: 0, updated: 0, unchanged: 0, conflicts: [] as string[] };
      const paidPuts: PaidOrdersDay[] = [];
      [...paid.values()].forEach((p, i) => {
        const local = storedPaid[i];
        if (!local) {
          paidReport.added++;
          paidPuts.push(p);
        } else if (local.count === p.count) {
          paidReport.unchanged++;
        } else if (options.paidOrders === 'replace') {
          paidReport.updated++;
          paidPuts.push(p);
        } else {
          paidReport.conflicts.push(p.date);
        }
      });
      if (paidPuts.length > 0) await db.paidOrders.bulkPut(paidPuts);

      let settings: 'kept' | 'imported' = 'kept';
      if (settingsValue !== undefined && (await db.settings.get(SETTINGS_KEY)) === undefined) {
        await db.settings.put({ key: SETTINGS_KEY, value: settingsValue });
        settings = 'imported';
      }

      return {
        ok: true as const,
        added,
        updated,
        unchanged,
        rejected,
        events: { added: eventsAdded, duplicate: duplicateInFile + (toAdd.length - eventsAdded), rejected: eventsRejected },
        paidOrders: paidReport,
        settings,
      };
    });
  } catch (e) {
    const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return { ok: false, error: `导入失败，数据未作任何更改 / import failed, nothing was changed (${detail})` };
  }
}

const SMALL_EVENT_IMPORT = 500;

/** Adds the events not stored yet (unique [refundId+status+at]); returns how many were added. */
async function addNewEvents(db: RefundRadarDb, events: RefundEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  // Look the keys up first rather than relying on failed adds: a failed request inside a transaction is only safe
  // to swallow when it is a ConstraintError, and an explicit lookup keeps the count exact. Only index keys are read
  // (no records). A small import asks for its own keys; a large one reads the whole unique index in one request,
  // which is cheaper than thousands of anyOf cursor jumps.
  const index = '[refundId+status+at]';
  const wanted = events.map((e): [string, string, number] => [e.refundId, e.status, e.at]);
  const keys =
    wanted.length <= SMALL_EVENT_IMPORT
      ? await db.events.where(index).anyOf(wanted).keys()
      : await db.events.orderBy(index).keys();
  const existing = new Set(keys.map((k) => (k as unknown[]).join('|')));
  const fresh = events.filter((e) => !existing.has(eventKey(e)));
  if (fresh.length > 0) await db.events.bulkAdd(fresh);
  return fresh.length;
}
