// The three export formats of FORMAT.md §7 and the flat record they share.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { parseIsnad } from '../../server/src/service/parse/document';
import { EXPORT_EXTENSIONS, EXPORT_FORMATS, exportDocument } from '../../server/src/service/export/index';
import { FLAT_FIELDS, annotationsOf, type Annotations } from '../../server/src/service/export/annotations';
import { cleanTextOf } from '../../server/src/service/export/cleanText';

const URI = 'file:///articles/port.isnad.md';

const ARTICLE = [
  '---',
  'title: "Ports, \\"reopened\\""',
  'url: https://example.com/أخبار/ميناء?x=1',
  'published: 2024-05-14',
  'language: en',
  'desk: Harbour',
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
  'entities:',
  '  ali:',
  '    name: Ali Hassan',
  '    type: person',
  '  port: Port of Valmora',
  '  town:',
  '    name: Valmora',
  '    type: place',
  '---',
  '# The [port]{@port} reopens',
  '',
  '"[We are open, [the port]{@port} takes [twelve ships]{claim status=unverified about=port,town id=capacity} a day]{quote by=ali id=open note="He said \\"open\\", twice"}," said [Ali]{@ali}.',
  '',
  '[A note on the town]{note="Check the date."}',
  '[nothing]{colour=red}',
].join('\n');

const ARTICLE_CLEAN = 'The port reopens\n\n"We are open, the port takes twelve ships a day," said Ali.\n\nA note on the town\nnothing';

const ARTICLE_TARGET = `https://example.com/${encodeURIComponent('أخبار')}/${encodeURIComponent('ميناء')}?x=1`;

const article = () => parseIsnad(ARTICLE, URI);

/** RFC 4180, strictly: every record ends with CRLF, and only quoted fields hold `"`, CR or LF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') cell += c;
      else if (text[i + 1] === '"') cell += text[++i];
      else quoted = false;
    } else if (c === '"' && cell === '') {
      quoted = true;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
      i++;
    } else {
      assert.ok(c !== '"' && c !== '\r' && c !== '\n', `unquoted ${JSON.stringify(c)} at ${i}`);
      cell += c;
    }
  }
  assert.ok(!quoted && cell === '' && row.length === 0, 'the last record ends with CRLF');
  return rows;
}

/** FORMAT.md §7 restated: lists joined with `;`, and a would-be formula made inert with `'`. */
function expectedCell(value: unknown): string {
  const text = value === null ? '' : Array.isArray(value) ? value.join(';') : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The flat formats' rows: each record with the document-wide fields after it. */
function flatRows({ header, records }: Annotations): Record<string, unknown>[] {
  return records.map((record) => ({ ...record, ...header }));
}

const ILL_FORMED = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Every string in a JSON value, keys included. */
function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => [key, ...allStrings(item)]);
  return [];
}

