// `isnad import` (W3C export → markup): the markup it writes, the errors it gives, and the round
// trip — export then import gives the same annotations, front matter and clean text — for every
// sample, for generated documents and for random edits of the samples.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseIsnad } from '../../server/src/service/parse/document';
import { exportDocument } from '../../server/src/service/export/index';
import { annotationsOf } from '../../server/src/service/export/annotations';
import { cleanTextOf, sectionTitle } from '../../server/src/service/export/cleanText';
import { importW3c } from '../../server/src/service/import/w3c';
import { computeDiagnostics } from '../../server/src/service/features/diagnostics';
import { ImportError } from '../../server/src/service/import/importError';
import type { IsnadDocument } from '../../server/src/service/model';
import { lines } from './fixture';
import { asExported } from './asExported';

const RUNS = Number(process.env.ISNAD_FUZZ_RUNS) || 300;
const SAMPLES_FOLDER = path.resolve(__dirname, '../../samples');

function exportOf(text: string): string {
  return exportDocument(parseIsnad(text, 'file:///article.isnad.md'), 'w3c');
}

function roundTrip(text: string): string {
  return importW3c(exportOf(text));
}

/** What an annotation says, without where its `[` was in the file (the markup around it changes). */
function annotationsSaid(doc: IsnadDocument): object[] {
  const { records } = annotationsOf(doc);
  const exported = new Set(records.map((record) => record.id));
  return records.map(({ line, character, ...said }) => ({
    ...said,
    // A speaker inherited from a span that annotates nothing (not exported) is written on the span itself.
    inheritedFrom: said.inheritedFrom !== null && exported.has(said.inheritedFrom) ? said.inheritedFrom : null,
  }));
}

function definitions(doc: IsnadDocument): object {
  const strip = <T extends { keyRange: unknown; range: unknown }>({ keyRange, range, ...rest }: T) => ({
    ...rest,
    ...('entity' in rest && rest.entity ? { entity: (rest.entity as { id: string }).id } : {}),
  });
  return {
    sources: [...(doc.frontMatter?.sources.values() ?? [])].map(strip),
    entities: [...(doc.frontMatter?.entities.values() ?? [])].map(strip),
    data: doc.frontMatter?.data ?? {},
  };
}

function assertSameArticle(original: string, imported: string): void {
  const before = parseIsnad(original, 'file:///article.isnad.md');
  const after = parseIsnad(imported, 'file:///article.isnad.md');
  assert.equal(cleanTextOf(after).text, cleanTextOf(before).text, 'the clean text');
  assert.deepEqual(annotationsSaid(after), annotationsSaid(before), 'the annotations');
  assert.deepEqual(definitions(after), asExported(definitions(before)), 'the front matter');
  assert.deepEqual(
    after.sections.map((section) => [section.level, sectionTitle(after, section)]),
    before.sections.map((section) => [section.level, sectionTitle(before, section)]),
    'the headings',
  );
}

function importError(json: string): string {
  try {
    importW3c(json);
  } catch (error) {
    assert.ok(error instanceof ImportError, `an ImportError, not ${String(error)}`);
    return error.message;
  }
  assert.fail('the import succeeded');
}

/** An export of `text`, changed by `edit` before it is imported. */
function editedExport(text: string, edit: (collection: Record<string, any>) => void): string {
  const collection = JSON.parse(exportOf(text));
  edit(collection);
  return JSON.stringify(collection);
}

