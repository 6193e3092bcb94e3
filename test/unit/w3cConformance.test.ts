// The `w3c` export against the W3C Web Annotation Working Group's own model tests, and the
// round trip FORMAT.md §7 asks for: every span, attribute and front-matter field of a document
// appears in its export. Both run on inline documents and on every sample.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv-draft-04';
import type { IsnadDocument } from '../../server/src/service/model';
import { parseIsnad } from '../../server/src/service/parse/document';
import { exportDocument } from '../../server/src/service/export/index';
import { cleanTextOf, plainText } from '../../server/src/service/export/cleanText';
import { asExported } from './asExported';

const SUITE = path.resolve(__dirname, '../../../shared/conformance/w3c-web-annotation-tests');
const SAMPLES = path.resolve(__dirname, '../../samples');

const INLINE: readonly { readonly name: string; readonly text: string }[] = [
  {
    name: 'an English article using every attribute and front-matter field',
    text: [
      '---',
      'title: Ports reopen',
      'outlet: Sample Desk',
      'url: https://example.com/news/ports',
      'published: 2024-05-14',
      'language: en',
      'direction: ltr',
      'authors: [A. Writer, B. Editor]',
      'desk: {name: Harbour, floor: 3, tags: [a, b]}',
      'reviewed: true',
      'sources:',
      '  ali:',
      '    name: Ali Hassan',
      '    kind: government',
      '    role: spokesman',
      '    affiliation: Ministry of Ports',
      '    via: press conference',
      '    url: https://example.com/statement',
      '    date: 2024-05-13',
      '    entity: ali',
      '  insider: A source who asked not to be named',
      'entities:',
      '  ali:',
      '    name: Ali Hassan',
      '    type: person',
      '    aliases: [Ali, the spokesman]',
      '    description: Spokesman of the ministry',
      '    wikidata: Q42',
      '    url: https://example.com/ali',
      '  port: Port of Valmora',
      '---',
      '# The [port]{@port} reopens',
      '',
      '## Details',
      '',
      '"[We are open, [the port]{@port} takes [twelve ships]{claim status=unverified about=port id=capacity} a day]{quote by=ali id=open note="He said \\"open\\"."}," said [the spokesman]{@ali}.',
      '[Captains were pressed to sail]{claim by=insider status=disputed about=port,ali note="Single source."}.',
      '[Check the tonnage.]{note="Ask the ministry."}',
    ].join('\n'),
  },
  {
    name: 'an Arabic article with Arabic keywords and ids',
    text: [
      '---',
      'title: "تجديد العلاقة: صداقة أم مصالح؟"',
      'url: https://example.com/أخبار/مقال',
      'language: ar',
      'direction: rtl',
      'sources:',
      '  مورتازين:',
      '    name: أندريه مورتازين',
      '    role: كاتب ومحلل سياسي روسي',
      '    via: مقابلة مع الحل نت',
      '    entity: مورتازين',
      'entities:',
      '  مورتازين:',
      '    name: أندريه مورتازين',
      '    type: person',
      '  بوتين:',
      '    name: فلاديمير بوتين',
      '    type: person',
      '    aliases: [بوتين]',
      '    wikidata: Q7747',
      '  روسيا: روسيا',
      '---',
      '# [بوتين]{@بوتين} و[روسيا]{@روسيا}',
      '',
      'قال [مورتازين]{@مورتازين} إن [[بوتين]{@بوتين} يريد الذخيرة]{ادعاء قائل=مورتازين حالة=disputed عن=بوتين،روسيا id=ذخيرة ملاحظة="رأي المحلل"}.',
      '«[لن نتراجع]{اقتباس قائل=بوتين}» 😀 قالها.',
    ].join('\n'),
  },
  {
    name: 'a body without front matter: BOM, CRLF and CR, emoji, combining marks, escapes, comments',
    text: '\uFEFF# Title with [a span]{@x}\r\n\r\nA line\r[👍🏽 e\u0301]{claim by=x} \\[not a span\\] <!-- [hidden]{@x} -->\r\n[nested [deep [deeper]{@y}]{note="n"}]{quote by=z id=q}\r\n',
  },
  {
    name: 'a document with errors: unknown ids, spans that annotate nothing, an unclosed block',
    text: '---\nsources:\n  s: {kind: person}\n  s: {name: Again}\n---\n[a]{claim by=ghost} [b]{@nobody} [c]{colour=red} [d]{claim quote} [e]{by=s} [f]{@x note="open',
  },
  {
    name: 'spans sharing a written id= name, one of them taking a generated name',
    text: '[a]{claim by=x id=k} [b]{@x id=k} [c]{note="n" id=span-1} [d]{quote id=""}',
  },
  {
    name: 'a front matter that repeats a top-level key and a meta key',
    text: '---\nentities:\n  z: Z\nextra: 1\nentities:\n  y: Y\nextra: 2\n---\n[a]{@y}',
  },
  {
    name: 'an article URL the WHATWG parser leaves invalid as a URI: a second #, brackets in the fragment',
    text: '---\nurl: "https://example.com/a b?q=[1]#frag#2[x]"\n---\n[a]{@x}',
  },
  { name: 'an empty document', text: '' },
];

