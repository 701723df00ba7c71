// The seller center's label vocabulary (domain.md §1, §5) and a tolerant matcher for it.
// Labels are matched on normalised text (§4.1: NFKC turns "：" into ":" and no-break spaces into spaces), with an
// optional space between characters ("退 款 编 号") and cheap traditional-Chinese variants (退款編號, 售後狀態).
import { normalizeText } from '../text/normalize';
import { normText } from './dom-text';

const compactText = (text: string): string => normText(text).replace(/ /g, '');

/** Fields a row can show. Header-only keys exist so a header row is recognised even with non-data columns. */
export type FieldKey =
  | 'refundId'
  | 'orderId'
  | 'appliedAt'
  | 'amount'
  | 'status'
  | 'deadline'
  | 'countdown'
  | 'goods'
  | 'type'
  | 'demand'
  | 'logistics'
  | 'reason'
  | 'product'
  | 'orderAmount'
  | 'buyer'
  | 'action';

interface LabelDef {
  readonly labels: readonly string[];
  /** Read as "标签：值" inside a row (header-only labels are too generic for that). */
  readonly inRow: boolean;
  /** The label only counts when a colon follows (要求 also occurs in running text). */
  readonly needsColon?: boolean;
  /** Counts towards "this is a header row" (data columns, not 商品/操作). */
  readonly dataColumn: boolean;
}

// Longer spellings first within a field, so "退货物流信息" wins over "退货物流".
export const FIELD_LABELS: Readonly<Record<FieldKey, LabelDef>> = {
  refundId: { labels: ['退款编号', '售后编号', '售后单号', '退款单号'], inRow: true, dataColumn: true },
  orderId: { labels: ['订单编号', '订单号'], inRow: true, dataColumn: true },
  appliedAt: { labels: ['申请时间'], inRow: true, dataColumn: true },
  amount: { labels: ['退款金额'], inRow: true, dataColumn: true },
  status: { labels: ['售后状态', '退款状态'], inRow: true, dataColumn: true },
  deadline: { labels: ['超时时间'], inRow: true, dataColumn: true },
  countdown: { labels: ['剩余时间', '处理时效', '倒计时'], inRow: false, dataColumn: true },
  goods: { labels: ['货物状态', '发货状态'], inRow: true, dataColumn: true },
  type: { labels: ['退款类型', '售后类型'], inRow: true, dataColumn: true },
  demand: { labels: ['要求'], inRow: true, needsColon: true, dataColumn: false },
  logistics: { labels: ['退货物流信息', '退货物流'], inRow: true, dataColumn: true },
  reason: { labels: ['退款原因', '售后原因'], inRow: false, dataColumn: true },
  product: { labels: ['商品信息', '商品', '宝贝'], inRow: false, dataColumn: false },
  orderAmount: { labels: ['订单金额', '实付金额'], inRow: false, dataColumn: true },
  // Only with its colon: 买家 also starts status texts (买家已经申请退款…) and history lines (买家（nick）于…).
  buyer: { labels: ['买家昵称', '买家'], inRow: true, needsColon: true, dataColumn: false },
  action: { labels: ['操作'], inRow: false, dataColumn: false },
};

export const FIELD_KEYS = Object.keys(FIELD_LABELS) as FieldKey[];

// Traditional → simplified for the characters of the labels above (cheap: no dictionary).
const TRADITIONAL: Readonly<Record<string, string>> = {
  編: '编', 號: '号', 訂: '订', 單: '单', 請: '请', 時: '时', 間: '间', 額: '额', 後: '后', 狀: '状', 態: '态',
  貨: '货', 發: '发', 類: '类', 換: '换', 簽: '签', 餘: '余', 還: '还', 買: '买', 寶: '宝', 貝: '贝', 實: '实',
  處: '处', 計: '计', 資: '资', 訊: '讯', 稱: '称', 暱: '昵', 務: '务', 倉: '仓',
  // Status and logistics words, so classifyStatus and the 签收 check also read traditional text.
  賣: '卖', 絕: '绝', 經: '经', 關: '关', 閉: '闭', 確: '确', 認: '认', 無: '无', 遞: '递', 達: '达', 運: '运',
  輸: '输', 據: '据', 證: '证', 戶: '户',
};
const SIMPLIFIED_TO_VARIANTS = new Map<string, string[]>();
for (const [trad, simp] of Object.entries(TRADITIONAL)) {
  SIMPLIFIED_TO_VARIANTS.set(simp, [...(SIMPLIFIED_TO_VARIANTS.get(simp) ?? []), trad]);
}

