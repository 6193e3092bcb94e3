// The innermost claim or quote at a position, with what "Attribute claim to…" needs to edit it.
import type { StatementAtResult } from '../../protocol';
import type { IsnadDocument, Span, TextRange } from '../model';
import { isStatement } from '../resolve';
import { scanAttributes } from '../parse/attributes';
import { keyword } from '../markup';
import { directionAt } from './direction';

/** Where a statement's `by=` is written, or goes when it has none. Offsets. */
export interface AttributionTarget {
  /** The span's own `by=ID` or `قائل=ID` token; undefined when it has none. */
  readonly byRange?: TextRange;
  /** After the attribute block's last token. */
  readonly insertAt: number;
  readonly byKey: StatementAtResult['byKey'];
}

export function statementAt(doc: IsnadDocument, offset: number): StatementAtResult | null {
  const span = innermostStatement(doc, offset);
  if (!span) return null;
  const { byRange, insertAt, byKey } = attributionTarget(doc, span);
  return {
    version: doc.version,
    kind: span.kind === 'quote' ? 'quote' : 'claim',
    byRange: byRange && doc.lines.rangeOf(byRange),
    insertAt: doc.lines.positionAt(insertAt),
    byKey,
  };
}

export function attributionTarget(doc: IsnadDocument, span: Span): AttributionTarget {
  // The model keeps where the id of `by=` is, not the whole token: read the block's tokens again.
  const block = span.attributesRange;
  const { tokens, problems } = scanAttributes(doc.text, block.start, (lineBreak) => lineBreak >= block.end);
  const by = span.by;
  const byToken = by && tokens.find((token) => token.key !== undefined && token.range.start <= by.range.start && by.range.end <= token.range.end);
  // A quoted value left open (its only possible problem) runs to the block's end and would swallow
  // a `by=` written after it: the attribution goes before that value's token.
  const lastToken = tokens.at(problems.length > 0 ? -2 : -1);
  // The token holding the `by=` id has the key the author wrote for it: keep that spelling.
  const writtenKey = byToken?.key as StatementAtResult['byKey'] | undefined;
  return {
    byRange: byToken?.range,
    insertAt: lastToken ? lastToken.range.end : block.start,
    byKey: writtenKey ?? (keyword('by', directionAt(doc, span.range.start)) as StatementAtResult['byKey']),
  };
}

/** Spans are in order of their `[`, so the last claim or quote that contains the offset is the innermost. */
function innermostStatement(doc: IsnadDocument, offset: number): Span | undefined {
  let found: Span | undefined;
  for (const span of doc.spans) {
    if (span.range.start > offset) break;
    if (offset <= span.range.end && isStatement(span)) found = span;
  }
  return found;
}
