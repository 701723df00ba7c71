// Numbers typed by the user on the options page, and the exact percent ↔ fraction conversion (issue 3 §5).
// Users type percentages ("0.01" meaning 0.01 %) while settings store fractions (0.0001). Dividing by 100 in floating
// point gives noise (0.07 / 100 = 0.0007000000000000001), so the decimal point is moved in the digit string instead:
// the stored number is then exactly the double a programmer would write as the literal 0.0007.

/** Full-width digits and punctuation (typed with a Chinese IME) → ASCII; spaces removed. */
export function normalizeNumberText(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[＋]/g, '+')
    .replace(/[－—−]/g, '-')
    .replace(/[％]/g, '%')
    .replace(/\s+/g, '');
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

type NumberParse = { kind: 'empty' } | { kind: 'invalid' } | { kind: 'number'; value: number; decimal: string };

/**
 * A plain decimal as typed ("12", "0.01", ".5", "-3", "１２．５"); no exponents, no thousands separators.
 * `decimal` is the canonical digit string (no sign "+", no superfluous zeros) used for exact shifting.
 * `allowPercentSign`: a trailing "%" is accepted and ignored (the field is already in %).
 */
export function parseDecimalText(text: string, allowPercentSign = false): NumberParse {
  let s = normalizeNumberText(text);
  if (allowPercentSign && s.endsWith('%')) s = s.slice(0, -1);
  if (s === '') return { kind: 'empty' };
  const m = DECIMAL.exec(s);
  if (!m) return { kind: 'invalid' };
  const [, sign = '', intPart = '', fracPart = ''] = m;
  if (intPart === '' && fracPart === '') return { kind: 'invalid' };
  const decimal = canonical(sign === '-', intPart, fracPart);
  const value = Number(decimal);
  if (!Number.isFinite(value)) return { kind: 'invalid' };
  return { kind: 'number', value: Object.is(value, -0) ? 0 : value, decimal };
}

function canonical(negative: boolean, intPart: string, fracPart: string): string {
  const i = intPart.replace(/^0+(?=\d)/, '') || '0';
  const f = fracPart.replace(/0+$/, '');
  const body = f ? `${i}.${f}` : i;
  return negative && /[1-9]/.test(body) ? `-${body}` : body;
}

/** A finite number as a plain decimal string, never in exponent form (1e-7 → "0.0000001"). */
export function numberToPlainString(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  const s = String(n);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign = '', intPart = '', fracPart = '', exp = '0'] = m;
  return shiftDecimal(`${sign}${intPart}${fracPart ? `.${fracPart}` : ''}`, Number(exp));
}

/** Moves the decimal point of a plain decimal string by `places` (positive = ×10^places), exactly. */
export function shiftDecimal(decimal: string, places: number): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal);
  if (!m || !Number.isInteger(places)) throw new RangeError(`not a plain decimal: ${decimal}`);
  const [, sign = '', intPart = '', fracPart = ''] = m;
  let digits = intPart + fracPart;
  let point = intPart.length + places;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  return canonical(sign === '-', digits.slice(0, point), digits.slice(point));
}

/** 0.0001 → "0.01" (in %), without float noise (0.9665 → "96.65", 1e-7 → "0.00001"). */
export function fractionToPercentText(fraction: number): string {
  return shiftDecimal(numberToPlainString(fraction), 2);
}

/** 100 − x for percentages, without float noise (100 − 43.7 = 56.3, not 56.300000000000004). */
export function complementPercent(x: number): number {
  return Number(numberToPlainString(Number((100 - x).toFixed(10))));
}
