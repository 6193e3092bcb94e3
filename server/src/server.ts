// The language server: LSP messages in, calls into the pure language service (./service) out.
// Every handler reads the document's cached model for its current version; none parses itself.
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentHighlightRequest,
  DocumentSymbolRequest,
  ErrorCodes,
  FoldingRangeRequest,
  HoverRequest,
  InlayHintRequest,
  LSPErrorCodes,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  ResponseError,
  SemanticTokensRangeRequest,
  SemanticTokensRequest,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type Connection,
  type InitializeResult,
  type TextDocumentIdentifier,
  type TextDocumentPositionParams,
  type SemanticTokensRangeParams,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DecorationsRequest,
  type DecorationsParams,
  EntitiesRequest,
  ExportRequest,
  ReadingViewRequest,
  SourcesRequest,
  ServerProcessRequest,
  StatementAtRequest,
  MarkableSelectionsRequest,
  UnattributedClaimRequest,
} from './protocol';
import { ModelCache } from './modelCache';
import { SettingsStore } from './settings';
import type { IsnadDocument } from './service/model';
import { toDiagnostic } from './service/features/diagnostics';
import { codeActionForDisplay, diagnosticForDisplay } from './service/features/rtlDisplay';
import { computeHover } from './service/features/hover';
import { computeDocumentSymbols } from './service/features/symbols';
import { computeFoldingRanges } from './service/features/folding';
import { computeDecorations } from './service/features/decorations';
import { computeReadingView } from './service/features/readingView';
import { entityChoices, sourceChoices } from './service/features/frontMatterChoices';
import { isAnnotation } from './service/resolve';
import { statementAt } from './service/features/statementAt';
import { markableSelections } from './service/features/markableSelections';
import { EXPORT_FORMATS, exportDocument } from './service/export/index';
import { COMPLETION_TRIGGER_CHARACTERS, computeCompletion } from './service/features/completion/index';
import { computeDefinition, computeDocumentHighlights, computeReferences } from './service/features/navigation';
import { RenameRefusal, computeRename, prepareRename } from './service/features/rename';
import { SEMANTIC_TOKENS_LEGEND, computeSemanticTokens } from './service/features/semanticTokens';
import { computeInlayHints } from './service/features/inlayHints';
import { computeCodeLenses } from './service/features/codeLens';
import { adjacentUnattributedClaim } from './service/features/unattributedClaims';
import { BYTES_PER_MEGABYTE, tooLargeDiagnostic } from './service/features/documentSize';
import { CODE_ACTION_KINDS, computeCodeActions } from './service/features/codeActions/index';
import { WorkspaceFeatures, isRegistryDocument } from './workspace/workspaceFeatures';
import { threadCpuMs } from './threadCpu';
import { checkedParams, type ParamsShape } from './requestParams';

/**
 * Typing sends one change per keystroke. While diagnosing after a change is cheap (under
 * CHEAP_ANALYSIS_MS, as it is when the edit stays inside one paragraph, whatever the document's
 * size), diagnostics run as soon as the messages already received are handled: one run per
 * keystroke then costs a fraction of the time between keystrokes. When it is not (an edit that
 * re-parses a huge document), they run once DIAGNOSTICS_DELAY_MS has passed after a change, on the
 * version current then, so a burst of keystrokes costs one run. A run's cost is its CPU time:
 * on a busy machine the wall clock also counts the wait for a core, which made cheap runs look
 * slow and delayed the next keystroke's diagnostics by DIAGNOSTICS_DELAY_MS; and the server's
 * thread's own, not the process's (see threadCpu.ts).
 */
const DIAGNOSTICS_DELAY_MS = 50;
const CHEAP_ANALYSIS_MS = 20;