describe('annotation records', () => {
  it('has one record per span that annotates something, in document order', () => {
    const { records } = annotationsOf(article());
    assert.deepEqual(
      records.map((record) => [record.id, record.kind, record.exact, record.start, record.end]),
      [
        ['span-1', 'mention', 'port', 4, 8],
        ['open', 'quote', 'We are open, the port takes twelve ships a day', 19, 65],
        ['span-3', 'mention', 'the port', 32, 40],
        ['capacity', 'claim', 'twelve ships', 47, 59],
        ['span-5', 'mention', 'Ali', 73, 76],
        ['span-6', 'note', 'A note on the town', 79, 97],
      ],
    );
    for (const record of records) assert.equal(record.exact, ARTICLE_CLEAN.slice(record.start, record.end));
  });

  it('gives a statement its speaker, inherited ones with where they came from', () => {
    const capacity = annotationsOf(article()).records[3];
    assert.deepEqual(capacity, {
      id: 'capacity',
      kind: 'claim',
      exact: 'twelve ships',
      prefix: 's\n\n"We are open, the port takes ',
      suffix: ' a day," said Ali.\n\nA note on th',
      start: 47,
      end: 59,
      entityId: null,
      entityName: null,
      entityType: null,
      speakerId: 'ali',
      speakerName: 'Ali Hassan',
      speakerKind: 'government',
      speakerRole: 'spokesman',
      speakerAffiliation: 'Ministry of Ports',
      speakerVia: 'press conference',
      speakerUrl: 'https://example.com/statement',
      speakerDate: '2024-05-13',
      inheritedFrom: 'open',
      status: 'unverified',
      note: null,
      aboutIds: ['port', 'town'],
      aboutNames: ['Port of Valmora', 'Valmora'],
      section: 'The port reopens',
      line: 27,
      character: 39,
    });
  });

  it('does not pass a speaker down to a mention', () => {
    const [heading, quote, nested, , ali] = annotationsOf(article()).records;
    assert.equal(nested.speakerId, null);
    assert.equal(quote.speakerId, 'ali');
    assert.equal(quote.inheritedFrom, null);
    assert.equal(quote.note, 'He said "open", twice');
    assert.deepEqual([ali.entityId, ali.entityName, ali.entityType], ['ali', 'Ali Hassan', 'person']);
    assert.deepEqual([heading.entityId, heading.entityName, heading.entityType, heading.line, heading.character], ['port', 'Port of Valmora', 'other', 25, 6]);
  });

  it('has the document-wide fields: code points, the SHA-256 of the clean text, the target', () => {
    const doc = article();
    assert.equal(cleanTextOf(doc).text, ARTICLE_CLEAN);
    assert.deepEqual(annotationsOf(doc).header, {
      offsetUnit: 'codepoint',
      sha256: createHash('sha256').update(ARTICLE_CLEAN, 'utf8').digest('hex'),
      target: ARTICLE_TARGET,
      document: URI,
    });
    assert.equal(annotationsOf(parseIsnad('[a]{@x}', 'untitled:My notes')).header.target, 'untitled:My%20notes', 'the document URI when there is no url');
  });

  it('passes a speaker down through any number of enclosing statements, in linear time', () => {
    const deep = 50_000;
    const doc = parseIsnad(`${'['.repeat(deep)}x${']{claim}'.repeat(deep - 1)}]{quote by=a id=top}`);
    const started = performance.now();
    const { records } = annotationsOf(doc);
    assert.ok(performance.now() - started < 3_000, 'no walk up the nesting from every span');
    assert.equal(records.length, deep);
    assert.deepEqual([records[0].id, records[0].speakerId, records[0].inheritedFrom], ['top', 'a', null]);
    assert.deepEqual([records[deep - 1].speakerId, records[deep - 1].inheritedFrom], ['a', 'top']);
    assert.equal(annotationsOf(parseIsnad('[[x]{claim}]{claim}')).records[1].speakerId, null, 'unattributed all the way up');
  });

  it('keeps every annotation id unique, written ones first', () => {
    const doc = parseIsnad('[a]{@x id=k} [b]{@x id=k} [c]{@x id=span-4} [d]{@x} [e]{@x}');
    assert.deepEqual(
      annotationsOf(doc).records.map((record) => record.id),
      ['k', 'k-2', 'span-4', 'span-4-2', 'span-5'],
    );
  });

  it('has nothing for a document without spans', () => {
    assert.deepEqual(annotationsOf(parseIsnad('Just text.')).records, []);
    assert.equal(exportDocument(parseIsnad('Just text.'), 'jsonl'), '');
    assert.equal(exportDocument(parseIsnad(''), 'csv'), `\uFEFF${FLAT_FIELDS.join(',')}\r\n`);
  });
});

