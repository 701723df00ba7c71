// Reminder wording (domain.md §11): "3 笔退款将在 2 小时内超时（数据截至最近一次打开退款页）" /
// "3 refunds time out within 2 h (as last seen on the refund page)". Pure string functions.
import { formatTimeLeft, type Lang } from '../format/time-left';
import { formatBeijing } from '../time/beijing';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** The "within" span: whole minutes up to an hour, else whole hours, rounded up (so the sentence stays true). */
function reminderSpan(maxLeftMs: number, lang: Lang): string {
  const ms = Math.max(0, maxLeftMs);
  if (ms <= HOUR_MS) {
    const m = Math.max(1, Math.ceil(ms / MINUTE_MS));
    return lang === 'zh' ? `${m} 分钟` : `${m} min`;
  }
  const h = Math.ceil(ms / HOUR_MS);
  return lang === 'zh' ? `${h} 小时` : `${h} h`;
}

/** "3 笔退款将在 2 小时内超时" / "3 refunds time out within 2 h". */
export function reminderTitle(count: number, maxLeftMs: number, lang: Lang): string {
  const span = reminderSpan(maxLeftMs, lang);
  if (lang === 'zh') return `${count} 笔退款将在 ${span}内超时`;
  return count === 1 ? `1 refund times out within ${span}` : `${count} refunds time out within ${span}`;
}

/** The §11 parenthetical alone: "数据截至最近一次打开退款页" / "as last seen on the refund page". */
function asLastSeenLabel(lang: Lang): string {
  return lang === 'zh' ? '数据截至最近一次打开退款页' : 'as last seen on the refund page';
}

/** The full §11 sentence: "3 笔退款将在 2 小时内超时（数据截至最近一次打开退款页）". */
export function reminderSentence(count: number, maxLeftMs: number, lang: Lang): string {
  const title = reminderTitle(count, maxLeftMs, lang);
  return lang === 'zh' ? `${title}（${asLastSeenLabel(lang)}）` : `${title} (${asLastSeenLabel(lang)})`;
}

/** "数据截至最近一次打开退款页 · 11-20 14:00（北京时间）" / "as last seen on the refund page · 11-20 14:00 (Beijing time)". */
export function asOfLine(lastSeenAt: number, lang: Lang): string {
  const at = formatBeijing(lastSeenAt).slice(5); // MM-DD HH:mm
  return lang === 'zh' ? `${asLastSeenLabel(lang)} · ${at}（北京时间）` : `${asLastSeenLabel(lang)} · ${at} (Beijing time)`;
}

/** One refund: "退款 200000000000000001 · 还剩 5时12分" / "refund 200000000000000001 · 5 h 12 m left". */
export function refundLine(refundId: string, deadlineAt: number, now: number, lang: Lang): string {
  return `${refundLabel(refundId, lang)} · ${formatTimeLeft(deadlineAt, now, lang)}`;
}

/** "退款 200000000000000001" / "refund 200000000000000001". */
export function refundLabel(refundId: string, lang: Lang): string {
  return `${lang === 'zh' ? '退款' : 'refund'} ${refundId}`;
}

/** "还有 2 笔" / "and 2 more". */
export function moreLine(more: number, lang: Lang): string {
  return lang === 'zh' ? `还有 ${more} 笔` : `and ${more} more`;
}
