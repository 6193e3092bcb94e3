// Re-parsing after an edit: when the edit stays inside one paragraph, only that paragraph is read
// again and the rest of the model is kept, its offsets shifted; anything else parses the whole
// text. Either way the result equals `parseIsnad` of the new text (the randomized test checks it
// after every edit).
import type { Block, Elision, IdReference, IsnadDocument, Located, Section, Span, TextRange } from '../model';
import type { Problem } from '../problems';
import { parseIsnad } from './document';
import { parseParagraph, trimTrailingBreaks, type ParagraphParse } from './body';
import { isLineBreak } from './chars';
import { firstStartingAtOrAfter } from '../ranges';
import { spliceAll } from '../arrays';

/** `[start, end)` of the previous text replaced by `insertedLength` units. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly insertedLength: number;
}

/**
 * One edit doing `first` then `second` (whose offsets are in the text `first` left), when the
 * second touches or overlaps what the first inserted, as the keystrokes of typing do; undefined
 * when they are apart. Re-reading a paragraph once for a burst of keystrokes, not once per
 * keystroke, keeps a huge paragraph's cost per burst at one re-read.
 */
export function composeEdits(first: TextEdit, second: TextEdit): TextEdit | undefined {
  const firstEndNow = first.start + first.insertedLength;
  if (second.end < first.start || second.start > firstEndNow) return undefined;
  const start = Math.min(first.start, second.start);
  const unionEndNow = Math.max(firstEndNow, second.end);
  return {
    start,
    end: first.end + (unionEndNow - firstEndNow),
    insertedLength: unionEndNow - start + second.insertedLength - (second.end - second.start),
  };
}

/** What a paragraph re-read changed, for whatever keeps results per paragraph (the diagnostics do). */
export interface ParagraphChange {
  /** Where the paragraph starts; it ended at `oldEnd` before the edit and ends at `newEnd` now. */
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
  /** The paragraph's block now. */
  readonly block: Block;
  /** The index of the paragraph's first span. */
  readonly firstSpan: number;
  /** The paragraph's spans before the edit. */
  readonly removedSpans: readonly Span[];
  /** The paragraph's spans now. */
  readonly spans: readonly Span[];
  /** The parser's problems in the paragraph now. */
  readonly problems: readonly Problem[];
}

export interface Reparse {
  readonly document: IsnadDocument;
  /** Present when only the edited paragraph was read again. */
  readonly paragraph?: ParagraphChange;
}

/**
 * The model of `text`, which is `previous.text` with `edit` applied. The previous model is
 * consumed: its spans, blocks, elisions and comments are shifted in place and belong to the new
 * one, so a large document pays for what the edit moved, not for a copy.
 */
export function reparse(previous: IsnadDocument, edit: TextEdit, text: string, version: number): Reparse {
  return reparseParagraph(previous, edit, text, version) ?? { document: parseIsnad(text, previous.uri, version, previous.registry) };
}

const BYTE_ORDER_MARK = 0xfeff;
const COMMENT_MARKERS = /<!--|-->/;

