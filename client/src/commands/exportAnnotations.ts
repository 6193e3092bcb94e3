// "Export Annotations…": the server builds the export from its model; this command asks for the
// format and the file, and writes the file through the workspace file system (any scheme, never
// Node's fs), atomically, replacing an existing file only with the user's yes.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExportRequest } from '../../../server/src/protocol';
import { EXPORT_EXTENSIONS, EXPORT_FORMATS, type ExportFormat } from '../../../server/src/service/export/index';
import { activeIsnadEditor } from './isnadEditor';

export const EXPORT_ANNOTATIONS_COMMAND = 'isnad.exportAnnotations';

/** The editor's language extensions (package.json `contributes.languages`), left out of export names. */
const ARTICLE_EXTENSION = /\.isnad(?:\.md)?$/i;

export function registerExportAnnotations(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand(EXPORT_ANNOTATIONS_COMMAND, (uri?: vscode.Uri, format?: ExportFormat, target?: vscode.Uri) =>
    exportAnnotations(client, uri, format, target),
  );
}

/**
 * Each argument, when given, skips its prompt, so tests and other extensions can export without
 * dialogs: `uri` the document (else the active editor's), `format` one of EXPORT_FORMATS (else a
 * quick pick), `target` the file to write (else a save dialog); a `target` that exists is replaced
 * only when the user says yes to a modal question (the save dialog asks that itself).
 * Resolves to the file written, or undefined when the user cancelled or the export failed.
 */
async function exportAnnotations(client: LanguageClient, uri?: vscode.Uri, format?: ExportFormat, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const document = uri ? await vscode.workspace.openTextDocument(uri) : activeIsnadEditor()?.document;
  if (!document) return undefined;
  if (format !== undefined && !EXPORT_FORMATS.includes(format)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Unknown export format “{0}”.', String(format)));
    return undefined;
  }
  format ??= await pickFormat(document.uri);
  if (!format) return undefined;
  try {
    // In the status bar, not a notification: most articles export in a blink, a large one takes a second or more.
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Exporting the annotations') }, () =>
      client.sendRequest(ExportRequest, { uri: client.code2ProtocolConverter.asUri(document.uri), format }),
    );
    if (!result) throw new Error(vscode.l10n.t('the language server does not have the document open.'));
    if (target) {
      if ((await exists(target)) && !(await confirmReplace(target))) return undefined;
    } else {
      target = await pickTarget(document, format);
      if (!target) return undefined;
    }
    await writeAtomically(target, new TextEncoder().encode(result.content));
    announce(target, result.annotationCount);
    return target;
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not export the annotations: {0}', error instanceof Error ? error.message : String(error)));
    return undefined;
  }
}

export function formatLabel(format: ExportFormat): string {
  switch (format) {
    case 'w3c':
      return vscode.l10n.t('W3C Web Annotations (JSON-LD)');
    case 'jsonl':
      return vscode.l10n.t('JSON Lines: one annotation per line');
    case 'csv':
      return vscode.l10n.t('CSV: one row per annotation');
  }
}

/** `scope`: whose `isnad.export.defaultFormat` goes first. */
export async function pickFormat(scope: vscode.Uri | undefined): Promise<ExportFormat | undefined> {
  const preferred = vscode.workspace.getConfiguration('isnad', scope).get<string>('export.defaultFormat');
  // The default goes first, where the quick pick puts its cursor.
  const formats = [...EXPORT_FORMATS].sort((a, b) => Number(b === preferred) - Number(a === preferred));
  const picked = await vscode.window.showQuickPick(
    formats.map((format) => ({ label: formatLabel(format), description: EXPORT_EXTENSIONS[format], format })),
    { title: vscode.l10n.t('Export Annotations'), placeHolder: vscode.l10n.t('Choose the export format') },
  );
  return picked?.format;
}

/** A save dialog proposing `<article>.annotations.<ext>` beside the article. */
async function pickTarget(document: vscode.TextDocument, format: ExportFormat): Promise<vscode.Uri | undefined> {
  const extension = EXPORT_EXTENSIONS[format];
  const name = path.posix.basename(document.uri.path).replace(ARTICLE_EXTENSION, '') + extension;
  const folder = document.isUntitled ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(document.uri, '..');
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder && vscode.Uri.joinPath(folder, name),
    filters: { [formatLabel(format)]: [extension.slice(extension.lastIndexOf('.') + 1)] },
    saveLabel: vscode.l10n.t('Export'),
    title: vscode.l10n.t('Export Annotations'),
  });
  // VS Code's save dialogs, desktop and web alike, ask before replacing an existing file.
  return target;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function confirmReplace(target: vscode.Uri): Promise<boolean> {
  const replace = vscode.l10n.t('Replace');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('“{0}” already exists. Replace it with the exported annotations?', path.posix.basename(target.path)),
    { modal: true },
    replace,
  );
  return answer === replace;
}

/**
 * Writes a temporary file beside `target`, then renames it over `target`: a failed write leaves
 * the previous file as it was, and no reader sees half an export. The temporary file never outlives the call.
 */
async function writeAtomically(target: vscode.Uri, content: Uint8Array): Promise<void> {
  const name = path.posix.basename(target.path);
  const temporary = vscode.Uri.joinPath(target, '..', `.${name}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  try {
    await vscode.workspace.fs.writeFile(temporary, content);
    await vscode.workspace.fs.rename(temporary, target, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
    throw error;
  }
}

/** Not awaited: the command is done once the file is written, whether or not the user clicks "Open". */
export function announce(target: vscode.Uri, annotationCount: number): void {
  const open = vscode.l10n.t('Open');
  const message =
    annotationCount === 1
      ? vscode.l10n.t('Exported 1 annotation to “{0}”.', path.posix.basename(target.path))
      : vscode.l10n.t('Exported {0} annotations to “{1}”.', annotationCount, path.posix.basename(target.path));
  void vscode.window.showInformationMessage(message, open).then((answer) => {
    if (answer === open) void vscode.commands.executeCommand('vscode.open', target);
  });
}
