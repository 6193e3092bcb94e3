import * as assert from 'node:assert/strict';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import { parseIsnad } from '../../server/src/service/parse/document';
import { DEFAULT_DIAGNOSTICS_OPTIONS, computeDiagnostics, type DiagnosticsOptions } from '../../server/src/service/features/diagnostics';
import { DIAGNOSTIC_CODES } from '../../server/src/service/problems';
import type { Locale } from '../../server/src/service/l10n';
import { fixture, lines } from './fixture';
import { yamlAliasBomb } from '../fixtures/adversarial/corpus';

const { Error, Warning, Information, Hint } = DiagnosticSeverity;

/** A diagnostic reduced to what these tests pin down; its range is the fixture's matching `⟦…⟧`; its message, when given. */
type Expected = [code: string, severity: DiagnosticSeverity, message?: string];

function diagnose(marked: string, options?: DiagnosticsOptions, locale: Locale = 'en') {
  const f = fixture(marked);
  return { f, diagnostics: computeDiagnostics(parseIsnad(f.text), locale, options) };
}

/** Every diagnostic, in order, with its code, severity and exact range (the fixture's `⟦…⟧`, in document order), and its message where one is expected. */
function assertDiagnostics(marked: string, expected: readonly Expected[], options?: DiagnosticsOptions): Diagnostic[] {
  const { f, diagnostics } = diagnose(marked, options);
  const withMessage = (message: unknown, i: number) => (expected[i]?.[2] === undefined ? {} : { message });
  assert.deepEqual(
    diagnostics.map(({ code, severity, range, message }, i) => ({ code, severity, range, ...withMessage(message, i) })),
    expected.map(([code, severity, message], i) => ({ code, severity, range: f.ranges[i], ...withMessage(message, i) })),
  );
  for (const diagnostic of diagnostics) assert.equal(diagnostic.source, 'isnad');
  return diagnostics;
}

const PEOPLE = lines('---', 'sources:', '  mortazin: Andrei Mortazin', 'entities:', '  putin: Vladimir Putin', '---');