describe('isnad import (W3C export → markup)', () => {
  it('writes spans, nesting, inherited speakers, headings and escapes back as markup', () => {
    const original = lines(
      '---',
      'sources:',
      '  ali: Ali',
      '  مورتازين: أندريه مورتازين',
      'entities:',
      '  town:',
      '    name: Town',
      '    type: place',
      '---',
      '# The [Town]{@town} report ##',
      '',
      '"[We [rebuilt it]{claim status=supported}]{quote by=ali id=q1}," said [Ali]{@town note="x \\"y\\""}.',
      '\\# not a heading, \\[brackets\\] and \\\\ and <!-- a comment --> gone.',
      '',
      'قال [مورتازين]{@town} إن [الذخيرة ستصل]{ادعاء قائل=مورتازين عن=town}.',
      '',
    );
    // Comments and closing runs of `#` are not in the export: everything else comes back as written.
    assert.equal(roundTrip(original), original.replace('<!-- a comment -->', '').replace(' report ##', ' report'));
  });

  it('writes back a name two spans share as written, though the export renamed the second', () => {
    const text = '[a]{@x id=k} [b]{@x id=k} [c]{@x id=span-1} [d]{@x}\n';
    assert.equal(roundTrip(text), text);
  });

  it('writes the name a span kept where a later span shares it, though it is the span’s generated id', () => {
    // `span-3` is both the third span's generated id and its written name; the fourth writes it too.
    const text = '[a]{@x} [b]{@x} [c]{@x id=span-3} [d]{@x id=span-3}\n';
    assert.equal(roundTrip(text), text);
    assert.equal(exportOf(roundTrip(text)), exportOf(text));
  });

  it('keeps a heading’s text that would read as a closing run of # as text, with an empty comment after it', () => {
    assert.equal(roundTrip('# C #<!-- sharp -->\n\n# [x]{@x} ## <!-- -->'), '# C #<!---->\n\n# [x]{@x} ## <!---->');
    assert.equal(roundTrip('# Not closed ##\n'), '# Not closed\n');
  });

  it('keeps text that would read as markup literal: a line-initial # after a span ends, and <!--', () => {
    // `# b` follows the `]{@x}` that ends a span on its line: no escape; `#` starting a line gets one.
    const hashes = '[a\n]{@x}# b\n\\# c\n';
    assert.equal(roundTrip(hashes), hashes);
    // The clean text holds `<!--` where markup split it: an empty comment splits it in the import.
    const commentLike = '<!-[-]{@x} x\n';
    assert.equal(cleanTextOf(parseIsnad(commentLike)).text, '<!-- x\n');
    assert.equal(roundTrip(commentLike), commentLike);
    const unclosed = '<!-- x [y]{@x}\n';
    assert.equal(roundTrip(unclosed), '<!-<!---->- x [y]{@x}\n');
    assertSameArticle(unclosed, roundTrip(unclosed));
  });

  it('writes span markup on an empty line inside a span, and refuses an empty line with no markup on it', () => {
    // A line of comments goes with its line break: it leaves no empty line in the span's text.
    const comments = '[x\n<!-- c --><!-- d -->\n  <!-- e --> <!-- f -->\ny]{claim by=a}\n';
    assert.equal(cleanTextOf(parseIsnad(comments)).text, 'x\ny\n');
    assert.equal(roundTrip(comments), '[x\ny]{claim by=a}\n');
    // A line of span markup only is empty in the clean text: the import writes that markup on it.
    const markupLines = '[x\n[y\n]{@e}\n  [\nz]{@e}]{claim by=a}\n';
    assert.equal(cleanTextOf(parseIsnad(markupLines)).text, 'x\ny\n\n  \nz\n');
    assert.equal(roundTrip(markupLines), markupLines);
    // A hand-made span across paragraphs has no markup to stand on the empty line: written blank, it would end the span.
    const acrossParagraphs = editedExport('a\n\nb [c]{@x}\n', (c) => {
      c.first.items[0].target.selector = [{ type: 'TextPositionSelector', start: 0, end: 4 }];
    });
    assert.equal(importError(acrossParagraphs), 'annotation “span-1” holds an empty line, which would end its paragraph: spans never cross a blank line');
  });

  it('writes a front matter when the first line would otherwise be read as one', () => {
    assert.equal(roundTrip('\\---\n[x]{@a}\n').startsWith('---\n---\n'), false);
    assert.equal(roundTrip('---\n---\n---\n[x]{@a}\n'), '---\n---\n---\n[x]{@a}\n');
  });

  it('names a span with id= only where the generated name would differ from the exported id', () => {
    // The invalid span counts in the original numbering but is not exported.
    const imported = roundTrip('[a]{colour=red} [b]{@x} [c]{@x id=span-9}\n');
    assert.equal(imported, 'a [b]{@x id=span-2} [c]{@x id=span-9}\n');
  });

  it('writes out a speaker inherited from a span that annotates nothing', () => {
    const original = '[[x]{claim} y]{by=ali}\n';
    // It was span-2 after the invalid span-1, and keeps that id.
    assert.equal(roundTrip(original), '[x]{claim by=ali id=span-2} y\n');
  });

  it('puts an empty span at another’s end inside it only when it inherits its speaker from it', () => {
    const inside = '[a []{claim}]{quote by=ali} b\n';
    assert.equal(roundTrip(inside), inside);
    const after = '[a]{quote by=ali}[]{claim} b\n';
    assert.equal(roundTrip(after), after);
  });

  it('round-trips a front matter whose lines end in CR alone', () => {
    const original = '---\rtitle: T\rsources:\r  ali: Ali\r---\r[x]{claim by=ali}\r';
    assert.deepEqual(parseIsnad(original).frontMatter?.data, { title: 'T', sources: { ali: 'Ali' } });
    assert.equal(roundTrip(original), '---\ntitle: T\nsources:\n  ali: Ali\n---\n[x]{claim by=ali}\n');
  });

  it('imports a hand-made collection that lists an enclosing annotation after the ones inside it', () => {
    const reversed = editedExport('[[a]{@x} b]{claim by=x}\n', (c) => c.first.items.reverse());
    assert.equal(importW3c(reversed), '[[a]{@x} b]{claim by=x}\n');
    const emptyBefore = '[]{claim}[a]{@x}\n';
    assert.equal(roundTrip(emptyBefore), emptyBefore);
  });

  it('round-trips every sample: same clean text, annotations, front matter and headings', () => {
    const names = fs.readdirSync(SAMPLES_FOLDER).filter((name) => name.endsWith('.isnad.md'));
    assert.ok(names.length >= 3, 'the samples are there');
    for (const name of names) {
      const original = fs.readFileSync(path.join(SAMPLES_FOLDER, name), 'utf8');
      const imported = roundTrip(original);
      assertSameArticle(original, imported);
      assert.equal(annotationsOf(parseIsnad(imported)).records.length, annotationsOf(parseIsnad(original)).records.length);
      assert.equal(roundTrip(imported), imported, `${name}: importing the import's export changes nothing`);
    }
  });

  it('round-trips generated documents', function () {
    this.timeout(Math.max(20_000, RUNS * 200));
    fc.assert(
      fc.property(generatedDocument, (original) => {
        const imported = roundTrip(original);
        assertSameArticle(original, imported);
        // Without errors, nothing the export says is lost: its own export is the original's.
        const errors = computeDiagnostics(parseIsnad(original), 'en').filter((diagnostic) => diagnostic.severity === 1);
        if (errors.length === 0) assert.equal(exportOf(imported), exportOf(original));
      }),
      { numRuns: RUNS },
    );
  });

  it('round-trips random edits of the samples, or refuses them with an ImportError', function () {
    this.timeout(Math.max(20_000, RUNS * 200));
    let imported = 0;
    fc.assert(
      fc.property(editedSample, (original) => {
        let markup: string;
        try {
          markup = roundTrip(original);
        } catch (error) {
          assert.ok(error instanceof ImportError, String(error));
          return;
        }
        imported++;
        assertSameArticle(original, markup);
      }),
      { numRuns: RUNS },
    );
    assert.ok(imported > RUNS * 0.9, `${imported} of ${RUNS} edited samples imported`);
  });

  describe('refuses what it cannot import, saying why', () => {
    const article = '# T\n\n[Ali]{@ali} said [it rained]{claim by=ali}.\n';

    it('input that is not an Isnad W3C export', () => {
      assert.match(importError('{"type": '), /^not valid JSON: /);
      assert.equal(importError('[]'), 'not a W3C Web Annotation collection: the JSON is not an object');
      assert.equal(importError('{"type": "Annotation"}'), 'not a W3C Web Annotation collection: "type" is not "AnnotationCollection"');
      assert.equal(importError('{"type": "AnnotationCollection"}'), 'not an Isnad export: it carries no "cleanText", the article the annotations point into');
      assert.equal(
        importError(editedExport(article, (c) => (c.offsetUnit = 'utf16'))),
        'offsetUnit is "utf16": only "codepoint" offsets can be imported',
      );
      assert.equal(importError(editedExport(article, (c) => (c.first = 'urn:x#page'))), '"first" must be the annotation page itself, not a link to it');
    });

    it('a clean text that does not match its hash', () => {
      assert.equal(
        importError(editedExport(article, (c) => (c.cleanText += ' '))),
        '"cleanText" does not match its "sha256": the file was edited or cut short',
      );
    });

    it('a clean text no markup reads back: a carriage return, half a character', () => {
      const withoutHash = (cleanText: string) => editedExport(article, (c) => {
        c.cleanText = cleanText;
        delete c.sha256;
        delete c.total;
        c.headings = [];
        c.first.items = [];
      });
      assert.equal(
        importError(withoutHash('a\nb\r\nc\n')),
        '"cleanText" cannot be written as markup that reads back the same, from its line 2: it holds a carriage return, and a clean text ends its lines with "\\n" alone',
      );
      assert.equal(
        importError(withoutHash('a\n\ud800\n')),
        'the markup would hold half a character (an unpaired surrogate such as \\ud800 in the JSON) on its line 2, which a UTF-8 file cannot store',
      );
    });

    it('a front matter the markup would not read back: too long, or nested deeper than YAML can be written', () => {
      assert.equal(
        importError(editedExport(article, (c) => (c.frontMatter = { long: 'x'.repeat(300_000) }))),
        '"frontMatter" key "long" cannot be written as YAML that reads back the same',
      );
      const deep = editedExport(article, (c) => (c.frontMatter = { deep: 'DEEP' })).replace('"DEEP"', '{"a":'.repeat(5000) + '1' + '}'.repeat(5000));
      assert.equal(importError(deep), '"frontMatter" nests too deeply to be written as YAML');
    });

    it('"meta" disagreeing with the front matter', () => {
      const original = '---\ntitle: T\ntags: [a]\n---\nx\n';
      assert.equal(importW3c(exportOf(original)), '---\ntitle: T\ntags:\n  - a\n---\nx\n');
      assert.equal(
        importError(editedExport(original, (c) => (c.meta = { tags: ['b'] }))),
        '"meta" holds "tags", which "frontMatter" does not hold with the same value: meta only repeats the front matter\'s other keys',
      );
    });

    it('a "total" that is not the number of annotations', () => {
      assert.equal(
        importError(editedExport(article, (c) => c.first.items.pop())),
        '"total" is 2, but "first.items" holds 1 annotations: the export was cut short or edited',
      );
      assert.equal(importError(editedExport(article, (c) => delete c.first)), '"total" is 2, but the collection has no "first" page of annotations');
    });

    it('annotations with bad fields, named by their path', () => {
      assert.equal(importError(editedExport(article, (c) => (c.first.items[1].body['isnad:kind'] = 'rumour'))), 'first.items[1].body["isnad:kind"] must be one of claim, quote, mention, note');
      assert.equal(importError(editedExport(article, (c) => (c.first.items[0].target.selector[1].end = 999))), 'first.items[0]: the TextPositionSelector must have whole numbers 0 ≤ start ≤ end ≤ 23 (the clean text\'s length in code points)');
      assert.equal(importError(editedExport(article, (c) => (c.first.items[0].target.selector[0].exact = 'Bob'))), 'first.items[0]: the TextQuoteSelector\'s "exact" is not the clean text at 3–6');
      assert.equal(importError(editedExport(article, (c) => (c.first.items[0].target.selector[0].prefix = 'X\n\n'))), 'first.items[0]: the TextQuoteSelector\'s "prefix" is not the clean text before 3');
      assert.equal(importError(editedExport(article, (c) => (c.first.items[0].target.selector[0].prefix = 'before T\n\n'))), 'first.items[0]: the TextQuoteSelector\'s "prefix" is not the clean text before 3');
      assert.equal(importError(editedExport(article, (c) => (c.first.items[1].target.selector[0].suffix = '!\n'))), 'first.items[1]: the TextQuoteSelector\'s "suffix" is not the clean text after 21');
      assert.equal(importError(editedExport(article, (c) => (c.first.items[1].body['isnad:id'] = 'span-1'))), 'first.items[1].body["isnad:id"] is “span-1”, as is first.items[0]\'s: annotation ids are unique');
      assert.equal(importError(editedExport(article, (c) => (c.first.items[0].body['isnad:id'] = ''))), 'first.items[0].body["isnad:id"] is empty: an annotation id names it');
      assert.equal(importError(editedExport(article, (c) => (c.first.items[1].body['isnad:speaker'] = 'ali'))), 'first.items[1].body["isnad:speaker"] must be an object');
      assert.equal(importError(editedExport(article, (c) => (c.headings[0].start = 4))), 'headings[0].start is not at the start of a line of the clean text');
    });

    it('annotations markup cannot express: overlapping, across a heading’s line, a value holding a blank line', () => {
      const overlapping = editedExport(article, (c) => {
        c.first.items[0].target.selector[1] = { type: 'TextPositionSelector', start: 3, end: 14 };
        c.first.items[0].target.selector.splice(0, 1);
      });
      assert.equal(importError(overlapping), 'annotations “span-1” and “span-2” overlap without one enclosing the other: markup can only nest spans');
      const intoHeading = editedExport('a\n# b [c]{@x}\n', (c) => {
        c.first.items[0].target.selector = [{ type: 'TextPositionSelector', start: 0, end: 3 }];
      });
      const noteWithBlankLine = editedExport(article, (c) => (c.first.items[1].body['isnad:note'] = 'one\n \ntwo'));
      assert.equal(importError(noteWithBlankLine), 'annotation “span-2” cannot be written as markup that reads back the same: its note holds a blank line, which would end the paragraph its span is in');
      assert.equal(importError(intoHeading), 'annotation “span-1” cannot be written as markup that reads back the same: it crosses a heading’s line, and a span must stay inside its heading or its paragraph');
    });
  });
});

