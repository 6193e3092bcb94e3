// Issue #6 over the protocol: an unannotated وبوتين hovers as Putin, the attribution hints are
// published and switched off by their settings, and their quick fix and "Annotate" come back
// as code actions with exact edits.
import * as assert from 'node:assert/strict';
import { CodeActionRequest, DiagnosticSeverity, HoverRequest, type CodeAction, type MarkupContent, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { useServer } from './serverSession';

const URI = 'file:///articles/unmarked.isnad.md';
/** Line 5: Putin named without markup, after و; then an attribution to unnamed sources. */
const UNMARKED = [
  '---',
  'entities:',
  '  بوتين: {name: فلاديمير بوتين, type: person, aliases: [بوتين], wikidata: Q7747}',
  '---',
  '',
  'التقى كيم وبوتين في القمة.',
  '',
  'وقالت مصادر إن الذخيرة ستصل.',
  '',
].join('\n');

const forVersion = (version: number) => (params: PublishDiagnosticsParams) => params.version === version;

describe('implicit mentions and attribution hints over the protocol', () => {
  const server = useServer();
  const textDocument = { uri: URI };

  before(() => server().open(URI, UNMARKED));
  afterEach(async () => {
    server().settings = {};
    await server().configurationChanged();
  });

  it('hovers over an unannotated وبوتين with Putin’s card, marked as not annotated, over بوتين alone', async () => {
    const hover = await server().connection.sendRequest(HoverRequest.type, { textDocument, position: { line: 5, character: 12 } });
    assert.deepEqual(hover?.range, { start: { line: 5, character: 11 }, end: { line: 5, character: 16 } });
    assert.equal(
      (hover?.contents as MarkupContent).value,
      [
        '**Mention \\(not annotated\\)**',
        '**فلاديمير بوتين** (person)',
        '**Also written\\:** بوتين',
        '**Wikidata\\:** [Q7747](https://www.wikidata.org/wiki/Q7747)',
        '*Not mentioned in this document*',
      ].join('\n\n'),
    );
  });

  it('publishes vague-source as information over the sentence, and nothing once isnad.hints.vagueSource and possibleAttribution are false', async () => {
    const { diagnostics } = await server().diagnostics(URI, forVersion(1));
    const sentence = { start: { line: 7, character: 0 }, end: { line: 7, character: 27 } };
    assert.deepEqual(
      diagnostics.filter((diagnostic) => diagnostic.code !== 'unused-definition'),
      [
        {
          range: sentence,
          severity: DiagnosticSeverity.Information,
          code: 'vague-source',
          source: 'isnad',
          message: 'This statement is attributed to an unnamed source (“مصادر”): record the source in the front matter with kind anonymous.',
        },
      ],
    );
    server().settings = { hints: { vagueSource: false } };
    await server().configurationChanged();
    await server().change(URI, UNMARKED, 2);
    assert.deepEqual(
      (await server().diagnostics(URI, forVersion(2))).diagnostics.map((diagnostic) => diagnostic.code),
      ['unused-definition', 'possible-attribution'],
    );
    server().settings = { hints: { vagueSource: false, possibleAttribution: false } };
    await server().configurationChanged();
    await server().change(URI, UNMARKED, 3);
    assert.deepEqual(
      (await server().diagnostics(URI, forVersion(3))).diagnostics.map((diagnostic) => diagnostic.code),
      ['unused-definition'],
    );
  });

  it('while typing in one paragraph, publishes the hint of a sentence typed there and hovers over the name typed in it, and drops both when they are deleted', async () => {
    const uri = 'file:///articles/typed.isnad.md';
    const document = { uri };
    const hoverAt = (character: number) => server().connection.sendRequest(HoverRequest.type, { textDocument: document, position: { line: 5, character } });
    const hints = async (version: number) =>
      (await server().diagnostics(uri, forVersion(version))).diagnostics.filter((diagnostic) => diagnostic.code !== 'unused-definition').map(({ code, range, message }) => ({ code, range, message }));
    const vague = { code: 'vague-source', range: { start: { line: 7, character: 0 }, end: { line: 7, character: 27 } }, message: 'This statement is attributed to an unnamed source (“مصادر”): record the source in the front matter with kind anonymous.' };
    await server().open(uri, UNMARKED);
    assert.deepEqual(await hints(1), [vague]);
    // The implicit mentions of version 1 are found: from now on each edit finds only its paragraph's again.
    assert.deepEqual((await hoverAt(12))?.range, { start: { line: 5, character: 11 }, end: { line: 5, character: 16 } });
    // Line 5 is `التقى كيم وبوتين في القمة.` (26 units): a sentence with a cue and Putin's name is typed after it.
    const typed = ' وقال بوتين إنها ناجحة.';
    await server().edit(uri, 2, [{ range: { start: { line: 5, character: 26 }, end: { line: 5, character: 26 } }, text: typed }]);
    assert.deepEqual(await hints(2), [
      {
        code: 'possible-attribution',
        range: { start: { line: 5, character: 27 }, end: { line: 5, character: 48 } },
        message: 'This sentence reads like someone’s statement (“قال”) but is not marked: mark it as a claim and say who made it.',
      },
      vague,
    ]);
    assert.deepEqual((await hoverAt(33))?.range, { start: { line: 5, character: 32 }, end: { line: 5, character: 37 } });
    await server().edit(uri, 3, [{ range: { start: { line: 5, character: 26 }, end: { line: 5, character: 26 + typed.length } }, text: '' }]);
    assert.deepEqual(await hints(3), [vague]);
    assert.equal(await hoverAt(33), null);
    assert.deepEqual((await hoverAt(12))?.range, { start: { line: 5, character: 11 }, end: { line: 5, character: 16 } });
    await server().close(uri);
  });

  it('answers code actions: the quick fix for the hint, and Annotate on the mention', async () => {
    await server().change(URI, UNMARKED, 4);
    const { diagnostics } = await server().diagnostics(URI, forVersion(4));
    const hint = diagnostics.find((diagnostic) => diagnostic.code === 'vague-source')!;
    const fixes = (await server().connection.sendRequest(CodeActionRequest.type, { textDocument, range: hint.range, context: { diagnostics: [hint], only: ['quickfix'] } })) as CodeAction[];
    assert.deepEqual(
      fixes.map((action) => [action.title, action.kind]),
      [['Add the anonymous source “مصادر” and attribute the sentence to it', 'quickfix']],
    );
    assert.deepEqual(fixes[0].edit, {
      documentChanges: [
        {
          textDocument: { uri: URI, version: 4 },
          edits: [
            { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, newText: 'sources:\n  مصدر_مجهول:\n    name: مصادر\n    kind: anonymous\n' },
            { range: { start: { line: 7, character: 0 }, end: { line: 7, character: 0 } }, newText: '[' },
            { range: { start: { line: 7, character: 27 }, end: { line: 7, character: 27 } }, newText: ']{ادعاء قائل=مصدر_مجهول}' },
          ],
        },
      ],
    });
    const cursor = { line: 5, character: 12 };
    const annotate = (await server().connection.sendRequest(CodeActionRequest.type, { textDocument, range: { start: cursor, end: cursor }, context: { diagnostics: [] } })) as CodeAction[];
    assert.deepEqual(
      annotate.map((action) => [action.title, action.kind]),
      [['Annotate this mention of فلاديمير بوتين', 'refactor.rewrite']],
    );
  });
});
