import * as assert from 'node:assert/strict';
import { parseIsnad } from '../../server/src/service/parse/document';
import { computeDiagnostics } from '../../server/src/service/features/diagnostics';
import type { IsnadDocument, TextRange } from '../../server/src/service/model';
import { plainText } from '../../server/src/service/export/cleanText';
import { fixture, lines } from './fixture';
import { yamlAliasBomb } from '../fixtures/adversarial/corpus';

const slice = (doc: IsnadDocument, range: TextRange) => doc.text.slice(range.start, range.end);

/** Each span as `kind: its whole text`, in document order. */
function spans(doc: IsnadDocument): string[] {
  return doc.spans.map((span) => `${span.kind}: ${slice(doc, span.range)}`);
}

function problemMessages(doc: IsnadDocument): string[] {
  return doc.problems.map((problem) => problem.message);
}

describe('parser', () => {
  describe('headings and sections', () => {
    it('reads 1–6 # and a space (or tab, or the line end); drops a closing # run that follows a space', () => {
      const doc = parseIsnad(lines('# Title ##', '## A#B', '#NoSpace', '####### seven', '#', '### C # ', '#\tTab'));
      assert.deepEqual(
        doc.sections.map(({ level, title, parent }) => ({ level, title, parent })),
        [
          { level: 1, title: 'Title', parent: undefined },
          { level: 2, title: 'A#B', parent: 0 },
          { level: 1, title: '', parent: undefined },
          { level: 3, title: 'C', parent: 2 },
          { level: 1, title: 'Tab', parent: undefined },
        ],
      );
      assert.deepEqual(
        doc.blocks.map((block) => [slice(doc, block.range), block.isHeading]),
        [
          ['Title ##', true],
          ['A#B', true],
          ['#NoSpace\n####### seven', false],
          ['', true],
          ['C # ', true],
          ['Tab', true],
        ],
      );
    });

    it('runs a section from its heading to the next heading of the same or a higher level, trailing blank lines left out', () => {
      const f = fixture(lines('⟦# One', 'a', '⟦## Two', '', 'b', '', '⟦### Three⟧⟧⟧', '', '⟦# Four   ⟧', ''));
      const doc = parseIsnad(f.text);
      assert.deepEqual(
        doc.sections.map((section) => section.range),
        [f.offsetRanges[0], f.offsetRanges[1], f.offsetRanges[2], f.offsetRanges[3]],
      );
      // Trailing blanks on the last heading line stay inside its section: the outline needs the heading inside.
      assert.deepEqual(doc.sections[3].headingRange, doc.sections[3].range);
    });

    it('puts each span in the section it is in; before the first heading, in none', () => {
      const doc = parseIsnad(lines('[a]{@x}', '# H [b]{@x}', '[c]{@x}', '## I', '[d]{@x}'));
      assert.deepEqual(
        doc.spans.map((span) => span.section),
        [undefined, 0, 0, 1],
      );
    });
  });

  it('splits paragraphs at blank lines (white space only counts as blank) and at headings', () => {
    const doc = parseIsnad(lines('para one', 'line two', '', ' \t', 'three', '# H', 'four'));
    assert.deepEqual(
      doc.blocks.map((block) => [slice(doc, block.range), block.isHeading]),
      [
        ['para one\nline two', false],
        ['three', false],
        ['H', true],
        ['four', false],
      ],
    );
  });

  describe('comments', () => {
    it('are found in paragraphs and headings, may span lines, and hide the markup inside them', () => {
      const doc = parseIsnad(lines('para <!-- a [x]{claim}', 'b --> three', '# H <!-- c --> d', '<!--', 'alone', '-->', 'after'));
      assert.deepEqual(
        doc.comments.map((comment) => slice(doc, comment)),
        ['<!-- a [x]{claim}\nb -->', '<!-- c -->', '<!--\nalone\n-->'],
      );
      assert.deepEqual(doc.spans, []);
      assert.equal(plainText(doc, { start: 0, end: doc.text.length }), 'para  three\nH  d\nafter');
    });

    it('leave a <!-- that is never closed as text', () => {
      const doc = parseIsnad('a <!-- b [c]{@x}');
      assert.deepEqual(doc.comments, []);
      assert.deepEqual(spans(doc), ['mention: [c]{@x}']);
    });
  });

  it('resolves escapes of [ ] { } \\ anywhere and of # only at the start of a line', () => {
    const doc = parseIsnad(lines('\\# not a heading \\\\ a \\# b \\[x\\] \\{ \\}', 'c', '\\#also text', '\\[x]{claim}'));
    assert.deepEqual(doc.sections, []);
    assert.equal(plainText(doc, { start: 0, end: doc.text.length }), lines('# not a heading \\ a \\# b [x] { }', 'c', '#also text', '[x]{claim}'));
    assert.deepEqual(problemMessages(doc), ['orphanAttributes']);
  });

  describe('spans', () => {
    it('nest, each knowing its parent and children', () => {
      const doc = parseIsnad('[[بوتين]{@putin} يريد الذخيرة]{claim by=mortazin} tail [q [r]{@e} [s]{@e}]{quote}');
      assert.deepEqual(spans(doc), [
        'claim: [[بوتين]{@putin} يريد الذخيرة]{claim by=mortazin}',
        'mention: [بوتين]{@putin}',
        'quote: [q [r]{@e} [s]{@e}]{quote}',
        'mention: [r]{@e}',
        'mention: [s]{@e}',
      ]);
      assert.deepEqual(
        doc.spans.map(({ parent, children }) => ({ parent, children })),
        [
          { parent: undefined, children: [1] },
          { parent: 0, children: [] },
          { parent: undefined, children: [3, 4] },
          { parent: 2, children: [] },
          { parent: 2, children: [] },
        ],
      );
      assert.equal(slice(doc, doc.spans[0].contentRange), '[بوتين]{@putin} يريد الذخيرة');
      assert.equal(slice(doc, doc.spans[0].attributesRange), 'claim by=mortazin');
    });

    it('pair brackets: [see [1] here]{claim} is one claim whose text holds [1]', () => {
      const doc = parseIsnad('[see [1] here]{claim}');
      assert.deepEqual(spans(doc), ['claim: [see [1] here]{claim}']);
      assert.equal(plainText(doc, doc.spans[0].contentRange), 'see [1] here');
    });

    it('reads an enclosing plain bracket pair as text, and its spans as top-level spans', () => {
      const doc = parseIsnad('[a [b]{@x} c] d');
      assert.deepEqual(spans(doc), ['mention: [b]{@x}']);
      assert.equal(doc.spans[0].parent, undefined);
    });

    it('treat unpaired brackets as text', () => {
      const doc = parseIsnad('a ] b [c]{@x} [d');
      assert.deepEqual(spans(doc), ['mention: [c]{@x}']);
      assert.deepEqual(doc.problems, []);
    });

    it('do not cross a blank line or a heading', () => {
      const doc = parseIsnad(lines('[a', '', 'b]{@x}', '[c', '# d]{@x}'));
      assert.deepEqual(spans(doc), []);
      assert.deepEqual(problemMessages(doc), ['orphanAttributes', 'orphanAttributes']);
    });

    it('may run over lines within a paragraph', () => {
      const doc = parseIsnad(lines('[a', 'b]{claim', 'by=x}'));
      assert.deepEqual(spans(doc), ['claim: [a\nb]{claim\nby=x}']);
      assert.equal(doc.spans[0].by?.id, 'x');
    });

    it('read quoted values with \\" and \\\\ escapes, and a } inside quotes does not close the block', () => {
      const doc = parseIsnad('[x]{note="a \\" } b \\\\ c" claim}');
      assert.deepEqual(spans(doc), ['claim: [x]{note="a \\" } b \\\\ c" claim}']);
      assert.equal(doc.spans[0].note?.value, 'a " } b \\ c');
    });

    it('read \\" in an unquoted value as a quote, which opens no quoted value', () => {
      const doc = parseIsnad('[x]{note=say\\"hi\\" claim} [y]{claim}');
      assert.deepEqual(spans(doc), ['claim: [x]{note=say\\"hi\\" claim}', 'claim: [y]{claim}']);
      assert.equal(doc.spans[0].note?.value, 'say"hi"');
      assert.deepEqual(problemMessages(doc), []);
    });

    it('keep a span whose { is never closed, up to the end of the paragraph, and report it once', () => {
      const doc = parseIsnad(lines('[a]{claim by=x', 'more words', '', 'next'));
      assert.deepEqual(spans(doc), ['claim: [a]{claim by=x\nmore words']);
      assert.equal(doc.spans[0].by?.id, 'x');
      assert.deepEqual(problemMessages(doc), ['unknownAttribute', 'unknownAttribute', 'unclosedAttributes']);
    });

    it('keep a span whose quoted value is never closed, reported once as the unterminated quote', () => {
      const doc = parseIsnad('[a]{claim note="open');
      assert.deepEqual(spans(doc), ['claim: [a]{claim note="open']);
      assert.deepEqual(problemMessages(doc), ['unterminatedQuote']);
    });

    it('get their kind from a keyword, else @ID (mention), else note= (note), else none (invalid)', () => {
      const doc = parseIsnad('[a]{quote @x} [b]{@x note="n"} [c]{note="n"} [d]{by=x} [e]{claim quote}');
      assert.deepEqual(
        doc.spans.map((span) => span.kind),
        ['quote', 'mention', 'note', 'invalid', 'claim'],
      );
    });

    it('accept the Arabic keyword forms ادعاء اقتباس قائل= عن= حالة= ملاحظة=', () => {
      const doc = parseIsnad('[x]{ادعاء قائل=مورتازين حالة=disputed عن=بوتين،كيم ملاحظة="نص طويل"} [y]{اقتباس قائل=كيم}');
      const [claim, quote] = doc.spans;
      assert.equal(claim.kind, 'claim');
      assert.equal(claim.by?.id, 'مورتازين');
      assert.equal(claim.status?.value, 'disputed');
      assert.deepEqual(
        claim.about.map((reference) => [reference.id, slice(doc, reference.range)]),
        [
          ['بوتين', 'بوتين'],
          ['كيم', 'كيم'],
        ],
      );
      assert.equal(claim.note?.value, 'نص طويل');
      assert.equal(quote.kind, 'quote');
      assert.equal(quote.by?.id, 'كيم');
      assert.deepEqual(doc.problems, []);
    });

    it('normalise ids to NFC', () => {
      const doc = parseIsnad('[x]{@e\u0301}');
      assert.equal(doc.spans[0].entity?.id, '\u00e9');
    });
  });

  describe('robustness', () => {
    it('reads 100,000 nested [ without overflowing the stack, quickly', () => {
      const started = Date.now();
      const unclosed = parseIsnad(`${'['.repeat(100_000)}x`);
      assert.deepEqual(unclosed.spans, []);
      const closed = parseIsnad(`${'['.repeat(100_000)}x${']{claim}'.repeat(100_000)}`);
      assert.equal(closed.spans.length, 100_000);
      assert.equal(closed.spans[99_999].parent, 99_998);
      assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
    });

    it('accepts LF, CRLF and CR line ends, mixed', () => {
      const doc = parseIsnad('line one\r\n\r\n# H\r\n[a]{claim}\rnext\r\rlast');
      assert.deepEqual(
        doc.blocks.map((block) => slice(doc, block.range)),
        ['line one', 'H', '[a]{claim}\rnext', 'last'],
      );
      assert.deepEqual(doc.lines.positionAt(doc.spans[0].range.start), { line: 3, character: 0 });
      assert.deepEqual(doc.lines.positionAt(doc.text.indexOf('last')), { line: 6, character: 0 });
      assert.equal(plainText(doc, { start: 0, end: doc.text.length }), 'line one\n\nH\na\nnext\n\nlast');
    });

    it('places an offset between CR and LF before the CR: the editor has no position between them', () => {
      const doc = parseIsnad('ab\r\ncd');
      assert.deepEqual(doc.lines.positionAt(3), { line: 0, character: 2 });
      assert.deepEqual(doc.lines.positionAt(4), { line: 1, character: 0 });
      // A YAML error the yaml package ends between the two (found by the fuzzer).
      const yaml = parseIsnad('---\r: {:\r\ns\r---');
      for (const { range } of computeDiagnostics(yaml, 'en')) assert.ok(range.end.character <= yaml.lines.lineContentEnd(range.end.line) - yaml.lines.lineStart(range.end.line));
    });

    it('ignores a byte-order mark, before the front matter too', () => {
      const doc = parseIsnad('\uFEFF---\ntitle: T\n---\n# H');
      assert.equal(doc.frontMatter?.title, 'T');
      assert.deepEqual(doc.frontMatter?.range, { start: 1, end: 17 });
      assert.equal(doc.bodyStart, 18);
      assert.deepEqual(doc.lines.positionAt(doc.sections[0].headingRange.start), { line: 3, character: 0 });
    });
  });

  describe('front matter', () => {
    it('ends a front matter only at a line break, not at U+2028 or U+2029, and two that differ after one are read apart', () => {
      for (const separator of ['\u2028', '\u2029']) {
        const first = parseIsnad(lines('---', `title: x${separator}---`, 'b: 1', '---'));
        const second = parseIsnad(lines('---', `title: x${separator}---`, 'b: 2', '---'));
        assert.deepEqual([first.frontMatter?.data.b, first.bodyStart], [1, first.text.length]);
        assert.deepEqual([second.frontMatter?.data.b, second.bodyStart], [2, second.text.length]);
      }
    });

    it('reads the fields, sources and entities, as names alone or mappings', () => {
      const doc = parseIsnad(
        lines(
          '---',
          'title: T',
          'outlet: الحل نت',
          'url: https://example.com/a',
          'published: 2023-09-15',
          'language: ar',
          'direction: rtl',
          'authors: [A, B]',
          'extra: {kept: true}',
          'sources:',
          '  s: {name: S, kind: media, role: R, affiliation: F, via: V, url: "https://s.example", date: 2023-09-14, entity: e}',
          '  مورتازين: أندريه مورتازين',
          'entities:',
          '  e: {name: E, type: country, aliases: [E1, E2], description: D, wikidata: Q42, url: "http://e.example"}',
          '---',
        ),
      );
      const front = doc.frontMatter!;
      assert.deepEqual(
        [front.title, front.outlet, front.url, front.published, front.language, front.direction, front.authors, front.meta],
        ['T', 'الحل نت', 'https://example.com/a', '2023-09-15', 'ar', 'rtl', ['A', 'B'], { extra: { kept: true } }],
      );
      const { keyRange, range, entity, ...source } = front.sources.get('s')!;
      assert.deepEqual(source, { id: 's', name: 'S', kind: 'media', role: 'R', affiliation: 'F', via: 'V', url: 'https://s.example', date: '2023-09-14' });
      assert.equal(slice(doc, keyRange), 's');
      assert.equal(slice(doc, range).slice(0, 12), 's: {name: S,');
      assert.equal(entity?.id, 'e');
      assert.equal(front.sources.get('مورتازين')?.name, 'أندريه مورتازين');
      const { keyRange: _key, range: _range, ...rest } = front.entities.get('e')!;
      assert.deepEqual(rest, { id: 'e', name: 'E', type: 'country', aliases: ['E1', 'E2'], description: 'D', wikidata: 'Q42', url: 'http://e.example' });
      assert.deepEqual(doc.problems, []);
    });

    it('when never closed, is reported on line 1 and the rest is read as the body', () => {
      const doc = parseIsnad(lines('---', 'title: x', '[a]{@x}'));
      assert.equal(doc.frontMatter, undefined);
      assert.equal(doc.bodyStart, 4);
      assert.deepEqual(spans(doc), ['mention: [a]{@x}']);
      assert.deepEqual(
        doc.problems.map((problem) => [problem.message, problem.range]),
        [['unclosedFrontMatter', { start: 0, end: 3 }]],
      );
    });

    it('closes at --- or ... with trailing spaces allowed', () => {
      for (const fence of ['---', '...', '---  ']) {
        const doc = parseIsnad(lines('---', 'title: x', fence, 'body'));
        assert.equal(doc.frontMatter?.title, 'x', fence);
        assert.equal(slice(doc, doc.blocks[0].range), 'body');
      }
    });

    it('caps aliases: an alias bomb is one problem and reads as empty, quickly', () => {
      const bomb = yamlAliasBomb();
      const started = Date.now();
      const doc = parseIsnad(lines('---', ...bomb, '---'));
      assert.ok(Date.now() - started < 2000);
      assert.deepEqual(problemMessages(doc), ['aliasLimit']);
      assert.deepEqual(doc.frontMatter?.data, {});
    });

    it('keeps the first of duplicate ids and reports the repeat', () => {
      const doc = parseIsnad(lines('---', 'sources:', '  a: First', '  a: Second', '---'));
      assert.equal(doc.frontMatter?.sources.get('a')?.name, 'First');
      assert.deepEqual(
        doc.problems.map((problem) => [problem.code, slice(doc, problem.range)]),
        [['duplicate-id', 'a']],
      );
    });

    it('still defines an entry with an invalid id or a missing name, reporting it once', () => {
      const doc = parseIsnad(lines('---', 'sources:', '  "bad id": B', '  nameless: {role: R}', '---'));
      assert.deepEqual(
        [...doc.frontMatter!.sources.values()].map((source) => [source.id, source.name, source.role]),
        [
          ['bad id', 'B', undefined],
          ['nameless', '', 'R'],
        ],
      );
      assert.deepEqual(
        doc.problems.map((problem) => [problem.message, slice(doc, problem.range)]),
        [
          ['invalidId', '"bad id"'],
          ['missingName', 'nameless'],
        ],
      );
    });

    it('reports values of the wrong type or form on the value and falls back to the defaults', () => {
      const doc = parseIsnad(
        lines('---', 'title: [1]', 'direction: up', 'sources:', '  k: {name: K, kind: alien, url: "ftp://x", date: 2023-02-30}', 'entities: [x]', '---'),
      );
      const source = doc.frontMatter!.sources.get('k')!;
      assert.deepEqual([source.kind, source.url, source.date], ['person', undefined, undefined]);
      assert.equal(doc.frontMatter!.direction, 'auto');
      assert.equal(doc.frontMatter!.title, undefined);
      assert.deepEqual(
        doc.problems.map((problem) => [problem.message, slice(doc, problem.range)]),
        [
          ['expectedString', '[1]'],
          ['invalidEnum', 'up'],
          ['invalidEnum', 'alien'],
          ['invalidUrl', '"ftp://x"'],
          ['invalidDate', '2023-02-30'],
          ['expectedMapping', '[x]'],
        ],
      );
    });
  });
});
