// `Isnad: Open Reading View`: the article as a reader sees it, beside the editor (like the
// Markdown preview), following edits and scrolling, with spans that lead back to the markup.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ReadingViewRequest, type ReadingViewResult } from '../../../server/src/protocol';
import { LiveRequests } from '../liveRequests';
import { ReadingViewPanel } from './panel';

export const OPEN_READING_VIEW_COMMAND = 'isnad.openReadingView';
const REFRESH_INTERVAL_MS = 150;

export function registerReadingView(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  const media = vscode.Uri.joinPath(context.extensionUri, 'media');
  const panels = new Map<string, ReadingViewPanel>();
  const panelOf = (document: vscode.TextDocument) => panels.get(document.uri.toString());
  const requests = new LiveRequests<ReadingViewResult>(client, ReadingViewRequest, REFRESH_INTERVAL_MS, (document, view) => panelOf(document)?.show(view));

  const open = async (uri?: vscode.Uri) => {
    const active = vscode.window.activeTextEditor;
    const document = uri ? await vscode.workspace.openTextDocument(uri) : active?.document;
    if (document?.languageId !== 'isnad') {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open an Isnad document to see it in the Reading View.'));
      return;
    }
    const existing = panelOf(document);
    if (existing) return existing.reveal();
    const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document === document);
    const panel = ReadingViewPanel.create(document, media, editor?.viewColumn);
    const key = document.uri.toString();
    panels.set(key, panel);
    panel.onDidDispose(() => {
      panels.delete(key);
      requests.forget(document);
    });
    if (editor?.visibleRanges.length) panel.scrollTo(editor.visibleRanges[0].start.line);
    await requests.fetch(document);
  };

  context.subscriptions.push(
    requests,
    vscode.commands.registerCommand(OPEN_READING_VIEW_COMMAND, open),
    vscode.workspace.onDidChangeTextDocument(({ document }) => {
      if (panelOf(document)) requests.schedule(document);
    }),
    vscode.window.onDidChangeTextEditorVisibleRanges(({ textEditor, visibleRanges }) => {
      if (visibleRanges.length) panelOf(textEditor.document)?.scrollTo(visibleRanges[0].start.line);
    }),
    { dispose: () => [...panels.values()].forEach((panel) => panel.dispose()) },
  );
}
