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

/** Edit distance in code points, where swapping two neighbours (the commonest typo) is one edit, like inserting, deleting or replacing one. */
export function editDistance(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  // rows[i][j]: the distance between the first i characters of `left` and the first j of `right`.
  const rows = Array.from({ length: left.length + 1 }, (_, i) => Array.from({ length: right.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= left.length; i++) {
    for (let j = 1; j <= right.length; j++) {
      const same = left[i - 1] === right[j - 1];
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + (same ? 0 : 1));
      if (i > 1 && j > 1 && left[i - 1] === right[j - 2] && left[i - 2] === right[j - 1]) rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
    }
  }
  return rows[left.length][right.length];
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
