// What the mark commands share: the selections to wrap, each with its paragraph's direction, and
// the single edit (one undo step) that puts `[` before each and `]{attributes}` after it.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DecorationsRequest, type ParagraphDirection } from '../../../server/src/protocol';
import { spanMarkup, withoutOuterSpace } from '../../../server/src/service/markup';
import { isUnchanged } from './isnadEditor';

export interface SelectionToMark {
  readonly range: vscode.Range;
  /** Which way the selection's paragraph reads: right-to-left paragraphs get the Arabic keywords. */
  readonly direction: ParagraphDirection;
}

export interface SelectionsToMark {
  /** The document version the selections were checked against. */
  readonly version: number;
  readonly selections: readonly SelectionToMark[];
}

/**
 * The editor's selections, without the white space at their ends, each inside one paragraph or
 * heading (a span cannot cross a blank line); undefined, after telling the user why, when there
 * is nothing to mark. The paragraphs and their directions are the server's, as the decorations show them.
 */
export async function selectionsToMark(client: LanguageClient, editor: vscode.TextEditor): Promise<SelectionsToMark | undefined> {
  const { document } = editor;
  const ranges = editor.selections.map((selection) => trimmed(document, selection)).filter((range) => !range.isEmpty);
  if (ranges.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Select the text to mark first.'));
    return undefined;
  }
  const decorations = await client.sendRequest(DecorationsRequest, { uri: client.code2ProtocolConverter.asUri(document.uri) });
  if (!decorations) return undefined;
  const paragraphs = decorations.paragraphs.map(({ range, direction }) => ({ range: client.protocol2CodeConverter.asRange(range), direction }));
  const selections: SelectionToMark[] = [];
  for (const range of ranges) {
    const paragraph = paragraphs.find((candidate) => candidate.range.contains(range));
    if (!paragraph) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('A span stays inside one paragraph or heading: select text that does not cross a blank line, a heading or the front matter.'),
      );
      return undefined;
    }
    selections.push({ range, direction: paragraph.direction });
  }
  return { version: decorations.version, selections };
}

export async function wrapSelections(
  editor: vscode.TextEditor,
  { version, selections }: SelectionsToMark,
  attributesOf: (selection: SelectionToMark) => string,
): Promise<boolean> {
  if (!isUnchanged(editor.document, version)) return false;
  return editor.edit((builder) => {
    for (const selection of selections) {
      const { open, close } = spanMarkup(attributesOf(selection));
      builder.insert(selection.range.start, open);
      builder.insert(selection.range.end, close);
    }
  });
}

function trimmed(document: vscode.TextDocument, range: vscode.Range): vscode.Range {
  const { start, end } = withoutOuterSpace(document.getText(), { start: document.offsetAt(range.start), end: document.offsetAt(range.end) });
  return new vscode.Range(document.positionAt(start), document.positionAt(end));
}
