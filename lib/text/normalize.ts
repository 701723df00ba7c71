// Text normalisation before any matching (domain.md §4.1).

const ZERO_WIDTH = /[\u200B\u200C\u200D\u2060\uFEFF]/g;

/** NFKC (full-width digits and colons, no-break and ideographic spaces), no zero-width chars, single spaces, trimmed. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').replace(ZERO_WIDTH, '').replace(/\s+/g, ' ').trim();
}

/** Normalised and without any space: for label matching, where spaces are optional. */
export function compactText(text: string): string {
  return normalizeText(text).replace(/ /g, '');
}
