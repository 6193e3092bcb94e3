// Starting and stopping the bundled server: what it announces, and that it ends when told to.
import * as assert from 'node:assert/strict';
import { TextDocumentSyncKind } from 'vscode-languageserver-protocol/node';
import { ServerSession, buildOnce } from './serverSession';

describe('server lifecycle (dist/server.js --stdio)', () => {
  let session: ServerSession | undefined;

  before(() => buildOnce());
  afterEach(async () => {
    await session?.dispose();
    session = undefined;
  });

  it('announces incremental document sync, hover, outline and folding', async () => {
    session = new ServerSession();
    const { capabilities } = await session.initialize();
    assert.equal(capabilities.textDocumentSync, TextDocumentSyncKind.Incremental);
    assert.equal(capabilities.hoverProvider, true);
    assert.equal(capabilities.documentSymbolProvider, true);
    assert.equal(capabilities.foldingRangeProvider, true);
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'refactor.rewrite', 'source.fixAll.isnad'], resolveProvider: false });
  });

  it('exits with code 0 after shutdown and exit', async () => {
    session = new ServerSession();
    await session.initialize();
    assert.equal(await session.stop(), 0);
  });
});
