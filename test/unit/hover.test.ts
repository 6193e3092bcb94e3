import * as assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { parseIsnad } from '../../server/src/service/parse/document';
import { computeHover, escapeMarkdown } from '../../server/src/service/features/hover';
import type { IsnadDocument } from '../../server/src/service/model';
import type { Locale } from '../../server/src/service/l10n';
import { fixture, lines } from './fixture';

const FRONT_MATTER = [
  '---',
  'outlet: Al-Hal Net',
  'published: 2023-09-15',
  'sources:',
  '  mortazin:',
  '    name: Andrei Mortazin',
  '    role: Russian writer and political analyst',
  '    affiliation: Free press',
  '    via: interview with the outlet',
  '    url: https://example.com/interview?a=1&b=(2)',
  '    date: 2023-09-13',
  '  usa: {name: US government, kind: government}',
  'entities:',
  '  putin: {name: Vladimir Putin, type: person, description: President of Russia, aliases: [Putin, بوتين], wikidata: Q7747}',
  '  kim: Kim Jong Un',
  '  usa: {name: United States, type: country}',
  '---',
];

const MORTAZIN_DETAILS = [
  '**Role\\:** Russian writer and political analyst',
  '**Affiliation\\:** Free press',
  '**Via\\:** interview with the outlet',
  '**Source\\:** [https\\:\\/\\/example\\.com\\/interview\\?a\\=1\\&b\\=\\(2\\)](https://example.com/interview?a=1&b=%282%29)',
  '**Date\\:** 2023\\-09\\-13',
];

const PUTIN_CARD = [
  '**Vladimir Putin** (person)',
  'President of Russia',
  '**Also written\\:** Putin\\, بوتين',
  '**Wikidata\\:** [Q7747](https://www.wikidata.org/wiki/Q7747)',
  '*Mentioned 2 times in this document*',
];

/** The hover at `$0` in the body, as Markdown paragraphs; its range must be the fixture's `⟦…⟧`. */
function hoverAt(body: string, locale: Locale = 'en', frontMatter: readonly string[] = FRONT_MATTER) {
  const f = fixture(lines(...frontMatter, body));
  const doc = parseIsnad(f.text);
  const hover = computeHover(doc, f.position, locale);
  assert.ok(hover, 'a hover');
  assert.deepEqual(hover.range, f.range);
  assert.deepEqual(computeHover(doc, f.offset, locale), hover, 'the same hover for the offset as for the position');
  return markdown(hover.contents as MarkupContent);
}

function markdown(contents: MarkupContent): string[] {
  assert.equal(contents.kind, 'markdown');
  return contents.value.split('\n\n');
}

const ATTRIBUTED = '⟦[[Putin]{@putin} wants [shells]{claim} now]{claim by=mortazin status=disputed about=kim,putin note="check *this*"}⟧ [P]{@putin}';

