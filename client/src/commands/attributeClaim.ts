// "Attribute Claim to…": pick a source and write it as the `by=` (or `قائل=`) of the innermost
// claim or quote at the cursor, replacing the one it has. Only that attribute block changes.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SourcesRequest, StatementAtRequest, type StatementAtResult } from '../../../server/src/protocol';
import { activeIsnadEditor, isUnchanged } from './isnadEditor';

export function registerAttributeClaim(client: LanguageClient): vscode.Disposable {
  // Menus pass the document's URI as the first argument; only a string is a source id.
  return vscode.commands.registerCommand('isnad.attributeClaim', (sourceId?: unknown) =>
    attributeClaim(client, typeof sourceId === 'string' ? sourceId : undefined),
  );
}

/** `sourceId`, when given, skips the quick pick (for tests, or a keybinding with arguments). Resolves to whether the document was edited. */
async function attributeClaim(client: LanguageClient, sourceId?: string): Promise<boolean> {
  const editor = activeIsnadEditor();
  if (!editor) return false;
  const uri = client.code2ProtocolConverter.asUri(editor.document.uri);
  const statement = await client.sendRequest(StatementAtRequest, { uri, position: client.code2ProtocolConverter.asPosition(editor.selection.active) });
  if (!statement) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Put the cursor inside a claim or a quote first.'));
    return false;
  }
  const id = sourceId ?? (await pickSource(client, uri, statement));
  if (!id || !isUnchanged(editor.document, statement.version)) return false;
  const attribution = `${statement.byKey}=${id}`;
  const { protocol2CodeConverter: convert } = client;
  return editor.edit((builder) => {
    if (statement.byRange) builder.replace(convert.asRange(statement.byRange), attribution);
    else builder.insert(convert.asPosition(statement.insertAt), ` ${attribution}`);
  });
}

async function pickSource(client: LanguageClient, uri: string, statement: StatementAtResult): Promise<string | undefined> {
  const sources = await client.sendRequest(SourcesRequest, { uri });
  if (sources.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No sources are defined yet: add them under “sources:” in the front matter.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    sources.map(({ id, name, kind, role }) => ({ label: name, description: `${id} · ${kind}`, detail: role, id })),
    {
      title: vscode.l10n.t('Attribute Claim to…'),
      placeHolder: statement.kind === 'quote' ? vscode.l10n.t('Whose words are these?') : vscode.l10n.t('Who made this claim?'),
      matchOnDescription: true,
    },
  );
  return picked?.id;
}
