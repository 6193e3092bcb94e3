// Never lose a word (issue 7, points 4–6), in the real editor: the editing commands touch only
// their range and undo in one step; the Reading View never changes the document; exports write
// atomically through the workspace file system, also on a virtual one; a killed server is
// restarted and its diagnostics come back; a document over isnad.maxDocumentSize is left alone.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ServerProcessRequest } from '../../server/src/protocol';
import { ARABIC_SAMPLE, closeAllEditors, isnadExtension, openSample, openUntitled, sampleUri, waitFor } from './support';

const SCHEME = 'isnad-test-vfs';

/**
 * An in-memory file system, as vscode-vfs and other virtual workspaces provide: nothing in it
 * exists on disk, so only `workspace.fs` reaches it. Writes to a name containing `refuse` fail.
 */
class MemoryFileSystem implements vscode.FileSystemProvider {
  readonly files = new Map<string, { content: Uint8Array; mtime: number }>();
  readonly writes: string[] = [];
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }
  stat(uri: vscode.Uri): vscode.FileStat {
    if (uri.path === '/') return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    const file = this.files.get(uri.path);
    if (!file) throw vscode.FileSystemError.FileNotFound(uri);
    return { type: vscode.FileType.File, ctime: 0, mtime: file.mtime, size: file.content.byteLength };
  }
  readDirectory(): [string, vscode.FileType][] {
    return [...this.files.keys()].map((path) => [path.slice(1), vscode.FileType.File]);
  }
  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions('flat file system');
  }
  readFile(uri: vscode.Uri): Uint8Array {
    const file = this.files.get(uri.path);
    if (!file) throw vscode.FileSystemError.FileNotFound(uri);
    return file.content;
  }
  writeFile(uri: vscode.Uri, content: Uint8Array): void {
    this.writes.push(uri.path);
    if (uri.path.includes('refuse')) throw vscode.FileSystemError.NoPermissions(uri);
    this.files.set(uri.path, { content, mtime: Date.now() });
  }
  delete(uri: vscode.Uri): void {
    if (!this.files.delete(uri.path)) throw vscode.FileSystemError.FileNotFound(uri);
  }
  rename(from: vscode.Uri, to: vscode.Uri): void {
    const file = this.files.get(from.path);
    if (!file) throw vscode.FileSystemError.FileNotFound(from);
    if (to.path.includes('refuse')) throw vscode.FileSystemError.NoPermissions(to);
    this.files.delete(from.path);
    this.files.set(to.path, file);
  }
  text(path: string): string | undefined {
    const file = this.files.get(path);
    return file && new TextDecoder().decode(file.content);
  }
}

const diagnosticsOf = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'isnad');
const codeOf = (diagnostic: vscode.Diagnostic) => String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code);

