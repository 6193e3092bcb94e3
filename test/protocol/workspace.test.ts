// The workspace over the protocol: two workspace folders on disk in a temporary folder, one with
// a shared registry; files created, changed and deleted while the server runs, reported to it as
// the editor's file watchers report them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CancellationTokenSource,
  FileChangeType,
  WorkDoneProgress,
  DefinitionRequest,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  WorkspaceSymbolRequest,
  type Location,
  type MarkupContent,
  type PublishDiagnosticsParams,
  type SymbolInformation,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { buildOnce, ServerSession } from './serverSession';
import { DiskWorkspace } from './diskWorkspace';
import { ExportWorkspaceRequest } from '../../server/src/protocol';
import { ARTICLE_ONE, ARTICLE_TWO, REGISTRY } from '../corpusFixture';

const ONE = ARTICLE_ONE;
const TWO = `${ARTICLE_TWO}\n`;

/** Defines its own okafor: the registry's is not the one it names. */
const THREE = `---
sources:
  okafor: { name: A different Okafor }
---
[Prices rose]{claim by=okafor}
`;

describe('workspace index over the protocol (two folders on disk)', function () {
  let disk: DiskWorkspace;
  let server: ServerSession;
  const file = (relative: string) => disk.file(relative);
  const uri = (relative: string) => disk.uri(relative);
  const write = (relative: string, text: string) => disk.write(relative, text);
  const folder = (name: string) => ({ uri: uri(name), name });

  /** The latest diagnostics published for `relative`, once `accept` holds for them. */
  async function latest(relative: string, accept: (params: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
    const target = uri(relative);
    const last = () => server.published.filter((params) => params.uri === target).at(-1);
    await server.until(`diagnostics of ${relative}`, () => {
      const params = last();
      return params !== undefined && accept(params);
    });
    return last()!;
  }

  const codesAndMessages = (params: PublishDiagnosticsParams) => params.diagnostics.map((d) => [d.code, d.message, d.range.start.line]);

  before(async function () {
    this.timeout(120_000);
    buildOnce();
    disk = new DiskWorkspace('isnad-workspace-');
    write('desk/isnad.yaml', REGISTRY);
    write('desk/one.isnad.md', ONE);
    write('desk/sub/two.isnad.md', TWO);
    write('desk/node_modules/skipped.isnad.md', '[x]{claim by=ghost}\n');
    write('other/three.isnad.md', THREE);
    server = new ServerSession();
    await server.initialize({ workspaceFolders: [folder('desk'), folder('other')] });
  });

  after(async () => {
    await server?.dispose();
    disk?.remove();
  });

  it('asks the client to watch articles and registries', async () => {
    await server.until('the watcher registration', () => server.registrations.length > 0);
    assert.deepEqual(server.registrations.map(({ method, registerOptions }) => ({ method, registerOptions })), [
      {
        method: 'workspace/didChangeWatchedFiles',
        registerOptions: {
          // The last one for folders (Create 1 | Delete 4): VS Code reports a folder's files by no other event.
          watchers: [{ globPattern: '**/*.isnad.md' }, { globPattern: '**/*.isnad' }, { globPattern: '**/isnad.yaml' }, { globPattern: '**/*', kind: 5 }],
        },
      },
    ]);
  });

  it('shows progress while it indexes, from begin to end', async () => {
    await server.until('the end of indexing', () => server.progress.some((value) => value.kind === 'end'));
    assert.deepEqual(server.progress[0], { kind: 'begin', title: 'Indexing Isnad articles', percentage: 0, cancellable: false });
    assert.deepEqual(server.progress.at(-1), { kind: 'end' });
    assert.ok(server.progress.some((value) => value.kind === 'report' && value.message === '0 of 3 files'));
  });

  it('reports the registry entry no article uses, in the registry file (node_modules is not the workspace)', async () => {
    const params = await latest('desk/isnad.yaml', (p) => p.diagnostics.length > 0);
    assert.deepEqual(codesAndMessages(params), [['unused-definition', 'Entity “ghost” is defined but no article in the workspace refers to it.', 5]]);
  });

  it('reports the registry’s problems again in Arabic when isnad.locale changes, in a right-to-left isolate', async () => {
    await latest('desk/isnad.yaml', (p) => p.diagnostics.length > 0);
    server.settings = { locale: 'ar' };
    await server.configurationChanged();
    const arabic = await latest('desk/isnad.yaml', (p) => p.diagnostics.some((d) => d.message !== 'Entity “ghost” is defined but no article in the workspace refers to it.'));
    assert.deepEqual(codesAndMessages(arabic), [['unused-definition', '\u2067الكيان «ghost» معرَّف لكن لا يشير إليه أي مقال في مساحة العمل.\u2069', 5]]);
    server.settings = {};
    await server.configurationChanged();
    const english = await latest('desk/isnad.yaml', (p) => p.diagnostics.some((d) => d.message === 'Entity “ghost” is defined but no article in the workspace refers to it.'));
    assert.deepEqual(codesAndMessages(english), [['unused-definition', 'Entity “ghost” is defined but no article in the workspace refers to it.', 5]]);
  });

  it('resolves an open article’s ids through the registry of its folder', async () => {
    await server.open(uri('desk/one.isnad.md'), ONE);
    const params = await latest('desk/one.isnad.md', () => true);
    assert.deepEqual(codesAndMessages(params), []);
  });

  it('finds sources, entities, sections and claims across the workspace', async () => {
    const symbols = (await server.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'okafor' })) as SymbolInformation[];
    assert.deepEqual(
      symbols.map(({ name, kind, location, containerName }) => [name, kind, location.uri, location.range.start.line, containerName]),
      [
        ['Lena Okafor (okafor)', 20, uri('desk/isnad.yaml'), 1, 'Sources'],
        ['A different Okafor (okafor)', 20, uri('other/three.isnad.md'), 2, 'Sources'],
      ],
    );
    const claims = (await server.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'licences' })) as SymbolInformation[];
    assert.deepEqual(
      claims.map(({ name, location }) => [name, location]),
      [['licences were renewed', { uri: uri('desk/one.isnad.md'), range: { start: { line: 2, character: 58 }, end: { line: 2, character: 79 } } }]],
    );
    const sections = (await server.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'ships ret' })) as SymbolInformation[];
    assert.deepEqual(sections.map(({ name, kind, containerName }) => [name, kind, containerName]), [['Ships return', 3, 'Ships return']]);
  });

  it('finds every reference to a registry source across files, open or not, and not an article’s own id', async () => {
    const references = (await server.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: uri('desk/one.isnad.md') },
      position: { line: 2, character: 33 },
      context: { includeDeclaration: true },
    })) as Location[];
    assert.deepEqual(references, [
      { uri: uri('desk/isnad.yaml'), range: { start: { line: 1, character: 2 }, end: { line: 1, character: 8 } } },
      { uri: uri('desk/one.isnad.md'), range: { start: { line: 2, character: 31 }, end: { line: 2, character: 37 } } },
      { uri: uri('desk/sub/two.isnad.md'), range: { start: { line: 0, character: 53 }, end: { line: 0, character: 59 } } },
    ]);
    const definition = await server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: uri('desk/one.isnad.md') }, position: { line: 2, character: 33 } });
    assert.deepEqual(definition, [references[0]]);
  });

  it('adds the workspace’s counts to the hover of a shared source', async () => {
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri('desk/one.isnad.md') }, position: { line: 2, character: 33 } });
    assert.equal(
      (hover?.contents as MarkupContent).value,
      '**Lena Okafor** (person)\n\n**Role\\:** harbour master\n\n**Shared definition\\:** desk\\/isnad\\.yaml\n\n*Articles in the workspace quoting it\\: 2\\; mentioning it\\: 0*',
    );
  });

  it('renames a registry id in the registry and in every article that uses it', async () => {
    const textDocument = { uri: uri('desk/one.isnad.md') };
    const position = { line: 2, character: 33 };
    assert.deepEqual(await server.connection.sendRequest(PrepareRenameRequest.type, { textDocument, position }), {
      range: { start: { line: 2, character: 31 }, end: { line: 2, character: 37 } },
      placeholder: 'okafor',
    });
    const edit = (await server.connection.sendRequest(RenameRequest.type, { textDocument, position, newName: 'lena' })) as WorkspaceEdit;
    assert.deepEqual(edit.changes, {
      [uri('desk/isnad.yaml')]: [{ range: { start: { line: 1, character: 2 }, end: { line: 1, character: 8 } }, newText: 'lena' }],
      [uri('desk/one.isnad.md')]: [{ range: { start: { line: 2, character: 31 }, end: { line: 2, character: 37 } }, newText: 'lena' }],
      [uri('desk/sub/two.isnad.md')]: [{ range: { start: { line: 0, character: 53 }, end: { line: 0, character: 59 } }, newText: 'lena' }],
    });
    await assert.rejects(server.connection.sendRequest(RenameRequest.type, { textDocument, position, newName: 'ministry' }), /“ministry” is already defined there/);
    await assert.rejects(server.connection.sendRequest(RenameRequest.type, { textDocument, position, newName: 'two words' }), /“two words” is not a valid id/);
  });

  it('follows a file created on disk: the registry entry it uses is no longer unused', async () => {
    write('desk/four.isnad.md', '[Nobody saw it]{@ghost}\n');
    await server.filesChanged([{ uri: uri('desk/four.isnad.md'), type: FileChangeType.Created }]);
    await latest('desk/isnad.yaml', (p) => p.diagnostics.length === 0);
  });

  it('follows a file deleted on disk', async () => {
    fs.rmSync(file('desk/four.isnad.md'));
    await server.filesChanged([{ uri: uri('desk/four.isnad.md'), type: FileChangeType.Deleted }]);
    const params = await latest('desk/isnad.yaml', (p) => p.diagnostics.length === 1);
    assert.equal(params.diagnostics[0].message, 'Entity “ghost” is defined but no article in the workspace refers to it.');
  });

  it('re-checks open articles when the registry changes on disk', async () => {
    write('desk/isnad.yaml', REGISTRY.replace('  ministry: { name: Ministry of Trade, kind: government }\n', '').replace('  ghost: { name: Never mentioned }\n', ''));
    await server.filesChanged([{ uri: uri('desk/isnad.yaml'), type: FileChangeType.Changed }]);
    const params = await latest('desk/one.isnad.md', (p) => p.diagnostics.length > 0);
    assert.deepEqual(codesAndMessages(params), [['unknown-source', 'No source or entity named “ministry” is defined in the front matter or in isnad.yaml.', 2]]);
    await latest('desk/isnad.yaml', (p) => p.diagnostics.length === 0);
  });

  it('reads an open registry from the editor, unsaved edits included, and reports its errors there', async () => {
    const edited = `${REGISTRY}oops: 1\n`;
    await server.open(uri('desk/isnad.yaml'), edited);
    const params = await latest('desk/isnad.yaml', (p) => p.diagnostics.some((d) => d.code === 'front-matter'));
    assert.deepEqual(codesAndMessages(params), [
      ['unused-definition', 'Entity “ghost” is defined but no article in the workspace refers to it.', 5],
      ['front-matter', 'isnad.yaml holds only sources: and entities:; “oops” is not read.', 6],
    ]);
    await latest('desk/one.isnad.md', (p) => p.diagnostics.length === 0);
    await server.close(uri('desk/isnad.yaml'));
    await latest('desk/one.isnad.md', (p) => p.diagnostics.length === 1);
  });

  it('exports the whole workspace into one file, with progress on the request’s token', async () => {
    const progress: unknown[] = [];
    const workDoneToken = 'export-1';
    const listening = server.connection.onProgress(WorkDoneProgress.type, workDoneToken, (value) => void progress.push(value));
    const target = uri('corpus.annotations.jsonl');
    const result = await server.connection.sendRequest(ExportWorkspaceRequest, { format: 'jsonl', target, workDoneToken });
    listening.dispose();
    assert.deepEqual(result, { articleCount: 3, annotationCount: 5 });
    const records = fs.readFileSync(file('corpus.annotations.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    assert.deepEqual(
      records.map((record) => [path.basename(new URL(record.document).pathname), record.exact, record.speakerName]),
      [
        ['one.isnad.md', 'The channel is open', 'Lena Okafor'],
        ['one.isnad.md', 'licences were renewed', 'ministry'],
        ['two.isnad.md', 'Valmora can take twelve ships', 'Lena Okafor'],
        ['two.isnad.md', 'Valmora', null],
        ['three.isnad.md', 'Prices rose', 'A different Okafor'],
      ],
    );
    assert.deepEqual(progress[0], { kind: 'begin', title: 'Isnad', percentage: 0, cancellable: true });
    assert.deepEqual(progress.at(-1), { kind: 'end' });
  });

  it('gives up a cancelled workspace export and leaves no file', async () => {
    for (let i = 0; i < 300; i++) write(`other/bulk/${i}.isnad.md`, '[x]{claim}\n');
    await server.filesChanged(Array.from({ length: 300 }, (_, i) => ({ uri: uri(`other/bulk/${i}.isnad.md`), type: FileChangeType.Created })));
    const cancellation = new CancellationTokenSource();
    const pending = server.connection.sendRequest(ExportWorkspaceRequest, { format: 'csv', target: uri('cancelled.csv') }, cancellation.token);
    cancellation.cancel();
    assert.equal(await pending.catch(() => null), null);
    assert.deepEqual(fs.readdirSync(disk.dir).filter((name) => name.includes('cancelled')), []);
  });

  it('forgets a workspace folder that is removed', async () => {
    await server.foldersChanged([], [folder('other')]);
    await server.until('the folder to be dropped', () => server.corpusChanges > 0);
    const symbols = (await server.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'different' })) as SymbolInformation[];
    assert.deepEqual(symbols, []);
  });
});