describe('jsonl export', () => {
  it('has one flat object per annotation per line, each with every field and the document-wide ones', () => {
    const doc = article();
    const lines = exportDocument(doc, 'jsonl').split('\n');
    assert.equal(lines.pop(), '', 'ends with a line break');
    assert.equal(lines.length, 6, 'no header line');
    const objects = lines.map((line) => JSON.parse(line));
    for (const object of objects) {
      assert.deepEqual(Object.keys(object), [...FLAT_FIELDS]);
      assert.equal(object.offsetUnit, 'codepoint');
      assert.equal(object.document, URI);
      assert.equal(object.target, ARTICLE_TARGET);
      assert.match(object.sha256, /^[0-9a-f]{64}$/);
    }
    assert.equal(objects[0].speakerId, null, 'null where the markup says nothing');
    assert.deepEqual(objects[3].aboutNames, ['Port of Valmora', 'Valmora']);
    assert.deepEqual(objects, flatRows(annotationsOf(doc)));
  });

  it('escapes the line breaks JSON allows raw (NEL, LS, PS): a record is one line by any reckoning', () => {
    const doc = parseIsnad('[a\u2028b\u0085c]{@x note="d\u2029e"}');
    const jsonl = exportDocument(doc, 'jsonl');
    assert.equal(jsonl.split(/\r\n|[\n\r\u0085\u2028\u2029]/).length, 2);
    assert.ok(jsonl.startsWith('{"id":"span-1","kind":"mention","exact":"a\\u2028b\\u0085c",'));
    assert.ok(jsonl.includes(',"note":"d\\u2029e",'));
    const record = JSON.parse(jsonl);
    assert.equal(record.exact, 'a\u2028b\u0085c');
  });
});

describe('csv export', () => {
  it('is RFC 4180 with a byte-order mark, a header row and one row per annotation', () => {
    const doc = article();
    const csv = exportDocument(doc, 'csv');
    assert.ok(csv.startsWith('\uFEFFid,kind,exact,prefix,suffix,start,end,entityId,'));
    const [header, ...rows] = parseCsv(csv.slice(1));
    assert.deepEqual(header, [...FLAT_FIELDS]);
    assert.deepEqual(
      rows,
      flatRows(annotationsOf(doc)).map((row) => FLAT_FIELDS.map((field) => expectedCell(row[field]))),
    );
    assert.ok(csv.includes('\r\nopen,quote,"We are open, the port takes twelve ships a day",'), 'a comma is quoted');
    assert.ok(csv.includes(',"He said ""open"", twice",'), 'quotes are doubled');
    assert.ok(csv.includes(',port;town,Port of Valmora;Valmora,'), 'lists are joined with ;');
  });

  it('makes a cell that would start a formula inert', () => {
    const doc = parseIsnad(
      [
        '---',
        'entities:',
        '  a: "=1+1"',
        '  b: "+cmd|\' /C calc\'!A0"',
        '  c: "-2+3"',
        '  d: "@SUM(A1:A2)"',
        '  e: "\\tTab"',
        '  f: "\\rReturn"',
        '  g: "Safe = fine"',
        '---',
        '[a]{@a} [b]{@b} [c]{@c} [d]{@d} [e]{@e} [f]{@f} [g]{@g} [h]{note="-minus" id=-x}',
      ].join('\n'),
    );
    const csv = exportDocument(doc, 'csv');
    const column = (field: (typeof FLAT_FIELDS)[number]) => parseCsv(csv.slice(1)).slice(1).map((row) => row[FLAT_FIELDS.indexOf(field)]);
    assert.deepEqual(column('entityName'), ["'=1+1", "'+cmd|' /C calc'!A0", "'-2+3", "'@SUM(A1:A2)", "'\tTab", "'\rReturn", 'Safe = fine', '']);
    assert.deepEqual(column('note').at(-1), "'-minus");
    assert.deepEqual(column('id').at(-1), "'-x");
    assert.ok(csv.includes(`,"'\rReturn",`), 'a carriage return is quoted as well as made inert');
  });

  it('makes a cell inert when white space comes before the formula', () => {
    const doc = parseIsnad('[ =1+1]{@x} [\u00A0-2]{@x} [\n@A1]{@x} [ a-b]{@x} [=]{@x}');
    const rows = parseCsv(exportDocument(doc, 'csv').slice(1)).slice(1);
    assert.deepEqual(
      rows.map((row) => row[FLAT_FIELDS.indexOf('exact')]),
      ["' =1+1", "'\u00A0-2", "'\n@A1", ' a-b', "'="],
    );
  });
});