function readSamples(): { name: string; text: string; uri: string }[] {
  if (!fs.existsSync(SAMPLES)) return [];
  return fs
    .readdirSync(SAMPLES)
    .filter((name) => name.endsWith('.isnad.md'))
    .sort()
    .map((name) => {
      const file = path.join(SAMPLES, name);
      return { name: `samples/${name}`, text: fs.readFileSync(file, 'utf8'), uri: pathToFileURL(file).href };
    });
}

const DOCUMENTS = [...INLINE.map(({ name, text }, i) => ({ name, text, uri: `file:///inline/${i}.isnad.md` })), ...readSamples()];

// ---------------------------------------------------------------------------------------------
// The round trip

/** Front-matter values the parser fills in when the markup says nothing: not the markup's words. */
const DEFAULTS: Readonly<Record<string, string>> = { direction: 'auto', kind: 'person', type: 'other' };

/** Every string in a model value (objects, arrays, maps with their keys), with where it was found. */
function modelStrings(value: unknown, at: string, skipDefaults: boolean): [string, string][] {
  if (typeof value === 'string') return value ? [[at, value]] : [];
  if (value instanceof Map) return [...value].flatMap(([key, item]) => [...modelStrings(key, `${at} key`, skipDefaults), ...modelStrings(item, `${at}.${key}`, skipDefaults)]);
  if (Array.isArray(value)) return value.flatMap((item, i) => modelStrings(item, `${at}[${i}]`, skipDefaults));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => (skipDefaults && DEFAULTS[key] === item ? [] : modelStrings(item, `${at}.${key}`, skipDefaults)));
  }
  return [];
}

/** Every string in a JSON value, keys included, NFC-normalised as ids are compared (FORMAT.md §2). */
function jsonStrings(value: unknown): Set<string> {
  const strings = new Set<string>();
  const visit = (item: unknown): void => {
    if (typeof item === 'string') strings.add(item.normalize('NFC'));
    else if (Array.isArray(item)) item.forEach(visit);
    else if (item && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        strings.add(key.normalize('NFC'));
        visit(child);
      }
    }
  };
  visit(value);
  return strings;
}

function assertRoundTrip(doc: IsnadDocument, collection: Record<string, any>): void {
  const clean = cleanTextOf(doc).text;
  assert.equal(collection.cleanText, clean);
  assert.equal(collection.sha256, createHash('sha256').update(clean, 'utf8').digest('hex'));
  assert.equal(collection.offsetUnit, 'codepoint');

  const frontMatter = doc.frontMatter;
  assert.deepEqual(collection.frontMatter, asExported(JSON.parse(JSON.stringify(frontMatter?.data ?? {}))), 'the front matter as written');
  assert.deepEqual(collection.meta, asExported(JSON.parse(JSON.stringify(frontMatter?.meta ?? {}))));
  const exported = jsonStrings(collection);
  for (const [at, value] of modelStrings(frontMatter, 'frontMatter', true)) {
    assert.ok(exported.has(asExported(value.normalize('NFC')) as string), `${at} = ${JSON.stringify(value)} is not in the export`);
  }

  const annotated = doc.spans.filter((span) => span.kind !== 'invalid');
  const items: Record<string, any>[] = collection.first?.items ?? [];
  assert.equal(collection.total, annotated.length);
  assert.equal(items.length, annotated.length);
  const codePoints = Array.from(clean);
  annotated.forEach((span, i) => {
    const item = items[i];
    const strings = jsonStrings(item);
    for (const [at, value] of modelStrings(span, `span ${span.index}`, false)) {
      assert.ok(strings.has(value.normalize('NFC')), `${at} = ${JSON.stringify(value)} is not in annotation ${i}`);
    }
    assert.equal(item.body['isnad:kind'], span.kind);
    const [quote, position] = item.target.selector;
    assert.equal(quote.exact, plainText(doc, span.contentRange), `span ${span.index} quotes its content`);
    assert.equal(quote.exact, codePoints.slice(position.start, position.end).join(''), `span ${span.index}: exact is cleanText[start:end]`);
  });
}

