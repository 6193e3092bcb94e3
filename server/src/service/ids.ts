// Ids of sources and entities (FORMAT.md §2): compared after NFC normalisation, case-sensitive.
const ID_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}\p{M}_.-]{0,63}$/u;

/**
 * A document names the same few ids thousands of times, and normalising non-ASCII text costs
 * more than a lookup: recent results are kept, and forgotten all at once when there are many.
 */
const normalized = new Map<string, string>();
const NORMALIZED_CACHE_SIZE = 1000;

export function normalizeId(id: string): string {
  let nfc = normalized.get(id);
  if (nfc === undefined) {
    nfc = id.normalize('NFC');
    if (normalized.size >= NORMALIZED_CACHE_SIZE) normalized.clear();
    normalized.set(id, nfc);
  }
  return nfc;
}

/** 1–64 characters (code points): a letter or digit, then letters, digits, combining marks, `_`, `.` or `-`. */
export function isValidId(id: string): boolean {
  return ID_PATTERN.test(id);
}
