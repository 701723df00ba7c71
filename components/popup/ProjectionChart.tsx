// 未来28天预测 (domain.md §6.9): one inline SVG line chart with a selectable series (rank share or one sub-indicator),
// the scenario switch, the 90 % campaign line on the rank share, the industry average as a reference line, and a strip
// under the chart marking the days the population changes (completions / interventions leave, open refunds join).
// The same figures are in a table inside <details> for screen readers and anyone who prefers numbers.
import { useState } from 'preact/hooks';
import { t, uiLang } from '@/components/i18n';
import { CAMPAIGN_MAX_RANK_SHARE } from '@/lib/composite';
import type { ProjectionPointView, ProjectionView } from '@/lib/dashboard/dashboard';
import { SCENARIOS, type ProjectionScenario } from '@/lib/projection-scenarios';
import { CHART_SERIES, formatIndicator, formatShare, formatTick, niceAxis, shortDate, type ChartSeries } from '@/lib/dashboard/format';
import type { Lang } from '@/lib/format/time-left';

interface ProjectionChartProps {
  projection: ProjectionView;
  windowDays: number;
  /** Industry averages in the indicators' own units, drawn as reference lines. */
  averages: { disputeRate: number | null; completionDays: number | null; selfCompletionRate: number | null };
  onScenario: (s: ProjectionScenario) => void;
  /** Initial series (tests). */
  initialSeries?: ChartSeries;
}

const WIDTH = 372;
const HEIGHT = 196;
const PLOT = { left: 46, right: WIDTH - 10, top: 12, bottom: 132 };
const STRIP = { base: 170, max: 14 };

function seriesValue(p: ProjectionPointView, s: ChartSeries): number | null {
  return s === 'rankShare' ? p.rankShare : p[s];
}

function formatSeries(s: ChartSeries, v: number | null, lang: Lang): string {
  if (v === null) return t('popup_noData');
  return s === 'rankShare' ? formatShare(v) : formatIndicator(s, v, lang);
}

function seriesName(s: ChartSeries): string {
  return s === 'rankShare' ? t('popup_series_rankShare') : t(`popup_sub_${s}`);
}

/** The y range: rank share 0–100 fixed; the others from the values and the average, padded, on a nice grid. */
function yAxis(values: number[], s: ChartSeries, average: number | null) {
  if (s === 'rankShare') return { min: 0, max: 100, step: 25 };
  const all = average === null ? values : [...values, average];
  if (all.length === 0) return niceAxis(0, 1);
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (s === 'disputeRate' || s === 'completionDays') lo = 0; // a rate or a duration starts at 0
  if (s === 'selfCompletionRate') hi = Math.min(1, hi + (hi - lo) * 0.1 || 0.01);
  const axis = niceAxis(lo, hi === lo ? hi + (hi || 1) * 0.5 : hi);
  if (s === 'selfCompletionRate') axis.max = Math.min(axis.max, 1);
  return axis;
}

