// The language server: LSP messages in, calls into the pure language service (./service) out.
// Every handler reads the document's cached model for its current version; none parses itself.
import {
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DecorationsRequest, EntitiesRequest, ExportRequest, ReadingViewRequest, ServerProcessRequest, SourcesRequest, StatementAtRequest } from './protocol';
import { ModelCache } from './modelCache';
import { SettingsStore } from './settings';
import type { IsnadDocument } from './service/model';
import { computeDiagnostics } from './service/features/diagnostics';
import { computeHover } from './service/features/hover';
import { computeDocumentSymbols } from './service/features/symbols';
import { computeFoldingRanges } from './service/features/folding';
import { computeDecorations } from './service/features/decorations';
import { computeReadingView } from './service/features/readingView';
import { entityChoices, sourceChoices } from './service/features/frontMatterChoices';
import { isAnnotation } from './service/resolve';
import { statementAt } from './service/features/statementAt';
import { EXPORT_FORMATS, exportDocument } from './service/export/index';
import { BYTES_PER_MEGABYTE, tooLargeDiagnostic } from './service/features/documentSize';
import { CODE_ACTION_KINDS, computeCodeActions } from './service/features/codeActions/index';

/**
 * Typing sends one change per keystroke: after a change, diagnostics run once this interval has
 * passed (short enough to go unnoticed), on the version current then, so a burst costs one run.
 */
const DIAGNOSTICS_DELAY_MS = 50;

/**
 * The document's size in UTF-8 bytes when it is over `maxMegabytes`, else undefined. Counting
 * bytes costs a pass over the text: a UTF-16 unit is 1 to 3 bytes, so the length alone decides
 * most documents.
 */
function sizeOver(document: TextDocument, maxMegabytes: number): number | undefined {
  const limit = maxMegabytes * BYTES_PER_MEGABYTE;
  const text = document.getText();
  if (text.length * 3 <= limit) return undefined;
  const bytes = Buffer.byteLength(text, 'utf8');
  return bytes > limit ? bytes : undefined;
}

export function createServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const models = new ModelCache();
  const settings = new SettingsStore(connection);
  const pendingDiagnostics = new Map<string, NodeJS.Timeout>();

  /**
   * The model of an open document at its current version; undefined when it is not open or is over
   * `isnad.maxDocumentSize`. A cancelled request is answered with RequestCancelled.
   */
  async function modelFor(uri: string, token: CancellationToken): Promise<IsnadDocument | undefined> {
    const { maxDocumentSize } = await settings.forResource(uri);
    const document = documents.get(uri);
    if (!document) return undefined;
    if (sizeOver(document, maxDocumentSize) !== undefined) {
      models.forget(uri);
      return undefined;
    }
    // Cancelled while the settings were read: no parse. (vscode-jsonrpc answers a request cancelled while still queued itself.)
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
    return models.get(document);
  }

  /** Requests made while a run is pending fold into it: it reads whatever version is open when it fires. */
  function scheduleDiagnostics(uri: string, delay: number): void {
    if (pendingDiagnostics.has(uri)) return;
    pendingDiagnostics.set(
      uri,
      setTimeout(() => {
        pendingDiagnostics.delete(uri);
        publishDiagnostics(uri).catch((error: unknown) => connection.console.error(`Diagnostics failed for ${uri}: ${String(error)}`));
      }, delay),
    );
  }

  async function publishDiagnostics(uri: string): Promise<void> {
    const version = documents.get(uri)?.version;
    const { locale, diagnostics: options, maxDocumentSize } = await settings.forResource(uri);
    // The text may have changed (or closed) while the settings were read: publish only for the
    // version that is open now. From here on nothing awaits, so no newer version can slip in.
    const document = documents.get(uri);
    if (!document || document.version !== version) return;
    const bytes = sizeOver(document, maxDocumentSize);
    if (bytes !== undefined) {
      models.forget(uri);
      connection.sendDiagnostics({ uri, version, diagnostics: [tooLargeDiagnostic(bytes, maxDocumentSize, locale)] });
      return;
    }
    connection.sendDiagnostics({ uri, version, diagnostics: computeDiagnostics(models.get(document), locale, options) });
  }

  connection.onInitialize((params): InitializeResult => {
    settings.initialize(params);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Full,
        hoverProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: [...CODE_ACTION_KINDS], resolveProvider: false },
      },
      serverInfo: { name: 'Isnad language server' },
    };
  });

  connection.onDidChangeConfiguration((params) => {
    settings.changed(params);
    for (const document of documents.all()) scheduleDiagnostics(document.uri, 0);
  });

  // An open fires both events, this one first: the new document is diagnosed at once.
  documents.onDidOpen(({ document }) => scheduleDiagnostics(document.uri, 0));
  documents.onDidChangeContent(({ document }) => scheduleDiagnostics(document.uri, DIAGNOSTICS_DELAY_MS));
  documents.onDidClose(({ document: { uri } }) => {
    clearTimeout(pendingDiagnostics.get(uri));
    pendingDiagnostics.delete(uri);
    models.forget(uri);
    settings.forget(uri);
    connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.onHover(async ({ textDocument: { uri }, position }, token) => {
    const { locale } = await settings.forResource(uri);
    const doc = await modelFor(uri, token);
    return (doc && computeHover(doc, position, locale)) ?? null;
  });
  connection.onDocumentSymbol(async ({ textDocument: { uri } }, token) => {
    const { locale } = await settings.forResource(uri);
    const doc = await modelFor(uri, token);
    return doc ? computeDocumentSymbols(doc, locale) : [];
  });
  connection.onCodeAction(async ({ textDocument: { uri }, range, context }, token) => {
    const { locale } = await settings.forResource(uri);
    const doc = await modelFor(uri, token);
    return doc ? computeCodeActions(doc, range, context.diagnostics, locale, context.only) : [];
  });
  connection.onFoldingRanges(async ({ textDocument: { uri } }, token) => {
    const doc = await modelFor(uri, token);
    return doc ? computeFoldingRanges(doc) : [];
  });

  connection.onRequest(ExportRequest, async ({ uri, format }, token) => {
    if (!EXPORT_FORMATS.includes(format)) {
      throw new ResponseError(ErrorCodes.InvalidParams, `Unknown export format “${format}”: use one of ${EXPORT_FORMATS.join(', ')}.`);
    }
    const doc = await modelFor(uri, token);
    return doc ? { content: exportDocument(doc, format), annotationCount: doc.spans.filter(isAnnotation).length } : null;
  });
  connection.onRequest(DecorationsRequest, async ({ uri }, token) => {
    const doc = await modelFor(uri, token);
    return doc ? computeDecorations(doc) : null;
  });
  connection.onRequest(ReadingViewRequest, async ({ uri }, token) => {
    const doc = await modelFor(uri, token);
    return doc ? computeReadingView(doc) : null;
  });
  connection.onRequest(SourcesRequest, async ({ uri }, token) => {
    const doc = await modelFor(uri, token);
    return doc ? sourceChoices(doc) : [];
  });
  connection.onRequest(EntitiesRequest, async ({ uri }, token) => {
    const doc = await modelFor(uri, token);
    return doc ? entityChoices(doc) : [];
  });
  connection.onRequest(StatementAtRequest, async ({ uri, position }, token) => {
    const doc = await modelFor(uri, token);
    return doc ? statementAt(doc, doc.lines.offsetAt(position)) : null;
  });

  connection.onRequest(ServerProcessRequest, () => ({ pid: process.pid }));

  documents.listen(connection);
  connection.listen();
}
