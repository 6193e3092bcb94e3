// The normalised shadows of a document's blocks (paragraphs and headings), one block at a time,
// each ended by a BLOCK_END. A span's `[` and `]{…}` and each comment stand as one separator unit
// (SPAN_OPEN, SPAN_CLOSE, COMMENT), so no name matches across markup, and a sentence that
// includes a span can still be mapped back to its `[` and `}`. Escape backslashes stay as text.
// No name, cue or sentence crosses a block's end, so a block's shadow is all a search in it
// needs: the body is read block by block through one buffer as long as the longest block, never
// held whole (a whole-body shadow is five times the document), and what is found in one block is
// found again in it alone after an edit (implicit mentions and attribution hints are kept per
// paragraph that way).
import type { Block, Elision, IsnadDocument, TextRange } from '../model';
import { firstEndingAfter } from '../ranges';
import { oncePer, type Memo } from '../memo';
import { BLOCK_END, COMMENT, SPAN_CLOSE, SPAN_OPEN, ShadowWriter, type Shadow } from './normalize';

/**
 * Calls `visit` with the shadow of each of `blocks` (in document order) that `needs` accepts (by
 * default, each) in turn. The shadow is overwritten by the next block's: `visit` must take from
 * it what it keeps.
 */
export function forEachBlockShadow(doc: IsnadDocument, blocks: readonly Block[], visit: (shadow: Shadow) => void, needs?: (block: Block) => boolean): void {
  const { text } = doc;
  // Made for the first block folded: a search that needs none (no cue, no entity) allocates nothing.
  let writer: ShadowWriter | undefined;
  const appendText = (start: number, end: number) => {
    writer!.append(start, end);
    return false;
  };
  const markSeparator = (separator: number, start: number, end: number) => writer!.mark(separator, start, end);
  for (const block of blocks) {
    if (needs && !needs(block)) continue;
    const { range } = block;
    writer ??= new ShadowWriter(text, longestBlock(blocks) + 16);
    writer.restart(text);
    readBlock(doc, range, appendText, markSeparator);
    writer.mark(BLOCK_END, range.end, range.end);
    visit(writer.finish());
  }
}

function longestBlock(blocks: readonly Block[]): number {
  let longest = 0;
  for (const { range } of blocks) longest = Math.max(longest, range.end - range.start);
  return longest;
}

/**
 * Whether `holds` is true of a stretch of `block` read as text: the markup between such stretches
 * stands as one separator unit in the shadow, which no name or cue crosses.
 */
export function someTextStretch(doc: IsnadDocument, block: Block, holds: (start: number, end: number) => boolean): boolean {
  return readBlock(doc, block.range, holds, () => undefined);
}

/**
 * Reads `range` as its shadow stands: `text` for each stretch folded as text, `separator` for
 * each piece of markup, which stands as one unit. Stops, true, as soon as `text` returns true.
 */
function readBlock(
  doc: IsnadDocument,
  range: TextRange,
  text: (start: number, end: number) => boolean,
  separator: (separator: number, start: number, end: number) => void,
): boolean {
  const { elisions } = doc;
  let cursor = range.start;
  for (let next = firstEndingAfter(elisions, range.start); next < elisions.length && elisions[next].start < range.end; next++) {
    const elision = elisions[next];
    const code = separatorFor(doc.text, elision);
    if (code === undefined) continue;
    if (elision.start > cursor && text(cursor, elision.start)) return true;
    separator(code, elision.start, elision.end);
    cursor = elision.end;
  }
  return cursor < range.end && text(cursor, range.end);
}

/** A search that reads block shadows in document order, then gives what it found. */
export interface BlockSearch<R> {
  readonly visit: (shadow: Shadow) => void;
  readonly result: () => R;
  /**
   * Whether the search may find anything in a block, told from its text without folding it;
   * false only when it finds nothing there. Absent: every block is read.
   */
  readonly needs?: (block: Block) => boolean;
}

/** What `search` finds in `blocks` alone (one paragraph after an edit, say). */
export function searchBlocks<R>(doc: IsnadDocument, blocks: readonly Block[], search: BlockSearch<R>): R {
  forEachBlockShadow(doc, blocks, search.visit, search.needs);
  return search.result();
}

/** A search of the whole body, its result kept per document model. */
export interface BodySearch<R> extends Memo<IsnadDocument, R> {
  readonly start: (doc: IsnadDocument) => BlockSearch<R>;
}

/** A search of the whole body, which reads the body for itself when asked (see `searchBodyOnce`). */
export function bodySearch<R>(start: (doc: IsnadDocument) => BlockSearch<R>): BodySearch<R> {
  return Object.assign(
    oncePer((doc: IsnadDocument) => searchBlocks(doc, doc.blocks, start(doc))),
    { start },
  );
}

/**
 * Runs, in one reading of the body, each of `searches` not yet known for `doc`, and keeps their
 * results: for a caller that knows it will ask for all of them (folding the body costs more
 * than a search), as the editor, which decorates the implicit mentions of what it diagnoses.
 */
export function searchBodyOnce(doc: IsnadDocument, searches: readonly BodySearch<unknown>[]): void {
  const due = searches.filter((search) => search.known(doc) === undefined);
  if (due.length === 0) return;
  const running = due.map(({ start }) => start(doc));
  // `needs` only spares folding a block (a search finds nothing in a block it does not need): a
  // block is folded when some search needs it, every block when a search has no `needs`, and is
  // read by all.
  const needs = running.every((search) => search.needs) ? (block: Block) => running.some((search) => search.needs!(block)) : undefined;
  forEachBlockShadow(doc, doc.blocks, (shadow) => running.forEach((search) => search.visit(shadow)), needs);
  due.forEach((search, index) => search.remember(doc, running[index].result()));
}

/** The separator an elision stands as; undefined for a line end's CR and an escape backslash, which stay as text. */
function separatorFor(text: string, elision: Elision): number | undefined {
  switch (text.charCodeAt(elision.start)) {
    case 0x5b: // [
      return SPAN_OPEN;
    case 0x5d: // ]
      return SPAN_CLOSE;
    case 0x0d: // CR
    case 0x5c: // \
      return undefined;
    default:
      return COMMENT;
  }
}