export function safetyTests(): void {
  describe('never lose a word', function () {
    this.timeout(120_000);
    const memory = new MemoryFileSystem();
    let registration: vscode.Disposable;

    before(async () => {
      registration = vscode.workspace.registerFileSystemProvider(SCHEME, memory);
      const sample = await vscode.workspace.fs.readFile(sampleUri(ARABIC_SAMPLE));
      // The sample with CRLF line ends: bytes an edit or a view must keep as they are.
      const crlf = new TextEncoder().encode(new TextDecoder().decode(sample).replace(/\n/g, '\r\n'));
      await vscode.workspace.fs.writeFile(vscode.Uri.from({ scheme: SCHEME, path: '/article.isnad.md' }), crlf);
      memory.writes.length = 0;
    });
    after(async () => {
      await closeAllEditors();
      registration.dispose();
    });
    afterEach(closeAllEditors);

    const memoryUri = (path: string) => vscode.Uri.from({ scheme: SCHEME, path });

    describe('editing commands', () => {
      // CRLF line ends and an Arabic paragraph beside an English one: bytes to keep as they are.
      const ARTICLE = '---\r\nsources:\r\n  ali: Ali\r\nentities:\r\n  town: Town\r\n---\r\nقال علي إن الجسر سيفتح غدا.\r\n\r\nAli said [the bridge]{claim} reopens.\r\n';

      for (const { command, args, select } of [
        { command: 'isnad.markClaim', args: [], select: 'الجسر سيفتح' },
        { command: 'isnad.markQuote', args: [], select: 'Ali said' },
        { command: 'isnad.markMention', args: ['town'], select: 'الجسر' },
        { command: 'isnad.attributeClaim', args: ['ali'], select: 'bridge' },
      ]) {
        it(`${command} changes only its range, and one undo gives the exact text back`, async () => {
          const editor = await openUntitled(ARTICLE);
          const { document } = editor;
          const at = document.getText().indexOf(select);
          editor.selections = [new vscode.Selection(document.positionAt(at), document.positionAt(at + (command === 'isnad.attributeClaim' ? 0 : select.length)))];
          const before = document.getText();
          const version = document.version;
          assert.equal(await vscode.commands.executeCommand<boolean>(command, ...args), true);
          const after = document.getText();
          assert.equal(document.version, version + 1, 'one edit');
          // The range the command works on: the selection, or for an attribution the claim's attribute block.
          const rangeStart = command === 'isnad.attributeClaim' ? before.indexOf('{claim}') : at;
          const rangeEnd = command === 'isnad.attributeClaim' ? rangeStart + '{claim}'.length : at + select.length;
          assert.equal(after.slice(0, rangeStart), before.slice(0, rangeStart), 'the text before the range is unchanged');
          assert.equal(after.slice(after.length - (before.length - rangeEnd)), before.slice(rangeEnd), 'the text after the range is unchanged');
          assert.ok(after.length > before.length);

          await vscode.commands.executeCommand('undo');
          await waitFor('the undo', () => document.getText() !== after, 10_000);
          assert.equal(document.getText(), before, 'one undo restores the text exactly');
        });
      }
    });

    it('the Reading View never changes the document: same bytes, no write, not dirty', async () => {
      const uri = memoryUri('/article.isnad.md');
      const bytes = memory.text('/article.isnad.md');
      const document = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(document);
      const version = document.version;
      await vscode.commands.executeCommand('isnad.openReadingView');
      await waitFor('the Reading View', () => vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputWebview)));
      // Scrolling the editor scrolls the view; opening it again reveals it; focus moves back and forth.
      editor.revealRange(new vscode.Range(60, 0, 60, 0), vscode.TextEditorRevealType.AtTop);
      await vscode.commands.executeCommand('isnad.openReadingView', uri);
      await vscode.commands.executeCommand('workbench.action.focusNextGroup');
      await vscode.commands.executeCommand('workbench.action.focusPreviousGroup');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      assert.equal(document.version, version, 'no edit reached the document');
      assert.equal(document.isDirty, false);
      assert.equal(document.getText(), bytes);
      assert.equal(memory.text('/article.isnad.md'), bytes, 'the file has the same bytes');
      assert.deepEqual(memory.writes, [], 'nothing was written');
    });

    describe('a virtual file system (workspace.fs only)', () => {
      it('diagnoses, hovers and exports a document that exists only in it', async () => {
        const uri = memoryUri('/article.isnad.md');
        const document = await vscode.workspace.openTextDocument(uri);
        await vscode.window.showTextDocument(document);
        await isnadExtension().exports.ready;
        const diagnostics = await waitFor('diagnostics on the virtual document', () => diagnosticsOf(uri).length > 0 && diagnosticsOf(uri));
        assert.ok(diagnostics.every((diagnostic) => diagnostic.source === 'isnad'));
        const mention = document.positionAt(document.getText().indexOf('[آسيا]{@آسيا}') + 2);
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, mention);
        assert.ok(hovers.some((hover) => hover.contents.some((content) => (content as vscode.MarkdownString).value.includes('آسيا'))), 'a hover card for the mention');

        const target = memoryUri('/article.annotations.jsonld');
        const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('isnad.exportAnnotations', uri, 'w3c', target);
        assert.equal(written?.toString(), target.toString());
        assert.equal(JSON.parse(memory.text(target.path)!).type, 'AnnotationCollection');
        const temporary = memory.writes.find((path) => path.endsWith('.tmp'));
        assert.ok(temporary?.startsWith('/.article.annotations.jsonld.'), `written first to a temporary file beside the target: ${memory.writes.join(', ')}`);
        assert.ok(!memory.files.has(temporary!), 'then renamed over the target');
      });

      it('a failed export writes nothing: no target, no temporary file', async () => {
        const uri = memoryUri('/article.isnad.md');
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
        const before = [...memory.files.keys()].sort();
        const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('isnad.exportAnnotations', uri, 'w3c', memoryUri('/refuse.jsonld'));
        assert.equal(written, undefined);
        assert.ok(memory.writes.some((path) => path.startsWith('/.refuse.jsonld.')), 'it tried');
        assert.deepEqual([...memory.files.keys()].sort(), before);
      });
    });

    it('restarts a killed server, and its diagnostics come back', async () => {
      // An unsaved copy of the sample: the test edits it, and must not leave the file changed.
      const sample = new TextDecoder().decode(await vscode.workspace.fs.readFile(sampleUri(ARABIC_SAMPLE)));
      const editor = await openUntitled(sample);
      const api = isnadExtension().exports;
      await waitFor('the first diagnostics', () => diagnosticsOf(editor.document.uri).length > 0);
      const { pid } = await api.client.sendRequest(ServerProcessRequest);
      process.kill(pid, 'SIGKILL');
      const restarted = await waitFor(
        'a new server process',
        async () => {
          try {
            const answer = await api.client.sendRequest(ServerProcessRequest);
            return answer.pid !== pid && answer.pid;
          } catch {
            return undefined;
          }
        },
        60_000,
      );
      assert.notEqual(restarted, pid);
      // An unattributed claim typed now is diagnosed by the new server.
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      await editor.edit((builder) => builder.insert(end, '\n\n[A claim typed after the restart.]{claim}\n'));
      const claim = await waitFor('diagnostics from the new server', () =>
        diagnosticsOf(editor.document.uri).find((diagnostic) => codeOf(diagnostic) === 'unattributed-claim' && editor.document.getText(diagnostic.range).includes('after the restart')),
      );
      assert.ok(claim);
    });

    it('leaves a document over isnad.maxDocumentSize to syntax colouring, and says why', async () => {
      // code-server holds every open document in the browser too: a 50 MB one is slow to open
      // there, so the limit is lowered instead (the protocol suite opens a real 50 MB document).
      const settings = vscode.workspace.getConfiguration('isnad');
      await settings.update('maxDocumentSize', 0.01, vscode.ConfigurationTarget.Global);
      try {
        const { editor } = await openSample(ARABIC_SAMPLE);
        const uri = editor.document.uri;
        const [message] = await waitFor('the size diagnostic', () => {
          const diagnostics = diagnosticsOf(uri);
          return diagnostics.length === 1 && codeOf(diagnostics[0]) === 'document-too-large' && diagnostics;
        });
        assert.equal(message.severity, vscode.DiagnosticSeverity.Information);
        assert.match(message.message, /isnad\.maxDocumentSize/);
        const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
        assert.equal(symbols?.length ?? 0, 0, 'no outline');
        await settings.update('maxDocumentSize', undefined, vscode.ConfigurationTarget.Global);
        await waitFor('the document analysed again', () => diagnosticsOf(uri).some((diagnostic) => codeOf(diagnostic) !== 'document-too-large'));
      } finally {
        await settings.update('maxDocumentSize', undefined, vscode.ConfigurationTarget.Global);
      }
    });

    // An extension test host answers every modal question at once as if cancelled: the user's "no".
    it('does not replace an existing file given as the target without the user’s yes', async () => {
      const uri = memoryUri('/article.isnad.md');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      memory.files.set('/previous.jsonld', { content: new TextEncoder().encode('previous'), mtime: 0 });
      const writes = memory.writes.length;
      const written = await vscode.commands.executeCommand('isnad.exportAnnotations', uri, 'w3c', memoryUri('/previous.jsonld'));
      assert.equal(written, undefined, 'nothing exported');
      assert.equal(memory.text('/previous.jsonld'), 'previous');
      assert.equal(memory.writes.length, writes, 'nothing written');
    });

    // Restricted Mode needs workspace trust on and an installed extension: the UI suite's second
    // session (test/ui/restricted.ts) tests it; this host runs trusted and the extension under development.
    it('runs trusted (code-server is started here with --disable-workspace-trust)', () => {
      assert.equal(vscode.workspace.isTrusted, true);
    });
  });
}
