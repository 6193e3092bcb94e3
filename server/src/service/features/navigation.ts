// Go to definition, find all references and document highlights for source and entity ids:
// from any use or from the front-matter key, to the key and every use.
import { DocumentHighlightKind, type DocumentHighlight, type Location, type Position } from 'vscode-languageserver-types';
import type { IsnadDocument } from '../model';
import { idOccurrences, occurrenceAt, occurrencesOf, type IdOccurrence } from './idOccurrences';

/** The front-matter key of the id at the position; none when the id is not defined. */
export function computeDefinition(doc: IsnadDocument, position: Position): Location[] {
  return related(doc, position)
    .filter((occurrence) => occurrence.isDefinition)
    .map((occurrence) => location(doc, occurrence));
}

/** Every occurrence of the id at the position; the key only when `includeDeclaration`. */
export function computeReferences(doc: IsnadDocument, position: Position, includeDeclaration: boolean): Location[] {
  return related(doc, position)
    .filter((occurrence) => includeDeclaration || !occurrence.isDefinition)
    .map((occurrence) => location(doc, occurrence));
}

/** The key is where the id is written (Write); each use reads it (Read). */
export function computeDocumentHighlights(doc: IsnadDocument, position: Position): DocumentHighlight[] {
  return related(doc, position).map((occurrence) => ({
    range: doc.lines.rangeOf(occurrence.range),
    kind: occurrence.isDefinition ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}

function related(doc: IsnadDocument, position: Position): IdOccurrence[] {
  const occurrences = idOccurrences(doc);
  const target = occurrenceAt(occurrences, doc.lines.offsetAt(position));
  return target ? occurrencesOf(occurrences, target) : [];
}

function location(doc: IsnadDocument, occurrence: IdOccurrence): Location {
  return { uri: doc.uri, range: doc.lines.rangeOf(occurrence.range) };
}
