// Asking the server for a view of a document while the user edits it: at most one request per
// document per interval, earlier requests cancelled, and answers for an older version dropped.
import * as vscode from 'vscode';
import { ErrorCodes, LSPErrorCodes, ResponseError, type BaseLanguageClient, type RequestType } from 'vscode-languageclient';
import type { DecorationsParams } from '../../server/src/protocol';

export type DocumentRequest<R> = RequestType<DecorationsParams, R | null, void>;

export class LiveRequests<R extends { readonly version: number }> implements vscode.Disposable {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly inFlight = new Map<string, vscode.CancellationTokenSource>();

  constructor(
    private readonly client: BaseLanguageClient,
    private readonly request: DocumentRequest<R>,
    private readonly intervalMs: number,
    private readonly onAnswer: (document: vscode.TextDocument, result: R) => void,
  ) {}

  /** Asks soon; calls until then are folded into one request, so typing costs one per interval. */
  schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    if (this.timers.has(key)) return;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.fetch(document);
      }, this.intervalMs),
    );
  }

  async fetch(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    this.inFlight.get(key)?.cancel();
    const cancellation = new vscode.CancellationTokenSource();
    this.inFlight.set(key, cancellation);
    try {
      const uri = this.client.code2ProtocolConverter.asUri(document.uri);
      const result = await this.client.sendRequest(this.request, { uri }, cancellation.token);
      // The answer describes the text the server had; after a newer edit it would draw on the wrong characters.
      if (result && result.version === document.version && !cancellation.token.isCancellationRequested) this.onAnswer(document, result);
    } catch (error) {
      if (!isExpected(error)) this.client.error(`Request ${this.request.method} failed`, error, false);
    } finally {
      if (this.inFlight.get(key) === cancellation) this.inFlight.delete(key);
      cancellation.dispose();
    }
  }

  forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.inFlight.get(key)?.cancel();
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const cancellation of this.inFlight.values()) cancellation.cancel();
    this.timers.clear();
  }
}

/** A cancelled request, or one made while the server is not running (it is retried once it runs). */
function isExpected(error: unknown): boolean {
  return error instanceof ResponseError && (error.code === LSPErrorCodes.RequestCancelled || error.code === ErrorCodes.ConnectionInactive);
}
