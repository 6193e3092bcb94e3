// The smaller documents of the adversarial corpus through the bundled server: the published
// diagnostics are exactly the service's, and the server goes on answering.
import * as assert from 'node:assert/strict';
import { DocumentSymbolRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import { ADVERSARIAL } from '../fixtures/adversarial/corpus';
import { ExportRequest } from '../../server/src/protocol';
import { useServer } from './serverSession';

describe('adversarial corpus, through the bundled server', () => {
  const server = useServer();
  let opened = 0;

  for (const item of ADVERSARIAL.filter((candidate) => candidate.text().length <= 256 * 1024)) {
    it(`${item.name}: publishes exactly its diagnostics and answers requests`, async () => {
      const uri = `file:///adversarial/${++opened}.isnad.md`;
      await server().open(uri, item.text());
      const { diagnostics } = await server().diagnostics(uri);
      assert.deepEqual(
        diagnostics.map(({ code, range }, i) => [code, item.diagnostics[i]?.[1] && [range.start.line, range.start.character, range.end.line, range.end.character]]),
        item.diagnostics.map(([code, range]) => [code, range && [...range]]),
      );
      const { connection } = server();
      await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 1 } });
      assert.ok(Array.isArray(await connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })));
      const exported = await connection.sendRequest(ExportRequest, { uri, format: 'w3c' });
      JSON.parse(exported!.content);
      assert.equal(server().hasExited, false);
    });
  }
});
