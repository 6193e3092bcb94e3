// "Mark Selection as Claim" and "… as Quote": wrap each selection in `[…]{claim}` or `[…]{quote}`,
// with the Arabic keyword in right-to-left paragraphs so those lines stay free of Latin letters.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { keyword } from '../../../server/src/service/markup';
import { activeIsnadEditor } from './isnadEditor';
import { selectionsToMark, wrapSelections } from './wrapSelections';

type StatementKind = 'claim' | 'quote';

const COMMANDS: Readonly<Record<StatementKind, string>> = {
  claim: 'isnad.markClaim',
  quote: 'isnad.markQuote',
};

export function registerMarkStatement(client: LanguageClient, kind: StatementKind): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS[kind], () => markStatement(client, kind));
}

/** Resolves to whether the document was edited. */
async function markStatement(client: LanguageClient, kind: StatementKind): Promise<boolean> {
  const editor = activeIsnadEditor();
  const marked = editor && (await selectionsToMark(client, editor));
  return marked ? wrapSelections(editor, marked, ({ direction }) => keyword(kind, direction)) : false;
}