const IDS = ['a', 'b', 'بوتين', 'x.y', 'q-1', 'ali'];
const id = fc.constantFrom(...IDS);

/** Text as written in markup: letters of both scripts, escapes, comments and characters that look like markup. */
const TEXT_PIECES = [
  'x', 'The ', 'قال ', 'ب', ' ', '😀', '\u0301', ', ', '.', '\\[', '\\]', '\\{', '\\}', '\\\\', '#', '<', '!', '-', '<!-- c -->', '"', '=', '@', '\u200F',
];
const text = fc.string({ unit: fc.constantFrom(...TEXT_PIECES), maxLength: 12 });

const attributes = fc
  .record(
    {
      keyword: fc.constantFrom('claim', 'quote', 'ادعاء', 'اقتباس'),
      entity: id,
      by: fc.tuple(fc.constantFrom('by', 'قائل'), id),
      about: fc.tuple(fc.constantFrom('about', 'عن'), fc.array(id, { minLength: 1, maxLength: 3 })),
      status: fc.constantFrom('unverified', 'supported', 'disputed', 'false'),
      note: fc.string({ unit: fc.constantFrom('n', ' ', '"', '\\', '}', 'ملاحظة'), maxLength: 8 }),
      name: fc.constantFrom('n1', 'n2', 'span-1', 'span-3'),
    },
    { requiredKeys: [] },
  )
  .map(({ keyword, entity, by, about, status, note, name }) => {
    const tokens: string[] = [];
    if (keyword) tokens.push(keyword);
    if (entity) tokens.push(`@${entity}`);
    if (by) tokens.push(`${by[0]}=${by[1]}`);
    if (about) tokens.push(`${about[0]}=${about[1].join(',')}`);
    if (status) tokens.push(`status=${status}`);
    if (note !== undefined) tokens.push(`note="${note.replace(/[\\"]/g, '\\$&')}"`);
    if (name) tokens.push(`id=${name}`);
    // A span that annotates nothing is kept now and then: it is not exported, but its text and by= are.
    return tokens.join(' ');
  });

