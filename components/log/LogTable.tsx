// The virtualized refund table (role=grid). Fixed row height: only the rows in view plus an overscan are in the DOM,
// positioned inside a spacer as tall as all rows. Rows are read from the query a page at a time (a page cache;
// each page resumes from the nearest keyset cursor). One row at a time can be expanded to its status history, which
// adds a fixed-height panel under it.
// Keyboard: ↑/↓ move between rows, PageUp/PageDown by a screen, Home/End to the first/last row, Enter or Space
// expands/collapses, Escape collapses. One row is in the tab order (roving tabindex).
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/components/i18n';
import type { RefundRadarDb, StoredRefund } from '@/lib/db/schema';
import type { BadgeThresholds } from '@/lib/deadline/state';
import type { Lang } from '@/lib/format/time-left';
import type { LogQuery } from '@/lib/log/query';
import { COLUMNS, GRID_TEMPLATE, sortedColumn } from './columns';
import { LogRow } from './LogRow';
import { PlaceholderRow } from './PlaceholderRow';
import { RefundHistory } from './RefundHistory';

export const ROW_HEIGHT = 40;
const HEADER_HEIGHT = 40;
const EXPANDED_HEIGHT = 248;
export const OVERSCAN = 8;
const PAGE_SIZE = 100;
const MAX_CACHED_PAGES = 60;

interface LogTableProps {
  db: RefundRadarDb;
  query: LogQuery;
  /** Rows matching the filter; null while still counting. */
  total: number | null;
  now: number;
  lang: Lang;
  thresholds: BadgeThresholds;
  /** Initial viewport height before the first measurement (tests have no layout). */
  initialHeight?: number;
  /** After the first page has been rendered (for the open-time measurement). */
  onFirstRows?: () => void;
}

/** Top of row `i` in the body, with the expanded panel (after row `expanded`) pushing later rows down. */
function rowTop(i: number, expanded: number | null): number {
  return i * ROW_HEIGHT + (expanded !== null && i > expanded ? EXPANDED_HEIGHT : 0);
}

/** The row at body offset `y`. */
function rowAt(y: number, expanded: number | null): number {
  if (expanded !== null) {
    const panelTop = (expanded + 1) * ROW_HEIGHT;
    if (y >= panelTop + EXPANDED_HEIGHT) return Math.floor((y - EXPANDED_HEIGHT) / ROW_HEIGHT);
    if (y >= panelTop) return expanded;
  }
  return Math.floor(Math.max(0, y) / ROW_HEIGHT);
}

