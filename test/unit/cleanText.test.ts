// The clean text of FORMAT.md §7 and the offsets into it: UTF-16 for the editor, code points
// for the exports. Each span's quoted text must be exactly cleanText[start:end] by code points.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { IsnadDocument } from '../../server/src/service/model';
import { parseIsnad } from '../../server/src/service/parse/document';
import { cleanTextOf, plainText, sectionTitle } from '../../server/src/service/export/cleanText';
import { annotationsOf } from '../../server/src/service/export/annotations';

interface Expected {
  readonly clean: string;
  /** Each span's quoted text and code-point offsets, in document order. */
  readonly spans: readonly (readonly [exact: string, start: number, end: number])[];
}

/** The spans as the exports see them: content start and end mapped into the clean text. */
function spanPositions(doc: IsnadDocument): (readonly [string, number, number])[] {
  const clean = cleanTextOf(doc);
  return doc.spans.map((span) => {
    const start = clean.codePointAt(span.contentRange.start);
    const end = clean.codePointAt(span.contentRange.end);
    return [Array.from(clean.text).slice(start, end).join(''), start, end] as const;
  });
}

function assertClean(text: string, expected: Expected): IsnadDocument {
  const doc = parseIsnad(text);
  assert.equal(cleanTextOf(doc).text, expected.clean);
  assert.deepEqual(spanPositions(doc), expected.spans);
  for (const record of annotationsOf(doc).records) {
    assert.equal(record.exact, Array.from(expected.clean).slice(record.start, record.end).join(''), `annotation ${record.id}`);
  }
  return doc;
}

describe('clean text', () => {
  it('drops the span markup and keeps the content', () => {
    assertClean('Hello [world]{@w}.', { clean: 'Hello world.', spans: [['world', 6, 11]] });
  });

  it('leaves out a byte-order mark and the front matter', () => {
    assertClean('\uFEFF---\ntitle: T\n---\nBody [a]{@x}\n', { clean: 'Body a\n', spans: [['a', 5, 6]] });
    assertClean('\uFEFFAb [c]{@x}', { clean: 'Ab c', spans: [['c', 3, 4]] });
    assertClean('---\r\ntitle: T\r\n---\r\n[a]{@x}', { clean: 'a', spans: [['a', 0, 1]] });
  });

  it('turns CRLF and CR into LF, inside spans too', () => {
    assertClean('a\r\nb\rc [d]{@x}\r\n', { clean: 'a\nb\nc d\n', spans: [['d', 6, 7]] });
    assertClean('[one\r\ntwo\rthree]{claim by=x}', { clean: 'one\ntwo\nthree', spans: [['one\ntwo\nthree', 0, 13]] });
  });

  it('counts code points: an emoji with a skin tone is two, in any position', () => {
    const doc = assertClean('😀 [👍🏽 ok]{@x} é', { clean: '😀 👍🏽 ok é', spans: [['👍🏽 ok', 2, 7]] });
    const span = doc.spans[0];
    assert.equal(cleanTextOf(doc).offsetAt(span.contentRange.start), 3, 'the editor counts UTF-16 units');
    assert.equal(cleanTextOf(doc).offsetAt(span.contentRange.end), 10);
  });

  it('counts a combining mark as a code point of its own', () => {
    assertClean('e\u0301 [a\u0301]{@x}', { clean: 'e\u0301 a\u0301', spans: [['a\u0301', 3, 5]] });
  });

  it('resolves escapes', () => {
    assertClean('\\[not\\] [a\\]b]{@x} \\\\ \\{x\\}', { clean: '[not] a]b \\ {x}', spans: [['a]b', 6, 9]] });
    const doc = assertClean('\\# not a heading', { clean: '# not a heading', spans: [] });
    assert.equal(doc.sections.length, 0);
  });

  it('leaves out comments, with their line when they stand alone', () => {
    assertClean('a <!-- c --> b', { clean: 'a  b', spans: [] });
    assertClean('a\n<!-- c -->\nb', { clean: 'a\nb', spans: [] });
    assertClean('<!-- c -->\nb', { clean: 'b', spans: [] });
    assertClean('---\ntitle: t\n---\n  <!-- c -->\r\nb', { clean: 'b', spans: [] });
    assertClean('[x <!-- [no]{@n} --> y]{@e}', { clean: 'x  y', spans: [['x  y', 0, 4]] });
  });

  it('leaves out a line holding only comments and blanks with its line break, as it does a single comment', () => {
    assertClean('a\n<!-- c --><!-- d -->\nb', { clean: 'a\nb', spans: [] });
    assertClean('a\r\n \t<!-- c -->  <!-- d --> <!-- e -->\t\r\nb', { clean: 'a\nb', spans: [] });
    assertClean('<!-- c --> <!-- d -->\nb', { clean: 'b', spans: [] });
    assertClean('a\n<!-- c\nstill c --> <!-- d -->\nb', { clean: 'a\nb', spans: [] });
    assertClean('[a\n<!----><!---->\nb]{@x}', { clean: 'a\nb', spans: [['a\nb', 0, 3]] });
    const doc = parseIsnad('a\n<!-- c --><!-- d -->\nb');
    assert.deepEqual(doc.elisions, [{ start: 2, end: 23, replacement: '' }]);
  });

  it('keeps the line of comments that share it with text, and a final line of comments without a break', () => {
    assertClean('a\n<!-- c --> x <!-- d -->\nb', { clean: 'a\n x \nb', spans: [] });
    assertClean('a\nx <!-- c --><!-- d -->\nb', { clean: 'a\nx \nb', spans: [] });
    assertClean('a\n<!-- c --><!-- d -->', { clean: 'a\n', spans: [] });
    assertClean('# T <!-- c --><!-- d -->\nb', { clean: 'T \nb', spans: [] });
  });

  it('maps nested spans, inner and outer', () => {
    assertClean('[[Putin]{@p} wants]{claim by=m}', {
      clean: 'Putin wants',
      spans: [
        ['Putin wants', 0, 11],
        ['Putin', 0, 5],
      ],
    });
    assertClean('[[[a]{@x}]{@y}]{claim}!', {
      clean: 'a!',
      spans: [
        ['a', 0, 1],
        ['a', 0, 1],
        ['a', 0, 1],
      ],
    });
  });

  it('drops a heading’s # run and keeps its spans’ content', () => {
    assertClean('# [Putin]{@p} visits\n\n[text]{@p}', {
      clean: 'Putin visits\n\ntext',
      spans: [
        ['Putin', 0, 5],
        ['text', 14, 18],
      ],
    });
  });

  it('drops a heading’s closing run of # with the blanks around it, as its title does', () => {
    const doc = assertClean('# [Closed]{@x} ##  \r\n## C# \\#\n### #\n# a #<!-- c -->\n# [b]{note="x #\n\nend #', {
      clean: 'Closed\nC# \\#\n\na #\nb\n\nend #',
      spans: [['Closed', 0, 6], ['b', 18, 19]],
    });
    assert.deepEqual(
      doc.sections.map((section) => sectionTitle(doc, section)),
      ['Closed', 'C# \\#', '', 'a #', 'b'],
    );
  });

  it('replaces unpaired surrogates with U+FFFD without moving any offset', () => {
    // In the document both halves are alone; they must not pair up once the `[` is gone.
    assertClean('\uD83D[\uDE00]{@x}', { clean: '\uFFFD\uFFFD', spans: [['\uFFFD', 1, 2]] });
    assertClean('a\uDC00 [😀]{@x}', { clean: 'a\uFFFD 😀', spans: [['😀', 3, 4]] });
  });

  it('puts an offset inside left-out markup where that markup was', () => {
    const doc = parseIsnad('ab [cd]{claim by=x} ef');
    const clean = cleanTextOf(doc);
    const span = doc.spans[0];
    assert.equal(clean.offsetAt(span.range.start), 3, 'the `[` itself');
    for (let offset = span.contentRange.end; offset < span.range.end; offset++) assert.equal(clean.offsetAt(offset), 5);
    assert.equal(clean.offsetAt(span.range.end), 5);
    assert.equal(clean.offsetAt(-4), 0);
    assert.equal(clean.offsetAt(1e9), clean.text.length);
  });
});

