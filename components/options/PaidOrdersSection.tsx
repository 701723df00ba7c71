// 5. 每日支付宝成交笔数: the last 30 Beijing dates (editable, empty = missing), "fill the last N days with X", and
// paste from a spreadsheet (invalid lines are listed with their line number and never stored).
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/components/i18n';
import { describeWriteError, loadPaidOrders, savePaidOrderChanges } from '@/lib/options/store';
import { fillRecentDays, parseCountText, parsePaidOrdersPaste, recentDates, type PasteResult } from '@/lib/options/paid-orders-input';
import { addDays, beijingDate } from '@/lib/time/beijing';
import { Checkbox, SaveBar, statusText, TextField } from './controls';
import type { OptionsStore } from './store';
import type { SaveStatus } from './use-settings-form';

const TABLE_DAYS = 30;

function weekday(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return t(`options_weekday${new Date(Date.UTC(y, m - 1, d)).getUTCDay() as 0 | 1 | 2 | 3 | 4 | 5 | 6}`);
}

function countInputId(date: string): string {
  return `paid-${date}`;
}

function textOf(count: number | undefined): string {
  return count === undefined ? '' : String(count);
}

export function PaidOrdersSection({ store }: { store: OptionsStore }) {
  const today = beijingDate(store.now());
  const dates = recentDates(today, TABLE_DAYS);
  const [saved, setSaved] = useState<Record<string, number> | null>(null);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const [fill, setFill] = useState({ days: String(store.settings.value.windowDays), count: '', onlyMissing: true });
  const [fillStatus, setFillStatus] = useState<string>('');
  const [showFillErrors, setShowFillErrors] = useState(false);
  const [paste, setPaste] = useState('');
  const [pasteResult, setPasteResult] = useState<{ result: PasteResult; saved: boolean; failure?: string } | null>(null);

  useEffect(() => {
    loadPaidOrders(store.db, dates[dates.length - 1]!, today).then(
      (rows) => {
        setSaved(rows);
        setTexts(Object.fromEntries(dates.map((d) => [d, textOf(rows[d])])));
      },
      (err: unknown) => setStatus({ kind: 'failed', ...describeWriteError(err) }),
    );
  }, [today]);

  if (saved === null) {
    return (
      <section id="paid-orders" class="card" aria-labelledby="paid-orders-title" aria-busy="true">
        <h2 id="paid-orders-title">{t('options_paidTitle')}</h2>
        <p role="status">{status.kind === 'failed' ? statusText(status) : t('options_loading')}</p>
      </section>
    );
  }

  const errors: Record<string, boolean> = {};
  for (const d of dates) if (parseCountText(texts[d] ?? '').kind === 'invalid') errors[d] = true;

  const windowDays = store.settings.value.windowDays;
  const windowDates = recentDates(today, windowDays);
  const missing = windowDates.filter((d) => saved[d] === undefined).length;
  const total = windowDates.reduce((sum, d) => sum + (saved[d] ?? 0), 0);

  const setText = (date: string, text: string) => {
    setTexts((prev) => ({ ...prev, [date]: text }));
    setStatus({ kind: 'dirty' });
  };

  const save = async () => {
    const bad = dates.filter((d) => errors[d]);
    if (bad.length > 0) {
      setStatus({ kind: 'invalid', count: bad.length });
      document.getElementById(countInputId(bad[0]!))?.focus();
      return;
    }
    const changes: Record<string, number | null> = {};
    for (const d of dates) {
      const p = parseCountText(texts[d] ?? '');
      const next = p.kind === 'count' ? p.value : null;
      if (next !== (saved[d] ?? null)) changes[d] = next;
    }
    setStatus({ kind: 'saving' });
    try {
      await savePaidOrderChanges(store.db, changes);
      const nextSaved = { ...saved };
      for (const [d, c] of Object.entries(changes)) {
        if (c === null) delete nextSaved[d];
        else nextSaved[d] = c;
      }
      setSaved(nextSaved);
      // Show the canonical form of what was stored ("1,234" → "1234").
      setTexts(Object.fromEntries(dates.map((d) => [d, textOf(nextSaved[d])])));
      setStatus({ kind: 'saved', at: Date.now() });
    } catch (err) {
      setStatus({ kind: 'failed', ...describeWriteError(err) });
    }
  };

  const fillDays = parseCountText(fill.days);
  const fillDaysError = fillDays.kind !== 'count' || fillDays.value < 1 || fillDays.value > TABLE_DAYS ? t('options_errFillDays', String(TABLE_DAYS)) : undefined;
  const fillCount = parseCountText(fill.count);
  const fillCountError = fill.count.trim() !== '' && fillCount.kind !== 'count' ? t('options_errCount') : undefined;
  const doFill = () => {
    setShowFillErrors(true);
    if (fillDaysError || fillCount.kind !== 'count' || fillDays.kind !== 'count') {
      setFillStatus(t('options_fillInvalid'));
      document.getElementById(fillDaysError ? 'fill-days' : 'fill-count')?.focus();
      return;
    }
    const existing = Object.fromEntries(dates.filter((d) => (texts[d] ?? '').trim() !== '').map((d) => [d, true]));
    const filled = fillRecentDays(today, fillDays.value, fillCount.value, existing, fill.onlyMissing);
    const n = Object.keys(filled).length;
    setTexts((prev) => ({ ...prev, ...Object.fromEntries(Object.entries(filled).map(([d, c]) => [d, String(c)])) }));
    setFillStatus(t('options_fillDone', String(n)));
    if (n > 0) setStatus({ kind: 'dirty' });
  };

  const importPaste = async () => {
    const result = parsePaidOrdersPaste(paste, { today });
    const entries = result.entries;
    if (Object.keys(entries).length === 0) {
      setPasteResult({ result, saved: false });
      return;
    }
    try {
      await savePaidOrderChanges(store.db, entries);
      setSaved((prev) => ({ ...(prev ?? {}), ...entries }));
      setTexts((prev) => ({ ...prev, ...Object.fromEntries(Object.entries(entries).filter(([d]) => dates.includes(d)).map(([d, c]) => [d, String(c)])) }));
      setPasteResult({ result, saved: true });
    } catch (err) {
      const e = describeWriteError(err);
      setPasteResult({ result, saved: false, failure: e.quota ? t('options_statusQuota') : t('options_statusFailed', e.detail) });
    }
  };

  const pasteDates = pasteResult ? Object.keys(pasteResult.result.entries).sort() : [];
  return (
    <section id="paid-orders" class="card" aria-labelledby="paid-orders-title">
      <h2 id="paid-orders-title">{t('options_paidTitle')}</h2>
      <p class="intro">{t('options_paidIntro')}</p>
      <p class="summary" data-testid="paid-summary">
        {t('options_paidWindow', String(windowDays), addDays(today, -windowDays + 1), today)}
        {' · '}
        {missing > 0 ? <strong class="warn-text">{t('options_paidMissing', String(missing))}</strong> : t('options_paidComplete')}
        {' · '}
        {t('options_paidTotal', total.toLocaleString('en-US'))}
      </p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <fieldset>
          <legend>{t('options_paidTableLegend', String(TABLE_DAYS))}</legend>
          <div class="paid-grid">
            {dates.map((d) => {
              const id = countInputId(d);
              const inWindow = windowDates.includes(d);
              return (
                <div key={d} class={`paid-cell${inWindow ? '' : ' outside'}${(texts[d] ?? '').trim() === '' ? ' empty' : ''}`}>
                  <TextField
                    id={id}
                    label={
                      <>
                        <span class="paid-date">{d.slice(5)}</span> <span class="paid-weekday">{weekday(d)}</span>
                        <span class="sr-only">{` ${d}`}</span>
                      </>
                    }
                    inputMode="numeric"
                    size="m"
                    placeholder={t('options_paidEmpty')}
                    value={texts[d] ?? ''}
                    error={errors[d] ? { key: 'options_errCountCell' } : undefined}
                    onInput={(text) => setText(d, text)}
                  />
                </div>
              );
            })}
          </div>
        </fieldset>
        <SaveBar id="paid-orders" status={status} />
      </form>

      <form
        class="tool"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          doFill();
        }}
      >
        <fieldset>
          <legend>{t('options_fillLegend')}</legend>
          <div class="row align-end">
            <TextField
              id="fill-days"
              label={t('options_fillDays')}
              unit={t('options_unitDays')}
              inputMode="numeric"
              size="xs"
              value={fill.days}
              error={showFillErrors && fillDaysError ? { key: 'options_errFillDays', params: [String(TABLE_DAYS)] } : undefined}
              onInput={(days) => setFill((f) => ({ ...f, days }))}
            />
            <TextField
              id="fill-count"
              label={t('options_fillCount')}
              unit={t('options_unitOrders')}
              inputMode="numeric"
              size="s"
              value={fill.count}
              error={
                showFillErrors && (fillCountError || fillCount.kind === 'empty')
                  ? { key: fillCount.kind === 'empty' ? 'options_errRequired' : 'options_errCount' }
                  : undefined
              }
              onInput={(count) => setFill((f) => ({ ...f, count }))}
            />
            <button type="submit" class="secondary">
              {t('options_fillButton')}
            </button>
          </div>
          <Checkbox id="fill-only-missing" label={t('options_fillOnlyMissing')} checked={fill.onlyMissing} onChange={(onlyMissing) => setFill((f) => ({ ...f, onlyMissing }))} />
          <p class="status" role="status" aria-live="polite">
            {fillStatus}
          </p>
        </fieldset>
      </form>

      <form
        class="tool"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void importPaste();
        }}
      >
        <fieldset>
          <legend>{t('options_pasteLegend')}</legend>
          <label for="paste-text">{t('options_pasteLabel')}</label>
          <textarea
            id="paste-text"
            rows={6}
            spellcheck={false}
            value={paste}
            placeholder={'日期\t支付宝成交笔数\n2026-11-20\t312\n2026/11/21\t298\n2026年11月22日,305'}
            aria-describedby="paste-hint"
            onInput={(e) => setPaste((e.currentTarget as HTMLTextAreaElement).value)}
          />
          <p id="paste-hint" class="hint">
            {t('options_pasteHint')}
          </p>
          <div class="save-bar">
            <button type="submit" class="primary">
              {t('options_pasteButton')}
            </button>
          </div>
          <div role="status" aria-live="polite" class="paste-result" data-testid="paste-result">
            {pasteResult && (
              <>
                {pasteResult.failure ? (
                  <p class="status bad">{pasteResult.failure}</p>
                ) : pasteResult.saved ? (
                  <p class="status good">
                    {t('options_pasteSaved', String(pasteDates.length), pasteDates[0] ?? '', pasteDates[pasteDates.length - 1] ?? '')}
                  </p>
                ) : (
                  <p class="status bad">{t('options_pasteNothing')}</p>
                )}
                {pasteResult.result.headerLines.length > 0 && (
                  <p class="hint">{t('options_pasteHeaders', pasteResult.result.headerLines.join(', '))}</p>
                )}
                {pasteResult.result.duplicates.length > 0 && (
                  <p class="hint">
                    {t(
                      'options_pasteDuplicates',
                      pasteResult.result.duplicates.map((d) => `${d.date}（${d.lines.join(', ')}）`).join('；'),
                    )}
                  </p>
                )}
                {pasteResult.result.errors.length > 0 && (
                  <>
                    <p class="status bad">{t('options_pasteErrors', String(pasteResult.result.errors.length))}</p>
                    <ul class="paste-errors">
                      {pasteResult.result.errors.slice(0, 50).map((e) => (
                        <li key={e.line}>
                          {t('options_pasteLine', String(e.line))}
                          <code>{e.text.slice(0, 60)}</code>
                          {' — '}
                          {t(`options_pasteReason_${e.reason}`)}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </>
            )}
          </div>
        </fieldset>
      </form>
    </section>
  );
}
