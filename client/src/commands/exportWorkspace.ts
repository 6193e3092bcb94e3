// "Export Workspace Annotations": every article of the workspace into one file, in one of the
// three formats. The server writes the file article by article; this command asks for the format
// and the file, shows the progress in a notification and cancels the export when asked.
import * as vscode from 'vscode';
import { WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';
import { ExportWorkspaceRequest } from '../../../server/src/protocol';
import { EXPORT_EXTENSIONS, EXPORT_FORMATS, type ExportFormat } from '../../../server/src/service/export/index';
import { announce, formatLabel, pickFormat } from './exportAnnotations';

export const EXPORT_WORKSPACE_COMMAND = 'isnad.exportWorkspace';

export function registerExportWorkspace(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand(EXPORT_WORKSPACE_COMMAND, (format?: ExportFormat, target?: vscode.Uri) => exportWorkspace(client, format, target));
}

/**
 * As Export Annotations: `format` and `target`, when given, skip their prompts. Resolves to the
 * file written, or undefined when the user cancelled (the prompts or the export) or it failed.
 */
async function exportWorkspace(client: LanguageClient, format?: ExportFormat, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Open a folder to export the annotations of its articles.'));
    return undefined;
  }
  if (format !== undefined && !EXPORT_FORMATS.includes(format)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Unknown export format “{0}”.', String(format)));
    return undefined;
  }
  format ??= await pickFormat(folder);
  if (!format) return undefined;
  const extension = EXPORT_EXTENSIONS[format];
  target ??= await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(folder, `corpus${extension}`),
    filters: { [formatLabel(format)]: [extension.slice(extension.lastIndexOf('.') + 1)] },
    saveLabel: vscode.l10n.t('Export'),
    title: vscode.l10n.t('Export Workspace Annotations'),
  });
  if (!target) return undefined;
  const chosen = { format, target };
  try {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting the workspace’s annotations'), cancellable: true },
      async (progress, cancellation) => {
        const workDoneToken = `isnad-export-${Date.now()}`;
        let reported = 0;
        const listening = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
          if (value.kind === 'end' || value.percentage === undefined) return;
          progress.report({ increment: value.percentage - reported, message: value.message });
          reported = value.percentage;
        });
        try {
          return await client.sendRequest(
            ExportWorkspaceRequest,
            { format: chosen.format, target: client.code2ProtocolConverter.asUri(chosen.target), workDoneToken },
            cancellation,
          );
        } finally {
          listening.dispose();
        }
      },
    );
    if (!result) return undefined;
    announce(target, result.annotationCount);
    return target;
  } catch (error) {
    if (error instanceof Error && /cancel/i.test(error.message)) return undefined;
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not export the annotations: {0}', error instanceof Error ? error.message : String(error)));
    return undefined;
  }
}
