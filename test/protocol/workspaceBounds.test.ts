// What the workspace index counts as the workspace, whoever reports a file: the scan at start,
// the file watchers, or the editor opening it. node_modules and dot-folders (.git, .vscode…) are
// no part of it; a link to an article is read as the article, as the command line reads it; a
// closed file is read as the editor will read it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as util from 'node:util';
import { FileChangeType, RenameRequest, WorkspaceSymbolRequest, type SymbolInformation, type WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { buildOnce, ServerSession } from './serverSession';
import { DiskWorkspace } from './diskWorkspace';

describe('workspace bounds over the protocol (skipped folders, links, local overrides)', function () {
  let disk: DiskWorkspace;
  let server: ServerSession;
  const file = (relative: string) => disk.file(relative);
  const uri = (relative: string) => disk.uri(relative);
  const write = (relative: string, text: string) => disk.write(relative, text);
  const symbols = async (query: string) =>
    ((await server.connection.sendRequest(WorkspaceSymbolRequest.type, { query })) as SymbolInformation[]).map(({ name, location }) => [name, location.uri]);

  /** File events are handled asynchronously: the answer to `query`, once it is `expected` (or the last one, after 5 s). */
  async function symbolsBecome(query: string, expected: unknown[]): Promise<void> {
    let found = await symbols(query);
    for (const started = Date.now(); !util.isDeepStrictEqual(found, expected) && Date.now() - started < 5000; found = await symbols(query)) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.deepEqual(found, expected);
  }

  before(async function () {
    this.timeout(120_000);
    buildOnce();
    disk = new DiskWorkspace('isnad-bounds-');
    write('desk/isnad.yaml', 'sources:\n  okafor: { name: Lena Okafor }\n');
    write('desk/uses.isnad.md', '[Shared claim]{claim by=okafor}\n');
    write('desk/local.isnad.md', '---\nsources:\n  okafor: { name: Another Okafor }\n---\n[Local claim]{claim by=okafor}\n');
    // VS Code drops the byte-order mark from the document it opens: positions are counted without it.
    write('desk/bom.isnad.md', '\ufeff[BOM claim]{claim by=okafor}\n');
    write('desk/mine.isnad.md', '---\nsources:\n  mine: { name: Mine }\n---\n[Quoted]{quote by=okafor}\n');
    write('elsewhere/linked.isnad.md', '[Linked claim]{claim by=okafor}\n');
    fs.symlinkSync(file('elsewhere/linked.isnad.md'), file('desk/link.isnad.md'));
    server = new ServerSession();
    await server.initialize({ workspaceFolders: [{ uri: uri('desk'), name: 'desk' }] });
    await server.until('the first scan to be announced', () => server.corpusChanges > 0);
  });

  after(async () => {
    await server?.dispose();
    disk?.remove();
  });

  it('indexes a link to an article at start, under the link’s own path', async () => {
    assert.deepEqual(await symbols('Linked claim'), [['Linked claim', uri('desk/link.isnad.md')]]);
  });

  it('leaves out files that the watchers report in node_modules or a dot-folder, and publishes nothing for a registry there', async () => {
    write('desk/node_modules/pkg/hidden.isnad.md', '[Hidden claim]{claim by=okafor}\n');
    write('desk/.git/isnad.yaml', 'sources:\n  stray: { name: Stray }\n');
    write('desk/seen.isnad.md', '[Seen claim]{claim}\n');
    const announced = server.corpusChanges;
    await server.filesChanged([
      { uri: uri('desk/node_modules/pkg/hidden.isnad.md'), type: FileChangeType.Created },
      { uri: uri('desk/.git/isnad.yaml'), type: FileChangeType.Created },
      { uri: uri('desk/seen.isnad.md'), type: FileChangeType.Created },
    ]);
    // The events are handled in order: once the last is indexed, the others have been seen.
    await server.until('the created article', () => server.corpusChanges > announced);
    assert.deepEqual(await symbols('Seen claim'), [['Seen claim', uri('desk/seen.isnad.md')]]);
    assert.deepEqual(await symbols('Hidden claim'), []);
    assert.deepEqual(await symbols('stray'), []);
    assert.deepEqual(server.published.filter((params) => params.uri === uri('desk/.git/isnad.yaml')), []);
  });

  it('leaves out an article in node_modules that is opened, edited and closed in the editor', async () => {
    const hidden = uri('desk/node_modules/pkg/hidden.isnad.md');
    await server.open(hidden, '[Hidden claim]{claim by=okafor}\n');
    await server.change(hidden, '[Hidden claim edited]{claim by=okafor}\n', 2);
    await server.diagnostics(hidden);
    assert.deepEqual(await symbols('Hidden claim'), []);
    await server.close(hidden);
    assert.deepEqual(await symbols('Hidden claim'), []);
  });

  it('follows a folder renamed on disk, reported as VS Code reports it: the old folder deleted, the new one created, nothing for the files', async () => {
    write('desk/drafts/isnad.yaml', 'sources:\n  okafor: { name: Drafts Okafor }\n');
    write('desk/drafts/draft.isnad.md', '[Draft claim]{claim by=okafor}\n');
    await server.filesChanged([
      { uri: uri('desk/drafts/isnad.yaml'), type: FileChangeType.Created },
      { uri: uri('desk/drafts/draft.isnad.md'), type: FileChangeType.Created },
    ]);
    await symbolsBecome('Draft claim', [['Draft claim', uri('desk/drafts/draft.isnad.md')]]);
    fs.renameSync(file('desk/drafts'), file('desk/final'));
    await server.filesChanged([
      { uri: uri('desk/drafts'), type: FileChangeType.Deleted },
      { uri: uri('desk/final'), type: FileChangeType.Created },
    ]);
    await symbolsBecome('Draft claim', [['Draft claim', uri('desk/final/draft.isnad.md')]]);
    assert.deepEqual(await symbols('Drafts Okafor'), [['Drafts Okafor (okafor)', uri('desk/final/isnad.yaml')]]);
    write('desk/final/open.isnad.md', '[Open claim]{claim}\n');
    await server.open(uri('desk/final/open.isnad.md'), '[Open claim, unsaved]{claim}\n');
    await symbolsBecome('Open claim', [['Open claim, unsaved', uri('desk/final/open.isnad.md')]]);
    fs.rmSync(file('desk/final'), { recursive: true });
    await server.filesChanged([{ uri: uri('desk/final'), type: FileChangeType.Deleted }]);
    await symbolsBecome('Draft claim', []);
    // The editor still holds it, unsaved: it stays until it is closed.
    assert.deepEqual(await symbols('Open claim'), [['Open claim, unsaved', uri('desk/final/open.isnad.md')]]);
    await server.close(uri('desk/final/open.isnad.md'));
    await symbolsBecome('Open claim', []);
  });

  it('renames a registry id in the articles that use it (closed ones at the positions the editor will count), never in an article that defines the id itself', async () => {
    await server.open(uri('desk/uses.isnad.md'), '[Shared claim]{claim by=okafor}\n');
    const edit = (await server.connection.sendRequest(RenameRequest.type, {
      textDocument: { uri: uri('desk/uses.isnad.md') },
      position: { line: 0, character: 27 },
      newName: 'lena',
    })) as WorkspaceEdit;
    const at = (line: number, start: number) => ({ range: { start: { line, character: start }, end: { line, character: start + 6 } }, newText: 'lena' });
    assert.deepEqual(edit.changes, {
      [uri('desk/isnad.yaml')]: [at(1, 2)],
      [uri('desk/bom.isnad.md')]: [at(0, 21)],
      [uri('desk/link.isnad.md')]: [at(0, 24)],
      [uri('desk/mine.isnad.md')]: [at(4, 18)],
      [uri('desk/uses.isnad.md')]: [at(0, 24)],
    });
  });

  it('refuses a new id that an article using the registry’s defines itself, naming the article', async () => {
    const rename = RenameRequest.type;
    await assert.rejects(
      server.connection.sendRequest(rename, { textDocument: { uri: uri('desk/uses.isnad.md') }, position: { line: 0, character: 27 }, newName: 'mine' }),
      { message: 'In mine.isnad.md, “mine” already names another definition (its own or a nearer isnad.yaml’s): renamed, its uses there would change meaning. Choose another id.' },
    );
  });
});