/** Maps the known traditional characters to simplified ones (same length, so indexes stay valid). */
const HAS_TRADITIONAL = new RegExp(`[${Object.keys(TRADITIONAL).join('')}]`);
export function simplifyChinese(text: string): string {
  if (!HAS_TRADITIONAL.test(text)) return text;
  let out = '';
  for (const ch of text) out += TRADITIONAL[ch] ?? ch;
  return out;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Regex source for one label: each character may be its traditional variant and be followed by one space. */
function labelSource(label: string): string {
  return [...label]
    .map((ch) => {
      const variants = SIMPLIFIED_TO_VARIANTS.get(ch);
      return variants ? `[${escapeRe(ch)}${variants.join('')}]` : escapeRe(ch);
    })
    .join(' ?');
}

const sourceCache = new Map<FieldKey, string>();
/** Regex source matching any label of a field (longest first). */
function fieldLabelSource(field: FieldKey): string {
  let src = sourceCache.get(field);
  if (src === undefined) {
    const labels = [...FIELD_LABELS[field].labels].sort((a, b) => b.length - a.length);
    src = `(?:${labels.map(labelSource).join('|')})`;
    sourceCache.set(field, src);
  }
  return src;
}

// A label never starts inside a Chinese word ("子订单号" is not 订单号); digits or punctuation may precede it.
const BEFORE = '(?<!\\p{Script=Han})';

/** Finds a field label in normalised text: index of the label, index just after it and any colon. */
const labelRegexCache = new Map<FieldKey, RegExp>();

export function findFieldLabel(text: string, field: FieldKey, from = 0): { index: number; valueStart: number } | null {
  const def = FIELD_LABELS[field];
  let re = labelRegexCache.get(field);
  if (!re) {
    re = new RegExp(`${BEFORE}${fieldLabelSource(field)}( ?:)?`, 'gu');
    labelRegexCache.set(field, re);
  }
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (def.needsColon && !m[1]) continue;
    const valueStart = m.index + m[0].length;
    return { index: m.index, valueStart: text[valueStart] === ' ' ? valueStart + 1 : valueStart };
  }
  return null;
}

/** Index of the first label of any in-row field at or after `from` (where a "标签：值" value ends), else -1. */
let anyInRowLabel: RegExp | null = null;

export function nextLabelIndex(text: string, from: number): number {
  if (!anyInRowLabel) {
    const fields = FIELD_KEYS.filter((f) => FIELD_LABELS[f].inRow);
    // 要求 only counts with its colon, as in findFieldLabel.
    const alts = fields.map((f) => (FIELD_LABELS[f].needsColon ? `${fieldLabelSource(f)} ?:` : fieldLabelSource(f)));
    anyInRowLabel = new RegExp(`${BEFORE}(?:${alts.join('|')})`, 'gu');
  }
  anyInRowLabel.lastIndex = from;
  const m = anyInRowLabel.exec(text);
  return m ? m.index : -1;
}

/**
 * The refund-id label followed by its digits ("退款编号：200…", "售后单号 200…"), global. Digits followed by more digits
 * after a space ("退款编号：123456 200…", a number split in two) are ambiguous: no match (a date may follow).
 */
export function refundIdPattern(): RegExp {
  return new RegExp(`${BEFORE}${fieldLabelSource('refundId')} ?:? ?(\\d{6,30})(?!\\d)(?! ?\\d(?!\\d{3}[-/.年]))`, 'gu');
}

/** Does normalised text contain a refund-id label at all (with or without digits)? */
export function hasRefundIdLabel(text: string): boolean {
  return findFieldLabel(normalizeText(text), 'refundId') !== null;
}

/** The field a header cell's text names ("申请时间↓", "退款金额(元)", "售後狀態"), or null. Exact, not "contains". */
const headerFieldCache = new Map<string, FieldKey | null>();
export function headerField(cellText: string): FieldKey | null {
  let field = headerFieldCache.get(cellText);
  if (field === undefined) {
    if (headerFieldCache.size >= 4096) headerFieldCache.clear();
    field = headerFieldOf(cellText);
    headerFieldCache.set(cellText, field);
  }
  return field;
}

function headerFieldOf(cellText: string): FieldKey | null {
  const t = simplifyChinese(compactText(cellText))
    .replace(/\([^)]*\)/g, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
  if (!t) return null;
  for (const field of FIELD_KEYS) {
    if (FIELD_LABELS[field].labels.includes(t)) return field;
  }
  // A bare 状态 column is the status column; only as a header, where it cannot be running text.
  if (t === '状态') return 'status';
  return null;
}

/** "仅退款(售中)" / "退货退款(售后)": the claim type and phase suffix of the legacy row header (§5.3). */
export const PHASE_SUFFIX = /(仅退款|退货退款|换货|退款)? ?\((售中|售后|售後)\)/;
