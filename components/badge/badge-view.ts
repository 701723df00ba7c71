// What one badge shows, as plain strings (domain.md §8, §9, §11): state cue, calendar time left, "估" for a rule
// estimate, who acts, and the tooltip (also the accessible name) with the exact Beijing deadline and what happens at
// timeout. Pure: the DOM side (badge-dom.ts) only writes the pieces that changed.
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

/** The badge's parts; an empty string means the part is not shown. */
export interface BadgeView {
  /** Class list of the badge: its state, and `timed` when a deadline is shown. */
  cls: string;
  cue: string;
  left: string;
  est: string;
  actor: string;
  title: string;
  label: string;
}

/** The tooltip lines that do not move with the clock (deadline, who acts, outcome, estimate, impact). */
export function tooltipLines(info: RefundBadgeInfo, lang: Lang, impact?: ImpactNumbers): string[] {
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
  // A completed refund changes nothing any more: no impact lines.
  if (impact && info.state !== 'done') lines.push('', ...formatImpactLines(impact, lang));
  return lines;
}

/**
 * The badge for `info` at `now`. `lines` are tooltipLines(info, lang, impact), passed in so a tick (same info, new
 * time) does not rebuild them.
 */
export function badgeView(info: RefundBadgeInfo, now: number, lang: Lang, lines: readonly string[]): BadgeView {
  const t = T[lang];
  const timed = info.deadline !== undefined;
  const cue = formatStateLabel(info.state, lang);
  const text = timed ? formatTimeLeft(info.deadline!, now, lang) : cue;
  return {
    cls: `badge ${info.state}${timed ? ' timed' : ''}`,
    // "已超时 2时03分" already says the state in words: no second 已超时 cue in front of it.
    cue: info.state === 'overdue' && timed ? '' : cue,
    left: timed ? text : '',
    est: info.deadlineSource === 'rule' ? t.estMark : '',
    actor: info.state === 'done' ? '' : formatActorOf(info.actor, false, lang),
    title: lines.join('\n'),
    label: `${t.prefix}：${cue}，${text}。${lines.filter(Boolean).join('。')}`,
  };
}
