// Every place a source or entity id is written: its key in the front matter and each use
// (`@ID`, `by=ID`, `about=ID`, `entity: ID`), each tied to what it names. Definition, references,
// highlights and rename all read this one list. Each range holds the id alone, without quotes.
import type { IsnadDocument, TextRange } from '../model';
import { findSource } from '../resolve';

/** Sources and entities are separate name spaces: the same id may name one of each. */
export type IdNamespace = 'source' | 'entity';

export interface IdOccurrence {
  /** NFC-normalised id. */
  readonly id: string;
  readonly namespace: IdNamespace;
  readonly range: TextRange;
  /** The key under `sources:` or `entities:`; a use otherwise. */
  readonly isDefinition: boolean;
  /** A `by=` use: it names a source, or else an entity (FORMAT.md §4). */
  readonly isSpeaker: boolean;
}

/** The occurrences in document order. */
export function idOccurrences(doc: IsnadDocument): IdOccurrence[] {
  const occurrences: IdOccurrence[] = [];
  const front = doc.frontMatter;
  const add = (id: string, namespace: IdNamespace, written: TextRange, isDefinition = false, isSpeaker = false) => {
    const ranges = idTextRanges(doc, written, id);
    for (const range of ranges.length ? ranges : [written]) occurrences.push({ id, namespace, range, isDefinition, isSpeaker });
  };
  for (const source of front?.sources.values() ?? []) {
    add(source.id, 'source', source.keyRange, true);
    if (source.entity) add(source.entity.id, 'entity', source.entity.range);
  }
  for (const entity of front?.entities.values() ?? []) add(entity.id, 'entity', entity.keyRange, true);
  for (const span of doc.spans) {
    if (span.entity) add(span.entity.id, 'entity', span.entity.range);
    // An undefined speaker counts as a source: that is what `by=` asks for first.
    if (span.by) add(span.by.id, findSource(doc, span.by.id) || !front?.entities.has(span.by.id) ? 'source' : 'entity', span.by.range, false, true);
    for (const reference of span.about) add(reference.id, 'entity', reference.range);
  }
  return occurrences.sort((a, b) => a.range.start - b.range.start);
}

/** The occurrence under the cursor: the offset is inside it or just after its last character. */
export function occurrenceAt(occurrences: readonly IdOccurrence[], offset: number): IdOccurrence | undefined {
  return occurrences.find(({ range }) => range.start <= offset && offset <= range.end);
}

/** The definition and every use of what `target` names, in document order. */
export function occurrencesOf(occurrences: readonly IdOccurrence[], target: Pick<IdOccurrence, 'id' | 'namespace'>): IdOccurrence[] {
  return occurrences.filter(({ id, namespace }) => id === target.id && namespace === target.namespace);
}

/** Where `id` is written inside `range`: a quoted value's quotes, and the other ids of a quoted `about` list, are left out. */
function idTextRanges(doc: IsnadDocument, range: TextRange, id: string): TextRange[] {
  const text = doc.text.slice(range.start, range.end);
  const quoted = text.length >= 2 && (text[0] === '"' || text[0] === "'") && text.at(-1) === text[0];
  const start = range.start + (quoted ? 1 : 0);
  const inner = quoted ? text.slice(1, -1) : text;
  if (inner.normalize('NFC') === id) return [{ start, end: start + inner.length }];
  // A quoted `about` list is one value holding several ids.
  const ranges: TextRange[] = [];
  let offset = 0;
  for (const part of inner.split(/([,،])/)) {
    const trimmed = part.trim();
    if (trimmed.normalize('NFC') === id) {
      const at = start + offset + part.indexOf(trimmed);
      ranges.push({ start: at, end: at + trimmed.length });
    }
    offset += part.length;
  }
  return ranges;
}