const { inline } = fc.letrec<{ inline: string }>((tie) => ({
  inline: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.tuple(tie('inline'), attributes, tie('inline')).map(([content, attrs, after]) => `[${content}]{${attrs}}${after}`),
    fc.tuple(tie('inline'), tie('inline')).map(([first, second]) => `${first}\n${second.startsWith('#') ? 'x' : ''}${second}`),
  ),
}));

// Headings hold no `#`: the clean text cannot tell a closing `#` run from a literal one hidden behind a comment.
const block = fc.oneof(
  inline,
  fc.tuple(fc.integer({ min: 1, max: 6 }), inline).map(([level, title]) => `${'#'.repeat(level)} ${title.replace(/\n/g, ' ').replace(/#/g, 'x')}`),
);

/** YAML values a writer must quote, or write as a block, to read them back as the same strings. */
const YAML_TEXT = fc.constantFrom('yes', 'null', '~', 'a: b', 'a #b', '#x', '*x', '&x', '!x', '- x', '2024-01-01', '1.0', 'multi\nline', ' lead', '---', 'قال');

const frontMatter = fc
  .record(
    {
      title: fc.constantFrom('T', 'عنوان'),
      direction: fc.constantFrom('auto', 'rtl', 'ltr'),
      // Mostly every id, so that many documents have no errors and their exports must be equal.
      sources: fc.oneof({ arbitrary: fc.constant(IDS), weight: 3 }, { arbitrary: fc.subarray(IDS), weight: 1 }),
      entities: fc.oneof({ arbitrary: fc.constant(IDS), weight: 3 }, { arbitrary: fc.subarray(IDS), weight: 1 }),
      // Keys the format does not define, exported under `meta`.
      meta: fc.dictionary(fc.constantFrom('meta', 'tags', 'yes'), fc.oneof(YAML_TEXT, fc.array(YAML_TEXT, { maxLength: 2 }), fc.integer(), fc.constant(null)), { maxKeys: 2 }),
    },
    { requiredKeys: [] },
  )
  .map(({ title, direction, sources, entities, meta }) => {
    const yaml = [title && `title: ${title}`, direction && `direction: ${direction}`];
    for (const [key, value] of Object.entries(meta ?? {})) yaml.push(`${key}: ${JSON.stringify(value)}`);
    // A source that is also an entity (FORMAT.md §2) says so.
    if (sources) yaml.push('sources:', ...sources.map((source) => `  ${source}:\n    name: Source ${source}\n    kind: person${entities?.includes(source) ? `\n    entity: ${source}` : ''}`));
    if (entities) yaml.push('entities:', ...entities.map((entity) => `  ${entity}:\n    name: Entity ${entity}\n    aliases: [${entity}]`));
    const lines = yaml.filter(Boolean);
    return lines.length ? `---\n${lines.join('\n')}\n---\n` : '';
  });

