// The log page's filters: search by refund/order number, a date range (申请时间 or 完结时间), status, state, who must
// act, type, 售中/售后 and the order. Every control has a visible label; changes apply at once (the search after a
// short pause or on Enter).
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/components/i18n';
import { formatStateLabel, formatActorLabel, type Lang } from '@/lib/format/time-left';
import { DATE_FIELDS, isEmptyFilter, LOG_SORTS, normaliseSearch, parseFilter, type LogFilter } from '@/lib/log/filter';
import { ACTORS, BADGE_STATES, PHASES, REFUND_STATUSES, REFUND_TYPES } from '@/lib/model/vocabulary';
import { dateFieldLabel, phaseLabel, sortLabel, statusLabel, typeLabel } from './labels';

interface FilterBarProps {
  filter: LogFilter;
  onChange: (filter: LogFilter) => void;
  lang: Lang;
}

const SEARCH_DELAY_MS = 250;

type Option = { value: string; label: string };

function Select(props: { id: string; label: string; value: string | undefined; options: Option[]; all?: string; onChange: (v: string | undefined) => void }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} value={props.value ?? ''} onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value || undefined)}>
        {props.all !== undefined && <option value="">{props.all}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function FilterBar({ filter, onChange, lang }: FilterBarProps) {
  const [search, setSearch] = useState(filter.q ?? '');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(filter);
  latest.current = filter;

  // The filter may change from outside (hash navigation, clear): show its search.
  useEffect(() => {
    if (normaliseSearch(search) !== (filter.q ?? '')) setSearch(filter.q ?? '');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filter.q]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const set = (patch: Partial<Record<keyof LogFilter, string | undefined>>) => {
    onChange(parseFilter({ ...latest.current, ...patch }));
  };
  const commitSearch = (text: string) => {
    clearTimeout(timer.current);
    const q = normaliseSearch(text) || undefined;
    if (q !== latest.current.q) set({ q });
  };
  const all = t('log_all');

  return (
    <form class="filters" role="search" aria-label={t('log_filtersLabel')} onSubmit={(e) => { e.preventDefault(); commitSearch(search); }}>
      <div class="field search">
        <label for="log-q">{t('log_searchLabel')}</label>
        <input
          id="log-q"
          type="search"
          inputMode="numeric"
          autoComplete="off"
          placeholder={t('log_searchPlaceholder')}
          value={search}
          onInput={(e) => {
            const v = (e.currentTarget as HTMLInputElement).value;
            setSearch(v);
            clearTimeout(timer.current);
            timer.current = setTimeout(() => commitSearch(v), SEARCH_DELAY_MS);
          }}
        />
      </div>
      <fieldset class="field dates">
        <legend class="visually-hidden">{t('log_dateRange')}</legend>
        <div class="field">
          <label for="log-date">{t('log_dateRange')}</label>
          <select id="log-date" value={filter.date ?? 'applied'} onChange={(e) => set({ date: (e.currentTarget as HTMLSelectElement).value })}>
            {DATE_FIELDS.map((d) => (
              <option key={d} value={d}>
                {dateFieldLabel(d)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="log-from">{t('log_from')}</label>
          <input id="log-from" type="date" value={filter.from ?? ''} max={filter.to} onChange={(e) => set({ from: (e.currentTarget as HTMLInputElement).value || undefined })} />
        </div>
        <div class="field">
          <label for="log-to">{t('log_to')}</label>
          <input id="log-to" type="date" value={filter.to ?? ''} min={filter.from} onChange={(e) => set({ to: (e.currentTarget as HTMLInputElement).value || undefined })} />
        </div>
      </fieldset>
      <Select id="log-status" label={t('log_filterStatus')} value={filter.status} all={all}
        options={REFUND_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))} onChange={(status) => set({ status })} />
      <Select id="log-state" label={t('log_filterState')} value={filter.state} all={all}
        options={BADGE_STATES.map((s) => ({ value: s, label: formatStateLabel(s, lang) }))} onChange={(state) => set({ state })} />
      <Select id="log-actor" label={t('log_filterActor')} value={filter.actor} all={all}
        options={ACTORS.map((s) => ({ value: s, label: formatActorLabel(s, lang) }))} onChange={(actor) => set({ actor })} />
      <Select id="log-type" label={t('log_filterType')} value={filter.type} all={all}
        options={REFUND_TYPES.map((s) => ({ value: s, label: typeLabel(s) }))} onChange={(type) => set({ type })} />
      <Select id="log-phase" label={t('log_filterPhase')} value={filter.phase} all={all}
        options={PHASES.map((s) => ({ value: s, label: phaseLabel(s) }))} onChange={(phase) => set({ phase })} />
      <Select id="log-sort" label={t('log_sortLabel')} value={filter.sort ?? 'recent'}
        options={LOG_SORTS.map((s) => ({ value: s, label: sortLabel(s) }))} onChange={(sort) => set({ sort })} />
      <div class="field actions">
        <button type="button" class="link-button" disabled={isEmptyFilter(filter)} onClick={() => { setSearch(''); onChange({}); }}>
          {t('log_clearFilters')}
        </button>
      </div>
    </form>
  );
}
