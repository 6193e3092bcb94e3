import * as assert from 'node:assert/strict';
import { parseIsnad } from '../../server/src/service/parse/document';
import { blockDirections, documentDirection, firstStrongDirection, strongDirection } from '../../server/src/service/features/direction';

const lines = (...text: string[]) => text.join('\n');

describe('direction', () => {
  describe('strongDirection', () => {
    const cases: [string, string, 'rtl' | 'ltr' | undefined][] = [
      ['Latin', 'A', 'ltr'],
      ['Latin with accent', 'é', 'ltr'],
      ['Han', '中', 'ltr'],
      ['Arabic', 'ب', 'rtl'],
      ['Hebrew', 'א', 'rtl'],
      ['Syriac', 'ܐ', 'rtl'],
      ['Thaana', 'ދ', 'rtl'],
      ['NKo', 'ߊ', 'rtl'],
      ['Arabic presentation form', '\uFEFB', 'rtl'],
      ['Adlam (astral)', '\u{1E900}', 'rtl'],
      ['right-to-left mark', '\u200F', 'rtl'],
      ['Arabic letter mark', '\u061C', 'rtl'],
      ['left-to-right mark', '\u200E', 'ltr'],
      ['digit', '7', undefined],
      ['Arabic-Indic digit', '٧', undefined],
      ['Arabic comma', '،', undefined],
      ['Arabic fatha (combining)', '\u064E', undefined],
      ['space', ' ', undefined],
    ];
    for (const [name, char, expected] of cases) {
      it(`${name} → ${expected ?? 'neutral'}`, () => assert.equal(strongDirection(char.codePointAt(0)!), expected));
    }
  });

  describe('firstStrongDirection', () => {
    it('skips what lies inside an isolate', () => {
      const text = '\u2067English\u2069 عربي';
      assert.equal(firstStrongDirection(text, 0, text.length), 'rtl');
    });

    it('skips the given ranges', () => {
      const text = '12 {عربي} English';
      assert.equal(firstStrongDirection(text, 0, text.length, [{ start: 3, end: 9 }]), 'ltr');
    });

    it('is undefined without a strong character', () => {
      assert.equal(firstStrongDirection('2023 — ٢٠٢٣ !', 0, 13), undefined);
    });
  });

  describe('blockDirections', () => {
    it('takes each paragraph’s first strong character under auto', () => {
      const doc = parseIsnad(lines('# Title', '', '## عنوان', '', 'قال بوتين', '', 'Putin said'));
      assert.deepEqual(blockDirections(doc), ['ltr', 'rtl', 'rtl', 'ltr']);
    });

    it('does not count markup, attribute blocks or comments', () => {
      const doc = parseIsnad(
        lines(
          '[2023]{@بوتين} was the year.',
          '',
          '<!-- an English note --> قال بوتين',
          '',
          '[[«]{@putin} ذخيرة]{claim by=mortazin}',
        ),
      );
      assert.deepEqual(blockDirections(doc), ['ltr', 'rtl', 'rtl']);
    });

    it('lets a paragraph without strong characters follow the article', () => {
      const doc = parseIsnad(lines('قال بوتين', '', '2023', '', '[١٩٩١]{@x}'));
      assert.deepEqual(blockDirections(doc), ['rtl', 'rtl', 'rtl']);
    });

    it('obeys the front matter’s direction', () => {
      const doc = parseIsnad(lines('---', 'direction: rtl', '---', 'Putin said', '', '# Title'));
      assert.deepEqual(blockDirections(doc), ['rtl', 'rtl']);
    });

    it('reads auto in the front matter as no declaration', () => {
      const doc = parseIsnad(lines('---', 'direction: auto', 'title: عنوان', '---', 'Putin said'));
      assert.deepEqual(blockDirections(doc), ['ltr']);
    });
  });

  describe('documentDirection', () => {
    it('is the front matter’s when it declares one', () => {
      assert.equal(documentDirection(parseIsnad(lines('---', 'direction: ltr', '---', 'قال بوتين'))), 'ltr');
    });

    it('is the body’s first strong character’s, ignoring the front matter', () => {
      assert.equal(documentDirection(parseIsnad(lines('---', 'title: English title', '---', '', '12. قال بوتين'))), 'rtl');
    });

    it('is left to right for a document without letters', () => {
      assert.equal(documentDirection(parseIsnad('2023\n')), 'ltr');
    });
  });
});
