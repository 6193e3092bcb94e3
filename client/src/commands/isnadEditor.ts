// What every Isnad command starts from: the active editor, when it shows an Isnad document.
import * as vscode from 'vscode';

export function activeIsnadEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === 'isnad') return editor;
  void vscode.window.showInformationMessage(vscode.l10n.t('Open an Isnad document first.'));
  return undefined;
}

/** Edits computed from one version must not land on another: the user typed in the meantime. */
export function isUnchanged(document: vscode.TextDocument, version: number): boolean {
  if (document.version === version) return true;
  void vscode.window.showWarningMessage(vscode.l10n.t('The document changed in the meantime; run the command again.'));
  return false;
}
