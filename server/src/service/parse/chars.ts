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
