// Money text → integer fen (分) by string arithmetic: "￥128.00", "¥1,234.5", "128元". Floats never touch the value
// (128.1 * 100 is 12809.999…). Anything ambiguous ("¥1,2,3", two amounts, three decimals) or negative gives undefined.
import { normalizeText } from '../text/normalize';

// NFKC has already turned "￥" into "¥". A currency mark may stand before, 元 after.
const TOKEN = /(¥|RMB|CNY)? ?(\d[\d,]*(?:\.\d+)?)( ?元)?/gi;
const VALID = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

export function parseAmountFen(text: string): number | undefined {
  // "128 .00" when the decimals sit in their own element: join digit groups split by a space.
  const t = normalizeText(text).replace(/(?<=\d) (?=[.,]\d)|(?<=\d[.,]) (?=\d)/g, '');
  const tokens = [...t.matchAll(TOKEN)];
  const marked = tokens.filter((m) => m[1] !== undefined || m[3] !== undefined);
  const pick = marked.length === 1 ? marked[0] : marked.length === 0 && tokens.length === 1 ? tokens[0] : undefined;
  if (!pick) return undefined;
  // A bare number (no ¥ or 元) is the amount only when it is all the value says: "白的 621" is not ¥621.
  if (marked.length === 0 && /[\p{L}]/u.test(t.replace(pick[0], ''))) return undefined;
  // "￥-5.00" / "-¥5.00": a negative amount is no refund amount (and not its absolute value).
  if (/[-\u2212]\s*(?:¥|RMB|CNY)?\s*$/i.test(t.slice(0, pick.index))) return undefined;
  const m = VALID.exec(pick[2]!);
  if (!m) return undefined;
  const digits = (m[1]!.replace(/,/g, '') + (m[2] ?? '').padEnd(2, '0')).replace(/^0+(?=\d)/, '');
  if (digits.length > 15) return undefined; // beyond exact integers: not a refund amount
  return Number(digits);
}
