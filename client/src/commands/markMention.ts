// "Mark Selection as Entity Mention…": pick one of the front matter's entities and wrap each
// selection in `[…]{@id}`.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EntitiesRequest } from '../../../server/src/protocol';
import { mentionOf } from '../../../server/src/service/markup';
import { activeIsnadEditor } from './isnadEditor';
import { selectionsToMark, wrapSelections } from './wrapSelections';

export function registerMarkMention(client: LanguageClient): vscode.Disposable {
  // Menus pass the document's URI as the first argument; only a string is an entity id.
  return vscode.commands.registerCommand('isnad.markMention', (entityId?: unknown) =>
    markMention(client, typeof entityId === 'string' ? entityId : undefined),
  );
}

/** `entityId`, when given, skips the quick pick (for tests, or a keybinding with arguments). Resolves to whether the document was edited. */
async function markMention(client: LanguageClient, entityId?: string): Promise<boolean> {
  const editor = activeIsnadEditor();
  const marked = editor && (await selectionsToMark(client, editor));
  if (!editor || !marked) return false;
  const id = entityId ?? (await pickEntity(client, editor.document));
  return id ? wrapSelections(editor, marked, () => mentionOf(id)) : false;
}

async function pickEntity(client: LanguageClient, document: vscode.TextDocument): Promise<string | undefined> {
  const entities = await client.sendRequest(EntitiesRequest, { uri: client.code2ProtocolConverter.asUri(document.uri) });
  if (entities.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No entities are defined yet: add them under “entities:” in the front matter.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    entities.map(({ id, name, type, description }) => ({ label: name, description: `@${id} · ${type}`, detail: description, id })),
    { title: vscode.l10n.t('Mark Selection as Entity Mention'), placeHolder: vscode.l10n.t('Which entity does the selection name?'), matchOnDescription: true },
  );
  return picked?.id;
}
