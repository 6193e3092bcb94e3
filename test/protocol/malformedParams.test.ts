// Requests whose params break the protocol's types, as any JSON-RPC peer may send them: positions
// that are not whole numbers, and Isnad's own requests with fields missing or of the wrong type.
// Each gets a well-formed answer or an InvalidParams error naming the field, and the server goes on.
import * as assert from 'node:assert/strict';
import {
  CodeActionRequest,
  CompletionRequest,
  DocumentSymbolRequest,
  ErrorCodes,
  HoverRequest,
  RenameRequest,
  ResponseError,
  SemanticTokensRangeRequest,
  type Position,
} from 'vscode-languageserver-protocol/node';
import {
  DecorationsRequest,
  EntitiesRequest,
  ExportRequest,
  ExportWorkspaceRequest,
  ReadingViewRequest,
  SourcesRequest,
  StatementAtRequest,
  UnattributedClaimRequest,
  WhoSaidWhatRequest,
} from '../../server/src/protocol';
import { ARTICLE_URI, UNATTRIBUTED } from './fixtures';
import { useServer } from './serverSession';

describe('malformed params over the protocol', () => {
  const server = useServer();

  before(async () => {
    await server().open(ARTICLE_URI, UNATTRIBUTED);
    await server().diagnostics(ARTICLE_URI);
  });

  /** The params a well-behaved client cannot send, typed as the request declares them. */
  const malformed = <T>(params: unknown) => params as T;

  it('reads a position that is not two whole numbers as the whole position it truncates to, never answering with null characters', async () => {
    const { connection } = server();
    const completionAt = (position: unknown) => connection.sendRequest(CompletionRequest.type, { textDocument: { uri: ARTICLE_URI }, position: malformed<Position>(position) });
    const atKey = await completionAt({ line: 1, character: 0 });
    assert.ok(Array.isArray(atKey) && atKey.length > 0, 'the front matter offers its keys');
    for (const position of [{ line: 1.6, character: 0.2 }, { line: '1', character: '0' }, { line: 1, character: null }, { line: 1 }]) {
      const answer = await completionAt(position);
      assert.deepEqual(answer, atKey, JSON.stringify(position));
      assert.doesNotMatch(JSON.stringify(answer), /null/, JSON.stringify(position));
    }
    const statementAt = (position: unknown) => connection.sendRequest(StatementAtRequest, { uri: ARTICLE_URI, position: malformed<Position>(position) });
    const inClaim = await statementAt({ line: 11, character: 3 });
    assert.equal(inClaim?.kind, 'claim');
    assert.deepEqual(await statementAt({ line: 11.9, character: 3.5 }), inClaim);
  });

  it('answers standard requests with missing or mistyped params with InvalidParams naming the field', async () => {
    const { connection } = server();
    const textDocument = { uri: ARTICLE_URI };
    const position = { line: 11, character: 3 };
    const cases: [Promise<unknown>, string][] = [
      [connection.sendRequest(HoverRequest.type, malformed({ position })), 'textDocument/hover: “textDocument” must be a document identifier { uri }.'],
      [connection.sendRequest(HoverRequest.type, malformed({ textDocument: { uri: 7 }, position })), 'textDocument/hover: “textDocument” must be a document identifier { uri }.'],
      [connection.sendRequest(CompletionRequest.type, malformed({ textDocument })), 'textDocument/completion: “position” must be a position { line, character }.'],
      [connection.sendRequest(DocumentSymbolRequest.type, malformed({})), 'textDocument/documentSymbol: “textDocument” must be a document identifier { uri }.'],
      [connection.sendRequest(CompletionRequest.type, malformed({ textDocument, position: 'start' })), 'textDocument/completion: “position” must be a position { line, character }.'],
      [connection.sendRequest(CodeActionRequest.type, malformed({ textDocument, range: { start: position, end: position } })), 'textDocument/codeAction: “context” must be an object.'],
      [connection.sendRequest(RenameRequest.type, malformed({ textDocument, position })), 'textDocument/rename: “newName” must be a string.'],
      [connection.sendRequest(SemanticTokensRangeRequest.type, malformed({ textDocument, range: { start: position } })), 'textDocument/semanticTokens/range: “range” must be a range { start, end }.'],
    ];
    for (const [request, message] of cases) {
      await assert.rejects(request, (error: unknown) => {
        assert.ok(error instanceof ResponseError);
        assert.deepEqual([error.code, error.message], [ErrorCodes.InvalidParams, message]);
        return true;
      });
    }
    assert.ok(await connection.sendRequest(HoverRequest.type, { textDocument, position }), 'the server answers a well-formed request afterwards');
  });

  it('answers Isnad requests with missing or mistyped params with InvalidParams naming the field', async () => {
    const { connection } = server();
    const position = { line: 11, character: 3 };
    const cases: [Promise<unknown>, string][] = [
      [connection.sendRequest(ExportRequest, malformed(null)), 'isnad/export: its params must be an object.'],
      [connection.sendRequest(ExportRequest, malformed({ uri: 5, format: 'w3c' })), 'isnad/export: “uri” must be a string.'],
      [connection.sendRequest(ExportRequest, malformed({ uri: ARTICLE_URI, format: 'pdf' })), 'isnad/export: “format” must be one of “w3c”, “jsonl”, “csv”.'],
      [connection.sendRequest(DecorationsRequest, malformed(null)), 'isnad/decorations: its params must be an object.'],
      [connection.sendRequest(ReadingViewRequest, malformed({})), 'isnad/readingView: “uri” must be a string.'],
      [connection.sendRequest(SourcesRequest, malformed({ uri: [] })), 'isnad/sources: “uri” must be a string.'],
      [connection.sendRequest(EntitiesRequest, malformed({ uri: null })), 'isnad/entities: “uri” must be a string.'],
      [connection.sendRequest(StatementAtRequest, malformed({ uri: ARTICLE_URI })), 'isnad/statementAt: “position” must be a position { line, character }.'],
      [connection.sendRequest(UnattributedClaimRequest, malformed({ uri: ARTICLE_URI, direction: 'next' })), 'isnad/unattributedClaim: “position” must be a position { line, character }.'],
      [connection.sendRequest(UnattributedClaimRequest, malformed({ uri: ARTICLE_URI, position, direction: 'sideways' })), 'isnad/unattributedClaim: “direction” must be one of “next”, “previous”.'],
      [connection.sendRequest(WhoSaidWhatRequest, malformed(null)), 'isnad/whoSaidWhat: its params must be an object.'],
      [connection.sendRequest(WhoSaidWhatRequest, malformed({ article: 5 })), 'isnad/whoSaidWhat: “article” must be a string.'],
      [connection.sendRequest(WhoSaidWhatRequest, malformed({ status: 'rumour' })), 'isnad/whoSaidWhat: “status” must be one of “unverified”, “supported”, “disputed”, “false”, “misleading”, “opinion”.'],
      [connection.sendRequest(ExportWorkspaceRequest, malformed({ format: 'csv', target: 5 })), 'isnad/exportWorkspace: “target” must be a string.'],
    ];
    for (const [request, message] of cases) {
      await assert.rejects(request, (error: unknown) => {
        assert.ok(error instanceof ResponseError);
        assert.deepEqual([error.code, error.message], [ErrorCodes.InvalidParams, message]);
        return true;
      });
    }
    assert.equal((await connection.sendRequest(UnattributedClaimRequest, { uri: ARTICLE_URI, position, direction: 'next' }))?.range.start.line, 11);
    assert.deepEqual((await connection.sendRequest(WhoSaidWhatRequest, { unattributedOnly: true })).sources, []);
    const hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri: ARTICLE_URI }, position });
    assert.ok(hover, 'the server answers a well-formed request afterwards');
    assert.equal(server().hasExited, false);
  });
});
