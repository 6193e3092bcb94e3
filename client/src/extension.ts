// The extension: starts the Isnad language server and registers the commands. Everything that
// needs the document's meaning is asked of the server; the client edits, prompts and writes files.
import { loadStarted } from './loadClock';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerExportAnnotations } from './commands/exportAnnotations';
import { registerExportWorkspace } from './commands/exportWorkspace';
import { registerMarkStatement } from './commands/markStatement';
import { registerMarkMention } from './commands/markMention';
import { registerAttributeClaim } from './commands/attributeClaim';
import { registerUnattributedClaimNavigation } from './commands/unattributedClaims';
import { registerDecorations, type DecorationSnapshot } from './decorations/decorator';
import { registerStatus } from './status';
import { registerReadingView } from './readingView/readingView';
import { registerWhoSaidWhat } from './whoSaidWhat/whoSaidWhat';

/** What `activate` returns, for the in-editor tests: the running client, and when it is ready. */
export interface IsnadApi {
  readonly client: LanguageClient;
  /** Settles once the server has answered `initialize`. */
  readonly ready: Promise<void>;
  /** The decorations applied to an editor, as the in-editor tests check them. */
  decorationSnapshot(editor: vscode.TextEditor): DecorationSnapshot | undefined;
  /** Milliseconds spent running the bundle's modules and then `activate` (the host may wait between the two). */
  readonly activationMs: number;
  /** The part of `activationMs` spent running the bundle's modules. */
  readonly moduleLoadMs: number;
}

let client: LanguageClient | undefined;

/** The bundle's modules, the language client's included, have run by here. */
const loadMs = performance.now() - loadStarted;

export function activate(context: vscode.ExtensionContext): IsnadApi {
  const activateStarted = performance.now();
  const serverOptions: ServerOptions = { module: context.asAbsolutePath(path.join('dist', 'server.js')), transport: TransportKind.ipc };
  const clientOptions: LanguageClientOptions = {
    // Every scheme: files, unsaved documents, and virtual file systems (vscode-vfs://, a remote
    // repository…). The server reads only the text the client sends it, never the file system.
    // Shared registries (isnad.yaml) too: synced so their unsaved edits re-check articles, and
    // diagnosed, renamed and searched in place.
    documentSelector: [{ language: 'isnad' }, { scheme: 'file', pattern: '**/isnad.yaml' }],
    synchronize: { configurationSection: 'isnad' },
  };
  const languageClient = new LanguageClient('isnad', vscode.l10n.t('Isnad Language Server'), serverOptions, clientOptions);
  client = languageClient;
  const ready = languageClient.start();
  context.subscriptions.push(
    registerExportAnnotations(languageClient),
    registerExportWorkspace(languageClient),
    registerMarkStatement(languageClient, 'claim'),
    registerMarkStatement(languageClient, 'quote'),
    registerMarkMention(languageClient),
    registerAttributeClaim(languageClient),
    registerUnattributedClaimNavigation(languageClient),
  );
  const decorator = registerDecorations(context, languageClient);
  registerStatus(context, decorator);
  registerReadingView(context, languageClient);
  registerWhoSaidWhat(context, languageClient);
  // Shows the who-said-what view and its commands once the extension runs.
  void vscode.commands.executeCommand('setContext', 'isnad.active', true);
  return { client: languageClient, ready, decorationSnapshot: (editor) => decorator.snapshot(editor), activationMs: loadMs + performance.now() - activateStarted, moduleLoadMs: loadMs };
}

/** Stopping here, rather than in a disposable, lets VS Code wait for the server to shut down. */
export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