export function LogTable({ db, query, total, now, lang, thresholds, initialHeight = 600, onFirstRows }: LogTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewH, setViewH] = useState(initialHeight);
  const [expanded, setExpanded] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const [, setVersion] = useState(0);
  const pages = useRef(new Map<number, StoredRefund[]>());
  const busy = useRef(false);
  const focusPending = useRef(false);
  const firstReported = useRef(false);
  /** Rows known to exist before the count arrives (the pages read so far). */
  const [knownEnd, setKnownEnd] = useState<number | null>(null);

  const rowCount = total ?? knownEnd ?? pages.current.get(0)?.length ?? 0;
  const bodyHeight = rowTop(rowCount, expanded);
  const viewBody = Math.max(ROW_HEIGHT, viewH - HEADER_HEIGHT);
  const first = Math.max(0, rowAt(scrollTop, expanded) - OVERSCAN);
  const last = Math.min(rowCount - 1, rowAt(scrollTop + viewBody, expanded) + OVERSCAN);
  const need = useRef<[number, number]>([0, 0]);
  need.current = [Math.floor(first / PAGE_SIZE), Math.floor(Math.max(first, last) / PAGE_SIZE)];

  // Viewport height: measured, and followed on resize.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => {
      if (el.clientHeight > 0) setViewH(el.clientHeight);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Reads the pages in view, one at a time, until none is missing (a scroll meanwhile just changes `need`).
  const pump = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    try {
      for (;;) {
        const [a, b] = need.current;
        let p = -1;
        for (let i = a; i <= b; i++) {
          if (!pages.current.has(i)) {
            p = i;
            break;
          }
        }
        if (p < 0) break;
        const rows = await query.page(p * PAGE_SIZE, PAGE_SIZE);
        const cache = pages.current;
        cache.set(p, rows);
        if (cache.size > MAX_CACHED_PAGES) {
          // Drop the pages farthest from the view.
          const far = [...cache.keys()].sort((x, y) => Math.abs(y - a) - Math.abs(x - a));
          for (const k of far.slice(0, cache.size - MAX_CACHED_PAGES)) cache.delete(k);
        }
        if (rows.length < PAGE_SIZE) setKnownEnd(p * PAGE_SIZE + rows.length);
        else setKnownEnd((k) => Math.max(k ?? 0, (p + 1) * PAGE_SIZE));
        setVersion((v) => v + 1);
        if (rows.length === 0) break;
      }
    } finally {
      busy.current = false;
    }
  }, [query]);

  useEffect(() => {
    void pump();
  });

  useEffect(() => {
    if (!firstReported.current && pages.current.has(0)) {
      firstReported.current = true;
      onFirstRows?.();
    }
  });

  // Keep the active row in view and focused after keyboard moves.
  useEffect(() => {
    if (!focusPending.current) return;
    const el = scroller.current?.querySelector<HTMLElement>(`[role=row][data-index="${active}"]`);
    if (el) {
      focusPending.current = false;
      el.focus({ preventScroll: true });
    }
  });

  const rowAtIndex = (i: number): StoredRefund | undefined => pages.current.get(Math.floor(i / PAGE_SIZE))?.[i % PAGE_SIZE];

  const scrollToRow = (i: number, exp: number | null) => {
    const el = scroller.current;
    const top = rowTop(i, exp);
    let next = scrollTop;
    if (top < scrollTop) next = top;
    else if (top + ROW_HEIGHT > scrollTop + viewBody) next = top + ROW_HEIGHT - viewBody;
    if (exp !== null && i === exp && top + ROW_HEIGHT + EXPANDED_HEIGHT > next + viewBody) {
      next = Math.min(top, top + ROW_HEIGHT + EXPANDED_HEIGHT - viewBody);
    }
    if (next !== scrollTop) {
      if (el) el.scrollTop = next;
      setScrollTop(next);
    }
  };

  const moveTo = (i: number) => {
    if (rowCount === 0) return;
    const next = Math.max(0, Math.min(rowCount - 1, i));
    focusPending.current = true;
    setActive(next);
    scrollToRow(next, expanded);
  };

  const toggle = (i: number) => {
    const next = expanded === i ? null : i;
    setExpanded(next);
    setActive(i);
    focusPending.current = true;
    scrollToRow(i, next);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (target.getAttribute('role') !== 'row' || target.dataset.index === undefined) return;
    const i = Number(target.dataset.index);
    const screen = Math.max(1, Math.floor(viewBody / ROW_HEIGHT) - 1);
    let handled = true;
    switch (e.key) {
      case 'ArrowDown':
        moveTo(i + 1);
        break;
      case 'ArrowUp':
        moveTo(i - 1);
        break;
      case 'PageDown':
        moveTo(i + screen);
        break;
      case 'PageUp':
        moveTo(i - screen);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(rowCount - 1);
        break;
      case 'Enter':
      case ' ':
        if (rowAtIndex(i)) toggle(i);
        break;
      case 'Escape':
        if (expanded !== null) toggle(expanded);
        else handled = false;
        break;
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  };

  const onClick = (e: MouseEvent) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('[role=row][data-index]');
    if (!row || row.classList.contains('placeholder') || (e.target as HTMLElement).closest('.history')) return;
    toggle(Number(row.dataset.index));
  };

  const sorted = sortedColumn(query.plan.order);
  const tabbable = active >= first && active <= last ? active : first;
  const rows = [];
  for (let i = first; i <= last; i++) {
    const r = rowAtIndex(i);
    const top = rowTop(i, expanded);
    if (!r) {
      rows.push(<PlaceholderRow key={`p${i}`} index={i} top={top} />);
      continue;
    }
    const detailId = `log-history-${i}`;
    rows.push(
      <LogRow
        key={r.refundId}
        refund={r}
        index={i}
        top={top}
        now={now}
        lang={lang}
        thresholds={thresholds}
        expanded={expanded === i}
        tabbable={i === tabbable}
        detailId={detailId}
      />,
    );
    if (expanded === i) {
      rows.push(
        <div role="row" class="detail" key={`d${r.refundId}`} style={{ transform: `translateY(${top + ROW_HEIGHT}px)`, height: `${EXPANDED_HEIGHT}px` }}>
          <div role="gridcell" aria-colspan={COLUMNS.length}>
            <RefundHistory db={db} refund={r} id={detailId} />
          </div>
        </div>,
      );
    }
  }

  return (
    <div
      class="grid-scroller"
      ref={scroller}
      onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
    >
      <div
        role="grid"
        class="grid"
        aria-label={t('log_tableLabel')}
        aria-rowcount={rowCount + 1}
        aria-colcount={COLUMNS.length}
        aria-busy={total === null}
        style={{ '--cols': GRID_TEMPLATE } as Record<string, string>}
        onKeyDown={onKeyDown}
        onClick={onClick}
        onFocusIn={(e) => {
          const row = (e.target as HTMLElement).closest<HTMLElement>('[role=row][data-index]');
          if (row && (e.target as HTMLElement) === row) setActive(Number(row.dataset.index));
        }}
      >
        <div role="row" class="head" aria-rowindex={1}>
          {COLUMNS.map((c) => (
            <div role="columnheader" key={c.key} aria-sort={sorted.key === c.key ? sorted.dir : undefined}>
              {t(c.header)}
              {sorted.key === c.key && <span class="sort-mark" aria-hidden="true">{sorted.dir === 'ascending' ? ' ↑' : ' ↓'}</span>}
            </div>
          ))}
        </div>
        <div class="body" style={{ height: `${bodyHeight}px` }} data-testid="grid-body">
          {rows}
        </div>
      </div>
    </div>
  );
}
