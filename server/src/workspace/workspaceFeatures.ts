// The workspace side of the server: the index kept current from the editor and the disk, the
// registries' diagnostics, and the cross-file requests (workspace symbols, references, rename).
// Each handler calls one pure feature over the corpus.
import {
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  ResponseError,
  WatchKind,
  type Connection,
  type InitializeParams,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CorpusChangedNotification, ExportWorkspaceRequest, WhoSaidWhatRequest } from '../protocol';
import { computeWhoSaidWhat } from '../service/features/whoSaidWhat';
import { EXPORT_FORMATS } from '../service/export/index';
import { STATUSES } from '../service/model';
import { checkedParams } from '../requestParams';
import { exportWorkspace } from './workspaceExport';
import type { ModelCache } from '../modelCache';
import type { SettingsStore } from '../settings';
import type { IsnadDocument, Entity, Source } from '../service/model';
import { localize, type Locale } from '../service/l10n';
import type { Location, Position, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import type { LineIndex } from '../service/lineIndex';
import { computeRegistryDiagnostics } from '../service/features/registryDiagnostics';
import { diagnosticForDisplay } from '../service/features/rtlDisplay';
import { computeWorkspaceSymbols } from '../service/features/workspaceSymbols';
import { declarationOf, referencesTo, renameTarget, targetInArticle, targetInRegistry, type TargetAt } from '../service/features/crossReferences';
import { corpusUsage, type CorpusUsage } from '../service/features/corpusUsage';
import { safeDecode } from '../service/features/hover';
import { baseName, canonicalUri, FOLDER_GLOB, isRegistryName, WATCHED_GLOBS } from './fileKinds';
import { WorkspaceIndex, type IndexProgress } from './workspaceIndex';

/** Registry diagnostics and the client's views follow the corpus after this quiet interval. */
const CORPUS_SETTLE_MS = 100;

export interface WorkspaceContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly models: ModelCache;
  readonly settings: SettingsStore;
  /** Re-checks an open article (its registries changed). */
  readonly rediagnose: (uri: string) => void;
}

export function isRegistryDocument(uri: string): boolean {
  return isRegistryName(baseName(uri));
}

export class WorkspaceFeatures {
  readonly index: WorkspaceIndex;
  /** Canonical URI → the URI the editor uses, for open documents. */
  private readonly open = new Map<string, string>();
  /** The version of each open article its summary was made from. */
  private readonly summarised = new Map<string, number>();
  private readonly publishedRegistries = new Set<string>();
  private settleTimer: NodeJS.Timeout | undefined;
  private folders: string[] = [];
  private canWatch = false;
  private canFollowFolders = false;

  constructor(private readonly context: WorkspaceContext) {
    const { connection } = context;
    this.index = new WorkspaceIndex({
      openDocument: (uri) => {
        const editorUri = this.open.get(uri);
        return editorUri === undefined ? undefined : context.documents.get(editorUri);
      },
      startProgress: () => this.startProgress(),
      changed: ({ registries }) => {
        if (registries) for (const editorUri of this.open.values()) if (!isRegistryDocument(editorUri)) context.rediagnose(editorUri);
        this.settleSoon();
      },
      log: (message) => connection.console.log(message),
    });
  }

