// Incremental changes far larger than typing sends, through the bundled server: the document it
// keeps, its diagnostics and its answers are those of the same text opened whole.
import * as assert from 'node:assert/strict';
import { HoverRequest } from 'vscode-languageserver-protocol/node';
import { useServer } from './serverSession';

const FRONT_MATTER = '---\nsources:\n  ali:\n    name: Ali\n---\n';
const ARTICLE = `${FRONT_MATTER}[Ali said]{claim by=ali} and\n\n[more]{claim}\n`;

describe('large incremental changes over the protocol', function () {
  this.timeout(120_000);
  const server = useServer();

  it('takes a paste of 150,000 spans into a paragraph: the diagnostics and hovers of the text opened whole', async () => {
    const pasted = '[a]{claim by=ali} كلام '.repeat(150_000);
    const edited = `${FRONT_MATTER}${pasted}[Ali said]{claim by=ali} and\n\n[more]{claim}\n`;
    const uri = 'file:///large/pasted.isnad.md';
    const whole = 'file:///large/whole.isnad.md';
    await server().open(uri, ARTICLE);
    await server().diagnostics(uri);
    await server().edit(uri, 2, [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: pasted }]);
    await server().open(whole, edited);
    const diagnostics = (await server().diagnostics(uri, (params) => params.version === 2, 60_000)).diagnostics;
    assert.deepEqual(diagnostics, (await server().diagnostics(whole, undefined, 60_000)).diagnostics);
    assert.deepEqual(
      diagnostics.map(({ code, range }) => [code, range.start.line, range.start.character]),
      [['unattributed-claim', 7, 0]],
    );
    const lastPasted = { line: 5, character: pasted.length - 22 };
    const hover = await server().connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: lastPasted });
    assert.deepEqual(hover?.range, { start: { line: 5, character: pasted.length - 23 }, end: { line: 5, character: pasted.length - 6 } });
    assert.deepEqual(hover, await server().connection.sendRequest(HoverRequest.type, { textDocument: { uri: whole }, position: lastPasted }));
  });
});
