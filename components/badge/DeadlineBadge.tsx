// The inline deadline badge of one refund row: state cue, calendar time left, "估" for a rule estimate, who acts.
// The tooltip (title, also the accessible name) carries the exact Beijing deadline and what happens at timeout.
import type { ReadonlySignal } from '@preact/signals';
import { useComputed } from '@preact/signals';
import type { RefundBadgeInfo } from '@/lib/deadline/describe';
import { formatImpactLines, type ImpactNumbers } from '@/lib/format/impact';
import type { Lang } from '@/lib/format/time-left';
import { formatActorOf, formatStateLabel, formatTimeLeft, formatTimeoutOutcome } from '@/lib/format/time-left';
import { formatBeijing } from '@/lib/time/beijing';

const T = {
  zh: {
    deadline: (t: string) => `截止：${t}（北京时间）`,
    estimate: '页面未显示倒计时，按规则估算',
    fromFirstSeen: '从首次看到该状态起计算，实际可能更早',
    noDeadline: '无可知的截止时间',
    overdueUnknown: '页面显示已超时',
    estMark: '估',
    prefix: '退款雷达',
  },
  en: {
    deadline: (t: string) => `Deadline: ${t} (Beijing time)`,
    estimate: 'No countdown on the page; estimated from the rules',
    fromFirstSeen: 'Counted from when this status was first seen; the real deadline may be earlier',
    noDeadline: 'No known deadline',
    overdueUnknown: 'The page says overdue',
    estMark: 'est.',
    prefix: 'Refund Radar',
  },
} as const;

export interface DeadlineBadgeProps {
  info: ReadonlySignal<RefundBadgeInfo>;
  now: ReadonlySignal<number>;
  lang: Lang;
  /** What this refund does to the indicators (§6.8), from the local history; absent until the background answers. */
  impact: ReadonlySignal<ImpactNumbers | undefined>;
}

function mainText(info: RefundBadgeInfo, now: number, lang: Lang): string {
  if (info.deadline !== undefined) return formatTimeLeft(info.deadline, now, lang);
  return formatStateLabel(info.state, lang);
}

function tooltipLines(info: RefundBadgeInfo, lang: Lang): string[] {
  const t = T[lang];
  const lines: string[] = [];
  if (info.deadline !== undefined) lines.push(t.deadline(formatBeijing(info.deadline)));
  else if (info.overdueUnknownAmount) lines.push(t.overdueUnknown);
  else if (info.state !== 'done') lines.push(t.noDeadline);
  const actor = formatActorOf(info.actor, info.state === 'done', lang);
  if (actor) lines.push(actor);
  if (info.onTimeout !== 'none' && info.state !== 'done') lines.push(formatTimeoutOutcome(info.onTimeout, lang));
  if (info.deadlineSource === 'rule') lines.push(t.estimate);
  if (info.deadlineSource === 'rule' && info.countedFromFirstSeen) lines.push(t.fromFirstSeen);
  return lines;
}

export function DeadlineBadge({ info, now, lang, impact }: DeadlineBadgeProps) {
  const t = T[lang];
  const cls = useComputed(() => `badge ${info.value.state}${info.value.deadline !== undefined ? ' timed' : ''}`);
  // "已超时 2时03分" already says the state in words: no second 已超时 cue in front of it.
  const showCue = useComputed(() => !(info.value.state === 'overdue' && info.value.deadline !== undefined));
  const text = useComputed(() => mainText(info.value, now.value, lang));
  const cue = useComputed(() => formatStateLabel(info.value.state, lang));
  const lines = useComputed(() => [
    ...tooltipLines(info.value, lang),
    ...(impact.value ? ['', ...formatImpactLines(impact.value, lang)] : []),
  ]);
  const tooltip = useComputed(() => lines.value.join('\n'));
  const label = useComputed(() => `${t.prefix}：${cue.value}，${text.value}。${lines.value.filter(Boolean).join('。')}`);
  const showTime = useComputed(() => info.value.deadline !== undefined);
  const estimated = useComputed(() => info.value.deadlineSource === 'rule');
  const actor = useComputed(() => (info.value.state === 'done' ? '' : formatActorOf(info.value.actor, false, lang)));
  return (
    <span class={cls} title={tooltip} aria-label={label} role="note" tabIndex={0}>
      {showCue.value && <span class="cue">{cue}</span>}
      {showTime.value && <span class="left">{text}</span>}
      {estimated.value && <span class="est">{t.estMark}</span>}
      {actor.value && <span class="actor">{actor}</span>}
    </span>
  );
}
