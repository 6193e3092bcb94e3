// The Isnad requests of server/src/protocol.ts, answered by the bundled server.
import * as assert from 'node:assert/strict';
import { ResponseError } from 'vscode-languageserver-protocol/node';
import {
  DecorationsRequest,
  EntitiesRequest,
  ExportRequest,
  MarkableSelectionsRequest,
  ReadingViewRequest,
  SourcesRequest,
  StatementAtRequest,
  type ExportFormat,
} from '../../server/src/protocol';
import { exportDocument } from '../../server/src/service/export/index';
import { parseIsnad } from '../../server/src/service/parse/document';
import { ARABIC, ARABIC_URI, ARTICLE_URI, UNATTRIBUTED } from './fixtures';
import { useServer } from './serverSession';

describe('Isnad requests over the protocol', () => {
  const server = useServer();

  before(async () => {
    await server().open(ARTICLE_URI, UNATTRIBUTED);
    await server().open(ARABIC_URI, ARABIC);
  });

  for (const format of ['w3c', 'jsonl', 'csv'] as const) {
    it(`exports ${format}: the service's export of the open text, and how many annotations it holds`, async () => {
      const result = await server().connection.sendRequest(ExportRequest, { uri: ARTICLE_URI, format });
      assert.deepEqual(result, { content: exportDocument(parseIsnad(UNATTRIBUTED, ARTICLE_URI, 1), format), annotationCount: 3 });
    });
  }

  it('exports W3C Web Annotations, JSON Lines and CSV that say the same three annotations', async () => {
    const exported = async (format: ExportFormat) => (await server().connection.sendRequest(ExportRequest, { uri: ARTICLE_URI, format }))!.content;
    const w3c = JSON.parse(await exported('w3c')) as { type: string; total: number };
    assert.equal(w3c.type, 'AnnotationCollection');
    assert.equal(w3c.total, 3);
    assert.equal((await exported('jsonl')).trimEnd().split('\n').length, 3);
    assert.ok((await exported('csv')).startsWith('\uFEFFid,kind,exact'));
  });

  it('rejects an unknown export format and answers null for a document that is not open', async () => {
    await assert.rejects(server().connection.sendRequest(ExportRequest, { uri: ARTICLE_URI, format: 'pdf' as ExportFormat }), ResponseError);
    assert.equal(await server().connection.sendRequest(ExportRequest, { uri: 'file:///closed.isnad.md', format: 'csv' }), null);
  });

  it('lists the sources and the entities of the front matter', async () => {
    assert.deepEqual(await server().connection.sendRequest(SourcesRequest, { uri: ARTICLE_URI }), [
      { id: 'ali', name: 'Ali Hassan', kind: 'person', role: 'Harbour master' },
    ]);
    assert.deepEqual(await server().connection.sendRequest(EntitiesRequest, { uri: ARTICLE_URI }), [
      { id: 'town', name: 'Example Town', type: 'place' },
    ]);
  });

  it('finds the innermost claim or quote at a position, and where its attribution goes', async () => {
    const at = (uri: string, line: number, character: number) => server().connection.sendRequest(StatementAtRequest, { uri, position: { line, character } });
    // Inside the mention, which is inside the claim: the claim, which has no by= yet.
    assert.deepEqual(await at(ARTICLE_URI, 11, 15), { version: 1, kind: 'claim', insertAt: { line: 11, character: 50 }, byKey: 'by' });
    // The quote's own by=ali is what gets replaced.
    assert.deepEqual(await at(ARTICLE_URI, 13, 3), {
      version: 1,
      kind: 'quote',
      byRange: { start: { line: 13, character: 27 }, end: { line: 13, character: 33 } },
      insertAt: { line: 13, character: 33 },
      byKey: 'by',
    });
    assert.equal(await at(ARTICLE_URI, 10, 3), null, 'a heading is no claim');
    // A right-to-left paragraph gets the Arabic key.
    assert.deepEqual(await at(ARABIC_URI, 7, 3), { version: 1, kind: 'claim', insertAt: { line: 7, character: 26 }, byKey: 'قائل' });
  });

  it('says which selections Mark Selection as … may wrap, with each paragraph’s direction', async () => {
    const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });
    const markable = (uri: string, ...ranges: ReturnType<typeof range>[]) => server().connection.sendRequest(MarkableSelectionsRequest, { uri, ranges });
    // "Ships are waiting," whole; "he said"; "Town]{@town} reopens": it cuts the mention, whose text would become "reopens"'s neighbour.
    assert.deepEqual(await markable(ARTICLE_URI, range(13, 1, 19), range(13, 35, 42), range(11, 21, 42)), { version: 1, directions: ['ltr', 'ltr', null] });
    // An Arabic paragraph reads right to left; a selection across the heading and the paragraph is refused.
    assert.deepEqual(await markable(ARABIC_URI, range(7, 1, 8), { start: { line: 5, character: 2 }, end: { line: 7, character: 3 } }), { version: 1, directions: ['rtl', null] });
    assert.equal(await markable('file:///closed.isnad.md', range(0, 0, 1)), null);
    await assert.rejects(server().connection.sendRequest(MarkableSelectionsRequest, { uri: ARTICLE_URI, ranges: [{ start: { line: 1 } }] as never }), /“ranges” must be a list of ranges/);
  });

  it('answers the decorations and the reading view for the open version', async () => {
    const decorations = await server().connection.sendRequest(DecorationsRequest, { uri: ARTICLE_URI });
    assert.equal(decorations?.version, 1);
    assert.deepEqual(decorations?.counts, { claims: 1, quotes: 1, unattributed: 1, mentions: 1 });
    assert.deepEqual(
      decorations?.paragraphs.map(({ direction, isHeading }) => ({ direction, isHeading })),
      [
        { direction: 'ltr', isHeading: true },
        { direction: 'ltr', isHeading: false },
        { direction: 'ltr', isHeading: false },
      ],
    );
    const readingView = await server().connection.sendRequest(ReadingViewRequest, { uri: ARABIC_URI });
    assert.equal(readingView?.version, 1);
    assert.equal(readingView?.direction, 'rtl');
  });
});
