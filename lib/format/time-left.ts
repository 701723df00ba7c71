// Badge wording (domain.md §9, §11): calendar time left or overdue, and the state/actor/outcome labels.
// Pure string functions, used inside the badge UI.
import type { Actor, BadgeState, TimeoutOutcome } from '../model/vocabulary';

export type Lang = 'zh' | 'en';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** d/h/m of a duration, truncated to whole minutes (like the page's own countdown). */
function split(ms: number): { d: number; h: number; m: number } {
  const total = Math.floor(ms / MINUTE) * MINUTE;
  return { d: Math.floor(total / DAY), h: Math.floor((total % DAY) / HOUR), m: Math.floor((total % HOUR) / MINUTE) };
}

/** "1天 3时" / "5时12分" / "42分" (§11); minutes padded to 2 digits after hours ("2时03分"). */
function amount(ms: number, lang: Lang): string {
  const { d, h, m } = split(ms);
  const mm = String(m).padStart(2, '0');
  if (lang === 'zh') {
    if (d > 0) return `${d}天 ${h}时`;
    if (h > 0) return `${h}时${mm}分`;
    return `${m}分`;
  }
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${mm} m`;
  return `${m} m`;
}

/** "还剩 5时12分" / "已超时 2时03分" (en "5 h 12 m left" / "overdue 2 h 03 m"). Overdue once now > deadline. */
export function formatTimeLeft(deadline: number, now: number, lang: Lang): string {
  const left = deadline - now;
  if (left >= 0) return lang === 'zh' ? `还剩 ${amount(left, lang)}` : `${amount(left, lang)} left`;
  return lang === 'zh' ? `已超时 ${amount(-left, lang)}` : `overdue ${amount(-left, lang)}`;
}

/**
 * The first instant after `now` at which formatTimeLeft(deadline, ·) says something else: the clock need not touch
 * a badge before then (a day or more left changes once an hour, less than a day once a minute).
 */
export function nextTimeLeftChange(deadline: number, now: number): number {
  const left = deadline - now;
  if (left >= 0) {
    const unit = left >= DAY ? HOUR : MINUTE;
    return deadline - Math.floor(left / unit) * unit + 1;
  }
  const over = -left;
  const unit = over >= DAY ? HOUR : MINUTE;
  return deadline + (Math.floor(over / unit) + 1) * unit;
}

const STATE_LABELS: Record<BadgeState, Record<Lang, string>> = {
  ok: { zh: '正常', en: 'ok' },
  soon: { zh: '临近', en: 'soon' },
  urgent: { zh: '紧急', en: 'urgent' },
  overdue: { zh: '已超时', en: 'overdue' },
  done: { zh: '已完结', en: 'done' },
  unknown: { zh: '未知', en: 'unknown' },
};

const ACTOR_LABELS: Record<Actor, Record<Lang, string>> = {
  seller: { zh: '待商家处理', en: 'seller to act' },
  buyer: { zh: '待买家处理', en: 'buyer to act' },
  platform: { zh: '平台处理中', en: 'platform handling' },
  none: { zh: '已完结', en: 'completed' },
};

const OUTCOME_LABELS: Record<TimeoutOutcome, Record<Lang, string>> = {
  auto_refund: { zh: '超时将自动退款', en: 'auto refund at timeout' },
  auto_agree: { zh: '超时将自动同意退货', en: 'auto-agree to return' },
  close: { zh: '超时退款将关闭', en: 'refund closes at timeout' },
  none: { zh: '', en: '' },
};

export function formatStateLabel(state: BadgeState, lang: Lang): string {
  return STATE_LABELS[state][lang];
}

export function formatActorLabel(actor: Actor, lang: Lang): string {
  return ACTOR_LABELS[actor][lang];
}

/** Who acts, for one refund: 'none' reads 已完结 only when it is completed; an open, unmodelled status says nothing. */
export function formatActorOf(actor: Actor, completed: boolean, lang: Lang): string {
  return actor === 'none' && !completed ? '' : ACTOR_LABELS[actor][lang];
}

/** Empty string for 'none': nothing happens at a timeout the rules know of. */
export function formatTimeoutOutcome(outcome: TimeoutOutcome, lang: Lang): string {
  return OUTCOME_LABELS[outcome][lang];
}

