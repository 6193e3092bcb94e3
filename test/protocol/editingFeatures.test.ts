// Completion, navigation, rename, semantic tokens, inlay hints, code lenses and the
// unattributed-claim request, as the editor asks for them from the bundled server.
import * as assert from 'node:assert/strict';
import {
  CodeLensRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentHighlightKind,
  DocumentHighlightRequest,
  ErrorCodes,
  InlayHintRequest,
  LSPErrorCodes,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  ResponseError,
  SemanticTokensRangeRequest,
  SemanticTokensRequest,
  type CompletionItem,
} from 'vscode-languageserver-protocol/node';
import { UnattributedClaimRequest } from '../../server/src/protocol';
import { computeSemanticTokens } from '../../server/src/service/features/semanticTokens';
import { parseIsnad } from '../../server/src/service/parse/document';
import { ARABIC, ARABIC_URI, ARTICLE_URI, ATTRIBUTED, UNATTRIBUTED } from './fixtures';
import { ServerSession, buildOnce, useServer } from './serverSession';

const ATTRIBUTED_URI = 'file:///articles/attributed.isnad.md';
const range = (line: number, start: number, end: number, endLine = line) => ({ start: { line, character: start }, end: { line: endLine, character: end } });

async function refusal(request: Promise<unknown>): Promise<ResponseError<unknown>> {
  try {
    await request;
  } catch (error) {
    assert.ok(error instanceof ResponseError, String(error));
    return error;
  }
  assert.fail('the request succeeded');
}

