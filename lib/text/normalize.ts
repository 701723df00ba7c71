// Text normalisation before any matching (domain.md §4.1).

// Text NFKC leaves unchanged: ASCII, CJK ideographs and the CJK punctuation 、。〃〄々〆〇〈〉《》「」『』【】 (no
// compatibility forms, no combining marks, nothing that composes, no zero-width characters).
const NFKC_STABLE = /^[\t\n\r\x20-\x7e\u3001-\u3011\u4e00-\u9fff]*$/;
const ZERO_WIDTH = /[\u200B\u200C\u200D\u2060\uFEFF]/g;

/** NFKC (full-width digits and colons, no-break and ideographic spaces), no zero-width chars, single spaces, trimmed. */
export function normalizeText(text: string): string {
  // Most page text is ASCII and CJK ideographs, which NFKC leaves as they are: skip the costly call for it.
  if (NFKC_STABLE.test(text)) return text.replace(/\s+/g, ' ').trim();
  return text.normalize('NFKC').replace(ZERO_WIDTH, '').replace(/\s+/g, ' ').trim();
}

/** Normalised and without any space: for label matching, where spaces are optional. */
export function compactText(text: string): string {
  return normalizeText(text).replace(/ /g, '');
}
