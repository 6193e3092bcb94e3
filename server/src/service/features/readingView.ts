// The article as a reader sees it, for the Reading View: one block per heading or paragraph,
// its clean text (FORMAT.md §7: markup, comments and escape backslashes left out) cut into
// segments at span boundaries, each segment tagged with the innermost span around it.
import type { ReadingBlock, ReadingSegment, ReadingSpan, ReadingViewResult } from '../../protocol';
import type { Block, Elision, IsnadDocument, Span } from '../model';
import { blockDirections, documentDirection } from './direction';
import { summarizeSpans, type SpanSummary } from './spanSummary';

export function computeReadingView(doc: IsnadDocument): ReadingViewResult {
  const summaries = summarizeSpans(doc);
  const shown = shownIndices(summaries);
  const spans: ReadingSpan[] = [];
  for (const span of doc.spans) {
    const summary = summaries[span.index];
    if (!summary) continue;
    const parent = nearestShown(doc.spans, span.parent, shown);
    spans.push({ range: doc.lines.rangeOf(span.range), ...summary, ...(parent === undefined ? {} : { parent }) });
  }
  const title = doc.frontMatter?.title;
  return {
    version: doc.version,
    ...(title ? { title } : {}),
    direction: documentDirection(doc),
    blocks: readingBlocks(doc, shown),
    spans,
  };
}

/** For each span of the document, its index among the spans the view shows. */
function shownIndices(summaries: readonly (SpanSummary | undefined)[]): (number | undefined)[] {
  let next = 0;
  return summaries.map((summary) => (summary ? next++ : undefined));
}

/** The view's index of `index` or of its nearest shown ancestor. */
function nearestShown(spans: readonly Span[], index: number | undefined, shown: readonly (number | undefined)[]): number | undefined {
  let current = index;
  while (current !== undefined && shown[current] === undefined) current = spans[current].parent;
  return current === undefined ? undefined : shown[current];
}

function readingBlocks(doc: IsnadDocument, shown: readonly (number | undefined)[]): ReadingBlock[] {
  const directions = blockDirections(doc);
  const cursor = new BodyCursor(doc, shown);
  const blocks: ReadingBlock[] = [];
  let section = 0;
  doc.blocks.forEach((block, index) => {
    const headingLevel = block.isHeading ? doc.sections[section++].level : 0;
    const segments = cursor.segments(block);
    // A paragraph made only of comments has nothing to read.
    if (segments.every((segment) => !segment.text.trim())) return;
    blocks.push({ direction: directions[index], headingLevel, range: doc.lines.rangeOf(block.range), segments });
  });
  return blocks;
}

/** Walks the body once, block after block, keeping its place in the spans and the elisions. */
class BodyCursor {
  private nextSpan = 0;
  private nextElision = 0;

  constructor(
    private readonly doc: IsnadDocument,
    private readonly shown: readonly (number | undefined)[],
  ) {}

  segments(block: Block): ReadingSegment[] {
    const { text, spans, elisions } = this.doc;
    const { start, end } = block.range;
    while (this.nextElision < elisions.length && elisions[this.nextElision].end <= start) this.nextElision++;
    while (this.nextSpan < spans.length && spans[this.nextSpan].range.start < start) this.nextSpan++;

    const segments: ReadingSegment[] = [];
    const open: Span[] = [];
    let pending = '';
    const flush = () => {
      if (!pending) return;
      const span = this.innermostShown(open);
      segments.push(span === undefined ? { text: pending } : { text: pending, span });
      pending = '';
    };

    let pos = start;
    while (pos < end) {
      const innermost = open[open.length - 1];
      const elision: Elision | undefined = elisions[this.nextElision];
      const span: Span | undefined = spans[this.nextSpan];
      if (innermost && innermost.contentRange.end <= pos) {
        flush();
        open.pop();
      } else if (elision && elision.start <= pos) {
        pending += elision.replacement;
        pos = Math.max(pos, elision.end);
        this.nextElision++;
      } else if (span && span.contentRange.start <= pos) {
        flush();
        open.push(span);
        this.nextSpan++;
      } else {
        const cut = Math.min(end, innermost?.contentRange.end ?? end, elision?.start ?? end, span?.contentRange.start ?? end);
        pending += text.slice(pos, cut);
        pos = cut;
      }
    }
    flush();
    return segments;
  }

  private innermostShown(open: readonly Span[]): number | undefined {
    for (let i = open.length - 1; i >= 0; i--) {
      const index = this.shown[open[i].index];
      if (index !== undefined) return index;
    }
    return undefined;
  }
}
