// Who a span is about and who said it: ids resolved against the front matter.
import type { Entity, IsnadDocument, Source, Span, SpanKind } from './model';

export interface Speaker {
  /** The id written in `by=`. */
  readonly id: string;
  readonly source?: Source;
  /** The entity the id names when no source does, or the entity the source links to. */
  readonly entity?: Entity;
  /** The enclosing span the attribution was inherited from, when it was not written on this span. */
  readonly inheritedFrom?: Span;
}

export function findSource(doc: IsnadDocument, id: string): Source | undefined {
  return doc.frontMatter?.sources.get(id);
}

export function findEntity(doc: IsnadDocument, id: string): Entity | undefined {
  return doc.frontMatter?.entities.get(id);
}

/** The span's own `by=`, else the nearest enclosing span's. */
export function speakerOf(doc: IsnadDocument, span: Span): Speaker | undefined {
  const current = span.attributedBy === undefined ? undefined : doc.spans[span.attributedBy];
  if (!current?.by) return undefined;
  const { id } = current.by;
  const source = findSource(doc, id);
  const linked = source?.entity ? findEntity(doc, source.entity.id) : undefined;
  return {
    id,
    source,
    entity: source ? linked : findEntity(doc, id),
    inheritedFrom: current === span ? undefined : current,
  };
}

/** The name to show for a speaker: the source's, else the entity's, else the bare id. */
export function speakerName(speaker: Speaker): string {
  return speaker.source?.name || speaker.entity?.name || speaker.id;
}

/** The kinds a span that annotates something has; `invalid` spans are errors, not annotations. */
export type AnnotationKind = Exclude<SpanKind, 'invalid'>;

/** Whether the span annotates something: the spans the editor draws and the exports hold. */
export function isAnnotation(span: Span): span is Span & { readonly kind: AnnotationKind } {
  return span.kind !== 'invalid';
}

export function isStatement(span: Span): boolean {
  return span.kind === 'claim' || span.kind === 'quote';
}