describe('editing features over the protocol', () => {
  const server = useServer();
  const article = { uri: ARTICLE_URI };
  const arabic = { uri: ARABIC_URI };
  const arabicLine = ARABIC.split('\n')[7];

  before(async () => {
    await server().open(ARTICLE_URI, UNATTRIBUTED);
    await server().open(ARABIC_URI, ARABIC);
    await server().open(ATTRIBUTED_URI, ATTRIBUTED);
  });
  afterEach(async () => {
    server().settings = {};
    await server().configurationChanged();
  });

  it('announces each capability, the completion triggers and the semantic tokens legend', async () => {
    buildOnce();
    const session = new ServerSession();
    try {
      const { capabilities } = await session.initialize();
      assert.deepEqual(capabilities.completionProvider, { triggerCharacters: ['@', '=', '{', ' ', ',', '،', '"'] });
      assert.equal(capabilities.definitionProvider, true);
      assert.equal(capabilities.referencesProvider, true);
      assert.equal(capabilities.documentHighlightProvider, true);
      assert.deepEqual(capabilities.renameProvider, { prepareProvider: true });
      assert.deepEqual(capabilities.semanticTokensProvider, {
        legend: {
          tokenTypes: ['keyword', 'function', 'variable', 'namespace', 'type', 'struct', 'event', 'property', 'string', 'claim', 'enumMember', 'comment'],
          tokenModifiers: ['declaration'],
        },
        full: true,
        range: true,
      });
      assert.equal(capabilities.inlayHintProvider, true);
      assert.deepEqual(capabilities.codeLensProvider, { resolveProvider: false });
    } finally {
      await session.dispose();
    }
  });

  it('completes an Arabic source id after قائل=, replacing the partial id', async () => {
    const character = arabicLine.indexOf('قائل=') + 'قائل=مور'.length;
    const items = (await server().connection.sendRequest(CompletionRequest.type, { textDocument: arabic, position: { line: 7, character } })) as CompletionItem[];
    assert.deepEqual(
      items.map(({ label, detail, textEdit }) => [label, detail, textEdit]),
      [['مورتازين', 'أندريه مورتازين · person', { range: range(7, character - 3, character + 5), newText: 'مورتازين' }]],
    );
  });

  it('completes attribute keywords after { in the language of the settings', async () => {
    server().settings = { locale: 'ar' };
    await server().configurationChanged();
    const character = arabicLine.indexOf('{ادعاء}') + 1;
    const items = (await server().connection.sendRequest(CompletionRequest.type, { textDocument: arabic, position: { line: 7, character } })) as CompletionItem[];
    const by = items.find((item) => item.label === 'قائل=');
    assert.deepEqual(by?.textEdit, { range: range(7, character, character), newText: 'قائل=' });
    assert.equal(by?.documentation, 'القائل: معرّف مصدر، وإلا فمعرّف كيان.');
  });

  it('goes from by=ali to the source’s key, and finds and highlights every use of @town', async () => {
    assert.deepEqual(await server().connection.sendRequest(DefinitionRequest.type, { textDocument: article, position: { line: 13, character: 31 } }), [{ uri: ARTICLE_URI, range: range(2, 2, 5) }]);
    const references = await server().connection.sendRequest(ReferencesRequest.type, { textDocument: article, position: { line: 6, character: 3 }, context: { includeDeclaration: true } });
    assert.deepEqual(references, [
      { uri: ARTICLE_URI, range: range(6, 2, 6) },
      { uri: ARTICLE_URI, range: range(11, 29, 33) },
    ]);
    assert.deepEqual(await server().connection.sendRequest(DocumentHighlightRequest.type, { textDocument: article, position: { line: 11, character: 30 } }), [
      { range: range(6, 2, 6), kind: DocumentHighlightKind.Write },
      { range: range(11, 29, 33), kind: DocumentHighlightKind.Read },
    ]);
  });

  it('prepares and renames a source: the key and every use in one edit', async () => {
    const position = { line: 13, character: 31 };
    assert.deepEqual(await server().connection.sendRequest(PrepareRenameRequest.type, { textDocument: article, position }), { range: range(13, 30, 33), placeholder: 'ali' });
    assert.deepEqual(await server().connection.sendRequest(RenameRequest.type, { textDocument: article, position, newName: 'hassan' }), {
      changes: {
        [ARTICLE_URI]: [
          { range: range(2, 2, 5), newText: 'hassan' },
          { range: range(13, 30, 33), newText: 'hassan' },
        ],
      },
    });
  });

  it('refuses a rename with the reason as the error message', async () => {
    const away = await refusal(server().connection.sendRequest(PrepareRenameRequest.type, { textDocument: article, position: { line: 11, character: 3 } }));
    assert.equal(away.code, LSPErrorCodes.RequestFailed);
    assert.match(away.message, /^Only a source or entity id can be renamed/);
    const invalid = await refusal(server().connection.sendRequest(RenameRequest.type, { textDocument: article, position: { line: 13, character: 31 }, newName: 'a b' }));
    assert.equal(invalid.code, ErrorCodes.InvalidParams);
    assert.match(invalid.message, /^“a b” is not a valid id/);
  });

  it('answers the service’s semantic tokens, whole and for a range', async () => {
    const doc = parseIsnad(UNATTRIBUTED, ARTICLE_URI, 1);
    assert.deepEqual(await server().connection.sendRequest(SemanticTokensRequest.type, { textDocument: article }), computeSemanticTokens(doc));
    const lines = range(13, 0, 0, 14);
    const ranged = await server().connection.sendRequest(SemanticTokensRangeRequest.type, { textDocument: article, range: lines });
    assert.deepEqual(ranged, computeSemanticTokens(doc, lines));
    assert.deepEqual(ranged?.data, [13, 1, 18, 8, 0, 0, 20, 5, 0, 0, 0, 6, 2, 0, 0, 0, 3, 3, 1, 0]);
    const rightToLeft = await server().connection.sendRequest(SemanticTokensRequest.type, { textDocument: arabic });
    assert.deepEqual(rightToLeft?.data, [2, 2, 8, 1, 1], 'in the Arabic article, only the source key of the front matter');
  });

  it('names speakers in inlay hints only when isnad.inlayHints.speakers is on', async () => {
    const whole = { textDocument: article, range: range(0, 0, 0, 15) };
    assert.deepEqual(await server().connection.sendRequest(InlayHintRequest.type, whole), []);
    server().settings = { inlayHints: { speakers: true } };
    await server().configurationChanged();
    assert.deepEqual(await server().connection.sendRequest(InlayHintRequest.type, whole), [
      { position: { line: 13, character: 1 }, label: 'Ali Hassan:', paddingRight: true, tooltip: 'Said by: Ali Hassan' },
    ]);
  });

  it('puts a code lens above the heading that moves to the next unattributed claim', async () => {
    assert.deepEqual(await server().connection.sendRequest(CodeLensRequest.type, { textDocument: article }), [
      {
        range: range(10, 0, 11),
        command: { title: '1 claim · 1 unattributed', command: 'isnad.nextUnattributedClaim', arguments: [{ uri: ARTICLE_URI, position: { line: 10, character: 0 } }] },
      },
    ]);
  });

  it('finds the next and previous unattributed claim, wrapping around, and none where all have a source', async () => {
    const claim = { range: range(11, 0, 51), contentStart: { line: 11, character: 1 } };
    for (const direction of ['next', 'previous'] as const) {
      assert.deepEqual(await server().connection.sendRequest(UnattributedClaimRequest, { uri: ARTICLE_URI, position: { line: 11, character: 1 }, direction }), claim, direction);
    }
    assert.equal(await server().connection.sendRequest(UnattributedClaimRequest, { uri: ATTRIBUTED_URI, position: { line: 0, character: 0 }, direction: 'next' }), null);
  });
});
