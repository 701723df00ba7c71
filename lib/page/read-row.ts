// One row element → one RefundRow (domain.md §1 fields, §2.1 status, §4 deadlines), validated by RefundRowSchema.
// Ids stay digit strings (18 digits exceed Number.MAX_SAFE_INTEGER). A row without one readable refund id is a
// problem, never a guess; a field that cannot be read is left out without failing the row.
import { BUYER_NICK_MAX, type RowProblem, type Phase } from '../model/vocabulary';
import type { PageDeadline } from '../model/page-deadline';
import type { RefundRow } from '../model/refund-row';
import { checkRefundRow } from './check-row';
import { classifyStatus, classifyType } from '../status/classify';
import { compactText, normalizeText } from '../text/normalize';
import { parseBeijingDateTime } from '../time/beijing';
import { parseDeadlineText } from '../deadline/parse';
import { parseAmountFen } from './amount';
import { type ReadContext, createReadContext } from './columns';
import { contentTextNodes, readText } from './dom-text';
import { findIdOccurrences } from './identifiers';
import { isPageRow } from './anchor';
import { PHASE_SUFFIX, simplifyChinese } from './labels';
import { type RowFields, goodsStateOf, readRowFields } from './read-fields';


type ReadRowResult = { ok: true; row: RefundRow } | { ok: false; problem: RowProblem };

const PROBLEM_TEXT_MAX = 60;
// Tested on simplified text (還剩 → 还剩, 剩餘 → 剩余, 超時 → 超时).
const COUNTDOWN_TRIGGER = /还剩|剩余|超时/;
const SIGNED = /已签收|签收成功|派送成功|已拒收/;
const BIZ_ORDER_ID = /[?&#;]bizOrderId=(\d{6,30})(?!\d)/i;

function digitsOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  // "3760162625798013 430": a number split by a space is ambiguous, not its first part (found by the markup fuzzer).
  if (/\d \d/.test(normalizeText(value))) return undefined;
  const runs = value.match(/\d{6,30}/g) ?? [];
  return runs.length === 1 ? runs[0] : undefined;
}

function phaseOf(text: string): { phase: Phase; typeWord?: string } | undefined {
  const m = PHASE_SUFFIX.exec(text);
  if (!m) return undefined;
  return { phase: m[2] === '售中' ? 'onsale' : 'aftersale', ...(m[1] ? { typeWord: m[1] } : {}) };
}

/**
 * The 超时时间 label. Its value is read as a field (column cell or "标签：值", where a second candidate value makes it
 * ambiguous), never again from the text around it: a countdown scan would read a junk date beside the label.
 */
const DEADLINE_LABEL = /超 ?时 ?时 ?间/g;
const countdownText = (text: string): string => simplifyChinese(normalizeText(text)).replace(DEADLINE_LABEL, ' ');

/** Every countdown in the row ("还剩1天2时3分", "剩余 23:59:59", "已超时"), each from the smallest element saying it. */
function rowCountdowns(row: Element, readAt: number): PageDeadline[] {
  const found: PageDeadline[] = [];
  for (const node of contentTextNodes(row)) {
    if (!COUNTDOWN_TRIGGER.test(countdownText(node.data))) continue;
    // "还剩<span>1</span>天<span>2</span>时": the parts may sit in the next elements, so widen a little.
    let el: Element | null = node.parentElement;
    for (let i = 0; el && i < 3; i++) {
      const deadline = parseDeadlineText(countdownText(readText(el)), readAt);
      if (deadline) {
        found.push(deadline);
        break;
      }
      if (el === row) break;
      el = el.parentElement;
    }
  }
  return found;
}

/** Countdowns truncate to their unit (minutes, or seconds for "23:59:59"): one deadline shown twice may differ by that. */
const SAME_DEADLINE_MS = 60_000;

/** Do two statements of a row's deadline agree? ("已超时" agrees with any past instant.) */
function agree(a: PageDeadline, b: PageDeadline, readAt: number): boolean {
  if (a.kind === 'at' && b.kind === 'at') return Math.abs(a.at - b.at) <= SAME_DEADLINE_MS;
  const at = a.kind === 'at' ? a.at : b.kind === 'at' ? b.at : null;
  return at === null || at <= readAt;
}

