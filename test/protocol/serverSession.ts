// The bundled language server (dist/server.js) in a child process, spoken to over stdio the
// way an editor would: JSON-RPC framed messages, with the client's side of the protocol here.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  WorkDoneProgress,
  WorkDoneProgressCreateRequest,
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  DidCloseTextDocumentNotification,
  type FileEvent,
  type Registration,
  type WorkspaceFolder,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type InitializeResult,
  type Range,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

import { CorpusChangedNotification } from '../../server/src/protocol';

const ROOT = path.resolve(__dirname, '../..');
const SERVER = path.join(ROOT, 'dist', 'server.js');

let built = false;

/** Bundles the server once per test run, so the tests exercise what the extension ships. */
export function buildOnce(): void {
  if (built) return;
  execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  built = true;
}

export interface SessionOptions {
  /** The client's display language, sent in `initialize`. */
  readonly locale?: string;
  /** Workspace folders; with them the client also says it can watch files, follow folders and show progress. */
  readonly workspaceFolders?: readonly WorkspaceFolder[];
}

/** A `$/progress` value the server sent, in order. */
export type ProgressValue = { kind: 'begin'; title: string } | { kind: 'report'; message?: string; percentage?: number } | { kind: 'end' };

export class ServerSession {
  readonly connection: ProtocolConnection;
  readonly published: PublishDiagnosticsParams[] = [];
  /** What the client answers to `workspace/configuration` for the `isnad` section; tests change it. */
  settings: unknown = {};
  readonly configurationRequests: { scopeUri?: string; section?: string }[] = [];
  readonly registrations: Registration[] = [];
  readonly progress: ProgressValue[] = [];
  /** How many `isnad/corpusChanged` notifications the server sent. */
  corpusChanges = 0;
  private readonly child: ChildProcess;
  private readonly exited: Promise<number | null>;
  private readonly listeners = new Set<() => void>();

  constructor() {
    this.child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      for (const listener of this.listeners) listener();
    });
    this.connection.onRequest(ConfigurationRequest.type, ({ items }) => {
      this.configurationRequests.push(...items);
      return items.map(() => this.settings);
    });
    this.connection.onRequest(RegistrationRequest.type, ({ registrations }) => {
      this.registrations.push(...registrations);
    });
    this.connection.onRequest(WorkDoneProgressCreateRequest.type, ({ token }) => {
      this.connection.onProgress(WorkDoneProgress.type, token, (value) => {
        this.progress.push(value as ProgressValue);
        for (const listener of this.listeners) listener();
      });
    });
    this.connection.onNotification(CorpusChangedNotification, () => {
      this.corpusChanges++;
      for (const listener of this.listeners) listener();
    });
    this.connection.listen();
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Whether the process has ended, for whatever reason. */
  get hasExited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  async initialize({ locale, workspaceFolders }: SessionOptions = {}): Promise<InitializeResult> {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      locale,
      workspaceFolders: workspaceFolders ? [...workspaceFolders] : null,
      capabilities: workspaceFolders
        ? {
            workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
            window: { workDoneProgress: true },
          }
        : { workspace: { configuration: true } },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'isnad', version, text } });
  }

  async change(uri: string, text: string, version: number): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** An incremental change: each edit's range is in the text left by the edits before it, as the editor sends them. */
  async edit(uri: string, version: number, edits: readonly { range: Range; text: string }[]): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [...edits] });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async filesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  async foldersChanged(added: WorkspaceFolder[], removed: WorkspaceFolder[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added, removed } });
  }

  /** Resolves once `probe` holds, re-checked whenever the server sends something; fails naming `what` after `timeoutMs`. */
  until(what: string, probe: () => boolean, timeoutMs = 10_000): Promise<void> {
    return new Promise((resolve, reject) => {
      if (probe()) return resolve();
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const check = () => {
        if (!probe()) return;
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve();
      };
      this.listeners.add(check);
    });
  }

  async configurationChanged(): Promise<void> {
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  /** The first diagnostics published for `uri` (counting those already received) that satisfy `accept`. */
  diagnostics(uri: string, accept: (params: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    const find = () => this.published.find((params) => params.uri === uri && accept(params));
    return new Promise((resolve, reject) => {
      const found = find();
      if (found) return resolve(found);
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; published for it: ${JSON.stringify(this.published.filter((params) => params.uri === uri))}`));
      }, timeoutMs);
      const check = () => {
        const match = find();
        if (!match) return;
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve(match);
      };
      this.listeners.add(check);
    });
  }

  /** shutdown, then exit; resolves to the process's exit code. */
  async stop(): Promise<number | null> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    return this.exited;
  }

  /** For after hooks: whatever state a test left the server in, the process does not outlive the suite. */
  async dispose(): Promise<void> {
    this.connection.dispose();
    if (this.child.exitCode === null && this.child.signalCode === null && this.child.pid !== undefined) {
      process.kill(this.child.pid);
      await this.exited;
    }
  }
}

/** `mocha` hooks for a suite that shares one initialized server. */
export function useServer(options: SessionOptions = {}): () => ServerSession {
  let session: ServerSession | undefined;
  before(async () => {
    buildOnce();
    session = new ServerSession();
    await session.initialize(options);
  });
  after(async () => {
    await session?.dispose();
  });
  return () => session!;
}