describe('w3c export round trip', () => {
  for (const { name, text, uri } of DOCUMENTS) {
    it(`keeps every span, attribute and front-matter field: ${name}`, () => {
      const doc = parseIsnad(text, uri);
      assertRoundTrip(doc, JSON.parse(exportDocument(doc, 'w3c')));
    });
  }

  it('notices a span that is missing from the export', () => {
    const doc = parseIsnad(INLINE[0].text);
    const collection = JSON.parse(exportDocument(doc, 'w3c'));
    collection.first.items[3].body['isnad:status'] = 'supported';
    assert.throws(() => assertRoundTrip(doc, collection), /unverified/);
  });
});

// ---------------------------------------------------------------------------------------------
// The W3C Web Annotation model tests

interface Assertion {
  readonly file: string;
  readonly expectedResult: 'valid' | 'invalid';
  readonly errorMessage: string;
  readonly validate: ValidateFunction;
}

interface Suite {
  readonly annotation: readonly Assertion[];
  readonly collection: readonly Assertion[];
  readonly page: readonly Assertion[];
  readonly ajv: Ajv;
}

/**
 * What an unexpected result means (JSONtest's `onUnexpectedResult`). The `must` tests use only
 * these; an assertion asking for anything else (skipping or aborting the rest) fails to load,
 * so that a change to the suite is noticed rather than misread.
 */
const UNEXPECTED_RESULT_FAILS: Readonly<Record<string, boolean>> = { failAndContinue: true, passAndContinue: false };

// The suite's two formats, which Ajv leaves to its user. `uri` is RFC 3986
// `absolute-URI [ "#" fragment ]`; `date-time` is RFC 3339, as JSON Schema draft 4 defines it.
const URI_CHARACTER = "(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})";
const URI = new RegExp(`^[A-Za-z][A-Za-z0-9+.\\-]*:${URI_CHARACTER}*(?:#${URI_CHARACTER}*)?$`);
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

