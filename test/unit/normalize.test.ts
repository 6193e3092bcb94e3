import * as assert from 'node:assert/strict';
import { SPACE, normalize, originalRange, shadowOf } from '../../server/src/service/arabic/normalize';

/** Each shadow unit with the original characters it stands for. */
function units(text: string): [string, string][] {
  const shadow = shadowOf(text);
  return Array.from({ length: shadow.length }, (_, i) => [String.fromCharCode(shadow.codes[i]), text.slice(shadow.starts[i], shadow.ends[i])]);
}

describe('normalize', () => {
  const rules: [rule: string, written: string, normalised: string][] = [
    ['أ إ آ ٱ → ا', 'أحمد إيران آسيا ٱلله', 'احمد ايران اسيا الله'],
    ['ى stays ى (a phrase’s ى is matched both ways, not the text’s)', 'مستشفى على', 'مستشفى على'],
    ['ة → ه', 'القمة', 'القمه'],
    ['harakat U+064B–U+0652 removed', 'بُوتِينُ مًا مٍا مٌا مَا مّا مْا', 'بوتين ما ما ما ما ما ما'],
    ['superscript alef U+0670 removed', 'هٰذا', 'هذا'],
    ['tatweel removed', 'بوتـــين', 'بوتين'],
    ['Persian ی and ک → ي and ك', 'کیم', 'كيم'],
    ['Arabic-Indic digits → ASCII', '٠١٢٣٤٥٦٧٨٩', '0123456789'],
    ['Eastern Arabic-Indic digits → ASCII', '۰۱۲۳۴۵۶۷۸۹', '0123456789'],
    ['Latin lower-cased, accented letters too', 'PUTIN Élysée', 'putin élysée'],
    ['NFC first: alef + combining hamza above is أ, then ا', 'ا\u0654حمد', 'احمد'],
    ['NFC first: e + combining acute is é', 'Ele\u0301onore', 'eléonore'],
    ['white space runs become one space; zero-width and bidi marks vanish', 'كيم \t\n  جونغ\u200F\u200B أون', 'كيم جونغ اون'],
  ];
  for (const [rule, written, normalised] of rules) {
    it(rule, () => assert.equal(normalize(written), normalised));
  }

  it('maps each unit back to the characters it stands for: a letter with its harakat, a run of spaces', () => {
    assert.deepEqual(units('وَبُوتِينُ  قال'), [
      ['و', 'وَ'],
      ['ب', 'بُ'],
      ['و', 'و'],
      ['ت', 'تِ'],
      ['ي', 'ي'],
      ['ن', 'نُ'],
      [' ', '  '],
      ['ق', 'ق'],
      ['ا', 'ا'],
      ['ل', 'ل'],
    ]);
  });

  it('gives tatweel to the letter before it, so a range ending in one covers it', () => {
    assert.deepEqual(units('بوتـين ـكيمـ'), [
      ['ب', 'ب'],
      ['و', 'و'],
      ['ت', 'تـ'],
      ['ي', 'ي'],
      ['ن', 'ن'],
      [' ', ' '],
      ['ك', 'ك'],
      ['ي', 'ي'],
      ['م', 'مـ'],
    ]);
  });

  it('maps a composed character back to all the characters NFC composed', () => {
    assert.deepEqual(units('ا\u0654ن'), [
      ['ا', 'ا\u0654'],
      ['ن', 'ن'],
    ]);
  });

  it('keeps an astral letter as its surrogate pair, each unit standing for both; an emoji is one symbol', () => {
    const text = 'a\u{1D400}b 🇷🇺';
    const shadow = shadowOf(text);
    assert.deepEqual(Array.from(shadow.codes.subarray(0, shadow.length)), [0x61, 0xd835, 0xdc00, 0x62, SPACE, 0xfffc, 0xfffc]);
    assert.deepEqual(originalRange(shadow, 1, 3), { start: 1, end: 3 });
    assert.deepEqual(originalRange(shadow, 5, 7), { start: 5, end: 9 });
  });

  it('maps a range over removed characters inside and at its edges to exactly the original characters', () => {
    const text = 'قال بُوتـــينُ، ثم';
    const shadow = shadowOf(text);
    const start = 4;
    const end = 9;
    assert.equal(String.fromCharCode(...shadow.codes.subarray(start, end)), 'بوتين');
    const range = originalRange(shadow, start, end);
    assert.equal(text.slice(range.start, range.end), 'بُوتـــينُ');
  });
});