const generatedDocument = fc
  .tuple(frontMatter, fc.array(block, { minLength: 1, maxLength: 5 }), fc.constantFrom('\n', '\r\n'))
  .map(([front, blocks, lineEnd]) => front + blocks.join('\n\n').replace(/\n/g, lineEnd) + lineEnd);

const SAMPLES = fs.readdirSync(SAMPLES_FOLDER).filter((name) => name.endsWith('.isnad.md')).map((name) => fs.readFileSync(path.join(SAMPLES_FOLDER, name), 'utf8'));
const MARKUP_PIECES = ['[', ']', '{', '}', ']{', '\\', '#', '# ', '\n', '\n\n', '\r', '"', '@a', 'claim', 'by=a', '<!--', '-->', ' ', 'x', 'ب', '😀'];
const editedSample = fc
  .tuple(
    fc.constantFrom(...SAMPLES),
    fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(20), insert: fc.string({ unit: fc.constantFrom(...MARKUP_PIECES), maxLength: 6 }) }), {
      minLength: 1,
      maxLength: 4,
    }),
  )
  .map(([sample, edits]) =>
    edits.reduce((current, { at, remove, insert }) => {
      const start = Math.floor(at * current.length);
      return current.slice(0, start) + insert + current.slice(start + remove);
    }, sample),
  );