function reparseParagraph(previous: IsnadDocument, edit: TextEdit, text: string, version: number): Reparse | undefined {
  const delta = edit.insertedLength - (edit.end - edit.start);
  const blockIndex = editedParagraph(previous, edit);
  if (blockIndex === undefined) return undefined;
  const block = previous.blocks[blockIndex].range;
  // A comment may run across paragraphs, and a new `-->` may close one opened earlier.
  const newEnd = block.end + delta;
  if (COMMENT_MARKERS.test(previous.text.slice(block.start, block.end)) || COMMENT_MARKERS.test(text.slice(block.start, newEnd))) return undefined;

  const firstSpan = firstStartingAtOrAfter(previous.spans, block.start, rangeStart);
  const paragraph = parseAlone(text, block.start, newEnd, sectionAt(previous.sections, block.start), firstSpan);
  // Anything but the same paragraph, moved by the edit, changes the structure around it.
  if (!paragraph || paragraph.end !== newEnd) return undefined;

  const firstElision = firstStartingAtOrAfter(previous.elisions, block.start, start);
  // A stretch left out that starts before the paragraph must end before it (comment lines do).
  if (firstElision > 0 && previous.elisions[firstElision - 1].end > block.start) return undefined;

  const problems = replaceProblems(previous, block, paragraph.problems, delta);
  const spans = previous.spans as MutableSpan[];
  const removedSpans = replaceSpans(spans, firstSpan, block.end, paragraph.spans, delta);
  const elisions = previous.elisions as Elision[];
  const elisionsAfter = firstStartingAtOrAfter(elisions, block.end, start, firstElision);
  spliceAll(elisions, firstElision, elisionsAfter - firstElision, paragraph.elisions);
  for (let i = firstElision + paragraph.elisions.length; i < elisions.length; i++) shiftRange(elisions[i], delta);
  const blocks = previous.blocks as Block[];
  blocks[blockIndex] = paragraph.blocks[0];
  for (let i = blockIndex + 1; i < blocks.length; i++) shiftRange(blocks[i].range, delta);
  const comments = previous.comments as TextRange[];
  for (let i = firstStartingAtOrAfter(comments, block.end, start); i < comments.length; i++) shiftRange(comments[i], delta);

  const document: IsnadDocument = {
    uri: previous.uri,
    version,
    text,
    lines: previous.lines.afterEdit(text, edit.start, edit.end, edit.insertedLength),
    bodyStart: previous.bodyStart,
    frontMatter: previous.frontMatter,
    ...(previous.registry ? { registry: previous.registry } : {}),
    sections: shiftSections(text, previous.sections, block, newEnd, delta),
    blocks,
    spans,
    comments,
    elisions,
    problems,
  };
  const change = { start: block.start, oldEnd: block.end, newEnd, block: blocks[blockIndex], firstSpan, removedSpans, spans: paragraph.spans, problems: paragraph.problems };
  return { document, paragraph: change };
}

/**
 * Parses the paragraph at `start` from a copy of its text and of the line after it (which decides
 * where it ends), then moves what it found to `start`. The strings the model keeps (ids, notes,
 * messages' arguments) are cut from the text parsed; cut from the whole text, each would keep
 * that version of it, megabytes, alive for as long as the paragraph is not edited again.
 */
function parseAlone(text: string, start: number, expectedEnd: number, section: number | undefined, firstSpan: number): ParagraphParse | undefined {
  let until = Math.min(text.length, expectedEnd + (text.startsWith('\r\n', expectedEnd) ? 2 : 1));
  while (until < text.length && !isLineBreak(text.charCodeAt(until))) until++;
  // A new string, not a slice: a slice would still refer to the whole text.
  const copy: string = JSON.parse(JSON.stringify(text.slice(start, until)));
  const parse = parseParagraph(copy, 0, section, firstSpan);
  if (!parse) return undefined;
  const ranges = new Set<TextRange>();
  for (const span of parse.spans) {
    ranges.add(span.range).add(span.contentRange).add(span.attributesRange);
    for (const reference of [span.entity, span.by, ...span.about, span.status, span.note, span.name]) if (reference) ranges.add(reference.range);
  }
  for (const item of parse.problems) ranges.add(item.range);
  for (const block of parse.blocks) ranges.add(block.range);
  for (const elision of parse.elisions) ranges.add(elision);
  for (const range of ranges) shiftRange(range, start);
  return { ...parse, end: parse.end + start };
}

/** The index of the paragraph (not heading) block holding the whole edit, when there is one that may be re-read alone. */
function editedParagraph(previous: IsnadDocument, edit: TextEdit): number | undefined {
  const { blocks, text, bodyStart, frontMatter } = previous;
  // Without a closed front matter, a new `---` line may open or close one.
  if (!frontMatter && text.startsWith('---', text.charCodeAt(0) === BYTE_ORDER_MARK ? 1 : 0)) return undefined;
  const index = firstStartingAtOrAfter(blocks, edit.start + 1, rangeStart) - 1;
  const block = blocks[index];
  if (!block || block.isHeading || block.range.start > edit.start || edit.end > block.range.end) return undefined;
  // The first line of the text may become a front matter fence.
  if (block.range.start <= bodyStart && !frontMatter) return undefined;
  return index;
}

