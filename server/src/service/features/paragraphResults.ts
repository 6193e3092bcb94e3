// Results kept from one version of a document to the next (problems, implicit mentions): after an
// edit re-read one paragraph, only that paragraph's are found again; the later ones move with the
// text, in place, so a large document pays for what the edit moved, not for a copy.
import type { TextRange } from '../model';
import type { ParagraphChange } from '../parse/incremental';
import { firstStartingAtOrAfter } from '../ranges';
import { spliceAll } from '../arrays';

type MutableRange = { -readonly [K in keyof TextRange]: number };

/**
 * In `items` (sorted by start, each range its own), replaces those of the paragraph `change`
 * re-read with `paragraph` (the paragraph's now) and moves the later ones by the edit's length.
 */
export function replaceParagraphResults<T>(items: T[], change: ParagraphChange, rangeOf: (item: T) => TextRange, paragraph: readonly T[]): void {
  const startOf = (item: T) => rangeOf(item).start;
  const first = firstStartingAtOrAfter(items, change.start, startOf);
  const after = firstStartingAtOrAfter(items, change.oldEnd, startOf, first);
  const delta = change.newEnd - change.oldEnd;
  if (delta !== 0) {
    for (let i = after; i < items.length; i++) {
      const range = rangeOf(items[i]) as MutableRange;
      range.start += delta;
      range.end += delta;
    }
  }
  spliceAll(items, first, after - first, paragraph);
}
