// One page report from a content script: store what the page shows (idempotent upsert), then answer with what the
// history knows about those refunds (first seen, an earlier page deadline, §3) and what each open one does to the
// indicators (§6.8), so the badges can show it without the content script ever opening the database.
import { indicatorOptions } from '../dashboard/dashboard';
import { refundImpacts } from '../impact';
import { impactNumbers } from '../format/impact';
import type { PageReport } from '../protocol/page-report';
import type { PageReportReply } from '../protocol/page-report-reply';
import { isCompleted } from '../status/classify';
import type { Settings } from '../settings/settings';
import { addDays, beijingDate } from '../time/beijing';
import { withoutBuyerNick } from './buyer-nicks';
import type { FactsCache } from './facts-cache';
import { getPaidOrders, knownFor, knownOf, refundFacts } from './queries';
import type { RefundRadarDb, StoredRefund } from './schema';
import { upsertReturningSnapshots } from './upsert';

/** `cache`: the background's facts copy (see facts-cache.ts); without it the window is read from the database. */
export async function handlePageReport(
  db: RefundRadarDb,
  report: PageReport,
  settings: Settings,
  now: number,
  cache?: FactsCache,
): Promise<PageReportReply> {
  const context = {
    rules: settings.rules,
    thresholds: settings.thresholds,
    platform: settings.platform,
    virtualGoods: settings.virtualGoods,
    returnShipping: settings.returnShipping,
  };
  const ruleOptions = { platform: settings.platform, virtualGoods: settings.virtualGoods, returnShipping: settings.returnShipping };
  let storageError: string | undefined;
  let snapshots: StoredRefund[] | undefined;
  try {
    // Nicknames reach the history only while the agent allows it (保存买家昵称, default off).
    const rows = settings.storeBuyerNick ? report.rows : report.rows.map(withoutBuyerNick);
    snapshots = (await upsertReturningSnapshots(db, rows, now, { rules: settings.rules, ruleOptions })).snapshots;
    // At once, before any other await: concurrent reports reach the copy in the order they were committed.
    cache?.take(snapshots);
  } catch (e) {
    storageError = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
  try {
    return { ok: true, context, known: await knownAbout(db, report, settings, now, cache, snapshots), ...(storageError ? { storageError } : {}) };
  } catch (e) {
    // The badges still work from the page alone; the popup shows why the history could not help.
    return { ok: true, context, known: {}, storageError: storageError ?? (e instanceof Error ? `${e.name}: ${e.message}` : String(e)) };
  }
}

/**
 * Per refund of the report: first seen in its status, an earlier page deadline, and what it does to the indicators.
 * `snapshots`: the refunds as the upsert stored them; without them (it failed) they are read again.
 */
async function knownAbout(
  db: RefundRadarDb,
  report: PageReport,
  settings: Settings,
  now: number,
  cache: FactsCache | undefined,
  snapshots: StoredRefund[] | undefined,
): Promise<PageReportReply['known']> {
  const ids = report.rows.map((r) => r.refundId);
  let stored: ReturnType<typeof knownOf>;
  if (snapshots) stored = knownOf(snapshots);
  else {
    stored = await knownFor(db, ids);
    await cache?.refresh(ids);
  }

  // Impact of the open refunds shown, over the refunds the current window can count.
  const today = beijingDate(now);
  const since = addDays(today, -settings.windowDays);
  const [history, paid] = await Promise.all([
    cache ? cache.get(now).then((r) => r.facts) : refundFacts(db, since),
    getPaidOrders(db, since, today),
  ]);
  const open = new Set(report.rows.filter((r) => !isCompleted(r.status)).map((r) => r.refundId));
  const batch = refundImpacts(history.filter((f) => open.has(f.refundId)), history, paid, now, indicatorOptions(settings));

  const known: PageReportReply['known'] = {};
  for (const id of ids) {
    const k = stored[id];
    const impact = batch.impacts.get(id);
    known[id] = {
      ...(k ? { status: k.status, firstSeenInStatus: k.firstSeenInStatus, statusSince: k.statusSince, statusSincePrecision: k.statusSincePrecision } : {}),
      ...(k?.storedPageDeadline ? { storedPageDeadline: k.storedPageDeadline } : {}),
      ...(k?.returnSignedAt !== undefined ? { returnSignedAt: k.returnSignedAt } : {}),
      ...(impact ? { impact: impactNumbers(batch.current, impact) } : {}),
    };
  }
  return known;
}
