// What the editor and the reading view show about a span: its kind, the mentioned entity's type
// and the speaker's name. Spans that annotate nothing (kind `invalid`) are left out: diagnostics
// already report them, and there is nothing to draw.
import type { IsnadDocument } from '../model';
import { findEntity, isAnnotation, isStatement, speakerName, speakerOf, type AnnotationKind } from '../resolve';

export interface SpanSummary {
  readonly kind: AnnotationKind;
  /** The mentioned entity's type; absent when the entity is not defined. */
  readonly entityType?: string;
  /** Claims and quotes only; absent when unattributed. */
  readonly speaker?: string;
}

/** One summary per span of the document, undefined for the spans that are not shown. */
export function summarizeSpans(doc: IsnadDocument): (SpanSummary | undefined)[] {
  return doc.spans.map((span) => {
    if (!isAnnotation(span)) return undefined;
    const entityType = span.kind === 'mention' && span.entity ? findEntity(doc, span.entity.id)?.type : undefined;
    const speaker = isStatement(span) ? speakerOf(doc, span) : undefined;
    return {
      kind: span.kind,
      ...(entityType ? { entityType } : {}),
      ...(speaker ? { speaker: speakerName(speaker) } : {}),
    };
  });
}
