// Character classes shared by the body and attribute scanners (char codes, UTF-16).
export const LF = 10;
export const CR = 13;

export function isLineBreak(code: number): boolean {
  return code === LF || code === CR;
}

/** White space within a line; a line made only of these is blank. */
export function isBlankChar(code: number): boolean {
  return code === 32 || code === 9 || code === 11 || code === 12;
}

/** Characters a backslash makes literal anywhere: `[ ] { } \` (a line-initial `#` is handled apart). */
export function isEscapable(code: number): boolean {
  return code === 91 || code === 93 || code === 123 || code === 125 || code === 92;
}

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** How many embedding, override and isolate controls (FORMAT.md §5 `bidi-control`) `text` holds. */
export function bidiControlCount(text: string): number {
  return text.match(BIDI_CONTROLS)?.length ?? 0;
}

/** An embedding, override or isolate control (FORMAT.md §5 `bidi-control`). */
export function isBidiControl(code: number): boolean {
  return (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

/** White space as `trim` and the pattern `\s` see it (the Unicode spaces and line terminators). */
export function isWhiteSpaceOrLineTerminator(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  // Arabic and most other letters lie here: one test settles them.
  if (code < 0x1680) return code === 0xa0;
  return code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}
