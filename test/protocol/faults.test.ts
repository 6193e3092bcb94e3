// Faults the editor throws at the server: requests cancelled mid-way, documents that change
// while they are analysed, and documents too large to analyse (isnad.maxDocumentSize).
import * as assert from 'node:assert/strict';
import {
  CancellationTokenSource,
  DocumentSymbolRequest,
  HoverRequest,
  LSPErrorCodes,
  ResponseError,
  DiagnosticSeverity,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { useServer } from './serverSession';

const MEGABYTE = 1024 * 1024;

/** `count` unattributed claims, one per paragraph: the diagnostics of a version say which version they were computed from. */
function claims(count: number): string {
  return Array.from({ length: count }, (_, i) => `[Claim number ${i}.]{claim}\n\n`).join('');
}

/** A plain article of at least `bytes` UTF-8 bytes, with a claim per paragraph. */
function articleOf(bytes: number): string {
  const paragraph = '[The river rose two metres overnight, the harbour master said.]{claim by=x} ' + 'Plain words follow the claim. '.repeat(20) + '\n\n';
  return paragraph.repeat(Math.ceil(bytes / paragraph.length));
}

describe('faults over the protocol', function () {
  this.timeout(120_000);
  const server = useServer();
  let nextUri = 0;
  const uniqueUri = () => `file:///faults/article-${++nextUri}.isnad.md`;

  afterEach(async () => {
    server().settings = {};
    await server().configurationChanged();
  });

  it('answers a request cancelled right after it was sent promptly, with RequestCancelled or a result', async () => {
    const uri = uniqueUri();
    const text = articleOf(8 * MEGABYTE);
    await server().open(uri, text);
    await server().diagnostics(uri, (params) => params.version === 1, 60_000);
    // A new version: the outline needs a parse of 8 MB, which the cancellation must stop before it starts.
    await server().change(uri, `${text}x`, 2);
    const uncancelled = await timed(() => server().connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }));
    assert.ok(Array.isArray(uncancelled.result) && uncancelled.result.length > 0, 'the uncancelled request answers with the outline');

    await server().change(uri, `${text}xy`, 3);
    const source = new CancellationTokenSource();
    const cancelled = timed(() => server().connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }, source.token));
    source.cancel();
    const { result, error, ms } = await cancelled;
    if (error) {
      assert.ok(error instanceof ResponseError, String(error));
      assert.equal(error.code, LSPErrorCodes.RequestCancelled);
    } else {
      assert.ok(Array.isArray(result), 'a result, if the request finished before the cancellation arrived');
    }
    assert.ok(ms < uncancelled.ms / 2, `the cancelled request took ${ms} ms, an uncancelled one ${uncancelled.ms} ms`);
    console.log(`      cancelled request answered in ${ms} ms (${error ? 'RequestCancelled' : 'result'}); an uncancelled one took ${uncancelled.ms} ms`);
  });

  it('never publishes diagnostics for a version other than the one they were computed from, during bursts of changes', async () => {
    const uri = uniqueUri();
    const versions = 60;
    await server().open(uri, claims(1), 1);
    for (let version = 2; version <= versions; version++) {
      await server().change(uri, claims(version), version);
      // Irregular gaps around the 50 ms debounce, so some publications fall between changes.
      if (version % 7 === 0) await sleep(60);
      else if (version % 3 === 0) await sleep(version % 20);
    }
    const last = await server().diagnostics(uri, (params) => params.version === versions, 30_000);
    await sleep(300);
    const published = server().published.filter((params) => params.uri === uri);
    assert.ok(published.length >= 2, `${published.length} publications`);
    let previous = 0;
    for (const { version, diagnostics } of published) {
      assert.equal(diagnostics.length, version, `the diagnostics published for version ${version} are that version's`);
      assert.ok(version! > previous, `version ${version} published after version ${previous}`);
      previous = version!;
    }
    assert.equal(published.at(-1), last, 'nothing is published after the final version');
    assert.equal(last.diagnostics.length, versions);
  });

  it('does not analyse a 50 MB document over the default 20 MB limit: one information diagnostic says why', async () => {
    const uri = uniqueUri();
    const text = articleOf(50 * MEGABYTE);
    const started = Date.now();
    await server().open(uri, text);
    const { diagnostics } = await server().diagnostics(uri, undefined, 60_000);
    const ms = Date.now() - started;
    const megabytes = (Buffer.byteLength(text) / MEGABYTE).toFixed(1);
    assert.deepEqual(diagnostics, [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Information,
        code: 'document-too-large',
        source: 'isnad',
        message: `This document is ${megabytes} MB, over the 20 MB of the isnad.maxDocumentSize setting: Isnad does not analyse it (no diagnostics, hovers, outline or decorations). Syntax colouring still works. Raise the setting to analyse it.`,
      },
    ]);
    assert.equal(await server().connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 3 } }), null);
    assert.deepEqual(await server().connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), []);
    console.log(`      50 MB document: opened and answered in ${ms} ms`);
  });

  it('follows the setting: analyses the document once the limit is raised, in the client’s language', async () => {
    const uri = uniqueUri();
    const text = articleOf(MEGABYTE);
    server().settings = { maxDocumentSize: 0.5, locale: 'ar' };
    await server().configurationChanged();
    await server().open(uri, text);
    const limited = await server().diagnostics(uri);
    assert.deepEqual(limited.diagnostics.map((diagnostic) => diagnostic.code), ['document-too-large']);
    assert.match(limited.diagnostics[0].message as string, /^\u2067حجم هذا المستند 1\.0 ميغابايت، أكبر من 0\.5 ميغابايت في الإعداد isnad\.maxDocumentSize/);

    const before = server().published.length;
    server().settings = { maxDocumentSize: 2 };
    await server().configurationChanged();
    const analysed = await server().diagnostics(uri, (params: PublishDiagnosticsParams) => server().published.indexOf(params) >= before, 30_000);
    assert.ok(analysed.diagnostics.length > 0 && analysed.diagnostics.every((diagnostic) => diagnostic.code === 'unknown-source'), 'the document’s own diagnostics');
  });
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function timed<T>(request: () => Promise<T>): Promise<{ result?: T; error?: unknown; ms: number }> {
  const started = Date.now();
  try {
    const result = await request();
    return { result, ms: Date.now() - started };
  } catch (error) {
    return { error, ms: Date.now() - started };
  }
}