describe('diagnostics', () => {
  describe('unattributed-claim', () => {
    it('is a warning over the whole span by default', () => {
      const [diagnostic] = assertDiagnostics('Text ⟦[shells are short]{claim}⟧ more.', [['unattributed-claim', Warning]]);
      assert.equal(diagnostic.message, 'Claim has no source: who said this? Add by=…');
    });

    for (const [setting, severity] of [
      ['error', Error],
      ['warning', Warning],
      ['information', Information],
    ] as const) {
      it(`takes the severity the setting gives: ${setting}`, () => {
        assertDiagnostics('⟦[a]{claim}⟧', [['unattributed-claim', severity]], { ...DEFAULT_DIAGNOSTICS_OPTIONS, unattributedClaims: setting });
      });
    }

    it('is not reported when the setting is off, while unattributed quotes still are', () => {
      assertDiagnostics('[a]{claim} ⟦[b]{quote}⟧', [['unattributed-quote', Warning]], { ...DEFAULT_DIAGNOSTICS_OPTIONS, unattributedClaims: 'off' });
    });

    it('is not reported for a claim attributed by itself or by any enclosing span', () => {
      assertDiagnostics(
        lines(PEOPLE, '[a]{claim by=mortazin} [[[b]{claim}]{@putin} c]{quote by=mortazin} [d]{claim by=putin}'),
        [],
      );
    });
  });

  it('unattributed-quote is a warning over the whole span, in either keyword form', () => {
    assertDiagnostics('⟦[a]{quote}⟧ ⟦[ب]{اقتباس}⟧', [
      ['unattributed-quote', Warning],
      ['unattributed-quote', Warning],
    ]);
  });

  it('unknown-source is an error on the id alone', () => {
    const [diagnostic] = assertDiagnostics(lines(PEOPLE, '[a]{claim by=mortazin} [b]{claim by=⟦nobody⟧} [c]{quote by=putin}'), [
      ['unknown-source', Error],
    ]);
    assert.equal(diagnostic.message, 'No source or entity named “nobody” is defined in the front matter.');
  });

  it('unknown-entity is an error on each unknown id of @, about= (either comma) and a source’s entity:', () => {
    assertDiagnostics(
      lines(
        '---',
        'sources:',
        '  s: {name: S, entity: ⟦ghost⟧}',
        'entities:',
        '  putin: Vladimir Putin',
        '---',
        '[a]{@⟦nobody⟧} [b]{claim by=s about=putin,⟦x⟧،⟦y⟧} [c]{@putin}',
      ),
      [
        ['unknown-entity', Error],
        ['unknown-entity', Error],
        ['unknown-entity', Error],
        ['unknown-entity', Error],
      ],
    );
  });

  describe('unused-definition', () => {
    it('is a hint tagged Unnecessary on the key of each source or entity nothing refers to', () => {
      const diagnostics = assertDiagnostics(
        lines('---', 'sources:', '  ⟦idle⟧: Idle', '  busy: Busy', 'entities:', '  ⟦lonely⟧: {name: L}', '  seen: Seen', '---', '[a]{claim by=busy about=seen}'),
        [
          ['unused-definition', Hint],
          ['unused-definition', Hint],
        ],
      );
      assert.deepEqual(
        diagnostics.map((diagnostic) => [diagnostic.tags, diagnostic.message]),
        [
          [[DiagnosticTag.Unnecessary], 'Source “idle” is defined but no span refers to it.'],
          [[DiagnosticTag.Unnecessary], 'Entity “lonely” is defined but no span refers to it.'],
        ],
      );
    });

    it('counts an id that names both a source and an entity as used when either use is made', () => {
      const both = lines('---', 'sources:', '  p: Person P', 'entities:', '  p: Person P', '---');
      assertDiagnostics(lines(both, '[x]{@p}'), []);
      assertDiagnostics(lines(both, '[x]{claim by=p}'), []);
      assertDiagnostics(lines(both, '[x]{claim by=⟦q⟧ about=p}'), [['unknown-source', Error]]);
    });
  });

  it('duplicate-id is an error on the repeated key, under sources and under entities', () => {
    const diagnostics = assertDiagnostics(
      lines('---', 'sources:', '  a: A', '  ⟦a⟧: A again', 'entities:', '  e: E', '  ⟦e⟧: E again', '---', '[x]{claim by=a about=e}'),
      [
        ['duplicate-id', Error],
        ['duplicate-id', Error],
      ],
    );
    assert.deepEqual(
      diagnostics.map((diagnostic) => diagnostic.message),
      ['Source “a” is already defined above; this repeat is ignored.', 'Entity “e” is already defined above; this repeat is ignored.'],
    );
  });

  describe('front-matter', () => {
    it('reports a repeated top-level key on the repeat, and reads the first', () => {
      const text = lines('---', 'title: First', '⟦title⟧: Second', 'entities:', '  z: Z', '⟦entities⟧:', '  y: Y', '---', '[x]{@z} [y]{@⟦y⟧}');
      const diagnostics = assertDiagnostics(text, [
        ['front-matter', Error],
        ['front-matter', Error],
        ['unknown-entity', Error],
      ]);
      assert.deepEqual(diagnostics.slice(0, 2).map((diagnostic) => diagnostic.message), [
        'Key “title” is already set above; this repeat is ignored.',
        'Key “entities” is already set above; this repeat is ignored.',
      ]);
      const front = parseIsnad(fixture(text).text).frontMatter!;
      assert.equal(front.title, 'First');
      assert.deepEqual([...front.entities.keys()], ['z']);
      assert.deepEqual(front.data, { title: 'First', entities: { z: 'Z' } });
    });

    it('reports a YAML syntax error where the parser stopped: at the end of input, on the last character written', () => {
      const diagnostics = assertDiagnostics(lines('---', 'title: "ope⟦n⟧', '---', 'Text.'), [['front-matter', Error]]);
      assert.equal(diagnostics[0].message, 'Front matter is not valid YAML: Missing closing "quote');
      assertDiagnostics(lines('---', 'a: ⟦⟦b⟧', '  c⟧: d', '---'), [
        ['front-matter', Error],
        ['front-matter', Error],
      ]);
    });

    it('reports a key that is not text (a mapping, a list, an alias) on the key, and leaves its pair out of the data', () => {
      const marked = lines('---', 'title: T', 'c: &c 3', 'meta: {⟦{⟧a: 1}: x, ⟦[⟧b]: y, ⟦*c⟧ : z, ok: 1}', '---', 'Text.');
      const diagnostics = assertDiagnostics(marked, [
        ['front-matter', Error],
        ['front-matter', Error],
        ['front-matter', Error],
      ]);
      assert.equal(diagnostics[0].message, 'Front matter is not valid YAML: a key must be plain text, not a mapping, a list or an alias');
      assert.deepEqual(parseIsnad(fixture(marked).text).frontMatter?.data, { title: 'T', c: 3, meta: { ok: 1 } });
    });

    it('reports an unclosed front matter on its first line and reads the rest as the article', () => {
      assertDiagnostics(lines('⟦---⟧', 'title: x', '', '⟦[a]{claim}⟧'), [
        ['front-matter', Error],
        ['unattributed-claim', Warning],
      ]);
    });

    it('reports a missing name on the key, a wrong type or form on the value, an invalid id on the key', () => {
      const diagnostics = assertDiagnostics(
        lines(
          '---',
          'title: ⟦[1, 2]⟧',
          'published: ⟦13/09/2023⟧',
          'url: ⟦javascript:alert(1)⟧',
          'sources:',
          '  ⟦nameless⟧: {kind: person}',
          '  ⟦bad id⟧: B',
          '  k: {name: K, kind: ⟦alien⟧}',
          'entities:',
          '  e: {name: E, wikidata: ⟦X1⟧, aliases: ⟦3⟧}',
          '---',
          '[x]{claim by=nameless} [y]{claim by="bad id"} [z]{claim by=k about=e}',
        ),
        [
          ['front-matter', Error],
          ['front-matter', Error],
          ['front-matter', Error],
          ['front-matter', Error],
          ['front-matter', Error],
          ['front-matter', Error],
          ['front-matter', Error],
          ['front-matter', Error],
        ],
      );
      assert.deepEqual(
        diagnostics.map((diagnostic) => diagnostic.message),
        [
          '“title” must be a string.',
          '“published” must be a date written YYYY-MM-DD.',
          '“url” must be an http or https URL.',
          '“nameless” has no name: add name: …',
          '“bad id” is not a valid id: start with a letter or digit, then letters, digits, _, . or -, at most 64 characters.',
          '“k.kind” must be one of: person, organization, government, media, document, anonymous.',
          '“e.wikidata” must be a Wikidata id: Q followed by digits.',
          '“e.aliases” must be a list of strings.',
        ],
      );
    });

    it('reports an alias bomb once, on the opening fence, without expanding it', () => {
      const bomb = yamlAliasBomb();
      const started = Date.now();
      const diagnostics = assertDiagnostics(lines('⟦---⟧', ...bomb, '---'), [['front-matter', Error]]);
      assert.ok(Date.now() - started < 2000);
      assert.equal(diagnostics[0].message, 'Front matter uses too many YAML aliases (more than 50); it is not read.');
    });

    it('reports an alias to no anchor once, where it is written, in English and Arabic (not as too many aliases, nor as a wrong value)', () => {
      const marked = lines('---', 'entities:', '  v: { name: V, aliases: [⟦*x⟧] }', '  w: ⟦*later⟧', 'anchor: &later W', '---', '[V]{@v} [W]{@w}');
      const diagnostics = assertDiagnostics(marked, [
        ['front-matter', Error],
        ['front-matter', Error],
      ]);
      assert.deepEqual(
        diagnostics.map((diagnostic) => diagnostic.message),
        ['The YAML alias “*x” names no anchor set before it.', 'The YAML alias “*later” names no anchor set before it.'],
      );
      assert.deepEqual(
        diagnose(marked, undefined, 'ar').diagnostics.map((diagnostic) => diagnostic.message),
        ['الاسم المستعار «*x» في YAML لا يشير إلى مرساة معرَّفة قبله.', 'الاسم المستعار «*later» في YAML لا يشير إلى مرساة معرَّفة قبله.'],
      );
    });
  });

  describe('span-syntax', () => {
    const cases: [name: string, marked: string, message: string][] = [
      ['attributes with no [', 'a ⟦]{claim}⟧ b', 'This ]{ has no matching [: the attributes annotate nothing.'],
      ['an unclosed {, up to the end of the paragraph', lines('⟦[a]{@p', 'more⟧', '', 'Next.'), 'The attribute block is not closed: add } before the paragraph ends.'],
      ['an unterminated quoted value, over the whole span it breaks', lines('⟦[a]{note="open', 'still open⟧', '', 'Next.'), 'The quoted value is not closed: add " before the paragraph ends.'],
      ['a span that annotates nothing', 'x ⟦[a]{}⟧ y', 'This span annotates nothing: add claim, quote, @entity or note=….'],
    ];
    for (const [name, marked, message] of cases) {
      it(`is an error for ${name}`, () => {
        const { f, diagnostics } = diagnose(marked);
        const found = diagnostics.filter((diagnostic) => diagnostic.code === 'span-syntax');
        assert.deepEqual(
          found.map(({ severity, range, message }) => ({ severity, range, message })),
          [{ severity: Error, range: f.range, message }],
        );
      });
    }

    it('is an error over the whole span on a second kind keyword and on a second @ID', () => {
      const diagnostics = assertDiagnostics(lines(PEOPLE, '⟦[a]{claim quote by=mortazin}⟧ ⟦[b]{@putin @putin}⟧'), [
        ['span-syntax', Error],
        ['span-syntax', Error],
      ]);
      assert.deepEqual(
        diagnostics.map((diagnostic) => diagnostic.message),
        [
          'A span has one kind: “claim” and “quote” cannot both be used.',
          'A span mentions one entity: remove the second @putin or nest another span.',
        ],
      );
    });

    it('reports an unclosed { once and keeps the span, so its claim is still checked', () => {
      assertDiagnostics('⟦⟦[a]{claim⟧⟧', [
        ['span-syntax', Error],
        ['unattributed-claim', Warning],
      ]);
    });
  });

  it('unknown-attribute is a warning on the token: an unknown key, an unknown keyword, a bad status', () => {
    const diagnostics = assertDiagnostics(lines(PEOPLE, '[a]{claim by=mortazin ⟦colour=red⟧ ⟦urgent⟧ ⟦status=maybe⟧ about=putin}'), [
      ['unknown-attribute', Warning],
      ['unknown-attribute', Warning],
      ['unknown-attribute', Warning],
    ]);
    assert.deepEqual(
      diagnostics.map((diagnostic) => diagnostic.message),
      [
        'Unknown attribute “colour”.',
        'Unknown attribute “urgent”.',
        'Unknown status “maybe”: use one of unverified, supported, disputed, false, misleading, opinion.',
      ],
    );
  });

  it('empty-span is a warning over a span whose content is empty or white space', () => {
    assertDiagnostics(lines(PEOPLE, '⟦[]{@putin}⟧ ⟦[  ]{claim by=mortazin}⟧ [x]{@putin}'), [
      ['empty-span', Warning],
      ['empty-span', Warning],
    ]);
  });

  describe('possible-attribution', () => {
    it('is information over a sentence outside claims and quotes that holds a cue, in English and Arabic', () => {
      const diagnostics = assertDiagnostics(
        lines('⟦The minister said the port reopens⟧. It rained.', '', '⟦وقال الوزير إن الميناء سيفتح⟧، ثم غادر.'),
        [
          ['possible-attribution', Information],
          ['possible-attribution', Information],
        ],
      );
      assert.equal(diagnostics[0].message, 'This sentence reads like someone’s statement (“said”) but is not marked: mark it as a claim and say who made it.');
      assert.equal(diagnostics[1].message, 'This sentence reads like someone’s statement (“قال”) but is not marked: mark it as a claim and say who made it.');
    });

    it('is not reported when isnad.hints.possibleAttribution is false', () => {
      assertDiagnostics('The minister said so.', [], { ...DEFAULT_DIAGNOSTICS_OPTIONS, possibleAttribution: false });
    });
  });

  describe('vague-source', () => {
    it('is information over a sentence attributed to unnamed sources, in place of possible-attribution', () => {
      const diagnostics = assertDiagnostics(lines('⟦Officials said the dam held⟧.', '', '⟦وأكدت مصادر مطلعة أن السد صامد⟧.'), [
        ['vague-source', Information],
        ['vague-source', Information],
      ]);
      assert.equal(diagnostics[0].message, 'This statement is attributed to an unnamed source (“Officials”): record the source in the front matter with kind anonymous.');
      assert.equal(diagnostics[1].message, 'This statement is attributed to an unnamed source (“مصادر”): record the source in the front matter with kind anonymous.');
    });

    it('falls back to possible-attribution when isnad.hints.vagueSource is false, and is silent when both are', () => {
      assertDiagnostics('⟦Officials said the dam held⟧.', [['possible-attribution', Information]], { ...DEFAULT_DIAGNOSTICS_OPTIONS, vagueSource: false });
      assertDiagnostics('Officials said the dam held.', [], { ...DEFAULT_DIAGNOSTICS_OPTIONS, vagueSource: false, possibleAttribution: false });
    });
  });

  describe('bidi-control', () => {
    it('is a warning on the character in text and an error in an attribute block or an id key', () => {
      const diagnostics = assertDiagnostics(
        lines(
          '---',
          'entities:',
          '  ⟦⟦p⟦\u2067⟧⟧⟧: P',
          '---',
          'a⟦\u202E⟧b [c⟦\u2066⟧d]{claim by=⟦x⟦\u202D⟧⟧} [e]{note="⟦\u2069⟧"}',
        ),
        [
          ['front-matter', Error],
          ['unused-definition', Hint],
          ['bidi-control', Error],
          ['bidi-control', Warning],
          ['bidi-control', Warning],
          ['unknown-source', Error],
          ['bidi-control', Error],
          ['bidi-control', Error],
        ],
      );
      assert.equal(diagnostics[3].message, 'Invisible bidirectional control character U+202E: the text may display differently from how it is stored.');
      assert.equal(diagnostics[6].message, 'Bidirectional control character U+202D inside an id or attribute: ids must look exactly as they are stored.');
    });

    it('is a warning on a front-matter value that writes one as a YAML escape, once for one written as it is', () => {
      assertDiagnostics(lines('---', 'title: ⟦"Putin\\u202Esaid"⟧', 'outlet: "a⟦\u2066⟧b"', 'entities:', '  e: {name: ⟦"E \\u2067x"⟧}', '---', '[x]{@e}'), [
        ['bidi-control', Warning, '“title” holds an invisible bidirectional control character written as a YAML escape: the text may display differently from how it is stored.'],
        ['bidi-control', Warning, 'Invisible bidirectional control character U+2066: the text may display differently from how it is stored.'],
        ['bidi-control', Warning, '“e.name” holds an invisible bidirectional control character written as a YAML escape: the text may display differently from how it is stored.'],
      ]);
    });

    it('does not report LRM, RLM or ALM, which are ordinary Arabic typography', () => {
      assertDiagnostics(lines(PEOPLE, 'كتب\u200F [بوتين\u200E]{@putin}\u061C؛ [x]{claim by=mortazin note="\u200F\u061C"}'), []);
    });
  });

  describe('invalid-character', () => {
    it('is a warning on each unpaired surrogate of the text, and on a YAML value that escapes one', () => {
      const diagnostics = assertDiagnostics(
        lines('---', 'entities:', '  x: ⟦"\\uD800X"⟧', '---', 'a⟦\uDC00⟧ 😀 [b]{@x note="⟦\uD83D⟧"}'),
        [
          ['invalid-character', Warning],
          ['invalid-character', Warning],
          ['invalid-character', Warning],
        ],
      );
      assert.deepEqual(
        diagnostics.map((diagnostic) => diagnostic.message),
        [
          '“x” holds an unpaired surrogate (half of a character); exports write U+FFFD (�) in its place.',
          'Unpaired surrogate U+DC00: half of a character, which no file can store; exports write U+FFFD (�) in its place.',
          'Unpaired surrogate U+D83D: half of a character, which no file can store; exports write U+FFFD (�) in its place.',
        ],
      );
    });
  });

  describe('front matter that cannot be exported or read in time', () => {
    it('reports a YAML alias inside the node it names once, on the opening fence', () => {
      const diagnostics = assertDiagnostics(lines('⟦---⟧', 'a: &a {b: *a}', '---', 'x'), [['front-matter', Error]]);
      assert.equal(diagnostics[0].message, 'Front matter holds a YAML alias inside the node it names, which would repeat forever; it is not exported.');
    });

    it('does not read a front matter of more than 256 K characters, and says so on the opening fence', () => {
      const diagnostics = assertDiagnostics(lines('⟦---⟧', `title: ${'x'.repeat(256 * 1024)}`, '---', '[a]{@⟦e⟧}'), [
        ['front-matter', Error],
        ['unknown-entity', Error],
      ]);
      assert.equal(diagnostics[0].message, 'Front matter is too long (more than 262144 characters); it is not read.');
    });

    it('cuts a long id in a message', () => {
      const [diagnostic] = computeDiagnostics(parseIsnad(`[a]{@${'i'.repeat(500)}}`), 'en');
      assert.equal(diagnostic.message, `No entity named “${'i'.repeat(99)}…” is defined in the front matter.`);
    });
  });

  describe('FORMAT.md §2–4 edge cases', () => {
    it('reads a front matter with exactly 50 aliases, and reports the 51st', () => {
      const aliases = (count: number) => lines('---', 'x: &x v', `list: [${Array(count).fill('*x').join(', ')}]`, '---');
      assertDiagnostics(aliases(50), []);
      assert.equal((parseIsnad(aliases(50)).frontMatter?.data.list as unknown[]).length, 50);
      assertDiagnostics(lines('⟦---⟧', 'x: &x v', `list: [${Array(51).fill('*x').join(', ')}]`, '---'), [['front-matter', Error]]);
    });

    it('reports a repeated field of a source or an entity on the repeat and keeps the first', () => {
      const marked = lines('---', 'sources:', '  m:', '    name: First', '    ⟦name⟧: Second', 'entities:', '  e: {name: E, type: place, ⟦type⟧: event}', '---', '[x]{claim by=m about=e}');
      assertDiagnostics(marked, [
        ['front-matter', Error, 'Key “m.name” is already set above; this repeat is ignored.'],
        ['front-matter', Error, 'Key “e.type” is already set above; this repeat is ignored.'],
      ]);
      const front = parseIsnad(fixture(marked).text).frontMatter;
      assert.equal(front?.sources.get('m')?.name, 'First');
      assert.equal(front?.entities.get('e')?.type, 'place');
      assert.deepEqual(front?.data, { sources: { m: { name: 'First' } }, entities: { e: { name: 'E', type: 'place' } } });
    });

    it('reports an empty or blank name, written alone or as name:, as a missing name on the key', () => {
      assertDiagnostics(lines('---', 'sources:', "  ⟦a⟧: ''", '  ⟦b⟧: {name: "  "}', 'entities:', '  ⟦e⟧: " "', '---', '[x]{claim by=a} [y]{claim by=b about=e}'), [
        ['front-matter', Error, '“a” has no name: add name: …'],
        ['front-matter', Error, '“b” has no name: add name: …'],
        ['front-matter', Error, '“e” has no name: add name: …'],
      ]);
    });

    it('reports an entry written with no value on its key, not on an empty range', () => {
      assertDiagnostics(lines('---', 'entities:', '  ⟦e⟧:', '---', '[x]{@e}'), [['front-matter', Error]]);
    });

    it('takes a URL with no // after its scheme for what it is: not an http(s) URL', () => {
      assertDiagnostics(lines('---', "url: ⟦'http:example.com'⟧", '---'), [['front-matter', Error]]);
    });

    it('places an unknown id of a quoted by= or about= list on that id, without the quotes', () => {
      assertDiagnostics(lines(PEOPLE, '[x]{claim by=mortazin about="putin, ⟦nobody⟧"} [y]{claim by="⟦nobody⟧"}'), [
        ['unknown-entity', Error],
        ['unknown-source', Error],
      ]);
    });

    it('counts a span holding only comments and white space as empty', () => {
      assertDiagnostics(lines(PEOPLE, '⟦[<!-- who? -->]{@putin}⟧ ⟦[ <!-- a\nb --> ]{claim by=mortazin}⟧ [a <!-- b -->]{@putin}'), [
        ['empty-span', Warning],
        ['empty-span', Warning],
      ]);
    });

    it('says that a YAML 1.1 merge key merges nothing, on the key', () => {
      assertDiagnostics(lines('---', 'base: &base {name: Base}', 'sources:', '  ⟦m⟧:', '    ⟦<<⟧: *base', '---', '[x]{claim by=m}'), [
        ['front-matter', Error, '“m” has no name: add name: …'],
        ['front-matter', Error, '“m” uses <<, a YAML 1.1 merge key: front matter is YAML 1.2, which has none, so nothing is merged. Write the fields out.'],
      ]);
    });

    it('calls a kind keyword given twice a repeat, and two different kinds two kinds', () => {
      assertDiagnostics(lines(PEOPLE, '⟦[a]{claim claim by=mortazin}⟧ ⟦[b]{claim ادعاء by=mortazin}⟧ ⟦[c]{claim اقتباس by=mortazin}⟧ [d]{@putin}'), [
        ['span-syntax', Error, '“claim” is given twice in this span.'],
        ['span-syntax', Error, '“ادعاء” is given twice in this span.'],
        ['span-syntax', Error, 'A span has one kind: “claim” and “اقتباس” cannot both be used.'],
      ]);
    });

    it('says that by=, about= or @ with no id names no one, on the token', () => {
      assertDiagnostics(lines(PEOPLE, '[a]{claim ⟦by=⟧} [b]{claim by=mortazin ⟦عن=⟧} [c]{⟦@⟧} [d]{@putin}'), [
        ['unknown-source', Error, '“by=” names no one: write the id of a source or an entity after it.'],
        ['unknown-entity', Error, '“عن=” names no entity: write the id of an entity after it.'],
        ['unknown-entity', Error, '“@” names no entity: write the id of an entity after it.'],
      ]);
    });
  });

  it('localises messages into Arabic', () => {
    const { diagnostics } = diagnose('[أ]{ادعاء} [ب]{اقتباس قائل=مجهول}', undefined, 'ar');
    assert.deepEqual(
      diagnostics.map((diagnostic) => diagnostic.message),
      ['ادعاء بلا مصدر: من قال هذا؟ أضف قائل=…', 'لا يوجد في الترويسة مصدر أو كيان باسم «مجهول».'],
    );
  });

  it('covers every code of FORMAT.md §5 in this file', () => {
    // A guard against a new code arriving without a test here.
    assert.deepEqual(
      [...DIAGNOSTIC_CODES].sort(),
      [
        'bidi-control',
        'duplicate-id',
        'empty-span',
        'front-matter',
        'invalid-character',
        'possible-attribution',
        'span-syntax',
        'unattributed-claim',
        'unattributed-quote',
        'unknown-attribute',
        'unknown-entity',
        'unknown-source',
        'unused-definition',
        'vague-source',
      ],
    );
  });
});
