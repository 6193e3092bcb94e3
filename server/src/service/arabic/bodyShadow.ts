// The normalised shadow of a document's article text: each block (paragraph or heading) in turn,
// a BLOCK_END after each. A span's `[` and `]{…}` and each comment stand as one separator unit
// (SPAN_OPEN, SPAN_CLOSE, COMMENT), so no name matches across markup, and a sentence that
// includes a span can still be mapped back to its `[` and `}`. Escape backslashes stay as text.
// Each block's units depend on that block alone, so the shadow of the whole body is the shadows
// of its blocks one after the other: what is found in one block can be found again in it alone
// after an edit (implicit mentions and attribution hints are kept per paragraph that way).
import type { Block, Elision, IsnadDocument } from '../model';
import { firstEndingAfter } from '../ranges';
import { oncePer } from '../memo';
import { BLOCK_END, COMMENT, SPAN_CLOSE, SPAN_OPEN, ShadowWriter, type Shadow } from './normalize';

/** Built once per document model: implicit mentions and attribution hints read the same shadow. */
export const bodyShadow: (doc: IsnadDocument) => Shadow = oncePer((doc) => blocksShadow(doc, doc.blocks));

/** The shadow of some of the document's blocks, in document order: the whole body's, or one paragraph's. */
export function blocksShadow(doc: IsnadDocument, blocks: readonly Block[]): Shadow {
  const { text, elisions } = doc;
  const extent = blocks.length ? blocks[blocks.length - 1].range.end - blocks[0].range.start : 0;
  const writer = new ShadowWriter(text, extent + blocks.length + 16);
  for (const { range } of blocks) {
    let cursor = range.start;
    // Searched per block, not carried over from the one before: a block's units must not depend on another's.
    for (let next = firstEndingAfter(elisions, range.start); next < elisions.length && elisions[next].start < range.end; next++) {
      const elision = elisions[next];
      const separator = separatorFor(text, elision);
      if (separator === undefined) continue;
      if (elision.start > cursor) writer.append(cursor, elision.start);
      writer.mark(separator, elision.start, elision.end);
      cursor = elision.end;
    }
    if (cursor < range.end) writer.append(cursor, range.end);
    writer.mark(BLOCK_END, range.end, range.end);
  }
  return writer.finish();
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
