// What the mark commands share: the selections to wrap, each with its paragraph's direction, and
// the single edit (one undo step) that puts `[` before each and `]{attributes}` after it.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { MarkableSelectionsRequest, type ParagraphDirection } from '../../../server/src/protocol';
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
 * heading (a span cannot cross a blank line) and cutting through no span, comment or escape;
 * undefined, after telling the user why, when there is nothing to mark. The server decides, on
 * its model, and gives each paragraph's direction, as the decorations show it.
 */
export async function selectionsToMark(client: LanguageClient, editor: vscode.TextEditor): Promise<SelectionsToMark | undefined> {
  const { document } = editor;
  const ranges = editor.selections.map((selection) => trimmed(document, selection)).filter((range) => !range.isEmpty);
  if (ranges.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Select the text to mark first.'));
    return undefined;
  }
  const { code2ProtocolConverter: convert } = client;
  const markable = await client.sendRequest(MarkableSelectionsRequest, { uri: convert.asUri(document.uri), ranges: ranges.map((range) => convert.asRange(range)) });
  if (!markable) return undefined;
  const selections: SelectionToMark[] = [];
  for (const [index, range] of ranges.entries()) {
    const direction = markable.directions[index];
    if (!direction) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t(
          'A span stays inside one paragraph or heading and keeps the markup around it whole: select text that does not cross a blank line, a heading or the front matter, nor cut through a span, a comment or an escape.',
        ),
      );
      return undefined;
    }
    selections.push({ range, direction });
  }
  return { version: markable.version, selections };
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
