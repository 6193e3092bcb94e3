// Go to definition, find all references and document highlights for source and entity ids:
// from any use or from the front-matter key, to the key and every use.
import { DocumentHighlightKind, type DocumentHighlight, type Location, type Position } from 'vscode-languageserver-types';
import type { IsnadDocument } from '../model';
import { idOccurrences, occurrenceAt, occurrencesOf, type IdOccurrence } from './idOccurrences';
import { implicitMentionAt, implicitMentionsOf } from './implicitMentions';

/** The front-matter key of the id at the position; none when the id is not defined. */
export function computeDefinition(doc: IsnadDocument, position: Position): Location[] {
  return related(doc, position)
    .filter((occurrence) => occurrence.isDefinition)
    .map((occurrence) => location(doc, occurrence));
}

/**
 * Every occurrence of the id at the position, the key only when `includeDeclaration`; for an
 * entity, its unannotated mentions too (in document order), which is where an annotator looks next.
 */
export function computeReferences(doc: IsnadDocument, position: Position, includeDeclaration: boolean): Location[] {
  const target = targetAt(doc, position);
  if (!target) return [];
  const written = occurrencesOf(idOccurrences(doc), target).filter((occurrence) => includeDeclaration || !occurrence.isDefinition);
  const unannotated = target.namespace === 'entity' ? implicitMentionsOf(doc, target.id) : [];
  return [...written.map(({ range }) => range), ...unannotated]
    .sort((a, b) => a.start - b.start)
    .map((range) => ({ uri: doc.uri, range: doc.lines.rangeOf(range) }));
}

/** The key is where the id is written (Write); each use reads it (Read). */
export function computeDocumentHighlights(doc: IsnadDocument, position: Position): DocumentHighlight[] {
  return related(doc, position).map((occurrence) => ({
    range: doc.lines.rangeOf(occurrence.range),
    kind: occurrence.isDefinition ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}

function related(doc: IsnadDocument, position: Position): IdOccurrence[] {
  const target = targetAt(doc, position);
  return target ? occurrencesOf(idOccurrences(doc), target) : [];
}

/** The id written at the position, or the entity an unannotated mention there names. */
function targetAt(doc: IsnadDocument, position: Position): Pick<IdOccurrence, 'id' | 'namespace'> | undefined {
  const offset = doc.lines.offsetAt(position);
  const written = occurrenceAt(idOccurrences(doc), offset);
  if (written) return written;
  const implicit = implicitMentionAt(doc, offset);
  return implicit && { id: implicit.entity.id, namespace: 'entity' };
}

function location(doc: IsnadDocument, occurrence: IdOccurrence): Location {
  return { uri: doc.uri, range: doc.lines.rangeOf(occurrence.range) };
}
