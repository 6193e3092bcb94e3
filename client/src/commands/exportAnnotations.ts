// "Export Annotations…": the server builds the export from its model; this command asks for the
// format and the file (the save dialog confirms an overwrite), and writes the file.
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
 * quick pick), `target` the file to write, replaced without asking (else a save dialog).
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
    const result = await client.sendRequest(ExportRequest, { uri: client.code2ProtocolConverter.asUri(document.uri), format });
    if (!result) throw new Error(vscode.l10n.t('the language server does not have the document open.'));
    target ??= await pickTarget(document, format);
    if (!target) return undefined;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.content));
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