function RadioGroup<T extends string>(props: {
  name: string;
  legend: string;
  options: readonly T[];
  value: T;
  label: (v: T) => string;
  onChange: (v: T) => void;
}) {
  return (
    <fieldset class="segmented">
      <legend>{props.legend}</legend>
      <div class="segments" style={{ gridTemplateColumns: `repeat(${props.options.length}, 1fr)` }}>
        {props.options.map((o) => (
          <label key={o} class={o === props.value ? 'segment on' : 'segment'}>
            <input type="radio" name={props.name} value={o} checked={o === props.value} onChange={() => props.onChange(o)} />
            <span>{props.label(o)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function ProjectionChart({ projection, windowDays, averages, onScenario, initialSeries = 'rankShare' }: ProjectionChartProps) {
  const [series, setSeries] = useState<ChartSeries>(initialSeries);
  const lang = uiLang();
  const points = projection.points;
  const W = windowDays;
  const average = series === 'rankShare' ? null : averages[series];
  const values = points.map((p) => seriesValue(p, series));
  const axis = yAxis(values.filter((v): v is number => v !== null), series, average);
  const x = (k: number) => PLOT.left + ((PLOT.right - PLOT.left) * k) / W;
  const y = (v: number) => PLOT.bottom - ((PLOT.bottom - PLOT.top) * (v - axis.min)) / (axis.max - axis.min || 1);

  // Line segments through consecutive non-null points (a gap where a population is empty: no data).
  const segments: string[] = [];
  let current = '';
  values.forEach((v, k) => {
    if (v === null) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    current += `${current ? 'L' : 'M'}${x(k).toFixed(1)},${y(v).toFixed(1)}`;
  });
  if (current) segments.push(current);

  const ticks: number[] = [];
  for (let v = axis.min; v <= axis.max + axis.step * 1e-6; v += axis.step) ticks.push(v);
  const xTicks = [0, 7, 14, 21, W].filter((k, i, a) => k <= W && a.indexOf(k) === i);
  const maxBar = Math.max(1, ...points.map((p) => Math.max(p.completionsLeaving + p.disputesLeaving, p.joining)));
  const bar = (n: number) => (n === 0 ? 0 : Math.max(2, (STRIP.max * n) / maxBar));
  const name = seriesName(series);
  const first = points[0];
  const last = points[points.length - 1];
  const scenarioLabel = (s: ProjectionScenario) => t(`popup_scenario_${s}`);
  const descId = 'proj-desc';

  return (
    <section class="card projection" aria-labelledby="proj-h">
      <h2 id="proj-h">{t('popup_projectionHeading', String(W))}</h2>
      <RadioGroup
        name="scenario"
        legend={t('popup_scenario')}
        options={SCENARIOS}
        value={projection.scenario}
        label={scenarioLabel}
        onChange={onScenario}
      />
      <RadioGroup
        name="series"
        legend={t('popup_series')}
        options={CHART_SERIES}
        value={series}
        label={(s) => t(`popup_seriesShort_${s}`)}
        onChange={setSeries}
      />
      <svg
        class="chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-labelledby={`proj-title ${descId}`}
        data-testid="projection-svg"
        data-series={series}
      >
        <title id="proj-title">
          {t('popup_projectionHeading', String(W))} · {name} · {scenarioLabel(projection.scenario)}
        </title>
        <desc id={descId}>
          {first && last
            ? t('popup_chartDesc', name, first.date, last.date, formatSeries(series, values[0] ?? null, lang), String(W), formatSeries(series, values[W] ?? null, lang))
            : ''}
        </desc>
        {/* grid and y ticks */}
        {ticks.map((v) => (
          <g key={v} aria-hidden="true">
            <line x1={PLOT.left} x2={PLOT.right} y1={y(v)} y2={y(v)} class="grid" />
            <text x={PLOT.left - 4} y={y(v) + 3.5} class="tick" text-anchor="end">
              {formatTick(series, v, axis.step, lang)}
            </text>
          </g>
        ))}
        {/* x ticks: dates */}
        {xTicks.map((k) => (
          <text key={k} x={x(k)} y={PLOT.bottom + 14} class="tick" text-anchor={k === 0 ? 'start' : k === W ? 'end' : 'middle'} aria-hidden="true">
            {k === 0 ? t('popup_today') : shortDate(points[k]?.date ?? '')}
          </text>
        ))}
        {/* interventions leaving: a dashed vertical line through the plot */}
        {points
          .filter((p) => p.disputesLeaving > 0)
          .map((p) => (
            <line key={`dl${p.k}`} x1={x(p.k)} x2={x(p.k)} y1={PLOT.top} y2={STRIP.base} class="dispute-leave" aria-hidden="true" />
          ))}
        {series === 'rankShare' && (
          <g aria-hidden="true">
            <line x1={PLOT.left} x2={PLOT.right} y1={y(CAMPAIGN_MAX_RANK_SHARE)} y2={y(CAMPAIGN_MAX_RANK_SHARE)} class="campaign-line" />
            <text x={PLOT.right - 2} y={y(CAMPAIGN_MAX_RANK_SHARE) - 3} class="ref-label bad-text" text-anchor="end">
              {t('popup_campaignLine')}
            </text>
          </g>
        )}
        {average !== null && average >= axis.min && average <= axis.max && (
          <g aria-hidden="true">
            <line x1={PLOT.left} x2={PLOT.right} y1={y(average)} y2={y(average)} class="avg-line" />
            <text x={PLOT.right - 2} y={y(average) - 3} class="ref-label" text-anchor="end">
              {t('popup_industryAvg')} {formatSeries(series, average, lang)}
            </text>
          </g>
        )}
        <g aria-hidden="true">
          {segments.map((d, i) => (
            <path key={i} d={d} class="series-line" />
          ))}
          {values.map((v, k) =>
            v === null ? null : (
              <circle
                key={k}
                cx={x(k)}
                cy={y(v)}
                r={k === 0 ? 3.5 : 2.4}
                class={series === 'rankShare' && points[k]!.partial ? 'pt partial' : k === 0 ? 'pt today' : 'pt'}
              >
                <title>
                  {points[k]!.date} · {formatSeries(series, v, lang)}
                  {series === 'rankShare' && points[k]!.partial ? t('popup_partialMark') : ''}
                </title>
              </circle>
            ),
          )}
        </g>
        {/* population strip: ▼ bars down = refunds leaving, ▲ bars up = open refunds joining, ◆ = an intervention leaves */}
        <g class="strip" aria-hidden="true">
          <line x1={PLOT.left} x2={PLOT.right} y1={STRIP.base} y2={STRIP.base} class="axis" />
          {points.map((p) => {
            if (p.k === 0) return null;
            const out = p.completionsLeaving + p.disputesLeaving;
            if (out + p.joining === 0) return null;
            const cx = x(p.k);
            return (
              <g key={p.k} data-k={p.k} class="marker">
                <title>{t('popup_markerTitle', p.date, String(p.completionsLeaving), String(p.disputesLeaving), String(p.joining))}</title>
                {out > 0 && <rect x={cx - 2.5} y={STRIP.base} width="5" height={bar(out)} class="leave" />}
                {p.joining > 0 && <rect x={cx - 2.5} y={STRIP.base - bar(p.joining)} width="5" height={bar(p.joining)} class="join" />}
                {p.disputesLeaving > 0 && <path d={`M${cx},${STRIP.base - 5}l4,5l-4,5l-4,-5z`} class="dispute-mark" />}
              </g>
            );
          })}
        </g>
      </svg>
      <ul class="legend" aria-hidden="true">
        <li>
          <span class="g leave">▼</span> {t('popup_legendLeave')}
        </li>
        <li>
          <span class="g join">▲</span> {t('popup_legendJoin')}
        </li>
        <li>
          <span class="g dispute">◆</span> {t('popup_legendDispute')}
        </li>
        {series === 'rankShare' && (
          <li>
            <span class="g partial">○</span> {t('popup_legendPartial')}
          </li>
        )}
      </ul>
      {projection.notProjected > 0 && <p class="cue warn small">{t('popup_notProjected', String(projection.notProjected))}</p>}
      <p class="muted small">{t('popup_projectionNote')}</p>
      <details class="table-details">
        <summary>{t('popup_tableSummary')}</summary>
        <div class="table-wrap">
          <table data-testid="projection-table">
            <caption>{t('popup_tableCaption', String(W), scenarioLabel(projection.scenario))}</caption>
            <thead>
              <tr>
                <th scope="col">{t('popup_colDate')}</th>
                {CHART_SERIES.map((c) => (
                  <th key={c} scope="col">
                    {t(`popup_seriesShort_${c}`)}
                  </th>
                ))}
                <th scope="col">{t('popup_colLeave')}</th>
                <th scope="col">{t('popup_colJoin')}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.k} class={p.disputesLeaving > 0 ? 'dispute-row' : undefined}>
                  <th scope="row">{p.k === 0 ? `${shortDate(p.date)} ${t('popup_today')}` : shortDate(p.date)}</th>
                  <td>
                    {formatSeries('rankShare', p.rankShare, lang)}
                    {p.partial && p.rankShare !== null ? t('popup_partialMark') : ''}
                  </td>
                  <td>{formatSeries('disputeRate', p.disputeRate, lang)}</td>
                  <td>{formatSeries('completionDays', p.completionDays, lang)}</td>
                  <td>{formatSeries('selfCompletionRate', p.selfCompletionRate, lang)}</td>
                  <td>{p.k === 0 ? '' : p.disputesLeaving > 0 ? `${p.completionsLeaving} + ◆${p.disputesLeaving}` : p.completionsLeaving}</td>
                  <td>{p.k === 0 ? '' : p.joining}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
