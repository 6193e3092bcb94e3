// "Go to Next / Previous Unattributed Claim" (also the section code lenses' command): the server
// finds the claim; the client moves the cursor to the start of its text and reveals it.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  NEXT_UNATTRIBUTED_CLAIM_COMMAND,
  PREVIOUS_UNATTRIBUTED_CLAIM_COMMAND,
  UnattributedClaimRequest,
  type UnattributedClaimCommandArguments,
  type UnattributedClaimParams,
} from '../../../server/src/protocol';
import { activeIsnadEditor } from './isnadEditor';

type Direction = UnattributedClaimParams['direction'];

export function registerUnattributedClaimNavigation(client: LanguageClient): vscode.Disposable {
  // A code lens passes where its section starts; a keybinding or the palette passes nothing.
  const register = (command: string, direction: Direction) =>
    vscode.commands.registerCommand(command, (from?: UnattributedClaimCommandArguments) => goToUnattributedClaim(client, direction, from));
  return vscode.Disposable.from(register(NEXT_UNATTRIBUTED_CLAIM_COMMAND, 'next'), register(PREVIOUS_UNATTRIBUTED_CLAIM_COMMAND, 'previous'));
}

/** Resolves to whether the cursor moved. */
async function goToUnattributedClaim(client: LanguageClient, direction: Direction, from?: UnattributedClaimCommandArguments): Promise<boolean> {
  const editor = activeIsnadEditor();
  if (!editor) return false;
  const uri = client.code2ProtocolConverter.asUri(editor.document.uri);
  const position = from?.uri === uri ? from.position : client.code2ProtocolConverter.asPosition(editor.selection.active);
  const claim = await client.sendRequest(UnattributedClaimRequest, { uri, position, direction });
  if (!claim) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Every claim in this document has a source.'));
    return false;
  }
  const start = client.protocol2CodeConverter.asPosition(claim.contentStart);
  editor.selection = new vscode.Selection(start, start);
  editor.revealRange(client.protocol2CodeConverter.asRange(claim.range), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}