describe('hover', () => {
  describe('on a claim or quote', () => {
    it('shows the kind, the speaker with every detail, what it is about, the article, status and note', () => {
      assert.deepEqual(hoverAt(ATTRIBUTED.replace('wants', 'wa$0nts')), [
        '**Claim**',
        '**Said by\\:** **Andrei Mortazin** (person)',
        ...MORTAZIN_DETAILS,
        '**About\\:** Kim Jong Un\\, Vladimir Putin',
        '**Published in\\:** Al\\-Hal Net\\, 2023\\-09\\-15',
        '**Status\\:** disputed',
        '**Note\\:** check \\*this\\*',
      ]);
    });

    it('says which enclosing span an inherited speaker comes from; the innermost span wins', () => {
      const body = '[[Putin]{@putin} wants ⟦[shel$0ls]{claim}⟧ now]{claim by=mortazin} [P]{@putin}';
      assert.deepEqual(hoverAt(body), [
        '**Claim**',
        '**Said by\\:** **Andrei Mortazin** (person)',
        '*attribution inherited from the enclosing span “Putin wants shells now”*',
        ...MORTAZIN_DETAILS,
        '**Published in\\:** Al\\-Hal Net\\, 2023\\-09\\-15',
      ]);
    });

    it('shows a speaker that is an entity, not a source, by its name and type', () => {
      assert.deepEqual(hoverAt('⟦[They $0said]{quote by=usa}⟧', 'en', ['---', 'entities:', '  usa: {name: United States, type: country}', '---']), [
        '**Quote**',
        '**Said by\\:** **United States** (country)',
      ]);
    });

    it('shows a plain Unattributed line when no span gives a speaker', () => {
      assert.deepEqual(hoverAt('⟦[al$0one]{quote}⟧'), ['**Quote**', '*Unattributed*', '**Published in\\:** Al\\-Hal Net\\, 2023\\-09\\-15']);
    });

    it('marks a speaker id that nothing defines', () => {
      assert.deepEqual(hoverAt('⟦[a$0]{claim by=ghost}⟧', 'en', []), ['**Claim**', '**Said by\\:** **ghost** (not defined)']);
    });

    it('reads in Arabic: labels, kinds, statuses and separators localised', () => {
      const body = '[[بوتين]{@putin} يريد ⟦[القذ$0ائف]{ادعاء حالة=disputed}⟧]{ادعاء قائل=mortazin عن=kim،putin}';
      assert.deepEqual(hoverAt(body, 'ar'), [
        '**ادعاء**',
        '**القائل\\:** **Andrei Mortazin** (شخص)',
        '*الإسناد موروث من المقطع المحيط «بوتين يريد القذائف»*',
        '**الصفة\\:** Russian writer and political analyst',
        '**الانتماء\\:** Free press',
        '**عبر\\:** interview with the outlet',
        '**المصدر\\:** [https\\:\\/\\/example\\.com\\/interview\\?a\\=1\\&b\\=\\(2\\)](https://example.com/interview?a=1&b=%282%29)',
        '**التاريخ\\:** 2023\\-09\\-13',
        '**نُشر في\\:** Al\\-Hal Net، 2023\\-09\\-15',
        '**الحالة\\:** متنازع عليه',
      ]);
    });
  });

  describe('on an entity mention', () => {
    it('shows name, type, description, aliases, a Wikidata link and how often the document mentions it', () => {
      assert.deepEqual(hoverAt('[⟦[Pu$0tin]{@putin}⟧ wants]{claim by=mortazin} [P]{@putin}'), [
        '**Mention**',
        ...PUTIN_CARD,
      ]);
    });

    it('counts one mention and none in their own words', () => {
      assert.deepEqual(hoverAt('⟦[K$0im]{@kim}⟧'), ['**Mention**', '**Kim Jong Un** (other)', '*Mentioned once in this document*']);
      assert.deepEqual(hoverAt('[a]{claim by=mortazin about=⟦k$0im⟧}'), ['**Kim Jong Un** (other)', '*Not mentioned in this document*']);
      assert.deepEqual(hoverAt('[a]{claim by=mortazin about=⟦k$0im⟧} [b]{@kim} [c]{@kim}', 'ar'), [
        '**Kim Jong Un** (غير ذلك)',
        '*عدد مرات ذكره في هذا المستند\\: 2*',
      ]);
    });
  });

  describe('on an implicit mention (an entity named in plain text)', () => {
    it('shows the entity’s card, headed as not annotated, over the name without its proclitic', () => {
      assert.deepEqual(hoverAt('قال و⟦بوت$0ين⟧ إن [P]{@putin} [Putin]{@putin}'), ['**Mention \\(not annotated\\)**', ...PUTIN_CARD]);
    });

    it('is the innermost thing inside a claim, and says so in Arabic', () => {
      assert.deepEqual(hoverAt('[a ⟦PUT$0IN⟧ b]{claim by=mortazin}', 'ar').slice(0, 2), ['**ذِكر \\(غير موسوم\\)**', '**Vladimir Putin** (شخص)']);
    });
  });

  describe('on an id in an attribute block', () => {
    it('shows the entity of an @id, with the id as the range', () => {
      assert.deepEqual(hoverAt('[Putin]{@⟦pu$0tin⟧} [P]{@putin}'), PUTIN_CARD);
    });

    it('shows the source of a by= id, else the entity it names', () => {
      assert.deepEqual(hoverAt('[a]{claim by=⟦morta$0zin⟧}'), ['**Andrei Mortazin** (person)', ...MORTAZIN_DETAILS]);
      // usa names both a source and an entity: by= means the source, about= the entity.
      assert.deepEqual(hoverAt('[a]{claim by=⟦u$0sa⟧ about=usa}'), ['**US government** (government)']);
      assert.deepEqual(hoverAt('[a]{claim by=usa about=⟦u$0sa⟧}'), ['**United States** (country)', '*Not mentioned in this document*']);
    });

    it('marks an id that nothing defines', () => {
      assert.deepEqual(hoverAt('[a]{@⟦gh$0ost⟧}'), ['**ghost** (not defined)']);
    });
  });

  describe('on a front-matter key', () => {
    it('shows the source or entity the key defines, with the key as the range', () => {
      const f = fixture(lines('---', 'sources:', '  ⟦mor$0tazin⟧: Andrei Mortazin', 'entities:', '  kim: Kim Jong Un', '---', '[a]{claim by=mortazin}'));
      const doc = parseIsnad(f.text);
      const hover = computeHover(doc, f.offset, 'en')!;
      assert.deepEqual(hover.range, f.range);
      assert.deepEqual(markdown(hover.contents as MarkupContent), ['**Andrei Mortazin** (person)']);
      const entity = computeHover(doc, doc.text.indexOf('kim'), 'ar')!;
      assert.deepEqual(markdown(entity.contents as MarkupContent), ['**Kim Jong Un** (غير ذلك)', '*لم يُذكر في هذا المستند*']);
    });
  });

  describe('elsewhere', () => {
    it('shows nothing on plain text, other front-matter lines, or past a span’s end', () => {
      const text = lines('---', 'title: T', 'sources:', '  s: S', '---', 'plain [a]{claim by=s} text');
      const doc = parseIsnad(text);
      for (const offset of [text.indexOf('title'), text.indexOf(': S'), text.indexOf('plain'), text.indexOf(' text')]) {
        assert.equal(computeHover(doc, offset, 'en'), undefined, `at ${offset}`);
      }
    });

    it('shows the enclosing span when the innermost one annotates nothing', () => {
      assert.deepEqual(hoverAt('⟦[a [b$0]{} c]{quote}⟧', 'en', []), ['**Quote**', '*Unattributed*']);
    });
  });

  describe('safety', () => {
    const NASTY = '[x](command:foo) <img src=x onerror=alert(1)> `code` &lt; &#x202E; $(zap) javascript:alert(1) data:text/html,<b>x</b> a@b.co';
    const NASTY_ESCAPED =
      '\\[x\\]\\(command\\:foo\\) \\<img src\\=x onerror\\=alert\\(1\\)\\> \\`code\\` \\&lt\\; \\&\\#x202E\\; \\$\\(zap\\) javascript\\:alert\\(1\\) data\\:text\\/html\\,\\<b\\>x\\<\\/b\\> a\\@b\\.co';

    function assertSafe(value: string): void {
      for (const [, destination] of value.matchAll(/\]\(([^)]*)\)/g)) assert.match(destination, /^https?:\/\//, destination);
      assert.doesNotMatch(value, /(^|[^\\])[<&`]/, 'an unescaped <, & or backtick');
      assert.doesNotMatch(value, /\]\((command|javascript|data):/);
    }

    it('escapes every document string: no link, command, HTML, entity, code or theme icon gets through', () => {
      const frontMatter = ['---', 'sources:', `  s: {name: "${NASTY.replace(/"/g, '\\"')}", role: "${NASTY}"}`, '---'];
      const value = hoverAt(`⟦[x$0]{claim by=s note="${NASTY}"}⟧`, 'en', frontMatter);
      assert.deepEqual(value, ['**Claim**', `**Said by\\:** **${NASTY_ESCAPED}** (person)`, `**Role\\:** ${NASTY_ESCAPED}`, `**Note\\:** ${NASTY_ESCAPED}`]);
      assertSafe(value.join('\n\n'));
    });

    it('never turns a javascript: or data: URL into a link, even in a model that holds one', () => {
      // The front matter rejects such URLs (a diagnostic), so the card has no Source line …
      const rejected = parseIsnad(lines('---', 'sources:', '  s: {name: S, url: "javascript:alert(1)"}', '---', '[x]{claim by=s}'));
      assert.deepEqual(markdown(computeHover(rejected, rejected.text.indexOf('[x]') + 1, 'en')!.contents as MarkupContent), [
        '**Claim**',
        '**Said by\\:** **S** (person)',
      ]);
      // … and a model that holds one anyway gets it as text.
      for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'command:workbench.action.quit']) {
        const value = hoverValue(withSourceUrl(rejected, url), rejected.text.indexOf('[x]') + 1);
        assert.ok(value.includes(`**Source\\:** ${escapeMarkdown(url)}`), value);
        assertSafe(value);
      }
    });

    it('percent-encodes what could end a link destination', () => {
      const doc = parseIsnad(lines('---', 'sources:', '  s: {name: S, url: "https://x.example/a b)(<>\\"[]`|^{}\\\\"}', '---', '[x]{claim by=s}'));
      const value = hoverValue(doc, doc.text.indexOf('[x]') + 1);
      assert.match(value, /\]\(https:\/\/x\.example\/a%20b%29%28%3C%3E%22%5B%5D%60%7C%5E%7B%7D\/\)/);
    });

    it('shows bidirectional controls as code points instead of letting them reorder the card', () => {
      assert.equal(escapeMarkdown('a\u202Eb\u2066c'), 'a\\<U\\+202E\\>b\\<U\\+2066\\>c');
    });

    it('collapses line breaks, so a document string cannot start a block', () => {
      assert.equal(escapeMarkdown('a\n# b\n\n    code\r\n- item'), 'a \\# b code \\- item');
    });
  });
});

function hoverValue(doc: IsnadDocument, offset: number): string {
  return (computeHover(doc, offset, 'en')!.contents as MarkupContent).value;
}

/** The document with source `s` given a URL the front matter would never accept. */
function withSourceUrl(doc: IsnadDocument, url: string): IsnadDocument {
  const front = doc.frontMatter!;
  const sources = new Map(front.sources);
  sources.set('s', { ...sources.get('s')!, url });
  return { ...doc, frontMatter: { ...front, sources } };
}
