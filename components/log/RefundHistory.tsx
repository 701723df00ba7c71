// The status history of one refund (db.events by refundId, oldest first) plus the facts that are not columns.
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/components/i18n';
import type { RefundEvent, RefundRadarDb, StoredRefund } from '@/lib/db/schema';
import { deadlineSourceOf } from '@/lib/export/csv';
import { formatBeijing } from '@/lib/time/beijing';
import { statusLabel } from './labels';

interface RefundHistoryProps {
  db: RefundRadarDb;
  refund: StoredRefund;
  id?: string;
}

type Load = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; events: RefundEvent[] };

/** Events of one refund, oldest first (ties by id: the order they were written in). */
async function loadHistory(db: RefundRadarDb, refundId: string): Promise<RefundEvent[]> {
  const events = await db.events.where('refundId').equals(refundId).toArray();
  return events.sort((a, b) => a.at - b.at || (a.id ?? 0) - (b.id ?? 0));
}

export function RefundHistory({ db, refund, id }: RefundHistoryProps) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    setLoad({ kind: 'loading' });
    loadHistory(db, refund.refundId).then(
      (events) => live && setLoad({ kind: 'ready', events }),
      (err: unknown) => live && setLoad({ kind: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
  }, [db, refund.refundId]);

  const source = deadlineSourceOf(refund);
  const facts: [string, string][] = [[t('log_firstSeen'), formatBeijing(refund.firstSeenAt)]];
  if (refund.deadlineAt !== undefined) {
    facts.push([t('log_deadlineAt'), `${formatBeijing(refund.deadlineAt)}${source === 'rule' ? ` (${t('log_deadlineRule')})` : source === 'page' ? ` (${t('log_deadlinePage')})` : ''}`]);
  }
  if (refund.intervenedAt !== undefined) facts.push([t('log_intervenedAt'), formatBeijing(refund.intervenedAt)]);
  if (refund.buyerNick !== undefined) facts.push([t('log_buyerNick'), refund.buyerNick]);

  return (
    <div class="history" id={id} data-testid="history">
      <h3 class="history-title">{t('log_historyTitle', refund.refundId)}</h3>
      <dl class="facts">
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {load.kind === 'loading' && <p class="muted">{t('log_historyLoading')}</p>}
      {load.kind === 'error' && <p class="bad" role="alert">{t('log_historyError', load.message)}</p>}
      {load.kind === 'ready' && load.events.length === 0 && <p class="muted">{t('log_historyEmpty')}</p>}
      {load.kind === 'ready' && load.events.length > 0 && (
        <ol class="events">
          {load.events.map((e) => (
            <li key={e.id ?? `${e.status}-${e.at}`} data-testid="history-event">
              <time>{formatBeijing(e.at, true)}</time>
              <span class="status-tag">{statusLabel(e.status)}</span>
              <span class="status-text">{e.statusText}</span>
              <span class="muted precision">{e.precision === 'page' ? t('log_precisionPage') : t('log_precisionFirstSeen')}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
