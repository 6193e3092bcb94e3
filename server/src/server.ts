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
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DecorationsRequest, EntitiesRequest, ExportRequest, ReadingViewRequest, SourcesRequest, StatementAtRequest } from './protocol';
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
import { WorkspaceFeatures, isRegistryDocument } from './workspace/workspaceFeatures';

/**
 * Typing sends one change per keystroke: after a change, diagnostics run once this interval has
 * passed (short enough to go unnoticed), on the version current then, so a burst costs one run.
 */
const DIAGNOSTICS_DELAY_MS = 50;

export function createServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const models = new ModelCache();
  const settings = new SettingsStore(connection);
  const pendingDiagnostics = new Map<string, NodeJS.Timeout>();
  const workspace = new WorkspaceFeatures({ connection, documents, models, settings, rediagnose: (uri) => scheduleDiagnostics(uri, 0) });

  /** The model of an open article at its current version; undefined when it is not open (or is a registry) or the request was cancelled. */
  function modelFor(uri: string, token: CancellationToken): IsnadDocument | undefined {
    const document = documents.get(uri);
    return document && !token.isCancellationRequested && !isRegistryDocument(uri) ? workspace.model(document) : undefined;
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
    const { locale, diagnostics: options } = await settings.forResource(uri);
    // The text may have changed (or closed) while the settings were read: publish only for the
    // version that is open now. From here on nothing awaits, so no newer version can slip in.
    const document = documents.get(uri);
    if (!document || document.version !== version) return;
    const model = workspace.model(document);
    connection.sendDiagnostics({ uri, version, diagnostics: computeDiagnostics(model, locale, options) });
    workspace.articleParsed(model);
  }

  connection.onInitialize((params): InitializeResult => {
    settings.initialize(params);
    workspace.initialize(params);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Full,
        hoverProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        workspaceSymbolProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'Isnad language server' },
    };
  });

  connection.onDidChangeConfiguration((params) => {
    settings.changed(params);
    for (const document of documents.all()) scheduleDiagnostics(document.uri, 0);
  });

  connection.onInitialized(() => workspace.start());

  // An open fires both events, this one first: the new document is diagnosed at once.
  documents.onDidOpen(({ document: { uri } }) => {
    workspace.opened(uri);
    if (!isRegistryDocument(uri)) scheduleDiagnostics(uri, 0);
  });
  documents.onDidChangeContent(({ document: { uri } }) => {
    if (!workspace.edited(uri)) scheduleDiagnostics(uri, DIAGNOSTICS_DELAY_MS);
  });
  documents.onDidClose(({ document: { uri } }) => {
    workspace.closed(uri);
    // A registry's diagnostics stay: they are the workspace's, published whether it is open or not.
    if (isRegistryDocument(uri)) return;
    clearTimeout(pendingDiagnostics.get(uri));
    pendingDiagnostics.delete(uri);
    models.forget(uri);
    settings.forget(uri);
    connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.onHover(async ({ textDocument: { uri }, position }, token) => {
    const { locale } = await settings.forResource(uri);
    const doc = modelFor(uri, token);
    return (doc && computeHover(doc, position, locale, (kind, definition) => workspace.usage(kind, definition))) ?? null;
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

  workspace.registerHandlers();

  documents.listen(connection);
  connection.listen();
}