function readJson(file: string): any {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function loadSuite(): Suite {
  assert.ok(fs.existsSync(SUITE), `the W3C Web Annotation tests are missing: ${SUITE}`);
  // Strict about schemas, except for the suite's own bookkeeping keywords and its untyped unions.
  const ajv = new Ajv({ allErrors: true, strictTypes: false, strictTuples: false });
  ajv.addVocabulary(['assertionType', 'expectedResult', 'onUnexpectedResult', 'errorMessage']);
  ajv.addFormat('uri', URI);
  ajv.addFormat('date-time', DATE_TIME);
  const definitions = path.join(SUITE, 'definitions');
  for (const file of fs.readdirSync(definitions).filter((name) => name.endsWith('.json'))) ajv.addSchema(readJson(path.join(definitions, file)));

  const musts = (test: string): Assertion[] => {
    const { assertions } = readJson(path.join(SUITE, test));
    assert.ok(Array.isArray(assertions) && assertions.length > 0, `${test} lists no assertions`);
    const loaded = assertions.flatMap((entry: unknown): Assertion[] => {
      assert.equal(typeof entry, 'string', `${test}: an assertion that is not a file name: ${JSON.stringify(entry)}`);
      const file = entry as string;
      const schema = readJson(path.join(SUITE, file));
      if (schema.assertionType !== 'must') return [];
      assert.ok(schema.expectedResult === 'valid' || schema.expectedResult === 'invalid', `${file}: expectedResult ${schema.expectedResult}`);
      const onUnexpected = schema.onUnexpectedResult ?? 'failAndContinue';
      assert.ok(onUnexpected in UNEXPECTED_RESULT_FAILS, `${file}: onUnexpectedResult ${onUnexpected} is not supported`);
      if (!UNEXPECTED_RESULT_FAILS[onUnexpected]) return [];
      return [{ file, expectedResult: schema.expectedResult, errorMessage: schema.errorMessage ?? '', validate: ajv.compile(schema) }];
    });
    assert.ok(loaded.length > 0, `${test} has no must assertions`);
    return loaded;
  };
  return {
    annotation: musts('annotations/annotationMusts.test'),
    collection: musts('collections/collectionMusts.test'),
    page: musts('collections/pages/pageMusts.test'),
    ajv,
  };
}

/**
 * The assertions a value breaks. An assertion holds when the value validates against its
 * schema and `expectedResult` is `valid`, or fails to and `expectedResult` is `invalid`.
 */
function broken(suite: Suite, assertions: readonly Assertion[], value: unknown): string[] {
  return assertions.flatMap((assertion) => {
    const valid = assertion.validate(value) as boolean;
    if (valid === (assertion.expectedResult === 'valid')) return [];
    return [`${assertion.file}: ${assertion.errorMessage} (${suite.ajv.errorsText(assertion.validate.errors)})`];
  });
}

describe('w3c export against the W3C Web Annotation model tests', () => {
  let suite: Suite;
  before(() => {
    suite = loadSuite();
  });

  for (const { name, text, uri } of DOCUMENTS) {
    it(`passes every must: ${name}`, () => {
      const collection = JSON.parse(exportDocument(parseIsnad(text, uri), 'w3c'));
      const problems = [
        ...broken(suite, suite.collection, collection),
        ...broken(suite, suite.page, collection.first).map((problem) => `page: ${problem}`),
        ...broken(suite, suite.page, collection).map((problem) => `collection with its embedded page: ${problem}`),
        ...collection.first.items.flatMap((annotation: unknown, i: number) =>
          // Each annotation taken alone, as a consumer that splits the collection would.
          broken(suite, suite.annotation, structuredClone(annotation)).map((problem) => `annotation ${i}: ${problem}`),
        ),
      ];
      assert.deepEqual(problems, []);
    });
  }

  describe('notices what breaks the model', () => {
    const exported = () => JSON.parse(exportDocument(parseIsnad(INLINE[0].text, 'file:///a.isnad.md'), 'w3c'));
    const annotation = () => exported().first.items[3];

    const breakages: [string, (annotation: any) => void][] = [
      ['a missing target', (a) => delete a.target],
      ['an id that is not a URI', (a) => (a.id = 'capacity')],
      ['an annotation without its context', (a) => delete a['@context']],
      ['both body and bodyValue', (a) => (a.bodyValue = 'text')],
      ['a textual body without a value', (a) => delete a.body.value],
      ['a negative position', (a) => (a.target.selector[1].start = -1)],
      ['a quote selector without exact', (a) => delete a.target.selector[0].exact],
      ['an IRI that is not percent-encoded', (a) => (a.target.source = 'https://example.com/أخبار')],
      ['a via that is not a URI on the body', (a) => (a.body.via = 'press conference')],
    ];
    for (const [what, breakIt] of breakages) {
      it(`in an annotation: ${what}`, () => {
        const value = annotation();
        assert.deepEqual(broken(suite, suite.annotation, value), [], 'valid before');
        breakIt(value);
        assert.notDeepEqual(broken(suite, suite.annotation, value), []);
      });
    }

    it('in a collection: a total with no first page, a missing context', () => {
      const collection = exported();
      delete collection.first;
      assert.notDeepEqual(broken(suite, suite.collection, collection), []);
      const noContext = exported();
      delete noContext['@context'];
      assert.notDeepEqual(broken(suite, suite.collection, noContext), []);
    });

    it('in a page: no items', () => {
      const page = exported().first;
      delete page.items;
      assert.notDeepEqual(broken(suite, suite.page, page), []);
    });
  });
});
