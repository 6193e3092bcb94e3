import * as assert from 'node:assert/strict';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type TextEdit } from 'vscode-languageserver-types';
import { parseIsnad } from '../../server/src/service/parse/document';
import { computeCompletion } from '../../server/src/service/features/completion/index';
import type { Locale } from '../../server/src/service/l10n';
import { fixture, lines } from './fixture';
import { LineIndex } from '../../server/src/service/lineIndex';
import { parseRegistry } from '../../server/src/service/parse/registry';

const FRONT_MATTER = [
  '---',
  'sources:',
  '  okafor: {name: Amina Okafor, kind: person, role: port director}',
  '  مورتازين:',
  '    name: أندريه مورتازين',
  '    kind: person',
  '    role: كاتب ومحلل سياسي روسي',
  'entities:',
  '  port: {name: Port of Velmora, type: place, description: The harbour}',
  '  بوتين: {name: فلاديمير بوتين, type: person}',
  '  مورتازين: {name: أندريه مورتازين, type: person}',
  '---',
];

/** The completions at `$0`; every item's edit must replace exactly the fixture's `⟦…⟧`. */
function complete(marked: string, locale: Locale = 'en'): { items: CompletionItem[]; text: string; apply: (item: CompletionItem) => string } {
  const f = fixture(marked);
  const items = computeCompletion(parseIsnad(f.text, 'file:///a.isnad.md', 1), f.position, locale);
  for (const item of items) assert.deepEqual((item.textEdit as TextEdit).range, f.range, `the edit range of ${item.label}`);
  const index = new LineIndex(f.text);
  const apply = (item: CompletionItem) => {
    const edit = item.textEdit as TextEdit;
    return f.text.slice(0, index.offsetAt(edit.range.start)) + edit.newText + f.text.slice(index.offsetAt(edit.range.end));
  };
  return { items, text: f.text, apply };
}

const labels = (items: readonly CompletionItem[]) => items.map((item) => item.label);
/** The labels in the order of their sort texts, compared as the editor does: by code unit. */
const sorted = (items: readonly CompletionItem[]) => [...items].sort((a, b) => ((a.sortText ?? '') < (b.sortText ?? '') ? -1 : 1)).map((item) => item.label);
const body = (...text: string[]) => lines(...FRONT_MATTER, ...text);

