// 剩余时间/状态: the badge's colours plus words (state label + 还剩/已超时), never colour alone (§9, §11).
import type { StoredRefund } from '@/lib/db/schema';
import type { BadgeThresholds } from '@/lib/deadline/state';
import { formatStateLabel, formatTimeLeft, type Lang } from '@/lib/format/time-left';
import { refundState } from '@/lib/log/query';

export function StateCell({ refund, now, lang, thresholds }: { refund: StoredRefund; now: number; lang: Lang; thresholds: BadgeThresholds }) {
  const state = refundState(refund, now, thresholds);
  const left = state !== 'done' && refund.deadlineAt !== undefined ? formatTimeLeft(refund.deadlineAt, now, lang) : '';
  return (
    <span class={`pill ${state}`} data-state={state}>
      <span class="cue">{formatStateLabel(state, lang)}</span>
      {left && <span class="left">{left}</span>}
    </span>
  );
}