describe('plainText and sectionTitle', () => {
  it('gives the clean text of any document range', () => {
    const doc = parseIsnad('x [a [b]{@y} \\[c]{claim} z');
    assert.equal(plainText(doc, doc.spans[0].range), 'a b [c');
    assert.equal(plainText(doc, { start: 0, end: doc.text.length }), 'x a b [c z');
    assert.equal(plainText(doc, { start: 2, end: 2 }), '');
  });

  it('gives a heading’s title without markup, escapes, comments or closing #s', () => {
    const doc = parseIsnad('# [Putin]{@p} \\[visits\\] <!-- draft --> ##\n\n## [بوتين]{@بوتين} في [موسكو]{@موسكو} ##\n');
    assert.deepEqual(
      doc.sections.map((section) => sectionTitle(doc, section)),
      ['Putin [visits]', 'بوتين في موسكو'],
    );
  });
});

/** The same mapping computed the slow, obvious way: walk the document unit by unit. */
function naiveCleanOffsets(doc: IsnadDocument): number[] {
  const offsets: number[] = [];
  let clean = 0;
  let next = 0;
  for (let offset = 0; offset <= doc.text.length; offset++) {
    for (; next < doc.elisions.length && doc.elisions[next].end === offset; next++) clean += doc.elisions[next].replacement.length;
    offsets.push(clean);
    const elided = next < doc.elisions.length && doc.elisions[next].start <= offset;
    if (!elided) clean++;
  }
  return offsets;
}

describe('clean text on arbitrary input', () => {
  const pieces = ['[', ']{', '}', ']{@x}', ']{claim}', '\\', '\\[', '<!--', '-->', '# ', '\n', '\r', '\r\n', ' ', 'a', '😀', '\u0301', '\uD800', '\uDC00', '---\n', '"'];
  const documents = fc.string({ unit: fc.constantFrom(...pieces), maxLength: 60 });

  it('agrees with a unit-by-unit walk, counts code points right and quotes every span exactly', () => {
    fc.assert(
      fc.property(documents, (text) => {
        const doc = parseIsnad(text);
        const clean = cleanTextOf(doc);
        assert.ok(!clean.text.includes('\r'), 'no carriage return survives');
        assert.equal(clean.text, clean.text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '?'), 'well-formed');
        const naive = naiveCleanOffsets(doc);
        for (let offset = 0; offset <= text.length; offset++) {
          const mapped = clean.offsetAt(offset);
          assert.equal(mapped, naive[offset], `document offset ${offset}`);
          assert.equal(clean.codePointAt(offset), Array.from(clean.text.slice(0, mapped)).length, `code points before ${mapped}`);
        }
        const codePoints = Array.from(clean.text);
        for (const record of annotationsOf(doc).records) {
          assert.equal(record.exact, codePoints.slice(record.start, record.end).join(''));
        }
      }),
      { numRuns: 500 },
    );
  });
});