  initialize(params: InitializeParams): void {
    this.folders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : [])).map((folder) => folder.uri);
    this.canWatch = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    this.canFollowFolders = params.capabilities.workspace?.workspaceFolders === true;
  }

  /** After `initialized`: watch the files, follow the folders, and index them in the background. */
  start(): void {
    const { connection } = this.context;
    if (this.canWatch) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [...WATCHED_GLOBS.map((globPattern) => ({ globPattern })), { globPattern: FOLDER_GLOB, kind: WatchKind.Create | WatchKind.Delete }],
      });
    }
    connection.onDidChangeWatchedFiles(({ changes }) => void this.index.filesChanged(changes));
    if (this.canFollowFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
        const gone = new Set(removed.map((folder) => folder.uri));
        this.folders = this.folders.filter((uri) => !gone.has(uri)).concat(added.map((folder) => folder.uri));
        void this.index.setFolders(this.folders);
      });
    }
    void this.index.setFolders(this.folders);
  }

  /** The model of an open article, resolved through the registries it sees. */
  model(document: TextDocument): IsnadDocument {
    return this.context.models.get(document, this.index.corpus.scopeOf(canonicalUri(document.uri)));
  }

  opened(uri: string): void {
    this.open.set(canonicalUri(uri), uri);
    if (isRegistryDocument(uri)) void this.index.registryEdited(uri);
  }

  /** Returns whether the document is a registry (handled here) rather than an article. */
  edited(uri: string): boolean {
    if (!isRegistryDocument(uri)) return false;
    void this.index.registryEdited(uri);
    return true;
  }

  closed(uri: string): void {
    const key = canonicalUri(uri);
    this.open.delete(key);
    this.summarised.delete(key);
    if (isRegistryDocument(uri)) void this.index.registryEdited(uri);
    else void this.index.articleClosed(uri);
  }

  /** An open article was parsed at a new version: the index follows the editor. */
  articleParsed(model: IsnadDocument): void {
    if (this.summarised.get(model.uri) === model.version) return;
    this.summarised.set(model.uri, model.version);
    this.index.articleEdited(model);
  }

  /** Brings the summaries of open articles up to their current versions before a cross-file query. */
  private syncOpenArticles(): void {
    for (const editorUri of this.open.values()) {
      const document = this.context.documents.get(editorUri);
      if (document && !isRegistryDocument(editorUri)) this.articleParsed(this.model(document));
    }
  }

  usage(kind: 'source' | 'entity', definition: Source | Entity): CorpusUsage | undefined {
    if (definition.uri === undefined) return undefined;
    this.syncOpenArticles();
    return corpusUsage(this.index.corpus, { uri: definition.uri, kind, id: definition.id });
  }

  /** The definition under the cursor, in an open article or in a registry (open or not). */
  private targetAt(uri: string, position: Position): TargetAt | undefined {
    const key = canonicalUri(uri);
    if (isRegistryDocument(uri)) {
      const registry = this.index.corpus.registries.get(key);
      return registry && targetInRegistry(this.index.corpus, registry, registry.lines.offsetAt(position));
    }
    const document = this.context.documents.get(uri);
    if (!document) return undefined;
    const doc = this.model(document);
    return targetInArticle(doc, doc.lines.offsetAt(position));
  }

  /**
   * What the workspace answers: a request in a registry, or about an id that a registry defines.
   * An article's own definitions are left to the single-document features.
   */
  private sharedTargetAt(uri: string, position: Position): TargetAt | undefined {
    this.syncOpenArticles();
    const found = this.targetAt(uri, position);
    return found && (isRegistryDocument(uri) || this.index.corpus.registries.has(found.target.uri)) ? found : undefined;
  }

  definition(uri: string, position: Position): Location[] | undefined {
    const found = this.sharedTargetAt(uri, position);
    // Not the first of its references: an id named in every article would build them all.
    const declaration = found && declarationOf(this.index.corpus, found.target);
    return declaration ? [declaration] : undefined;
  }

  references(uri: string, position: Position, includeDeclaration: boolean): Location[] | undefined {
    const found = this.sharedTargetAt(uri, position);
    return found && referencesTo(this.index.corpus, found.target, includeDeclaration);
  }

  prepareRename(uri: string, position: Position): { range: Range; placeholder: string } | undefined {
    const found = this.sharedTargetAt(uri, position);
    const lines = found && this.linesOf(uri);
    return found && lines ? { range: lines.rangeOf(found.range), placeholder: found.target.id } : undefined;
  }

  /** The edit across files; throws the refusal, in the user's language, for a bad or taken name. */
  rename(uri: string, position: Position, newName: string, locale: Locale): WorkspaceEdit | undefined {
    const found = this.sharedTargetAt(uri, position);
    if (!found) return undefined;
    const result = renameTarget(this.index.corpus, found.target, newName);
    if ('edit' in result) return result.edit;
    const message =
      result.error === 'captured'
        ? localize(locale, 'renameCaptured', [result.id, safeDecode(baseName(result.uri))])
        : localize(locale, result.error === 'taken' ? 'renameTaken' : 'invalidId', [result.id]);
    throw new ResponseError(ErrorCodes.InvalidParams, message);
  }

  private linesOf(uri: string): LineIndex | undefined {
    if (isRegistryDocument(uri)) return this.index.corpus.registries.get(canonicalUri(uri))?.lines;
    const document = this.context.documents.get(uri);
    return document && this.model(document).lines;
  }

  registerHandlers(): void {
    const { connection, settings } = this.context;
    const corpus = this.index.corpus;
    connection.onWorkspaceSymbol(async ({ query }) => {
      const { locale } = await settings.forResource(corpus.rootUris[0] ?? '');
      this.syncOpenArticles();
      return computeWorkspaceSymbols(corpus, query, locale);
    });
    connection.onRequest(WhoSaidWhatRequest, (raw) => {
      const params = checkedParams(WhoSaidWhatRequest.method, raw, { unattributedOnly: { optional: 'boolean' }, article: { optional: 'string' }, status: { optional: STATUSES } });
      this.syncOpenArticles();
      return computeWhoSaidWhat(corpus, { ...params, ...(params.article ? { article: canonicalUri(params.article) } : {}) });
    });
    connection.onRequest(ExportWorkspaceRequest, (raw, token) => {
      const params = checkedParams(ExportWorkspaceRequest.method, raw, { format: EXPORT_FORMATS, target: 'string' });
      const workDone = connection.window.attachWorkDoneProgress(params.workDoneToken);
      workDone.begin('Isnad', 0, undefined, true);
      const openText = (uri: string) => {
        const editorUri = this.open.get(uri);
        return editorUri === undefined ? undefined : this.context.documents.get(editorUri)?.getText();
      };
      return exportWorkspace(this.index, openText, params, token, workDone).finally(() => workDone.done());
    });
  }

  private async startProgress(): Promise<IndexProgress> {
    const { connection, settings } = this.context;
    const { locale } = await settings.forResource(this.index.corpus.rootUris[0] ?? '');
    const reporter = await connection.window.createWorkDoneProgress();
    reporter.begin(localize(locale, 'indexing'), 0, undefined, false);
    return {
      report: (done, total) => reporter.report(total === 0 ? 100 : Math.floor((done / total) * 100), localize(locale, 'indexed', [done, total])),
      done: () => reporter.done(),
    };
  }

  private settleSoon(): void {
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      this.settingsChanged();
      void this.context.connection.sendNotification(CorpusChangedNotification, {});
    }, CORPUS_SETTLE_MS);
  }

  /** The registries' diagnostics again: the corpus settled, or the settings (the language) changed. */
  settingsChanged(): void {
    this.publishRegistryDiagnostics().catch((error: unknown) => this.context.connection.console.error(`Registry diagnostics failed: ${String(error)}`));
  }

  /** Every registry's diagnostics; `unused-definition` only once the whole workspace has been read. */
  private async publishRegistryDiagnostics(): Promise<void> {
    const { connection, settings } = this.context;
    const corpus = this.index.corpus;
    this.syncOpenArticles();
    for (const uri of this.publishedRegistries) {
      if (!corpus.registries.has(uri)) {
        this.publishedRegistries.delete(uri);
        void connection.sendDiagnostics({ uri, diagnostics: [] });
      }
    }
    for (const registry of corpus.registries.values()) {
      const { locale } = await settings.forResource(registry.uri);
      const used = this.index.complete ? corpus.registryUsage(registry.uri) : undefined;
      const diagnostics = computeRegistryDiagnostics(registry, corpus.fartherScopeOf(registry.uri), locale, used).map((diagnostic) => diagnosticForDisplay(diagnostic, locale));
      this.publishedRegistries.add(registry.uri);
      void connection.sendDiagnostics({ uri: this.open.get(registry.uri) ?? registry.uri, diagnostics });
    }
  }
}
