// Hover, outline and folding as the editor asks for them: the service's answers for the open
// version, in the language the settings choose.
import * as assert from 'node:assert/strict';
import { DocumentSymbolRequest, FoldingRangeRequest, HoverRequest, type DocumentSymbol, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { computeDocumentSymbols } from '../../server/src/service/features/symbols';
import { parseIsnad } from '../../server/src/service/parse/document';
import { ARTICLE_URI, UNATTRIBUTED } from './fixtures';
import { useServer } from './serverSession';

describe('hover, outline and folding over the protocol', () => {
  const server = useServer();
  const textDocument = { uri: ARTICLE_URI };

  before(() => server().open(ARTICLE_URI, UNATTRIBUTED));
  afterEach(async () => {
    server().settings = {};
    await server().configurationChanged();
  });

  it('hovers over the innermost span: the mention inside the claim', async () => {
    const hover = await server().connection.sendRequest(HoverRequest.type, { textDocument, position: { line: 11, character: 16 } });
    assert.deepEqual(hover?.range, { start: { line: 11, character: 13 }, end: { line: 11, character: 34 } });
    assert.equal((hover?.contents as MarkupContent).value, '**Mention**\n\n**Example Town** (place)\n\n*Mentioned once in this document*');
  });

  it('hovers in the language isnad.locale chooses', async () => {
    server().settings = { locale: 'ar' };
    await server().configurationChanged();
    const hover = await server().connection.sendRequest(HoverRequest.type, { textDocument, position: { line: 13, character: 3 } });
    assert.match((hover?.contents as MarkupContent).value, /^\*\*اقتباس\*\*/);
  });

  it('answers null where there is nothing to describe', async () => {
    assert.equal(await server().connection.sendRequest(HoverRequest.type, { textDocument, position: { line: 12, character: 0 } }), null);
  });

  it('outlines the front matter and the sections with their claims and quotes', async () => {
    const symbols = (await server().connection.sendRequest(DocumentSymbolRequest.type, { textDocument })) as DocumentSymbol[];
    assert.deepEqual(symbols, computeDocumentSymbols(parseIsnad(UNATTRIBUTED, ARTICLE_URI, 1), 'en'));
    assert.deepEqual(
      symbols.map(({ name, children }) => [name, children?.map((child) => [child.name, child.detail])]),
      [
        ['Front matter', [['Sources', undefined], ['Entities', undefined]]],
        ['Port news', [['The port of Example Town reopens.', 'Unattributed'], ['Ships are waiting,', 'Ali Hassan']]],
      ],
    );
  });

  it('folds the front matter and each section', async () => {
    assert.deepEqual(await server().connection.sendRequest(FoldingRangeRequest.type, { textDocument }), [
      { startLine: 0, endLine: 9 },
      { startLine: 10, endLine: 13 },
    ]);
  });

  it('answers nothing for a document that is not open', async () => {
    const closed = { uri: 'file:///closed.isnad.md' };
    assert.equal(await server().connection.sendRequest(HoverRequest.type, { textDocument: closed, position: { line: 0, character: 0 } }), null);
    assert.deepEqual(await server().connection.sendRequest(DocumentSymbolRequest.type, { textDocument: closed }), []);
    assert.deepEqual(await server().connection.sendRequest(FoldingRangeRequest.type, { textDocument: closed }), []);
  });
});
