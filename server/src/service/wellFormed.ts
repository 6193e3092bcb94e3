// Unpaired surrogates: half a character, which UTF-8 (the files, the exports, the SHA-256)
// cannot hold. The parser reports them; every export replaces them.
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
export const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Replaces each unpaired surrogate with U+FFFD. Both are one UTF-16 unit and one code point,
 * so no offset moves; and UTF-8 (the exports, the SHA-256) cannot carry unpaired surrogates.
 */
export function wellFormed(text: string): string {
  // Most text holds no surrogate at all, and looking for one costs a fraction of the replace.
  return SURROGATE.test(text) ? text.replace(LONE_SURROGATE, '\uFFFD') : text;
}

/** Whether the surrogate at `i` is half of no pair. */
export function isLoneSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c <= 0xdbff) {
    const after = text.charCodeAt(i + 1);
    return !(after >= 0xdc00 && after <= 0xdfff);
  }
  const before = text.charCodeAt(i - 1);
  return !(before >= 0xd800 && before <= 0xdbff);
}