const start = (item: TextRange) => item.start;
const rangeStart = (item: { readonly range: TextRange }) => item.range.start;

type MutableSpan = { -readonly [K in keyof Span]: Span[K] } & { children: number[] };
type MutableRange = { -readonly [K in keyof TextRange]: number };

function shiftRange(range: TextRange, delta: number): void {
  (range as MutableRange).start += delta;
  (range as MutableRange).end += delta;
}

function shiftReference(reference: IdReference | Located<string> | undefined, delta: number): void {
  if (reference) shiftRange(reference.range, delta);
}

/**
 * Swaps the paragraph's spans for the new ones, returning the old; the spans after it move by
 * `delta` units and by the change in count.
 */
function replaceSpans(spans: MutableSpan[], first: number, paragraphEnd: number, replacements: readonly Span[], delta: number): Span[] {
  const after = firstStartingAtOrAfter(spans, paragraphEnd, rangeStart, first);
  const indexDelta = replacements.length - (after - first);
  const removed = spliceAll(spans, first, after - first, replacements as MutableSpan[]);
  for (let i = first + replacements.length; i < spans.length; i++) {
    const span = spans[i];
    if (delta !== 0) {
      shiftRange(span.range, delta);
      shiftRange(span.contentRange, delta);
      shiftRange(span.attributesRange, delta);
      shiftReference(span.entity, delta);
      shiftReference(span.by, delta);
      for (const reference of span.about) shiftRange(reference.range, delta);
      shiftReference(span.status, delta);
      shiftReference(span.note, delta);
      shiftReference(span.name, delta);
    }
    if (indexDelta !== 0) {
      span.index += indexDelta;
      if (span.parent !== undefined) span.parent += indexDelta;
      if (span.attributedBy !== undefined) span.attributedBy += indexDelta;
      for (let child = 0; child < span.children.length; child++) span.children[child] += indexDelta;
    }
  }
  return removed;
}

/**
 * The front matter's problems, then the body's in paragraph order: the paragraph's are swapped
 * for the new ones and the later ones copied, moved. Copied, not shifted in place: a problem may
 * share its range with the span it is about, which `replaceSpans` shifts (so this runs first).
 */
function replaceProblems(previous: IsnadDocument, block: TextRange, replacements: readonly Problem[], delta: number): Problem[] {
  const { problems, bodyStart } = previous;
  let first = 0;
  while (first < problems.length && (problems[first].range.start < bodyStart || problems[first].range.start < block.start)) first++;
  let after = first;
  while (after < problems.length && problems[after].range.start < block.end) after++;
  const moved = problems.slice(after).map((item) => ({ ...item, range: { start: item.range.start + delta, end: item.range.end + delta } }));
  return problems.slice(0, first).concat(replacements, moved);
}

/**
 * Moves the sections after the paragraph, in place; a section whose last content was the
 * paragraph now ends where the paragraph's text ends (what follows it up to the next heading is
 * blank, as it was).
 */
function shiftSections(text: string, sections: readonly Section[], paragraph: TextRange, newEnd: number, delta: number): Section[] {
  for (const section of sections) {
    if (section.headingRange.start >= paragraph.end) {
      shiftRange(section.headingRange, delta);
      shiftRange(section.range, delta);
    } else if (section.range.end > paragraph.end) {
      (section.range as MutableRange).end += delta;
    } else if (section.range.end >= paragraph.start) {
      (section.range as MutableRange).end = Math.max(section.headingRange.end, trimTrailingBreaks(text, newEnd));
    }
  }
  return sections as Section[];
}

/** The section whose heading is the last one before `offset`. */
function sectionAt(sections: readonly Section[], offset: number): number | undefined {
  let low = 0;
  let high = sections.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sections[mid].headingRange.start < offset) low = mid + 1;
    else high = mid;
  }
  return low === 0 ? undefined : low - 1;
}