/** Two dates in one value ("2025-01-02 2026-11-20 08:34") make it ambiguous: it is not read (no first-wins guess). */
const DATE_G = /\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}/g;
function hasTwoDates(value: string): boolean {
  return (normalizeText(value).match(DATE_G)?.length ?? 0) > 1;
}

/**
 * The deadline the row states: its 超时时间 value, its countdown column, its countdowns anywhere. Statements that
 * disagree (a date under 超时时间 and "剩余 78:00:00" in another cell: the cells do not follow the header) give none.
 */
function pageDeadlineOf(row: Element, fields: RowFields, readAt: number): PageDeadline | null {
  const deadline = fields.deadline && simplifyChinese(fields.deadline);
  if (deadline && hasTwoDates(deadline)) return null;
  const stated = [
    // A bare date under 超时时间 is an absolute deadline; a countdown there reads as itself.
    deadline ? parseDeadlineText(COUNTDOWN_TRIGGER.test(deadline) ? deadline : `超时时间 ${deadline}`, readAt) : null,
    fields.countdown ? parseDeadlineText(simplifyChinese(fields.countdown), readAt) : null,
    ...rowCountdowns(row, readAt),
  ].filter((d): d is PageDeadline => d !== null);
  const agreed = stated.every((a) => stated.every((b) => agree(a, b, readAt)));
  return agreed ? (stated[0] ?? null) : null;
}

/** A detail page's status heading: the first short text (no date, so not a history line) naming a known status. */
const STATUS_HEADING_MAX = 30;
function statusHeadingOf(page: Element): string {
  for (const node of contentTextNodes(page)) {
    // The element's whole text: a render may split "卖家已经同意退款，等待买家退货" into text nodes, and the part
    // "买家退货" alone classifies as another status (found by the markup fuzzer).
    const whole = node.parentElement && node.parentElement !== page ? readText(node.parentElement) : '';
    const text = whole !== '' && whole.length <= STATUS_HEADING_MAX ? whole : normalizeText(node.data);
    if (text.length < 2 || text.length > STATUS_HEADING_MAX || /\d{4}-\d{1,2}-\d{1,2}/.test(text)) continue;
    if (classifyStatus(simplifyChinese(text)) !== 'unknown') return text;
  }
  return '';
}

/**
 * When the current status began, from a detail page's negotiation history ("卖家（…）于2026-11-24 19:03:18同意了退款申请，
 * 等待买家退货"): the latest line whose words name the current status (§3 "Start of a rule deadline", step 1).
 */
const HISTORY_LINE = /于\s*(\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?)(.*)$/;
function statusSinceOf(page: Element, status: RefundRow['status']): number | undefined {
  let since: number | undefined;
  for (const node of contentTextNodes(page)) {
    const m = HISTORY_LINE.exec(normalizeText(node.data));
    if (!m) continue;
    const words = simplifyChinese(m[2]!);
    const lineStatus = /创建了|修改了/.test(words) ? 'wait_seller_agree' : classifyStatus(words);
    const at = parseBeijingDateTime(m[1]!);
    if (lineStatus === status && at !== null && (since === undefined || at > since)) since = at;
  }
  return since;
}

/** A tag that is exactly a type word ("换货", "仅退款(售后)"), e.g. next to the item title on the Qianniu list. */
const TYPE_TAG = /^(仅退款|退货退款|换货)(?:\((?:售中|售后)\))?$/;
function typeTagOf(row: Element): RefundRow['type'] {
  const found = new Set<string>();
  for (const node of contentTextNodes(row)) {
    const m = TYPE_TAG.exec(simplifyChinese(compactText(node.data)));
    if (m) found.add(m[1]!);
  }
  // Two different tags in one row: say nothing rather than guess.
  return found.size === 1 ? classifyType([...found][0]!) : undefined;
}

function clip(text: string): string {
  return text.length > PROBLEM_TEXT_MAX ? `${text.slice(0, PROBLEM_TEXT_MAX)}…` : text;
}

