// Edits the Isnad code actions make, as LSP text edits against the document's current version.
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { IsnadDocument, TextRange } from '../../model';

/** `[` before the range and `]{attributes}` after it: the markup the mark commands write. */
export function wrapInSpan(doc: IsnadDocument, range: TextRange, attributes: string): TextEdit[] {
  return [insertAt(doc, range.start, '['), insertAt(doc, range.end, `]{${attributes}}`)];
}

export function insertAt(doc: IsnadDocument, offset: number, newText: string): TextEdit {
  const position = doc.lines.positionAt(offset);
  return { range: { start: position, end: position }, newText };
}

/** The edits, applied only to the version they were computed for. */
export function documentEdit(doc: IsnadDocument, edits: TextEdit[]): WorkspaceEdit {
  return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] };
}
