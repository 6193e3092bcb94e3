// Binary searches over sorted, non-overlapping ranges (elisions, skipped markup, id ranges).
import type { TextRange } from './model';

/** The default of `firstEndingAfter`: one function, not a closure made on every call. */
const itself = <T>(item: T): TextRange => item as TextRange;

/** Index of the first range (of an item, as `rangeOf` finds it) that ends after `offset`; `ranges.length` when none does. */
export function firstEndingAfter<T = TextRange>(ranges: readonly T[], offset: number, rangeOf: (item: T) => TextRange = itself): number {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (rangeOf(ranges[mid]).end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * `firstEndingAfter(ranges, offset)` for offsets asked in ascending order: walks on from `from`, the
 * answer for an earlier offset, so that all of them together read the ranges once instead of
 * searching them per offset. Any `from` up to `ranges.length` gives the right answer; one past
 * `offset` costs a search.
 */
export function nextEndingAfter(ranges: readonly TextRange[], offset: number, from: number): number {
  if (from > 0 && ranges[from - 1].end > offset) return firstEndingAfter(ranges, offset);
  let index = from;
  while (index < ranges.length && ranges[index].end <= offset) index++;
  return index;
}

/** Whether any of the ranges contains `offset`. */
export function anyContains(ranges: readonly TextRange[], offset: number): boolean {
  const index = firstEndingAfter(ranges, offset);
  return index < ranges.length && ranges[index].start <= offset;
}

/** Index of the first of `items`, sorted by `startOf`, that starts at or after `offset`, searching from `from`. */
export function firstStartingAtOrAfter<T>(items: readonly T[], offset: number, startOf: (item: T) => number, from = 0): number {
  let low = from;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (startOf(items[mid]) < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
