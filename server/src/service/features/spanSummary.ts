// What the editor and the reading view show about a span: its kind, the mentioned entity's type
// and the speaker's name. Spans that annotate nothing (kind `invalid`) are left out: diagnostics
// already report them, and there is nothing to draw.
import type { IsnadDocument, Span } from '../model';
import { findEntity, isStatement, speakerName, speakerOf } from '../resolve';

export type ShownKind = Exclude<Span['kind'], 'invalid'>;

export interface SpanSummary {
  readonly kind: ShownKind;
  /** The mentioned entity's type; absent when the entity is not defined. */
  readonly entityType?: string;
  /** Claims and quotes only; absent when unattributed. */
  readonly speaker?: string;
}

export function isShown(span: Span): span is Span & { readonly kind: ShownKind } {
  return span.kind !== 'invalid';
}

/** One summary per span of the document, undefined for the spans that are not shown. */
export function summarizeSpans(doc: IsnadDocument): (SpanSummary | undefined)[] {
  return doc.spans.map((span) => {
    if (!isShown(span)) return undefined;
    const entityType = span.kind === 'mention' && span.entity ? findEntity(doc, span.entity.id)?.type : undefined;
    const speaker = isStatement(span) ? speakerOf(doc, span) : undefined;
    return {
      kind: span.kind,
      ...(entityType ? { entityType } : {}),
      ...(speaker ? { speaker: speakerName(speaker) } : {}),
    };
  });
}