/** Reads one row (as found by findAddedRows). `readAt` is when it was read: countdowns are relative to it. */
export function readRefundRow(rowEl: Element, readAt: number, ctx: ReadContext = createReadContext(rowEl)): ReadRowResult {
  const fields = readRowFields(rowEl, ctx);
  const occurrences = findIdOccurrences(rowEl, ctx);
  const ids = [...new Set(occurrences.flatMap((o) => (o.id === null ? [] : [o.id])))];
  // One refund number, and no second refund-number label without digits beside it (a merged or broken row).
  if (ids.length !== 1 || occurrences.some((o) => o.id === null)) {
    const text = ids.length > 1 ? ids.join(' ') : (fields.refundId ?? readText(rowEl));
    return { ok: false, problem: { field: 'refundId', text: clip(text) } };
  }
  const refundId = ids[0]!;
  const rowText = readText(rowEl);

  // Status from the status cell/value only: the row's buttons say 申请介入 (§2.1). A detail page may show it as a
  // bare heading instead of a labelled value.
  const statusText = normalizeText(fields.status ?? (isPageRow(rowEl) ? statusHeadingOf(rowEl) : ''));
  const candidate: Record<string, unknown> = { refundId, statusText, status: classifyStatus(simplifyChinese(statusText)), readAt };

  let orderId = digitsOf(fields.orderId);
  if (orderId === undefined) {
    const fromLinks = new Set(
      [...rowEl.querySelectorAll('a[href]')].flatMap((a) => BIZ_ORDER_ID.exec(a.getAttribute('href') ?? '')?.[1] ?? []),
    );
    if (fromLinks.size === 1) orderId = [...fromLinks][0];
  }
  if (orderId !== undefined) candidate.orderId = orderId;

  // Type: 退款类型 column/label, else the detail page's 要求, else the "(售中)/(售后)" header word, else a bare tag.
  const phase = phaseOf(fields.type ?? '') ?? phaseOf(rowText);
  const type =
    (fields.type && classifyType(simplifyChinese(fields.type))) ||
    (fields.demand && classifyType(simplifyChinese(fields.demand))) ||
    (phase?.typeWord && classifyType(phase.typeWord)) ||
    typeTagOf(rowEl) ||
    undefined;
  if (type) candidate.type = type;
  if (phase) candidate.phase = phase.phase;

  const goodsState = fields.goods && goodsStateOf(fields.goods);
  if (goodsState) candidate.goodsState = goodsState;

  const amountFen = fields.amount === undefined ? undefined : parseAmountFen(fields.amount);
  if (amountFen !== undefined) candidate.amountFen = amountFen;

  const appliedAt =
    fields.appliedAt === undefined || hasTwoDates(fields.appliedAt) ? null : parseBeijingDateTime(normalizeText(fields.appliedAt));
  if (appliedAt !== null) candidate.appliedAt = appliedAt;

  if (isPageRow(rowEl)) {
    const since = statusSinceOf(rowEl, candidate.status as RefundRow['status']);
    if (since !== undefined && since <= readAt) candidate.statusSince = since;
  }

  // The labelled nickname (detail pages: "买家：…"). Whether it is stored is the background's call (a privacy setting).
  const buyerNick = fields.buyer === undefined ? undefined : normalizeText(fields.buyer).trim();
  // Optional and never worth losing the row over: a run-on "value" is simply left out.
  if (buyerNick && buyerNick.length <= BUYER_NICK_MAX) candidate.buyerNick = buyerNick;

  const pageDeadline = pageDeadlineOf(rowEl, fields, readAt);
  if (pageDeadline) candidate.pageDeadline = pageDeadline;

  // R5a: the return parcel was signed for or refused, per 退货物流信息 or the status cell.
  const logistics = fields.logistics === undefined ? undefined : simplifyChinese(compactText(fields.logistics));
  if (SIGNED.test(simplifyChinese(compactText(statusText))) || (logistics !== undefined && SIGNED.test(logistics))) {
    candidate.returnSigned = true;
  } else if (logistics !== undefined) {
    candidate.returnSigned = false;
  }

  const parsed = checkRefundRow(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? 'row');
    const value = candidate[field];
    return { ok: false, problem: { refundId, field, text: clip(typeof value === 'string' ? value : String(value)) } };
  }
  return { ok: true, row: parsed.data };
}
