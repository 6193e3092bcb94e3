// The clean text of FORMAT.md §7: the article as a reader sees it, and where each document
// offset lands in it. Exports count in code points; the editor counts in UTF-16 units.
import type { IsnadDocument, Section, TextRange } from '../model';
import { firstEndingAfter } from '../ranges';
import { wellFormed } from '../wellFormed';

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** How many entries of the ascending `values` are at most `limit`. */
function countAtMost(values: readonly number[], limit: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (values[mid] <= limit) low = mid + 1;
    else high = mid;
  }
  return low;
}

export class CleanText {
  readonly text: string;
  /** Document offsets where each elision starts and ends, and the clean offset its replacement starts at. */
  private readonly elisionStarts: number[] = [];
  private readonly elisionEnds: number[] = [];
  private readonly replacementStarts: number[] = [];
  private readonly replacementLengths: number[] = [];
  /** Clean offsets of the second unit of each surrogate pair: the units that are not code points of their own. */
  private readonly pairSeconds: number[] = [];

  constructor(private readonly doc: IsnadDocument) {
    // Made well-formed per document, before pieces are joined: a lone high surrogate before
    // a `[` and a lone low one after it must not fuse into a pair that a span boundary splits.
    const source = wellFormed(doc.text);
    const pieces: string[] = [];
    let kept = 0;
    let cleanLength = 0;
    for (const elision of doc.elisions) {
      pieces.push(source.slice(kept, elision.start), elision.replacement);
      cleanLength += elision.start - kept;
      this.elisionStarts.push(elision.start);
      this.elisionEnds.push(elision.end);
      this.replacementStarts.push(cleanLength);
      this.replacementLengths.push(elision.replacement.length);
      cleanLength += elision.replacement.length;
      kept = elision.end;
    }
    pieces.push(source.slice(kept));
    this.text = pieces.join('');
    for (let i = 1; i < this.text.length; i++) {
      if (isLowSurrogate(this.text.charCodeAt(i)) && isHighSurrogate(this.text.charCodeAt(i - 1))) this.pairSeconds.push(i);
    }
  }

  /**
   * The clean UTF-16 offset of a document offset. An offset inside a stretch the clean text
   * leaves out lands where that stretch was: a span's `]{…}` collapses onto its content's end.
   */
  offsetAt(documentOffset: number): number {
    const offset = Math.max(0, Math.min(documentOffset, this.doc.text.length));
    const i = countAtMost(this.elisionStarts, offset) - 1;
    if (i < 0) return offset;
    if (offset < this.elisionEnds[i]) return this.replacementStarts[i];
    return this.replacementStarts[i] + this.replacementLengths[i] + offset - this.elisionEnds[i];
  }

  /** The clean offset in code points of a clean UTF-16 offset. */
  codePointOffset(cleanOffset: number): number {
    return cleanOffset - countAtMost(this.pairSeconds, cleanOffset - 1);
  }

  /** The clean offset in code points of a document offset. */
  codePointAt(documentOffset: number): number {
    return this.codePointOffset(this.offsetAt(documentOffset));
  }

  /** The clean text of a document range. */
  slice(range: TextRange): string {
    return this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  /** Up to `count` code points of clean text that end at the clean UTF-16 offset `end`. */
  codePointsBefore(end: number, count: number): string {
    let start = end;
    for (let n = 0; n < count && start > 0; n++) {
      start -= isLowSurrogate(this.text.charCodeAt(start - 1)) && isHighSurrogate(this.text.charCodeAt(start - 2)) ? 2 : 1;
    }
    return this.text.slice(start, end);
  }

  /** Up to `count` code points of clean text that start at the clean UTF-16 offset `start`. */
  codePointsAfter(start: number, count: number): string {
    let end = start;
    for (let n = 0; n < count && end < this.text.length; n++) {
      end += isHighSurrogate(this.text.charCodeAt(end)) && isLowSurrogate(this.text.charCodeAt(end + 1)) ? 2 : 1;
    }
    return this.text.slice(start, end);
  }
}

// Features ask for the clean text of the same document many times (every outline entry,
// every export row): build it once per parsed document.
const cache = new WeakMap<IsnadDocument, CleanText>();

export function cleanTextOf(doc: IsnadDocument): CleanText {
  let clean = cache.get(doc);
  if (!clean) {
    clean = new CleanText(doc);
    cache.set(doc, clean);
  }
  return clean;
}

/**
 * The clean text of a document range: what a reader sees there, without markup. Equal to
 * `cleanTextOf(doc).slice(range)`, but reads only the range: the outline titles thousands of
 * spans, and building the whole clean text for them cost more than the rest of the outline.
 */
export function plainText(doc: IsnadDocument, range: TextRange): string {
  const { text, elisions } = doc;
  const start = Math.max(0, Math.min(range.start, text.length));
  const end = Math.max(start, Math.min(range.end, text.length));
  // One unit of context on each side, so a surrogate at the edge is judged by its real neighbour.
  const context = start > 0 ? 1 : 0;
  const source = wellFormed(text.slice(start - context, end + 1));
  /** Document offset + `shift` = offset in `source`. */
  const shift = context - start;
  let result = '';
  let kept = start;
  for (let i = firstEndingAfter(elisions, start); i < elisions.length && elisions[i].start < end; i++) {
    const elision = elisions[i];
    // `max`: the range may start inside the first elision. One that `end` falls inside keeps
    // the text before it but not its replacement, as `CleanText.offsetAt` maps `end` there.
    const before = source.slice(kept + shift, Math.max(kept, elision.start) + shift);
    if (elision.end > end) return result + before;
    result += before + elision.replacement;
    kept = elision.end;
  }
  return result + source.slice(kept + shift, end + shift);
}


/** A heading's title as a reader sees it, trimmed: its spans' markup, escapes and comments gone. */
export function sectionTitle(doc: IsnadDocument, section: Section): string {
  // The model keeps the title as raw text without its range; it is the first occurrence
  // after the `#` run, because everything before it there is white space.
  const heading = doc.text.slice(section.headingRange.start, section.headingRange.end);
  const start = section.headingRange.start + heading.indexOf(section.title, section.level);
  return plainText(doc, { start, end: start + section.title.length }).trim();
}