describe('w3c export', () => {
  const exported = () => JSON.parse(exportDocument(article(), 'w3c'));

  it('is an AnnotationCollection carrying the clean text, its SHA-256 and the whole front matter', () => {
    const collection = exported();
    const doc = article();
    assert.equal(collection['@context'][0], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(collection.type, 'AnnotationCollection');
    assert.equal(collection.label, 'Ports, "reopened"');
    assert.equal(collection.total, 6);
    assert.equal(collection.offsetUnit, 'codepoint');
    assert.equal(collection.sha256, annotationsOf(doc).header.sha256);
    assert.equal(collection.cleanText, ARTICLE_CLEAN);
    assert.deepEqual(collection.frontMatter, doc.frontMatter?.data);
    assert.deepEqual(collection.meta, { desk: 'Harbour' });
    assert.equal(collection.first.type, 'AnnotationPage');
    assert.equal(collection.first.startIndex, 0);
    assert.equal(collection.first.items.length, 6);
    assert.equal(exportDocument(article(), 'w3c').at(-1), '\n');
  });

  it('gives each annotation its context, an IRI, a motivation, a body and a selected target', () => {
    const items = exported().first.items;
    assert.deepEqual(
      items.map((item: { motivation: string }) => item.motivation),
      ['identifying', 'assessing', 'identifying', 'assessing', 'identifying', 'commenting'],
    );
    const ids = items.map((item: { id: string }) => item.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const item of items) {
      assert.equal(item['@context'][0], 'http://www.w3.org/ns/anno.jsonld');
      assert.equal(item.type, 'Annotation');
      assert.match(item.id, /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}#/);
      assert.equal(item.id, `${exported().id}#${encodeURIComponent(item.body['isnad:id'])}`);
    }
    const capacity = items[3];
    assert.deepEqual(capacity.target, {
      source: ARTICLE_TARGET,
      selector: [
        { type: 'TextQuoteSelector', exact: 'twelve ships', prefix: 's\n\n"We are open, the port takes ', suffix: ' a day," said Ali.\n\nA note on th' },
        { type: 'TextPositionSelector', start: 47, end: 59 },
      ],
    });
    assert.deepEqual(capacity.body, {
      type: 'TextualBody',
      value: 'Ali Hassan',
      format: 'text/plain',
      'isnad:id': 'capacity',
      'isnad:kind': 'claim',
      'isnad:speaker': {
        id: 'ali',
        name: 'Ali Hassan',
        kind: 'government',
        role: 'spokesman',
        affiliation: 'Ministry of Ports',
        via: 'press conference',
        url: 'https://example.com/statement',
        date: '2024-05-13',
        inheritedFrom: 'open',
      },
      'isnad:status': 'unverified',
      'isnad:about': [
        { id: 'port', name: 'Port of Valmora' },
        { id: 'town', name: 'Valmora' },
      ],
      'isnad:section': 'The port reopens',
    });
    assert.deepEqual(items[0].body['isnad:entity'], { id: 'port', name: 'Port of Valmora', type: 'other' });
    assert.equal(items[0].body.value, 'Port of Valmora');
    assert.equal(items[5].body.value, 'Check the date.');
  });

  it('keeps an annotation’s IRI when the text around it changes, and not across documents', () => {
    const iriOf = (text: string, uri = URI) => JSON.parse(exportDocument(parseIsnad(text, uri), 'w3c')).first.items.at(-1).id;
    const iri = iriOf('[a]{claim id=k}');
    assert.equal(iriOf('New [b]{@x} text. [a, changed]{claim id=k}'), iri);
    assert.notEqual(iriOf('[a]{claim id=k}', 'file:///other.isnad.md'), iri);
  });

  it('targets a valid URI: a second # and brackets outside an IP literal host are percent-encoded', () => {
    const target = (url: string) => annotationsOf(parseIsnad(`---\nurl: "${url}"\n---\n[a]{@x}`, URI)).header.target;
    assert.equal(target('https://[::1]:8080/a b?q=[1]#frag#2[x]'), 'https://[::1]:8080/a%20b?q=%5B1%5D#frag%232%5Bx%5D');
    assert.equal(target('https://example.com/plain#top'), 'https://example.com/plain#top');
    assert.equal(annotationsOf(parseIsnad('[a]{@x}', 'untitled:Untitled [1]#2')).header.target, 'untitled:Untitled%20%5B1%5D#2');
  });

  it('keeps a written id= the annotation could not take as isnad:name', () => {
    const collection = JSON.parse(exportDocument(parseIsnad('[a]{@x id=k} [b]{@x id=k} [c]{@x} [d]{@x id=span-3}'), 'w3c'));
    assert.deepEqual(
      collection.first.items.map((item: any) => [item.body['isnad:id'], item.body['isnad:name']]),
      [
        ['k', undefined],
        ['k-2', 'k'],
        ['span-3-2', undefined],
        ['span-3', undefined],
      ],
    );
  });

  it('has no label without a title, and an empty page for a document without spans', () => {
    const collection = JSON.parse(exportDocument(parseIsnad('No spans.'), 'w3c'));
    assert.equal('label' in collection, false);
    assert.equal(collection.total, 0);
    assert.deepEqual(collection.first.items, []);
    assert.deepEqual(collection.frontMatter, {});
  });
});

describe('exports of ill-formed text', () => {
  // Unpaired surrogates: in the body, in a note, in a front-matter value and in a front-matter key.
  const text = '---\nentities:\n  x: "\\uD800name"\n"\\uDC00key": 1\n---\n[a\uDC00b]{@x note="n\uD83D \\\\ud800 \\\\\uD800"} [c]{@x id="k\uDBFF"}';

  it('replaces unpaired surrogates with U+FFFD everywhere, and leaves an escaped backslash alone', () => {
    const doc = parseIsnad(text);
    for (const format of EXPORT_FORMATS) {
      const output = exportDocument(doc, format);
      assert.ok(!ILL_FORMED.test(output), `${format}: no unpaired surrogate`);
      if (format !== 'csv') assert.ok(!/\\u[dD][89a-fA-F]/.test(output.replace(/\\\\/g, '')), `${format}: no escaped unpaired surrogate`);
    }
    const w3c = JSON.parse(exportDocument(doc, 'w3c'));
    assert.ok(allStrings(w3c).every((string) => !ILL_FORMED.test(string)));
    assert.equal(w3c.first.items[0].target.selector[0].exact, 'a\uFFFDb');
    assert.equal(w3c.first.items[0].body['isnad:entity'].name, '\uFFFDname');
    assert.equal(w3c.first.items[0].body['isnad:note'], 'n\uFFFD \\ud800 \\\uFFFD');
    assert.deepEqual(w3c.meta, { '\uFFFDkey': 1 });
    assert.equal(w3c.first.items[1].id, `${w3c.id}#k%EF%BF%BD`, 'an id with an unpaired surrogate still gives a valid IRI');
    const [line] = exportDocument(doc, 'jsonl').split('\n');
    assert.equal(JSON.parse(line).note, 'n\uFFFD \\ud800 \\\uFFFD');
    assert.ok(exportDocument(doc, 'csv').includes(',a\uFFFDb,'));
  });
});

describe('export formats', () => {
  it('name each format’s file extension', () => {
    assert.deepEqual(EXPORT_FORMATS, ['w3c', 'jsonl', 'csv']);
    assert.deepEqual(EXPORT_EXTENSIONS, { w3c: '.annotations.jsonld', jsonl: '.annotations.jsonl', csv: '.annotations.csv' });
  });
});
