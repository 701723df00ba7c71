// The text of each field of one row (domain.md §5: "a field is the text after its label's colon, or the cell under
// its header"). The column cell wins; a "标签：值" label inside the row is the fallback; otherwise the field is absent.
import { type ReadContext, cellUnder, createReadContext, headerFor } from './columns';
import { contentTextNodes, normText, readText } from './dom-text';
import { type FieldKey, FIELD_KEYS, FIELD_LABELS, findFieldLabel, nextLabelIndex } from './labels';

export type RowFields = Partial<Record<FieldKey, string>>;

/** How many levels above the label's own element a value is looked for ("<dt>标签</dt><dd>值</dd>" needs one). */
const MAX_LABEL_CLIMB = 2;

/** The value after a field's label inside `text`, cut before the next label; '' when the label has no value. */
function valueAfterLabel(text: string, field: FieldKey): string | null {
  const hit = findFieldLabel(text, field);
  if (!hit) return null;
  const end = nextLabelIndex(text, hit.valueStart);
  return text.slice(hit.valueStart, end < 0 ? undefined : end).trim();
}

/** The row's content text nodes with their normalised text, read once per row. */
export type RowTexts = Array<{ node: Text; text: string }>;

export function rowTexts(row: Element): RowTexts {
  return contentTextNodes(row).map((node) => ({ node, text: normText(node.data) }));
}

/** "标签：值", "标签: 值", or label and value in sibling elements, read inside the row. */
export function labelValue(row: Element, field: FieldKey, texts: RowTexts = rowTexts(row)): string | undefined {
  if (!FIELD_LABELS[field].inRow) return undefined;
  for (const { node, text } of texts) {
    if (!findFieldLabel(text, field)) continue;
    let el: Element | null = node.parentElement;
    for (let i = 0; el && i <= MAX_LABEL_CLIMB; i++) {
      const value = valueAfterLabel(readText(el), field);
      if (value === null) break; // the label is split oddly across elements: try the next text node
      if (value !== '') return value;
      if (el === row) break;
      el = el.parentElement;
    }
  }
  return undefined;
}

/** The text of the cell under the field's column header, when the row lines up with one. */
export function columnValue(row: Element, field: FieldKey, ctx: ReadContext): string | undefined {
  const found = headerFor(row, ctx);
  if (!found) return undefined;
  const cell = cellUnder(found, field);
  return cell ? readText(cell) : undefined;
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
