// The text of each field of one row (domain.md §5: "a field is the text after its label's colon, or the cell under
// its header"). The column cell wins; a "标签：值" label inside the row is the fallback; otherwise the field is absent.
import { type ReadContext, cellUnder, createReadContext, headerFor } from './columns';
import type { GoodsState } from '../model/vocabulary';
import { parseAmountFen } from './amount';
import { classifyStatus, classifyType } from '../status/classify';
import { compactText } from '../text/normalize';
import { contentTextNodes, isControl, isSkipped, normText, readText } from './dom-text';
import { type FieldKey, FIELD_KEYS, FIELD_LABELS, findFieldLabel, nextLabelIndex, simplifyChinese } from './labels';

export type RowFields = Partial<Record<FieldKey, string>>;

/** How many levels above the label's own element a value is looked for ("<dt>标签</dt><dd>值</dd>" needs one). */
const MAX_LABEL_CLIMB = 2;

/** A label with two candidate values beside it: the field is not understood (a guess could be a wrong value). */
const AMBIGUOUS = Symbol('ambiguous');
type LabelReading = string | typeof AMBIGUOUS | null;

/** The value after a field's label inside `text`, cut before the next label; '' when the label has no value. */
function valueAfterLabel(text: string, field: FieldKey): string | null {
  const hit = findFieldLabel(text, field);
  if (!hit) return null;
  const end = nextLabelIndex(text, hit.valueStart);
  return text.slice(hit.valueStart, end < 0 ? undefined : end).trim();
}

/** 未发货 / 已发货 / 已收货 / 已经退货 (§1 货物状态). Checked most specific first: 未发货 contains 发货. */
export function goodsStateOf(text: string): GoodsState | undefined {
  const t = simplifyChinese(compactText(text));
  if (t.includes('未发货')) return 'unshipped';
  if (t.includes('已经退货') || t.includes('已退货')) return 'returned';
  if (t.includes('已收货')) return 'received';
  if (t.includes('已发货')) return 'shipped';
  return undefined;
}

const DATE = /\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}/;
/** What a return-parcel line says: a parcel state, a carrier word or a tracking number. */
const PARCEL = /签收|拒收|派送|揽收|运输|快递|物流|速递|[A-Z]{0,4}\d{8,}/;
/** "-" / "—": the page's way of saying "no value", a value all the same (超时时间：- means no deadline). */
const PLACEHOLDER = /^[-\u2013\u2014\u2212]+$/;

/** Could `text` be what the page shows as a value of `field`? Used only to tell a second value from other text. */
function looksLikeValue(field: FieldKey, text: string): boolean {
  if (PLACEHOLDER.test(text)) return true;
  switch (field) {
    case 'refundId':
    case 'orderId':
      return /\d{6}/.test(text);
    case 'appliedAt':
      return DATE.test(text);
    case 'amount':
      return parseAmountFen(text) !== undefined;
    case 'deadline':
      return /\d/.test(text) || /超时|超時|还剩|還剩|剩余|剩餘/.test(text);
    case 'status':
      return classifyStatus(simplifyChinese(text)) !== 'unknown';
    case 'goods':
      return goodsStateOf(text) !== undefined;
    case 'type':
    case 'demand':
      return classifyType(simplifyChinese(text)) !== undefined;
    case 'logistics':
      return PARCEL.test(simplifyChinese(text));
    default:
      return text !== '';
  }
}

/**
 * The texts after `el` inside its parent, up to the next label: each element one piece, adjacent text nodes one
 * piece. `ended`: a label was reached, so nothing further up can be this label's value.
 */
function piecesAfter(el: Element): { pieces: string[]; ended: boolean } {
  const texts: string[] = [];
  let run: string | null = null;
  for (let n = el.nextSibling; n; n = n.nextSibling) {
    if (n.nodeType === 3) {
      run = (run ?? '') + (n as Text).data;
      continue;
    }
    if (n.nodeType !== 1) continue;
    if (run !== null) texts.push(normText(run));
    run = null;
    if (!isSkipped(n as Element) && !isControl(n as Element)) texts.push(readText(n));
  }
  if (run !== null) texts.push(normText(run));
  const pieces: string[] = [];
  for (const text of texts) {
    const end = nextLabelIndex(text, 0);
    const piece = (end < 0 ? text : text.slice(0, end)).trim();
    if (piece !== '') pieces.push(piece);
    if (end >= 0) return { pieces, ended: true };
  }
  return { pieces, ended: false };
}

/** One piece is the value; of several, the only one that looks like a value of the field. */
function onePiece(field: FieldKey, pieces: string[]): string | typeof AMBIGUOUS {
  if (pieces.length === 1) return pieces[0]!;
  const likely = pieces.filter((p) => looksLikeValue(field, p));
  return likely.length === 1 ? likely[0]! : AMBIGUOUS;
}

/**
 * The value of the label in `node`: the rest of the label's own element ("订单号：<a>123</a>"), unless what follows
 * that element also looks like a value of the field (junk typed into the label element of a label/value pair);
 * else what follows the label element, one level up at a time ("<dt>标签</dt><dd>值</dd>"). Null: no value here.
 */
function valueOfLabel(row: Element, node: Text, field: FieldKey): LabelReading {
  const own = node.parentElement;
  if (!own) return null;
  const inOwn = valueAfterLabel(readText(own), field);
  if (inOwn === null) return null; // the label is split oddly across elements: try the next text node
  if (inOwn !== '') {
    if (own === row) return inOwn;
    return piecesAfter(own).pieces.some((p) => looksLikeValue(field, p)) ? AMBIGUOUS : inOwn;
  }
  let el = own;
  for (let i = 0; i < MAX_LABEL_CLIMB && el !== row && el.parentElement; i++, el = el.parentElement) {
    const { pieces, ended } = piecesAfter(el);
    if (pieces.length > 0) return onePiece(field, pieces);
    if (ended) return null;
  }
  return null;
}

/** The row's content text nodes with their normalised text, read once per row. */
type RowTexts = Array<{ node: Text; text: string }>;

function rowTexts(row: Element): RowTexts {
  return contentTextNodes(row).map((node) => ({ node, text: normText(node.data) }));
}

/** "标签：值", "标签: 值", or label and value in sibling elements, read inside the row; undefined when ambiguous. */
function labelValue(row: Element, field: FieldKey, texts: RowTexts = rowTexts(row)): string | undefined {
  if (!FIELD_LABELS[field].inRow) return undefined;
  for (const { node, text } of texts) {
    if (!findFieldLabel(text, field)) continue;
    const value = valueOfLabel(row, node, field);
    if (value === AMBIGUOUS) return undefined;
    if (value !== null) return value;
  }
  return undefined;
}

/** Every field the row shows (cell under the header first, then "标签：值"). Buttons are never part of a value. */
export function readRowFields(row: Element, ctx: ReadContext = createReadContext(row)): RowFields {
  const fields: RowFields = {};
  const found = headerFor(row, ctx);
  const texts = rowTexts(row);
  for (const field of FIELD_KEYS) {
    const cell = found ? cellUnder(found, field) : null;
    // An empty cell falls back to a label elsewhere in the row (a Fusion group header line "订单号：…").
    const value = (cell ? readText(cell) : '') || labelValue(row, field, texts);
    if (value !== undefined && value !== '') fields[field] = value;
  }
  return fields;
}
