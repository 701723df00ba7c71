import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  complementPercent,
  fractionToPercentText,
  numberToPlainString,
  parseDecimalText,
  shiftDecimal,
} from '@/lib/options/number-input';

/** "0.01" (meaning 0.01 %) → 0.0001, as the options form stores a typed percent (lib/options/form.ts). */
function percentTextToFraction(text: string): number | null {
  const p = parseDecimalText(text, true);
  return p.kind === 'number' ? Number(shiftDecimal(p.decimal, -2)) : null;
}

describe('percent ↔ fraction', () => {
  it('0.01 % is stored as exactly 0.0001 (the same double as the literal)', () => {
    expect(percentTextToFraction('0.01')).toBe(0.0001);
    expect(Object.is(percentTextToFraction('0.01'), 0.0001)).toBe(true);
  });
  it('has none of the float noise of dividing by 100', () => {
    expect(0.07 / 100).not.toBe(0.0007); // the reason for the string shift
    expect(percentTextToFraction('0.07')).toBe(0.0007);
    expect(percentTextToFraction('96.65')).toBe(0.9665);
    expect(percentTextToFraction('0.0052')).toBe(0.000052);
    expect(percentTextToFraction('100')).toBe(1);
    expect(percentTextToFraction('0.29')).toBe(0.0029);
    expect(percentTextToFraction('57')).toBe(0.57);
  });
  it('accepts a trailing %, full-width digits and spaces; refuses junk', () => {
    expect(percentTextToFraction('0.01%')).toBe(0.0001);
    expect(percentTextToFraction(' ０．０１ ％')).toBe(0.0001);
    expect(percentTextToFraction('.5')).toBe(0.005);
    expect(percentTextToFraction('abc')).toBeNull();
    expect(percentTextToFraction('1e-2')).toBeNull();
    expect(percentTextToFraction('1.2.3')).toBeNull();
    expect(percentTextToFraction('')).toBeNull();
  });
  it('shows a stored fraction as the percentage typed, without noise or exponents', () => {
    expect(fractionToPercentText(0.0001)).toBe('0.01');
    expect(fractionToPercentText(0.9665)).toBe('96.65');
    expect(fractionToPercentText(0.0007)).toBe('0.07');
    expect(fractionToPercentText(1e-7)).toBe('0.00001');
    expect(fractionToPercentText(1)).toBe('100');
    expect(fractionToPercentText(0)).toBe('0');
  });
  it('round-trips every percentage with up to 6 decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 0, max: 6 }), (units, places) => {
        const typed = shiftDecimal(String(units), -places);
        const stored = percentTextToFraction(typed)!;
        expect(stored).toBe(Number(shiftDecimal(typed, -2)));
        expect(fractionToPercentText(stored)).toBe(typed);
      }),
    );
  });
});

describe('helpers', () => {
  it('parseDecimalText: empty, invalid, canonical digits', () => {
    expect(parseDecimalText('')).toEqual({ kind: 'empty' });
    expect(parseDecimalText('-')).toEqual({ kind: 'invalid' });
    expect(parseDecimalText('007.50')).toEqual({ kind: 'number', value: 7.5, decimal: '7.5' });
    expect(parseDecimalText('-0')).toEqual({ kind: 'number', value: 0, decimal: '0' });
    expect(parseDecimalText('5%')).toEqual({ kind: 'invalid' });
  });
  it('numberToPlainString never uses exponents', () => {
    expect(numberToPlainString(1e-7)).toBe('0.0000001');
    expect(numberToPlainString(1.5e-10)).toBe('0.00000000015');
    expect(numberToPlainString(1e21)).toBe('1000000000000000000000');
    expect(numberToPlainString(2.68)).toBe('2.68');
  });
  it('complementPercent (排名占比 ⇔ 领先百分比) has no noise', () => {
    expect(complementPercent(43.7)).toBe(56.3);
    expect(complementPercent(43.5)).toBe(56.5);
    expect(complementPercent(0)).toBe(100);
    expect(complementPercent(100)).toBe(0);
  });
});
