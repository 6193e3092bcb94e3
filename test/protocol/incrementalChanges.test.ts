// Incremental changes through the bundled server, as typing sends them and far larger: the
// document it keeps, its diagnostics and its answers are those of the same text opened whole.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { HoverRequest, type Range } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DecorationsRequest } from '../../server/src/protocol';
import { useServer } from './serverSession';

const FRONT_MATTER = '---\nsources:\n  ali:\n    name: Ali\n---\n';
const ARTICLE = `${FRONT_MATTER}[Ali said]{claim by=ali} and\n\n[more]{claim}\n`;

describe('incremental changes over the protocol', function () {
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

  it('keeps the text and the model of bursts of keystrokes, reversed and out-of-range edits included', async () => {
    const uri = 'file:///incremental/typed.isnad.md';
    const typed = TextDocument.create(uri, 'isnad', 1, ARTICLE);
    await server().open(uri, ARTICLE);
    let version = 1;
    let compared = 0;
    const keystroke = fc.record({ line: fc.nat(9), character: fc.nat(30), removed: fc.nat(2), reversed: fc.boolean(), text: fc.constantFrom('', 'x', 'ك', ' ', '[', ']{claim}', '\n', '\r\n', '😀', ' by=ali') });
    await fc.assert(
      fc.asyncProperty(fc.array(keystroke, { minLength: 1, maxLength: 12 }), fc.boolean(), async (burst, adjacent) => {
        let last: number | undefined;
        for (const key of burst) {
          // Typing moves on from the last edit; otherwise the edits land anywhere, past the end too.
          const start = adjacent && last !== undefined ? typed.positionAt(last) : { line: key.line, character: key.character };
          last = typed.offsetAt(start) + key.text.length;
          const end = { line: start.line, character: start.character + key.removed };
          const range: Range = key.reversed ? { start: end, end: start } : { start, end };
          version++;
          TextDocument.update(typed, [{ range, text: key.text }], version);
          await server().edit(uri, version, [{ range, text: key.text }]);
        }
        const whole = `file:///incremental/whole-${++compared}.isnad.md`;
        await server().open(whole, typed.getText());
        const [incremental, reference] = await Promise.all([
          server().diagnostics(uri, (params) => params.version === version),
          server().diagnostics(whole),
        ]);
        assert.deepEqual(incremental.diagnostics, reference.diagnostics);
        const decorations = await server().connection.sendRequest(DecorationsRequest, { uri });
        const wholeDecorations = await server().connection.sendRequest(DecorationsRequest, { uri: whole });
        assert.deepEqual({ ...decorations!, version: 0 }, { ...wholeDecorations!, version: 0 });
        await server().close(whole);
      }),
      { numRuns: 40, seed: 11 },
    );
  });

  it('re-reads a huge paragraph once for a burst of keystrokes, not once per keystroke', async () => {
    const uri = 'file:///incremental/huge.isnad.md';
    const paragraph = '[a]{claim by=ali} كلام '.repeat(60_000);
    await server().open(uri, `${FRONT_MATTER}${paragraph}\n`);
    await server().diagnostics(uri, undefined, 60_000);
    const typeAt = async (version: number, count: number) => {
      const started = Date.now();
      for (let i = 0; i < count; i++) {
        const at = { line: 5, character: 500 + version + i };
        await server().edit(uri, version + i, [{ range: { start: at, end: at }, text: 'x' }]);
      }
      await server().diagnostics(uri, (params) => params.version === version + count - 1, 60_000);
      return Date.now() - started;
    };
    const one = await typeAt(2, 1);
    const burst = await typeAt(3, 20);
    assert.ok(burst < one * 8 + 1000, `20 keystrokes took ${burst} ms to diagnose, one ${one} ms`);
    console.log(`      one keystroke in a ${(paragraph.length / 1e6).toFixed(1)} M-unit paragraph: ${one} ms; a burst of 20: ${burst} ms`);
  });
});
