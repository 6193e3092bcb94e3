// Diagnostics as the editor receives them: pushed on open and change, for the version they
// describe, with the severity and language the settings ask for.
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { ARABIC, ARABIC_URI, ARTICLE_URI, ATTRIBUTED, UNATTRIBUTED } from './fixtures';
import { useServer } from './serverSession';

const CLAIM_RANGE = { start: { line: 11, character: 0 }, end: { line: 11, character: 51 } };
const forVersion = (version: number) => (params: PublishDiagnosticsParams) => params.version === version;

describe('diagnostics over the protocol', () => {
  const server = useServer();
  let nextUri = 0;
  /** A fresh URI per test, so no test sees another's diagnostics. */
  const uniqueUri = () => ARTICLE_URI.replace('port', `port-${++nextUri}`);

  afterEach(async () => {
    server().settings = {};
    await server().configurationChanged();
  });

  it('publishes an unattributed claim on open, with its code and exact range', async () => {
    const uri = uniqueUri();
    await server().open(uri, UNATTRIBUTED);
    const { diagnostics, version } = await server().diagnostics(uri);
    assert.equal(version, 1);
    assert.deepEqual(diagnostics, [
      {
        range: CLAIM_RANGE,
        severity: DiagnosticSeverity.Warning,
        code: 'unattributed-claim',
        source: 'isnad',
        message: 'Claim has no source: who said this? Add by=…',
      },
    ]);
  });

  it('clears the diagnostic when a change attributes the claim', async () => {
    const uri = uniqueUri();
    await server().open(uri, UNATTRIBUTED);
    await server().diagnostics(uri, forVersion(1));
    await server().change(uri, ATTRIBUTED, 2);
    assert.deepEqual((await server().diagnostics(uri, forVersion(2))).diagnostics, []);
  });

  it('reads the settings for the document and re-validates when they change', async () => {
    const uri = uniqueUri();
    await server().open(uri, UNATTRIBUTED);
    await server().diagnostics(uri, forVersion(1));
    assert.ok(server().configurationRequests.some((item) => item.scopeUri === uri && item.section === 'isnad'));

    const before = server().published.length;
    server().settings = { diagnostics: { unattributedClaims: 'error' } };
    await server().configurationChanged();
    const republished = await server().diagnostics(uri, (params) => server().published.indexOf(params) >= before);
    assert.equal(republished.diagnostics.length, 1);
    assert.equal(republished.diagnostics[0].severity, DiagnosticSeverity.Error);
    assert.equal(republished.diagnostics[0].code, 'unattributed-claim');
  });

  it('leaves unattributed claims unreported when the setting is off', async () => {
    server().settings = { diagnostics: { unattributedClaims: 'off' } };
    await server().configurationChanged();
    const uri = uniqueUri();
    await server().open(uri, UNATTRIBUTED);
    assert.deepEqual((await server().diagnostics(uri)).diagnostics, []);
  });

  it('writes messages in Arabic when isnad.locale is ar, in a right-to-left isolate (the Problems panel’s rows are left to right)', async () => {
    server().settings = { locale: 'ar' };
    await server().configurationChanged();
    await server().open(ARABIC_URI, ARABIC);
    const { diagnostics } = await server().diagnostics(ARABIC_URI);
    assert.deepEqual(
      diagnostics.map(({ code, message, range }) => ({ code, message, range })),
      [{ code: 'unattributed-claim', message: '\u2067ادعاء بلا مصدر: من قال هذا؟ أضف قائل=…\u2069', range: { start: { line: 7, character: 0 }, end: { line: 7, character: 27 } } }],
    );
  });

  it('applies incremental edits: typing inside a paragraph, several edits at once, a new paragraph', async () => {
    const uri = uniqueUri();
    await server().open(uri, UNATTRIBUTED);
    await server().diagnostics(uri, forVersion(1));
    // Line 11 `[The port of [Example Town]{@town} reopens.]{claim}`: attribute the claim.
    await server().edit(uri, 2, [{ range: { start: { line: 11, character: 50 }, end: { line: 11, character: 50 } }, text: ' by=ali' }]);
    assert.deepEqual((await server().diagnostics(uri, forVersion(2))).diagnostics, []);
    // Two edits in one change, the second's range in the text the first left: `ali` becomes `nobody`, then a word is typed.
    await server().edit(uri, 3, [
      { range: { start: { line: 11, character: 54 }, end: { line: 11, character: 57 } }, text: 'nobody' },
      { range: { start: { line: 11, character: 1 }, end: { line: 11, character: 1 } }, text: 'Now ' },
    ]);
    const unknown = (await server().diagnostics(uri, forVersion(3))).diagnostics;
    assert.deepEqual(
      unknown.map(({ code, range }) => ({ code, range })),
      [{ code: 'unknown-source', range: { start: { line: 11, character: 58 }, end: { line: 11, character: 64 } } }],
    );
    // A new paragraph after the quote, with an unattributed claim.
    await server().edit(uri, 4, [{ range: { start: { line: 14, character: 0 }, end: { line: 14, character: 0 } }, text: '\n[More ships]{claim}\n' }]);
    const added = (await server().diagnostics(uri, forVersion(4))).diagnostics;
    assert.deepEqual(
      added.map(({ code, range }) => ({ code, range })),
      [
        { code: 'unknown-source', range: { start: { line: 11, character: 58 }, end: { line: 11, character: 64 } } },
        { code: 'unattributed-claim', range: { start: { line: 15, character: 0 }, end: { line: 15, character: 19 } } },
      ],
    );
  });

  it('never publishes for an older version after a burst of changes', async () => {
    const uri = uniqueUri();
    await server().open(uri, ATTRIBUTED);
    await server().diagnostics(uri, forVersion(1));
    const last = 31;
    for (let version = 2; version <= last; version++) await server().change(uri, version % 2 ? UNATTRIBUTED : ATTRIBUTED, version);
    const final = await server().diagnostics(uri, forVersion(last));
    assert.deepEqual(
      final.diagnostics.map(({ code, range }) => ({ code, range })),
      [{ code: 'unattributed-claim', range: CLAIM_RANGE }],
      'the last version (odd: unattributed) is the one diagnosed',
    );
    // Give a stale computation time to show up, then check the order of everything published.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const versions = server().published.filter((params) => params.uri === uri).map((params) => params.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `published versions in order: ${versions.join(', ')}`);
    assert.equal(versions.at(-1), last);
  });
});

describe('diagnostics in the client’s language', () => {
  const server = useServer({ locale: 'ar-EG' });

  it('follows the locale from initialize when isnad.locale is auto', async () => {
    server().settings = { locale: 'auto' };
    await server().open(ARTICLE_URI, UNATTRIBUTED);
    const { diagnostics } = await server().diagnostics(ARTICLE_URI);
    assert.equal(diagnostics[0].message, '\u2067ادعاء بلا مصدر: من قال هذا؟ أضف قائل=…\u2069');
  });
});
