// Ids of sources and entities (FORMAT.md §2): compared after NFC normalisation, case-sensitive.
const ID_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}\p{M}_.-]{0,63}$/u;

export function normalizeId(id: string): string {
  return id.normalize('NFC');
}

/** 1–64 characters (code points): a letter or digit, then letters, digits, combining marks, `_`, `.` or `-`. */
export function isValidId(id: string): boolean {
  return ID_PATTERN.test(id);
}