describe('completion', () => {
  describe('ids in an attribute block', () => {
    it('after by= offers the sources (name, kind and role as detail) and then the entities that are not sources', () => {
      const { items, apply } = complete(body('[The port reopens]{claim by=⟦ok$0⟧}'));
      assert.deepEqual(sorted(items), ['okafor', 'مورتازين', 'port', 'بوتين']);
      const okafor = items.find((item) => item.label === 'okafor')!;
      assert.equal(okafor.detail, 'Amina Okafor · person · port director');
      assert.equal(okafor.kind, CompletionItemKind.Function);
      assert.equal(okafor.filterText, 'okafor Amina Okafor');
      assert.equal(items.find((item) => item.label === 'port')!.documentation, 'The harbour');
      assert.equal(apply(okafor), body('[The port reopens]{claim by=okafor}'));
    });

    it('after قائل= in Arabic replaces the whole partial id, with Arabic details in Arabic', () => {
      const { items, apply } = complete(body('[الذخيرة ستصل]{ادعاء قائل=⟦مور$0تا⟧}'), 'ar');
      const source = items.find((item) => item.label === 'مورتازين' && item.kind === CompletionItemKind.Function)!;
      assert.equal(source.detail, 'أندريه مورتازين · شخص · كاتب ومحلل سياسي روسي');
      assert.equal(apply(source), body('[الذخيرة ستصل]{ادعاء قائل=مورتازين}'));
    });

    it('after @ offers the entities only, each with its type', () => {
      const { items, apply } = complete(body('[Velmora]{@⟦$0⟧}'));
      assert.deepEqual(labels(items), ['port', 'بوتين', 'مورتازين']);
      assert.deepEqual(items.map((item) => [item.detail, item.kind]), [
        ['Port of Velmora · place', CompletionItemKind.Struct],
        ['فلاديمير بوتين · person', CompletionItemKind.Variable],
        ['أندريه مورتازين · person', CompletionItemKind.Variable],
      ]);
      assert.equal(apply(items[0]), body('[Velmora]{@port}'));
    });

    it('after about= and after each comma (Latin or Arabic) offers the entities for that list item', () => {
      assert.equal(complete(body('[x]{claim about=⟦p$0⟧}')).items.length, 3);
      const { items, apply } = complete(body('[x]{claim about=port,⟦بو$0⟧ by=okafor}'));
      assert.equal(apply(items[1]), body('[x]{claim about=port,بوتين by=okafor}'));
      assert.equal(complete(body('[x]{ادعاء عن=port،⟦$0⟧}')).items.length, 3);
    });

    it('after status= offers the six statuses, localised in the detail', () => {
      const { items, apply } = complete(body('[x]{claim status=⟦d$0⟧}'), 'ar');
      assert.deepEqual(sorted(items), ['unverified', 'supported', 'disputed', 'false', 'misleading', 'opinion']);
      assert.equal(items[2].detail, 'متنازع عليه');
      assert.equal(apply(items[2]), body('[x]{claim status=disputed}'));
    });

    it('offers nothing inside a quoted note', () => {
      assert.deepEqual(complete(body('[x]{claim note="who $0said"}')).items, []);
    });

    it('completes inside the quotes of a by=, about= or status= value quoted whole, keeping the quotes', () => {
      const by = complete(body('[x]{claim by="⟦ok$0⟧"}'));
      assert.deepEqual(sorted(by.items), ['okafor', 'مورتازين', 'port', 'بوتين']);
      assert.equal(by.apply(by.items.find((item) => item.label === 'okafor')!), body('[x]{claim by="okafor"}'));
      const opened = complete(body('[x]{claim قائل="⟦$0⟧'));
      assert.equal(opened.apply(opened.items.find((item) => item.label === 'port')!), body('[x]{claim قائل="port'));
      const about = complete(body('[x]{claim about="port, ⟦بو$0⟧"}'));
      assert.equal(about.apply(about.items.find((item) => item.label === 'بوتين')!), body('[x]{claim about="port, بوتين"}'));
      const status = complete(body('[x]{claim status="⟦di$0s⟧"}'));
      assert.equal(status.apply(status.items.find((item) => item.label === 'disputed')!), body('[x]{claim status="disputed"}'));
    });

    it('offers nothing after a quote inside a value, after a closing quote, nor inside a quoted keyword', () => {
      assert.deepEqual(complete(body('[x]{claim by=ok"a$0"}')).items, []);
      assert.deepEqual(complete(body('[x]{claim by="okafor"$0}')).items, []);
      assert.deepEqual(complete(body('[x]{claim by="ok"x$0}')).items, []);
      assert.deepEqual(complete(body('[x]{"cl$0"}')).items, []);
    });
  });

  describe('keywords and keys in an attribute block', () => {
    it('offers the kinds, @ and every key, English first in a left-to-right paragraph', () => {
      const { items } = complete(body('[The port reopens]{⟦$0⟧}'));
      assert.deepEqual(sorted(items), ['claim', 'quote', '@', 'about=', 'by=', 'id=', 'note="…"', 'status=', 'ادعاء', 'اقتباس', 'حالة=', 'عن=', 'قائل=', 'ملاحظة="…"']);
    });

    it('puts the Arabic forms first in a right-to-left paragraph, and leaves out what the block has', () => {
      const { items, apply } = complete(body('[الذخيرة ستصل]{ادعاء ⟦$0⟧ قائل=مورتازين}'));
      assert.deepEqual(sorted(items), ['@', 'حالة=', 'عن=', 'ملاحظة="…"', 'about=', 'id=', 'note="…"', 'status=']);
      const status = items.find((item) => item.label === 'حالة=')!;
      assert.deepEqual(status.command, { title: '', command: 'editor.action.triggerSuggest' }, 'the values are suggested next');
      assert.equal(apply(status), body('[الذخيرة ستصل]{ادعاء حالة= قائل=مورتازين}'));
    });

    it('replaces the keyword being typed; a note is a snippet placing the cursor between the quotes', () => {
      const { items, apply } = complete(body('[x]{claim ⟦no$0⟧}'));
      const note = items.find((item) => item.label === 'note="…"')!;
      assert.equal(note.insertTextFormat, InsertTextFormat.Snippet);
      assert.equal(note.filterText, 'note');
      assert.equal(apply(note), body('[x]{claim note="$1"}'));
      assert.equal(items.find((item) => item.label === 'claim'), undefined, 'the block already has a kind');
    });

    it('works in a block that is not closed yet, as the user types it', () => {
      const { items, apply } = complete(body('Okafor said [the port reopens]{quote by=⟦$0⟧'));
      assert.equal(apply(items[0]), body('Okafor said [the port reopens]{quote by=okafor'));
    });

    it('offers nothing outside attribute blocks and the front matter', () => {
      assert.deepEqual(complete(body('The port $0reopens [x]{claim}')).items, []);
      assert.deepEqual(complete(body('[The $0port]{claim}')).items, []);
    });
  });

  describe('the front matter', () => {
    it('offers the top-level keys not written yet', () => {
      const { items, apply } = complete(lines('---', 'title: T', '⟦di$0⟧', '---', 'text'));
      assert.deepEqual(labels(items), ['outlet', 'url', 'published', 'language', 'direction', 'authors', 'sources', 'entities']);
      assert.equal(apply(items[4]), lines('---', 'title: T', 'direction: ', '---', 'text'));
      assert.equal(apply(items[6]), lines('---', 'title: T', 'sources:\n  ', '---', 'text'));
    });

    it('offers direction values, source kinds and entity types, localised in the detail', () => {
      assert.deepEqual(labels(complete(lines('---', 'direction: ⟦r$0⟧', '---')).items), ['rtl', 'ltr', 'auto']);
      const kinds = complete(lines('---', 'sources:', '  a:', '    name: A', '    kind: ⟦$0⟧', '---'), 'ar').items;
      assert.deepEqual(kinds.map((item) => [item.label, item.detail]), [
        ['person', 'شخص'],
        ['organization', 'منظمة'],
        ['government', 'حكومة'],
        ['media', 'وسيلة إعلام'],
        ['document', 'وثيقة'],
        ['anonymous', 'مجهول'],
      ]);
      const { items, apply } = complete(lines('---', 'entities:', '  a: {name: A, type: ⟦co$0⟧}', '---'));
      assert.deepEqual(labels(items), ['person', 'organization', 'country', 'place', 'event', 'other']);
      assert.equal(apply(items[2]), lines('---', 'entities:', '  a: {name: A, type: country}', '---'));
    });

    it('offers the entities after a source’s entity:', () => {
      const { items, apply } = complete(lines(...FRONT_MATTER.slice(0, 6), '    entity: ⟦مو$0⟧', ...FRONT_MATTER.slice(6)));
      assert.deepEqual(labels(items), ['port', 'بوتين', 'مورتازين']);
      assert.equal(apply(items[2]), lines(...FRONT_MATTER.slice(0, 6), '    entity: مورتازين', ...FRONT_MATTER.slice(6)));
    });

    it('offers a source’s or an entity’s keys inside its entry, block or flow', () => {
      assert.deepEqual(labels(complete(lines('---', 'sources:', '  a:', '    name: A', '    ⟦a$0⟧', '---')).items), ['name', 'kind', 'role', 'affiliation', 'via', 'url', 'date', 'entity']);
      assert.deepEqual(labels(complete(lines('---', 'entities:', '  a: {name: A, ⟦$0⟧}', '---')).items), ['name', 'type', 'aliases', 'description', 'wikidata', 'url']);
    });

    it('offers a new source or entity snippet where an id goes', () => {
      const source = complete(lines('---', 'sources:', '  a: A', '  ⟦$0⟧', '---')).items;
      assert.deepEqual(source.map((item) => [item.label, item.kind, item.insertTextFormat]), [['New source', CompletionItemKind.Snippet, InsertTextFormat.Snippet]]);
      assert.equal(
        (source[0].textEdit as TextEdit).newText,
        '${1:id}:\n  name: ${2:name}\n  kind: ${3|person,organization,government,media,document,anonymous|}\n  role: $0',
      );
      const entity = complete(lines('---', 'entities:', '  ⟦$0⟧', '---'), 'ar').items;
      assert.deepEqual(entity.map((item) => [item.label, item.detail]), [['كيان جديد', 'كيان: شخص أو منظمة أو دولة أو مكان أو حدث يتناوله المقال.']]);
      assert.equal((entity[0].textEdit as TextEdit).newText, '${1:id}:\n  name: ${2:name}\n  type: ${3|person,organization,country,place,event,other|}\n  description: $0');
    });
  });

  describe('a document without front matter', () => {
    const ENGLISH_SKELETON = [
      '---',
      'title: ${1:title}',
      'outlet: ${2:outlet}',
      'language: en',
      'direction: ltr',
      'sources:',
      '  ${3:source_id}:',
      '    name: ${4:name}',
      '    kind: ${5|person,organization,government,media,document,anonymous|}',
      'entities:',
      '  ${6:entity_id}:',
      '    name: ${7:name}',
      '    type: ${8|person,organization,country,place,event,other|}',
      '---',
      '$0',
    ].join('\n');

    it('offers a whole front matter, English or Arabic, in an empty document', () => {
      const { items } = complete('⟦$0⟧');
      assert.deepEqual(
        items.map((item) => [item.label, item.kind, item.insertTextFormat, item.filterText, item.sortText]),
        [
          ['New English article', CompletionItemKind.Snippet, InsertTextFormat.Snippet, '---', '0'],
          ['New Arabic article', CompletionItemKind.Snippet, InsertTextFormat.Snippet, '---', '1'],
        ],
      );
      assert.equal(items[0].detail, 'The front matter: title, outlet, language, a source and an entity to fill in.');
      assert.equal((items[0].textEdit as TextEdit).newText, ENGLISH_SKELETON);
      assert.equal(
        (items[1].textEdit as TextEdit).newText,
        [
          '---',
          'title: ${1:العنوان}',
          'outlet: ${2:الوسيلة}',
          'language: ar',
          'direction: rtl',
          'sources:',
          '  ${3:معرف_المصدر}:',
          '    name: ${4:الاسم}',
          '    kind: ${5|person,organization,government,media,document,anonymous|}',
          'entities:',
          '  ${6:معرف_الكيان}:',
          '    name: ${7:الاسم}',
          '    type: ${8|person,organization,country,place,event,other|}',
          '---',
          '$0',
        ].join('\n'),
      );
    });

    it('replaces the fence being typed, and puts one above an article already written', () => {
      assert.equal(complete('⟦--$0⟧').apply(complete('⟦--$0⟧').items[0]), ENGLISH_SKELETON);
      const { items, apply } = complete(lines('⟦$0⟧', 'The port reopens.'));
      assert.equal(apply(items[0]), lines(ENGLISH_SKELETON, 'The port reopens.'));
      assert.deepEqual(labels(complete('\uFEFF⟦---$0⟧', 'ar').items), ['مقال إنجليزي جديد', 'مقال عربي جديد']);
    });

    it('offers nothing once the document has a front matter, or away from its start', () => {
      assert.deepEqual(complete(lines('$0---', 'title: T', '---')).items, []);
      assert.deepEqual(complete(lines('---$0', 'title: T', '---')).items, []);
      assert.deepEqual(complete(lines('The port $0reopens.')).items, []);
      assert.deepEqual(complete(lines('$0The port reopens.')).items, []);
      assert.deepEqual(complete(lines('', '$0')).items, []);
    });
  });
});

describe('completion with a shared registry', () => {
  it('offers the article’s own sources before the isnad.yaml ones, each in written order', () => {
    const registry = parseRegistry(lines('sources:', '  zed: Zed Shared', '  amy: Amy Shared', ''), 'file:///corpus/isnad.yaml');
    const f = fixture(lines('---', 'sources:', '  local: Local Voice', '---', '[x]{claim by=$0}'));
    const doc = parseIsnad(f.text, 'file:///corpus/a.isnad.md', 1, { layers: [registry] });
    const sources = computeCompletion(doc, f.position, 'en')
      .filter((item) => item.kind === CompletionItemKind.Function)
      .sort((a, b) => a.sortText!.localeCompare(b.sortText!))
      .map((item) => item.label);
    assert.deepEqual(sources, ['local', 'zed', 'amy']);
  });
});
