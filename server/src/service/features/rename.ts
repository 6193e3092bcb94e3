// Renaming a source or entity id: its front-matter key and every use, in one edit. A new id that
// is not valid, or that would change what an existing key or use means, is refused with a message.
import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { IsnadDocument } from '../model';
import { isValidId, normalizeId } from '../ids';
import { localize, type Locale, type MessageKey } from '../l10n';
import { findSource } from '../resolve';
import { idOccurrences, occurrenceAt, occurrencesOf, type IdOccurrence } from './idOccurrences';

/** Why a rename cannot be done, in the user's language: the server answers it as the request's error. */
export class RenameRefusal extends Error {
  constructor(
    message: string,
    /** The new name is at fault (rather than where the rename was asked). */
    readonly badName: boolean,
  ) {
    super(message);
  }
}

export interface RenameTarget {
  /** The id as written under the cursor, without quotes. */
  readonly range: Range;
  readonly placeholder: string;
}

export function prepareRename(doc: IsnadDocument, position: Position, locale: Locale): RenameTarget {
  const { range } = targetAt(doc, position, locale).target;
  return { range: doc.lines.rangeOf(range), placeholder: doc.text.slice(range.start, range.end) };
}

export function computeRename(doc: IsnadDocument, position: Position, newName: string, locale: Locale): WorkspaceEdit {
  const { target, occurrences } = targetAt(doc, position, locale);
  const newId = normalizeId(newName.trim());
  if (!isValidId(newId)) throw new RenameRefusal(localize(locale, 'invalidId', [newName]), true);
  if (newId !== target.id) {
    const conflict = conflictOf(doc, occurrences, target, newId);
    if (conflict) throw new RenameRefusal(localize(locale, conflict, [newId]), true);
  }
  const edits: TextEdit[] = occurrencesOf(occurrences, target).map(({ range }) => ({ range: doc.lines.rangeOf(range), newText: newId }));
  return { changes: { [doc.uri]: edits } };
}

function targetAt(doc: IsnadDocument, position: Position, locale: Locale): { target: IdOccurrence; occurrences: IdOccurrence[] } {
  const occurrences = idOccurrences(doc);
  const target = occurrenceAt(occurrences, doc.lines.offsetAt(position));
  if (!target) throw new RenameRefusal(localize(locale, 'renameNotAnId'), false);
  return { target, occurrences };
}

/**
 * Why `newId` cannot replace the target's id: it is already defined in the same name space, or a
 * use of it would then name the renamed source or entity instead of what it names now.
 */
function conflictOf(doc: IsnadDocument, occurrences: readonly IdOccurrence[], target: IdOccurrence, newId: string): MessageKey | undefined {
  const front = doc.frontMatter;
  if (target.namespace === 'source') {
    if (front?.sources.has(newId)) return 'renameSourceExists';
    // `by=` asks for a source first: each `by=newId` would switch to the renamed source.
    if (occurrences.some((occurrence) => occurrence.isSpeaker && occurrence.id === newId)) return 'renameIdInUse';
    return undefined;
  }
  if (front?.entities.has(newId)) return 'renameEntityExists';
  const captured = occurrences.some(
    (occurrence) => occurrence.id === newId && (occurrence.isSpeaker ? !findSource(doc, newId) : occurrence.namespace === 'entity'),
  );
  return captured ? 'renameIdInUse' : undefined;
}
