// How alike two ids or names look to a reader: compared without case, diacritics, tatweel, the
// hamza and alef variants of Arabic, or the choice between `_`, `-`, `.` and space, then by edit
// distance. Used to suggest the id that was meant and the entities a selection names.

const ARABIC_VARIANTS: Readonly<Record<string, string>> = { 'ٱ': 'ا', 'ة': 'ه', 'ى': 'ي' };

export function foldForComparison(text: string): string {
  return text
    .normalize('NFKD') // أ إ آ ؤ ئ become a base letter and a combining hamza or madda, removed with the other marks
    .replace(/[\p{M}\u0640]/gu, '')
    .replace(/[ٱةى]/g, (letter) => ARABIC_VARIANTS[letter])
    .toLowerCase()
    .replace(/[_.\s-]+/g, '_');
}

/** Levenshtein distance, counted in code points. */
export function editDistance(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    for (let j = 1; j <= right.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (left[i - 1] === right[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[right.length];
}

/**
 * The candidates close enough to `id` to be what was meant, closest first (at most `limit`):
 * at most one edit per three characters once folded, and at least one.
 */
export function closestIds(id: string, candidates: Iterable<string>, limit = 3): string[] {
  const folded = foldForComparison(id);
  const scored: { candidate: string; folded: number; raw: number; order: number }[] = [];
  let order = 0;
  for (const candidate of candidates) {
    const other = foldForComparison(candidate);
    const distance = editDistance(folded, other);
    const allowed = Math.max(1, Math.floor(Math.max([...folded].length, [...other].length) / 3));
    if (candidate !== id && distance <= allowed) scored.push({ candidate, folded: distance, raw: editDistance(id, candidate), order: order++ });
  }
  return scored
    .sort((a, b) => a.folded - b.folded || a.raw - b.raw || a.order - b.order)
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}
