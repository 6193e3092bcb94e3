// The normalised shadow of a document's article text: each block (paragraph or heading) in turn,
// a BLOCK_END after each. A span's `[` and `]{…}` and each comment stand as one separator unit
// (SPAN_OPEN, SPAN_CLOSE, COMMENT), so no name matches across markup, and a sentence that
// includes a span can still be mapped back to its `[` and `}`. Escape backslashes stay as text.
import type { Elision, IsnadDocument } from '../model';
import { firstEndingAfter } from '../ranges';
import { oncePer } from '../memo';
import { BLOCK_END, COMMENT, SPAN_CLOSE, SPAN_OPEN, ShadowWriter, type Shadow } from './normalize';

/** Built once per document model: implicit mentions and attribution hints read the same shadow. */
export const bodyShadow: (doc: IsnadDocument) => Shadow = oncePer(writeBodyShadow);

function writeBodyShadow(doc: IsnadDocument): Shadow {
  const { text, elisions, blocks } = doc;
  const writer = new ShadowWriter(text, text.length - doc.bodyStart + blocks.length + 16);
  let next = blocks.length ? firstEndingAfter(elisions, blocks[0].range.start) : 0;
  for (const { range } of blocks) {
    let cursor = range.start;
    for (; next < elisions.length && elisions[next].start < range.end; next++) {
      const elision = elisions[next];
      const separator = separatorFor(text, elision);
      if (separator === undefined || elision.end <= cursor) continue;
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
