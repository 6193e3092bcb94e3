// Decorates visible Isnad editors from the server's DecorationsRequest: entity tints, claim and
// quote underlines, gutter icons and speaker badges, chosen per paragraph direction (plan.ts).
import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import { DecorationsRequest, type DecorationsResult } from '../../../server/src/protocol';
import { LiveRequests } from '../liveRequests';
import { DECORATION_KEYS, planDecorations, type DecorationKey, type DecorationPlan } from './plan';
import { decorationStyles, styleProperties } from './styles';

const LANGUAGE_ID = 'isnad';
const REDRAW_INTERVAL_MS = 100;

/** What an editor was last decorated with, for the in-editor tests. */
export interface DecorationSnapshot {
  /** The document version the decorations describe. */
  readonly version: number;
  /** The paragraphs with their directions, to tell which lines the decorations are on. */
  readonly paragraphs: DecorationsResult['paragraphs'];
  readonly decorations: DecorationPlan;
  /** Whether the editor wrapped lines when it was decorated (no column-0 badges then). */
  readonly wordWrap: boolean;
  /** The style properties of each decoration type (`backgroundColor`, `after.color` …). */
  readonly styles: Readonly<Record<DecorationKey, readonly string[]>>;
}

export interface DecoratedDocument {
  readonly document: vscode.TextDocument;
  readonly result: DecorationsResult;
}

export class Decorator implements vscode.Disposable {
  private readonly types: Record<DecorationKey, vscode.TextEditorDecorationType>;
  private readonly styles: Record<DecorationKey, readonly string[]>;
  /** The latest answer per document, so an editor that becomes visible is drawn without asking again. */
  private readonly latest = new Map<string, DecorationsResult>();
  private readonly applied = new WeakMap<vscode.TextEditor, DecorationSnapshot>();
  private readonly requests: LiveRequests<DecorationsResult>;
  private readonly updated = new vscode.EventEmitter<DecoratedDocument>();
  private readonly subscriptions: vscode.Disposable[];

  /** Fires when a document's decorations (and counts) change. */
  readonly onDidUpdate = this.updated.event;

  constructor(client: BaseLanguageClient, media: vscode.Uri) {
    const options = decorationStyles(media);
    this.types = mapKeys((key) => vscode.window.createTextEditorDecorationType(options[key]));
    this.styles = mapKeys((key) => styleProperties(options[key]));
    this.requests = new LiveRequests(client, DecorationsRequest, REDRAW_INTERVAL_MS, (document, result) => this.accept(document, result));
    this.subscriptions = [
      this.requests,
      this.updated,
      vscode.window.onDidChangeVisibleTextEditors(() => this.drawVisible()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('editor.wordWrap')) this.drawVisible();
      }),
      vscode.workspace.onDidChangeTextDocument(({ document }) => {
        if (isVisible(document)) this.requests.schedule(document);
      }),
      // Switching an open file's language to Isnad reopens it without changing the visible editors.
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (isVisible(document)) this.requests.schedule(document);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.latest.delete(document.uri.toString());
        this.requests.forget(document);
      }),
      client.onDidChangeState(({ newState }) => {
        if (newState === State.Running) for (const editor of isnadEditors()) this.requests.schedule(editor.document);
      }),
    ];
    this.drawVisible();
  }

  /** What `editor` was last decorated with; undefined before its first answer. */
  snapshot(editor: vscode.TextEditor): DecorationSnapshot | undefined {
    return this.applied.get(editor);
  }

  /** The latest answer for the document, if it matches its current version. */
  resultFor(document: vscode.TextDocument): DecorationsResult | undefined {
    const latest = this.latest.get(document.uri.toString());
    return latest?.version === document.version ? latest : undefined;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    for (const type of Object.values(this.types)) type.dispose();
  }

  private drawVisible(): void {
    for (const editor of isnadEditors()) {
      const latest = this.resultFor(editor.document);
      if (latest) this.draw(editor, latest);
      else this.requests.schedule(editor.document);
    }
  }

  private accept(document: vscode.TextDocument, result: DecorationsResult): void {
    this.latest.set(document.uri.toString(), result);
    for (const editor of vscode.window.visibleTextEditors) if (editor.document === document) this.draw(editor, result);
    this.updated.fire({ document, result });
  }

  private draw(editor: vscode.TextEditor, result: DecorationsResult): void {
    const wordWrap = vscode.workspace.getConfiguration('editor', editor.document).get<string>('wordWrap', 'off') !== 'off';
    const applied = this.applied.get(editor);
    if (applied?.version === result.version && applied.wordWrap === wordWrap && applied.paragraphs === result.paragraphs) return;
    const plan = planDecorations(result, { wordWrap });
    for (const key of DECORATION_KEYS) {
      editor.setDecorations(
        this.types[key],
        plan[key].map(({ range, text }) => ({
          range: new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character),
          ...(text === undefined ? {} : { renderOptions: attachmentText(key, text) }),
        })),
      );
    }
    this.applied.set(editor, { version: result.version, paragraphs: result.paragraphs, decorations: plan, wordWrap, styles: this.styles });
  }
}

function attachmentText(key: DecorationKey, contentText: string): vscode.DecorationInstanceRenderOptions {
  return key === 'speaker.lineStart' ? { before: { contentText } } : { after: { contentText } };
}

function mapKeys<T>(make: (key: DecorationKey) => T): Record<DecorationKey, T> {
  return Object.fromEntries(DECORATION_KEYS.map((key) => [key, make(key)])) as Record<DecorationKey, T>;
}

function isnadEditors(): vscode.TextEditor[] {
  return vscode.window.visibleTextEditors.filter((editor) => editor.document.languageId === LANGUAGE_ID);
}

function isVisible(document: vscode.TextDocument): boolean {
  return document.languageId === LANGUAGE_ID && vscode.window.visibleTextEditors.some((editor) => editor.document === document);
}

/** Starts decorating Isnad editors; the returned decorator also feeds the status item and the tests. */
export function registerDecorations(context: vscode.ExtensionContext, client: BaseLanguageClient): Decorator {
  const decorator = new Decorator(client, vscode.Uri.joinPath(context.extensionUri, 'media'));
  context.subscriptions.push(decorator);
  return decorator;
}
