// A language server in a child process, driven over stdio the way an editor drives it, with the
// timings the LSP benchmark reports. Two kinds: Isnad pushes its diagnostics; the peer, VS Code's
// Markdown server, is asked for them (pull diagnostics) and asks its client to parse, as VS Code does.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import MarkdownIt from 'markdown-it';
import * as lsp from 'vscode-languageserver-protocol/node';

export type ServerKind = 'isnad' | 'peer';

export interface ServerCommand {
  readonly kind: ServerKind;
  readonly script: string;
  readonly languageId: string;
}

/** VS Code's Markdown settings, validation on (its defaults for each check), as VS Code sends them. */
const MARKDOWN_SETTINGS = {
  markdown: {
    server: { log: 'off' },
    validate: {
      enabled: true,
      referenceLinks: { enabled: 'warning' },
      fragmentLinks: { enabled: 'warning' },
      fileLinks: { enabled: 'warning', markdownFragmentLinks: 'inherit' },
      ignoredLinks: [],
      unusedLinkDefinitions: { enabled: 'hint' },
      duplicateLinkDefinitions: { enabled: 'warning' },
    },
    suggest: { paths: { enabled: true, includeWorkspaceHeaderCompletions: 'never' } },
    occurrencesHighlight: { enabled: false },
    preferredMdPathExtensionStyle: 'auto',
  },
};

const markdownIt = new MarkdownIt();

const UNHANDLED_REQUEST = 'bench/unhandledRequest';

export class LspSession {
  private readonly child: ChildProcess;
  private readonly connection: lsp.ProtocolConnection;
  private readonly texts = new Map<string, string>();
  private readonly waiting = new Map<string, { version: number; resolve: () => void }>();

  /** `isnadSettings`: the `isnad` section the client answers with (the defaults when empty). */
  constructor(
    private readonly server: ServerCommand,
    isnadSettings: object = {},
  ) {
    // ISNAD_BENCH_NODE_ARGS (profiling, flag trials) is for Isnad's server: the peer stays as it ships.
    const nodeArgs = server.kind === 'isnad' ? (process.env.ISNAD_BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []) : [];
    this.child = spawn(process.execPath, [...nodeArgs, server.script, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    this.connection = lsp.createProtocolConnection(new lsp.StreamMessageReader(this.child.stdout!), new lsp.StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification(lsp.PublishDiagnosticsNotification.type, (params: lsp.PublishDiagnosticsParams) => {
      const waiter = this.waiting.get(params.uri);
      if (waiter && params.version === waiter.version) {
        this.waiting.delete(params.uri);
        waiter.resolve();
      }
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'markdown' ? MARKDOWN_SETTINGS.markdown : item.section === 'isnad' ? isnadSettings : null)),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    // The peer's requests to its client, answered as VS Code's Markdown extension answers them.
    this.connection.onRequest('markdown/parse', ({ uri, text }: { uri: string; text?: string }) => markdownIt.parse(text ?? this.texts.get(uri) ?? '', {}));
    this.connection.onRequest('markdown/fs/stat', ({ uri }: { uri: string }) => (this.texts.has(uri) ? { isDirectory: false } : null));
    this.connection.onRequest('markdown/fs/readFile', ({ uri }: { uri: string }) => [...Buffer.from(this.texts.get(uri) ?? '', 'utf8')]);
    this.connection.onRequest('markdown/fs/readDirectory', () => []);
    this.connection.onRequest('markdown/findMarkdownFilesInWorkspace', () => [...this.texts.keys()]);
    this.connection.onRequest('markdown/fs/watcher/create', () => null);
    this.connection.onRequest('markdown/fs/watcher/delete', () => null);
    this.connection.listen();
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Milliseconds from `initialize` sent to its answer. */
  async initialize(): Promise<number> {
    const started = performance.now();
    await this.connection.sendRequest(lsp.InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: {
        workspace: { configuration: true },
        textDocument: { diagnostic: { dynamicRegistration: false }, hover: { contentFormat: ['markdown'] }, documentSymbol: { hierarchicalDocumentSymbolSupport: true } },
      },
    });
    const elapsed = performance.now() - started;
    await this.connection.sendNotification(lsp.InitializedNotification.type, {});
    if (this.server.kind === 'peer') await this.connection.sendNotification(lsp.DidChangeConfigurationNotification.type, { settings: MARKDOWN_SETTINGS });
    return elapsed;
  }

  /** Milliseconds from `didOpen` sent to the document's diagnostics received. */
  async open(uri: string, text: string): Promise<number> {
    this.texts.set(uri, text);
    const started = performance.now();
    const diagnosed = this.diagnosed(uri, 1);
    await this.connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: this.server.languageId, version: 1, text } });
    await diagnosed();
    return performance.now() - started;
  }

  /** Milliseconds from a `didChange` (one edit) sent to the new version's diagnostics received. */
  async change(uri: string, version: number, range: lsp.Range, inserted: string, newText: string): Promise<number> {
    this.texts.set(uri, newText);
    const started = performance.now();
    const diagnosed = this.diagnosed(uri, version);
    await this.connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text: inserted }] });
    await diagnosed();
    return performance.now() - started;
  }

  async documentSymbols(uri: string): Promise<number> {
    const started = performance.now();
    await this.connection.sendRequest(lsp.DocumentSymbolRequest.type, { textDocument: { uri } });
    return performance.now() - started;
  }

  async hover(uri: string, position: lsp.Position): Promise<number> {
    const started = performance.now();
    await this.connection.sendRequest(lsp.HoverRequest.type, { textDocument: { uri }, position });
    return performance.now() - started;
  }

  /**
   * Milliseconds for a request no server handles, answered at once with MethodNotFound: what any
   * request pays for the transport and the two event loops, the floor under the hover figures.
   */
  async roundTrip(): Promise<number> {
    const started = performance.now();
    const error = await this.connection.sendRequest(UNHANDLED_REQUEST).then(
      () => new Error(`${UNHANDLED_REQUEST} was answered`),
      (answer: unknown) => (answer instanceof lsp.ResponseError && answer.code === lsp.ErrorCodes.MethodNotFound ? undefined : answer),
    );
    if (error) throw error;
    return performance.now() - started;
  }

  /** The server's peak resident set so far (Linux), in bytes. */
  peakMemory(): number {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${this.pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : NaN;
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    await this.connection.sendRequest(lsp.ShutdownRequest.type);
    await this.connection.sendNotification(lsp.ExitNotification.type);
    const timer = setTimeout(() => this.child.kill(), 5000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }

  /**
   * Starts waiting for a version's diagnostics; the function returned waits for them. Isnad
   * pushes them; the peer is asked, as VS Code asks it after each change.
   */
  private diagnosed(uri: string, version: number): () => Promise<void> {
    if (this.server.kind === 'peer') {
      return async () => {
        await this.connection.sendRequest(lsp.DocumentDiagnosticRequest.type, { textDocument: { uri } });
      };
    }
    const pushed = new Promise<void>((resolve) => this.waiting.set(uri, { version, resolve }));
    return () => pushed;
  }
}
