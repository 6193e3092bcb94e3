// What the in-editor suites share: the extension under test, its samples, and waiting for a
// condition (the extension host answers asynchronously; a fixed sleep would be slow or flaky).
import * as vscode from 'vscode';
import type { IsnadApi } from '../../client/src/extension';

export const EXTENSION_ID = 'isnad.isnad';
export const LANGUAGE_ID = 'isnad';

export const ARABIC_SAMPLE = 'north-korea-russia.isnad.md';
export const ENGLISH_SAMPLE = 'port-reopening.isnad.md';
export const ERRORS_SAMPLE = 'errors.isnad.md';

export function isnadExtension(): vscode.Extension<IsnadApi> {
  const extension = vscode.extensions.getExtension<IsnadApi>(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  return extension;
}

/** The repository's samples folder, found from the extension (the workspace may be another folder). */
export function sampleUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(isnadExtension().extensionUri, 'samples', name);
}

/** Polls `probe` until it returns something other than undefined/false; fails naming `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Opens a sample in an editor and waits until the language server has answered `initialize`. */
export async function openSample(name: string): Promise<{ editor: vscode.TextEditor; api: IsnadApi }> {
  const document = await vscode.workspace.openTextDocument(sampleUri(name));
  const editor = await vscode.window.showTextDocument(document);
  const extension = isnadExtension();
  await waitFor(`${EXTENSION_ID} to activate`, () => extension.isActive);
  await extension.exports.ready;
  return { editor, api: extension.exports };
}

/** An unsaved Isnad document with `content`, in the active editor. */
export async function openUntitled(content: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
  const editor = await vscode.window.showTextDocument(document);
  await isnadExtension().exports.ready;
  return editor;
}

/** Isnad's diagnostics of `uri`, once the server has published some. */
export function isnadDiagnostics(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  return waitFor(`diagnostics of ${uri.path}`, () => {
    const diagnostics = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'isnad');
    return diagnostics.length > 0 && diagnostics;
  });
}

/** Closes every editor, reverting unsaved test documents first (closing them would ask to save). */
export async function closeAllEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty) continue;
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The position `offset` UTF-16 units into the first occurrence of `text` in the document. */
export function positionIn(document: vscode.TextDocument, text: string, offset = 0): vscode.Position {
  const at = document.getText().indexOf(text);
  if (at < 0) throw new Error(`"${text}" is not in ${document.uri.path}`);
  if (document.getText().indexOf(text, at + 1) >= 0) throw new Error(`"${text}" occurs more than once in ${document.uri.path}`);
  return document.positionAt(at + offset);
}

/** The range of `text` inside the only occurrence of `context` (by default `text` itself) in the document. */
export function rangeOf(document: vscode.TextDocument, text: string, context = text): vscode.Range {
  const within = context.indexOf(text);
  if (within < 0) throw new Error(`"${text}" is not part of "${context}"`);
  const start = document.offsetAt(positionIn(document, context)) + within;
  return new vscode.Range(document.positionAt(start), document.positionAt(start + text.length));
}

/** `[line, character, line, character]`: short enough for tables of expected ranges. */
export function rangeTuple(range: vscode.Range): [number, number, number, number] {
  return [range.start.line, range.start.character, range.end.line, range.end.character];
}

/** Which language the server writes its messages in: `isnad.locale` is `auto`, so the UI's. */
export const UI_IS_ARABIC = vscode.env.language.toLowerCase().startsWith('ar');

/** The few server strings the suites check, in both UI languages (server/src/service/l10n.ts). */
export const SERVER_TEXT = UI_IS_ARABIC
  ? { person: 'شخص', wikidata: 'ويكي بيانات', saidBy: 'القائل', frontMatter: 'الترويسة', sources: 'المصادر', entities: 'الكيانات', unattributed: 'بلا مصدر', implicitMention: 'ذِكر \\(غير موسوم\\)' }
  : { person: 'person', wikidata: 'Wikidata', saidBy: 'Said by', frontMatter: 'Front matter', sources: 'Sources', entities: 'Entities', unattributed: 'Unattributed', implicitMention: 'Mention \\(not annotated\\)' };
