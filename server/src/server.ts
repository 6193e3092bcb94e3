// The language server: LSP messages in, calls into the pure language service (./service) out.
// Every handler reads the document's cached model for its current version; none parses itself.
import {
  ErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { DecorationsRequest, EntitiesRequest, ExportRequest, ReadingViewRequest, SourcesRequest, StatementAtRequest } from './protocol';
import { ModelCache } from './modelCache';
import { SettingsStore } from './settings';
import type { IsnadDocument } from './service/model';
import { toDiagnostic } from './service/features/diagnostics';
import { computeHover } from './service/features/hover';
import { computeDocumentSymbols } from './service/features/symbols';
import { computeFoldingRanges } from './service/features/folding';
import { computeDecorations } from './service/features/decorations';
import { computeReadingView } from './service/features/readingView';
import { entityChoices, sourceChoices } from './service/features/frontMatterChoices';
import { isAnnotation } from './service/resolve';
import { statementAt } from './service/features/statementAt';
import { EXPORT_FORMATS, exportDocument } from './service/export/index';

/**
 * Typing sends one change per keystroke. While re-parsing and diagnosing a document is cheap
 * (below CHEAP_ANALYSIS_MS, as it is for one edited paragraph), diagnostics run as soon as the
 * messages already received are handled. When it is not (a huge document whose edits re-parse it
 * all), they run once DIAGNOSTICS_DELAY_MS has passed after a change, on the version current then,
 * so a burst of keystrokes costs one run.
 */
const DIAGNOSTICS_DELAY_MS = 50;
const CHEAP_ANALYSIS_MS = 8;

export function createServer(connection: Connection): void {
  const models = new ModelCache();
  const documents = new TextDocuments(models.documents);
  const settings = new SettingsStore(connection);
  const pendingDiagnostics = new Map<string, () => void>();
  /** How long the last diagnostics run of each document took, model update included. */
  const analysisMs = new Map<string, number>();

  /** The model of an open document at its current version; undefined when it is not open or the request was cancelled. */
  function modelFor(uri: string, token: CancellationToken): IsnadDocument | undefined {
    const document = documents.get(uri);
    return document && !token.isCancellationRequested ? models.get(document) : undefined;
  }

  /** Requests made while a run is pending fold into it: it reads whatever version is open when it fires. */
  function scheduleDiagnostics(uri: string, delay: number): void {
    if (pendingDiagnostics.has(uri)) return;
    const run = () => {
      pendingDiagnostics.delete(uri);
      publishDiagnostics(uri).catch((error: unknown) => connection.console.error(`Diagnostics failed for ${uri}: ${String(error)}`));
    };
    if (delay === 0) {
      const immediate = setImmediate(run);
      pendingDiagnostics.set(uri, () => clearImmediate(immediate));
    } else {
      const timeout = setTimeout(run, delay);
      pendingDiagnostics.set(uri, () => clearTimeout(timeout));
    }
  }

  function delayAfterChange(uri: string): number {
    return (analysisMs.get(uri) ?? Infinity) < CHEAP_ANALYSIS_MS ? 0 : DIAGNOSTICS_DELAY_MS;
  }

  async function publishDiagnostics(uri: string): Promise<void> {
    const version = documents.get(uri)?.version;
    const { locale, diagnostics: options } = await settings.forResource(uri);
    // The text may have changed (or closed) while the settings were read: publish only for the
    // version that is open now. From here on nothing awaits, so no newer version can slip in.
    const document = documents.get(uri);
    if (!document || document.version !== version) return;
    const started = performance.now();
    const model = models.get(document);
    const diagnostics = models.problems(document, options).map((item) => toDiagnostic(model, item, locale));
    analysisMs.set(uri, performance.now() - started);
    connection.sendDiagnostics({ uri, version, diagnostics });
  }

  connection.onInitialize((params): InitializeResult => {
    settings.initialize(params);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
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
  documents.onDidChangeContent(({ document }) => scheduleDiagnostics(document.uri, delayAfterChange(document.uri)));
  documents.onDidClose(({ document: { uri } }) => {
    pendingDiagnostics.get(uri)?.();
    pendingDiagnostics.delete(uri);
    analysisMs.delete(uri);
    models.forget(uri);
    settings.forget(uri);
    connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.onHover(async ({ textDocument: { uri }, position }, token) => {
    const { locale } = await settings.forResource(uri);
    const doc = modelFor(uri, token);
    return (doc && computeHover(doc, position, locale)) ?? null;
  });
  connection.onDocumentSymbol(async ({ textDocument: { uri } }, token) => {
    const { locale } = await settings.forResource(uri);
    const doc = modelFor(uri, token);
    return doc ? computeDocumentSymbols(doc, locale) : [];
  });
  connection.onFoldingRanges(({ textDocument: { uri } }, token) => {
    const doc = modelFor(uri, token);
    return doc ? computeFoldingRanges(doc) : [];
  });

  connection.onRequest(ExportRequest, ({ uri, format }, token) => {
    if (!EXPORT_FORMATS.includes(format)) {
      throw new ResponseError(ErrorCodes.InvalidParams, `Unknown export format “${format}”: use one of ${EXPORT_FORMATS.join(', ')}.`);
    }
    const doc = modelFor(uri, token);
    return doc ? { content: exportDocument(doc, format), annotationCount: doc.spans.filter(isAnnotation).length } : null;
  });
  connection.onRequest(DecorationsRequest, ({ uri }, token) => {
    const doc = modelFor(uri, token);
    return doc ? computeDecorations(doc) : null;
  });
  connection.onRequest(ReadingViewRequest, ({ uri }, token) => {
    const doc = modelFor(uri, token);
    return doc ? computeReadingView(doc) : null;
  });
  connection.onRequest(SourcesRequest, ({ uri }, token) => {
    const doc = modelFor(uri, token);
    return doc ? sourceChoices(doc) : [];
  });
  connection.onRequest(EntitiesRequest, ({ uri }, token) => {
    const doc = modelFor(uri, token);
    return doc ? entityChoices(doc) : [];
  });
  connection.onRequest(StatementAtRequest, ({ uri, position }, token) => {
    const doc = modelFor(uri, token);
    return doc ? statementAt(doc, doc.lines.offsetAt(position)) : null;
  });

  documents.listen(connection);
  connection.listen();
}
