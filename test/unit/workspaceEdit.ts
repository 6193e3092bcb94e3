// Applies an LSP workspace edit to a document's text the way an editor does: every range refers
// to the text before the edit, edits must not overlap, and inserts at one place keep their order.
import * as assert from 'node:assert/strict';
import { TextDocumentEdit, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import { LineIndex } from '../../server/src/service/lineIndex';

/** The text edits of `edit` for `uri`, whether written as `changes` or `documentChanges`. */
export function textEditsOf(edit: WorkspaceEdit, uri: string): TextEdit[] {
  const fromChanges = edit.changes?.[uri] ?? [];
  const fromDocumentChanges = (edit.documentChanges ?? []).flatMap((change) =>
    TextDocumentEdit.is(change) && change.textDocument.uri === uri ? (change.edits as TextEdit[]) : [],
  );
  return [...fromChanges, ...fromDocumentChanges];
}

export function applyWorkspaceEdit(text: string, edit: WorkspaceEdit | undefined, uri: string): string {
  assert.ok(edit, 'the action carries an edit');
  const index = new LineIndex(text);
  const edits = textEditsOf(edit, uri).map((textEdit, order) => ({
    start: index.offsetAt(textEdit.range.start),
    end: index.offsetAt(textEdit.range.end),
    newText: textEdit.newText,
    order,
  }));
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.order - b.order);
  for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i].start >= sorted[i - 1].end, `edits ${i - 1} and ${i} overlap`);
  let result = '';
  let at = 0;
  for (const { start, end, newText } of sorted) {
    result += text.slice(at, start) + newText;
    at = end;
  }
  return result + text.slice(at);
}
