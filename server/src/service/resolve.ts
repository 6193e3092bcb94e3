// Who a span is about and who said it: ids resolved against the front matter, then the shared registries.
import type { Entity, IsnadDocument, RegistryScope, Source, Span, SpanKind } from './model';
import { isValidId } from './ids';

export interface Speaker {
  /** The id written in `by=`. */
  readonly id: string;
  readonly source?: Source;
  /** The entity the id names when no source does, or the entity the source links to. */
  readonly entity?: Entity;
  /** The enclosing span the attribution was inherited from, when it was not written on this span. */
  readonly inheritedFrom?: Span;
}

/** The document's own source `id`, else the nearest registry's. */
export function findSource(doc: IsnadDocument, id: string): Source | undefined {
  return doc.frontMatter?.sources.get(id) ?? sharedSource(doc.registry, id);
}

/** The document's own entity `id`, else the nearest registry's. */
export function findEntity(doc: IsnadDocument, id: string): Entity | undefined {
  return doc.frontMatter?.entities.get(id) ?? sharedEntity(doc.registry, id);
}

export function sharedSource(scope: RegistryScope | undefined, id: string): Source | undefined {
  for (const layer of scope?.layers ?? []) {
    const found = layer.sources.get(id);
    if (found) return found;
  }
  return undefined;
}

export function sharedEntity(scope: RegistryScope | undefined, id: string): Entity | undefined {
  for (const layer of scope?.layers ?? []) {
    const found = layer.entities.get(id);
    if (found) return found;
  }
  return undefined;
}

/**
 * Every source the document can name, by id: the registries' (farthest first, so nearer ones override), then its own.
 * An invalid id is left out: it still resolves (its key is reported once), but an edit writing it would write broken markup.
 */
export function visibleSources(doc: IsnadDocument): Map<string, Source> {
  return visible(doc.registry?.layers.map((layer) => layer.sources), doc.frontMatter?.sources);
}

/** Every entity the document can name, by id, as `visibleSources`. */
export function visibleEntities(doc: IsnadDocument): Map<string, Entity> {
  return visible(doc.registry?.layers.map((layer) => layer.entities), doc.frontMatter?.entities);
}

function visible<T>(shared: readonly ReadonlyMap<string, T>[] = [], own?: ReadonlyMap<string, T>): Map<string, T> {
  const merged = new Map<string, T>();
  for (const layer of [...shared].reverse().concat(own ? [own] : [])) {
    for (const [id, definition] of layer) if (isValidId(id)) merged.set(id, definition);
  }
  return merged;
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