/** The params of the requests about one open document. */
const DOCUMENT_PARAMS: ParamsShape<DecorationsParams> = { uri: 'string' };
/** The standard requests' params: a document, a position in it, a range of it. */
const IN_DOCUMENT: ParamsShape<{ textDocument: TextDocumentIdentifier }> = { textDocument: 'document' };
const AT_POSITION: ParamsShape<TextDocumentPositionParams> = { textDocument: 'document', position: 'position' };
const IN_RANGE: ParamsShape<SemanticTokensRangeParams> = { textDocument: 'document', range: 'range' };

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
  const models = new ModelCache();
  const documents = new TextDocuments(models.documents);
  const settings = new SettingsStore(connection);
  const pendingDiagnostics = new Map<string, () => void>();
  /** The CPU time the last diagnostics run after a change took, model update included; none before the first change. */
  const analysisMs = new Map<string, number>();
  /** Documents changed since their last diagnostics run. */
  const changed = new Set<string>();
  const opening = new Set<string>();
  const workspace = new WorkspaceFeatures({ connection, documents, models, settings, rediagnose: (uri) => scheduleDiagnostics(uri, 0) });

  /**
   * The model of an open article at its current version, its ids resolved through the registries it
   * sees; undefined when it is not open, is a registry, or is over `isnad.maxDocumentSize`. A
   * cancelled request is answered with RequestCancelled.
   */
  async function modelFor(uri: string, token: CancellationToken): Promise<IsnadDocument | undefined> {
    const { maxDocumentSize } = await settings.forResource(uri);
    const document = documents.get(uri);
    if (!document || isRegistryDocument(uri)) return undefined;
    if (sizeOver(document, maxDocumentSize) !== undefined) {
      models.forget(uri);
      return undefined;
    }
    // Cancelled while the settings were read: no parse. (vscode-jsonrpc answers a request cancelled while still queued itself.)
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
    return workspace.model(document);
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
    return (analysisMs.get(uri) ?? 0) < CHEAP_ANALYSIS_MS ? 0 : DIAGNOSTICS_DELAY_MS;
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
      connection.sendDiagnostics({ uri, version, diagnostics: [diagnosticForDisplay(tooLargeDiagnostic(bytes, maxDocumentSize, locale), locale)] });
      return;
    }
    const started = threadCpuMs();
    const model = workspace.model(document);
    const diagnostics = models.problems(document, model, options).map((item) => diagnosticForDisplay(toDiagnostic(model, item, locale), locale));
    // Opening parses the whole text: only runs after a change say what the next keystroke costs.
    if (changed.delete(uri)) {
      analysisMs.set(uri, threadCpuMs() - started);
    }
    connection.sendDiagnostics({ uri, version, diagnostics });
    workspace.articleParsed(model);
  }

  let canRefreshInlayHints = false;

  connection.onInitialize((params): InitializeResult => {
    settings.initialize(params);
    workspace.initialize(params);
    canRefreshInlayHints = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS },
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true, range: true },
        inlayHintProvider: true,
        codeLensProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: [...CODE_ACTION_KINDS], resolveProvider: false },
        workspaceSymbolProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'Isnad language server' },
    };
  });

  connection.onDidChangeConfiguration((params) => {
    settings.changed(params);
    for (const document of documents.all()) scheduleDiagnostics(document.uri, 0);
    workspace.settingsChanged();
    // The hints depend on a setting: the editor asks again only when told to.
    if (canRefreshInlayHints) connection.languages.inlayHint.refresh().catch(() => undefined);
  });

  connection.onInitialized(() => workspace.start());

  // An open fires both events, this one first: the new document is diagnosed at once.
  documents.onDidOpen(({ document: { uri } }) => {
    workspace.opened(uri);
    opening.add(uri);
    if (!isRegistryDocument(uri)) scheduleDiagnostics(uri, 0);
  });
  documents.onDidChangeContent(({ document: { uri } }) => {
    // An open fires this event too, right after onDidOpen: that is not a change.
    if (!opening.delete(uri)) changed.add(uri);
    if (!workspace.edited(uri)) scheduleDiagnostics(uri, delayAfterChange(uri));
  });
  documents.onDidClose(({ document: { uri } }) => {
    workspace.closed(uri);
    // A registry's diagnostics stay: they are the workspace's, published whether it is open or not.
    if (isRegistryDocument(uri)) return;
    pendingDiagnostics.get(uri)?.();
    pendingDiagnostics.delete(uri);
    analysisMs.delete(uri);
    changed.delete(uri);
    models.forget(uri);
    settings.forget(uri);
    connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.onHover(async (params, token) => {
    const { textDocument: { uri }, position } = checkedParams(HoverRequest.method, params, AT_POSITION);
    const { locale } = await settings.forResource(uri);
    const doc = await modelFor(uri, token);
    return (doc && computeHover(doc, position, locale, (kind, definition) => workspace.usage(kind, definition))) ?? null;
  });
  connection.onDocumentSymbol(async (params, token) => {
    const { textDocument: { uri } } = checkedParams(DocumentSymbolRequest.method, params, IN_DOCUMENT);
    const { locale } = await settings.forResource(uri);
    const doc = await modelFor(uri, token);
    return doc ? computeDocumentSymbols(doc, locale) : [];
  });
  connection.onCodeAction(async (params, token) => {
    const { textDocument: { uri }, range, context } = checkedParams(CodeActionRequest.method, params, { textDocument: 'document', range: 'range', context: 'object' });
    const { locale } = await settings.forResource(uri);
    const doc = await modelFor(uri, token);
    return doc ? computeCodeActions(doc, range, context.diagnostics, locale, context.only).map((action) => codeActionForDisplay(action, locale)) : [];
  });
  connection.onFoldingRanges(async (params, token) => {
    const { textDocument: { uri } } = checkedParams(FoldingRangeRequest.method, params, IN_DOCUMENT);
    const doc = await modelFor(uri, token);
    return doc ? computeFoldingRanges(doc) : [];
  });

  connection.onCompletion(async (params, token) => {
    const { textDocument: { uri }, position } = checkedParams(CompletionRequest.method, params, AT_POSITION);
    const { locale } = await settings.forResource(uri);
    const doc = await modelFor(uri, token);
    return doc ? computeCompletion(doc, position, locale) : [];
  });
  // An id a registry defines is the workspace's to answer (across files); the document's own ids, its own.
  connection.onDefinition(async (params, token) => {
    const { textDocument: { uri }, position } = checkedParams(DefinitionRequest.method, params, AT_POSITION);
    const shared = workspace.definition(uri, position);
    if (shared) return shared;
    const doc = await modelFor(uri, token);
    return doc ? computeDefinition(doc, position) : [];
  });
  connection.onReferences(async (params, token) => {
    const { textDocument: { uri }, position, context } = checkedParams(ReferencesRequest.method, params, { ...AT_POSITION, context: 'object' });
    const shared = workspace.references(uri, position, context.includeDeclaration);
    if (shared) return shared;
    const doc = await modelFor(uri, token);
    return doc ? computeReferences(doc, position, context.includeDeclaration) : [];
  });
  connection.onDocumentHighlight(async (params, token) => {
    const { textDocument: { uri }, position } = checkedParams(DocumentHighlightRequest.method, params, AT_POSITION);
    const doc = await modelFor(uri, token);
    return doc ? computeDocumentHighlights(doc, position) : [];
  });
  connection.onPrepareRename(async (params, token) => {
    const { textDocument: { uri }, position } = checkedParams(PrepareRenameRequest.method, params, AT_POSITION);
    const shared = workspace.prepareRename(uri, position);
    if (shared) return shared;
    const { locale } = await settings.forResource(uri);
    const doc = await modelFor(uri, token);
    return doc ? refusalAsError(() => prepareRename(doc, position, locale)) : null;
  });
  connection.onRenameRequest(async (params, token) => {
    const { textDocument: { uri }, position, newName } = checkedParams(RenameRequest.method, params, { ...AT_POSITION, newName: 'string' });
    const { locale } = await settings.forResource(uri);
    const shared = workspace.rename(uri, position, newName, locale);
    if (shared) return shared;
    const doc = await modelFor(uri, token);
    return doc ? refusalAsError(() => computeRename(doc, position, newName, locale)) : null;
  });
  connection.languages.semanticTokens.on(async (params, token) => {
    const { textDocument: { uri } } = checkedParams(SemanticTokensRequest.method, params, IN_DOCUMENT);
    const doc = await modelFor(uri, token);
    return doc ? computeSemanticTokens(doc) : { data: [] };
  });
  connection.languages.semanticTokens.onRange(async (params, token) => {
    const { textDocument: { uri }, range } = checkedParams(SemanticTokensRangeRequest.method, params, IN_RANGE);
    const doc = await modelFor(uri, token);
    return doc ? computeSemanticTokens(doc, range) : { data: [] };
  });
  connection.languages.inlayHint.on(async (params, token) => {
    const { textDocument: { uri }, range } = checkedParams(InlayHintRequest.method, params, IN_RANGE);
    const { locale, speakerHints } = await settings.forResource(uri);
    const doc = await modelFor(uri, token);
    return doc && speakerHints ? computeInlayHints(doc, range, locale) : [];
  });
  connection.onCodeLens(async (params, token) => {
    const { textDocument: { uri } } = checkedParams(CodeLensRequest.method, params, IN_DOCUMENT);
    const { locale } = await settings.forResource(uri);
    const doc = await modelFor(uri, token);
    return doc ? computeCodeLenses(doc, locale) : [];
  });

  connection.onRequest(ExportRequest, async (params, token) => {
    const { uri, format } = checkedParams(ExportRequest.method, params, { uri: 'string', format: EXPORT_FORMATS });
    const doc = await modelFor(uri, token);
    return doc ? { content: exportDocument(doc, format), annotationCount: doc.spans.filter(isAnnotation).length } : null;
  });
  connection.onRequest(DecorationsRequest, async (params, token) => {
    const { uri } = checkedParams(DecorationsRequest.method, params, DOCUMENT_PARAMS);
    const doc = await modelFor(uri, token);
    return doc ? computeDecorations(doc) : null;
  });
  connection.onRequest(ReadingViewRequest, async (params, token) => {
    const { uri } = checkedParams(ReadingViewRequest.method, params, DOCUMENT_PARAMS);
    const doc = await modelFor(uri, token);
    return doc ? computeReadingView(doc) : null;
  });
  connection.onRequest(SourcesRequest, async (params, token) => {
    const { uri } = checkedParams(SourcesRequest.method, params, DOCUMENT_PARAMS);
    const doc = await modelFor(uri, token);
    return doc ? sourceChoices(doc) : [];
  });
  connection.onRequest(EntitiesRequest, async (params, token) => {
    const { uri } = checkedParams(EntitiesRequest.method, params, DOCUMENT_PARAMS);
    const doc = await modelFor(uri, token);
    return doc ? entityChoices(doc) : [];
  });
  connection.onRequest(StatementAtRequest, async (params, token) => {
    const { uri, position } = checkedParams(StatementAtRequest.method, params, { uri: 'string', position: 'position' });
    const doc = await modelFor(uri, token);
    return doc ? statementAt(doc, doc.lines.offsetAt(position)) : null;
  });
  connection.onRequest(MarkableSelectionsRequest, async (params, token) => {
    const { uri, ranges } = checkedParams(MarkableSelectionsRequest.method, params, { uri: 'string', ranges: 'ranges' });
    const doc = await modelFor(uri, token);
    return doc ? markableSelections(doc, ranges) : null;
  });

  connection.onRequest(UnattributedClaimRequest, async (params, token) => {
    const { uri, position, direction } = checkedParams(UnattributedClaimRequest.method, params, { uri: 'string', position: 'position', direction: ['next', 'previous'] });
    const doc = await modelFor(uri, token);
    const claim = doc && adjacentUnattributedClaim(doc, doc.lines.offsetAt(position), direction);
    return claim ? { range: doc.lines.rangeOf(claim.range), contentStart: doc.lines.positionAt(claim.contentRange.start) } : null;
  });
  connection.onRequest(ServerProcessRequest, () => ({ pid: process.pid }));

  workspace.registerHandlers();

  documents.listen(connection);
  connection.listen();
}

/** A refused rename reaches the editor as the request's error, whose message it shows. */
function refusalAsError<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof RenameRefusal)) throw error;
    throw new ResponseError(error.badName ? ErrorCodes.InvalidParams : LSPErrorCodes.RequestFailed, error.message);
  }
}
