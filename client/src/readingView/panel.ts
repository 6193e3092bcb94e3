// One Reading View: a webview beside the editor showing one document, kept in step with it.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { ReadingViewResult } from '../../../server/src/protocol';
import { readingViewHtml } from './html';
import type { FromWebview, ReadingViewLabels, ToWebview } from './messages';

const READING_VIEW_TYPE = 'isnad.readingView';

export class ReadingViewPanel implements vscode.Disposable {
  private view: ReadingViewResult | undefined;
  private topLine: number | undefined;
  private readonly disposed = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[];

  readonly onDidDispose = this.disposed.event;

  /** Opens a new view of `document` beside the active editor, leaving the focus in the editor. */
  static create(document: vscode.TextDocument, media: vscode.Uri, sourceColumn: vscode.ViewColumn | undefined): ReadingViewPanel {
    const name = document.uri.path.split('/').pop() || document.uri.toString();
    const panel = vscode.window.createWebviewPanel(
      READING_VIEW_TYPE,
      vscode.l10n.t('Reading View: {0}', name),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, enableFindWidget: true, localResourceRoots: [media] },
    );
    return new ReadingViewPanel(document.uri, panel, media, sourceColumn);
  }

  private constructor(
    private readonly uri: vscode.Uri,
    private readonly panel: vscode.WebviewPanel,
    media: vscode.Uri,
    private readonly sourceColumn: vscode.ViewColumn | undefined,
  ) {
    const { webview } = panel;
    webview.html = readingViewHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'readingView.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'readingView.css')).toString(),
      nonce: randomBytes(16).toString('base64'),
      language: vscode.env.language,
    });
    this.subscriptions = [
      this.disposed,
      webview.onDidReceiveMessage((message: FromWebview) => this.receive(message)),
      panel.onDidDispose(() => this.cleanUp()),
    ];
  }

  show(view: ReadingViewResult): void {
    this.view = view;
    this.post({ type: 'render', view, labels: labels() });
  }

  scrollTo(line: number): void {
    this.topLine = line;
    this.post({ type: 'scrollTo', line });
  }

  reveal(): void {
    this.panel.reveal(undefined, true);
  }

  /** Closes the view; the panel's own dispose event does the cleaning up, also when the user closes it. */
  dispose(): void {
    this.panel.dispose();
  }

  private cleanUp(): void {
    this.disposed.fire();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private post(message: ToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private receive(message: FromWebview): void {
    if (message.type === 'ready') {
      // The webview (re)loaded, e.g. after being hidden: give it back what it showed.
      if (this.view) this.show(this.view);
      if (this.topLine !== undefined) this.scrollTo(this.topLine);
    } else if (message.type === 'reveal') {
      void this.revealSpan(message.span);
    }
  }

  /** Shows the clicked span in the editor, selected. */
  private async revealSpan(index: number): Promise<void> {
    const span = this.view?.spans[index];
    if (!span) return;
    const { start, end } = span.range;
    const selection = new vscode.Selection(start.line, start.character, end.line, end.character);
    const visible = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === this.uri.toString());
    const editor = await vscode.window.showTextDocument(this.uri, { viewColumn: visible?.viewColumn ?? this.sourceColumn, selection });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}

function labels(): ReadingViewLabels {
  return {
    entityTypes: {
      person: vscode.l10n.t('Person'),
      organization: vscode.l10n.t('Organization'),
      country: vscode.l10n.t('Country'),
      place: vscode.l10n.t('Place'),
      event: vscode.l10n.t('Event'),
      other: vscode.l10n.t('Other entity'),
    },
    claim: vscode.l10n.t('Claim'),
    quote: vscode.l10n.t('Quote'),
    note: vscode.l10n.t('Note'),
    unattributed: vscode.l10n.t('Unattributed'),
    legend: vscode.l10n.t('Legend'),
    empty: vscode.l10n.t('The article has no text yet.'),
  };
}
