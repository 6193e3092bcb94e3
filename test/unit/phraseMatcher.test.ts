// PhraseMatcher.mayMatchIn reads the source without writing its shadow, to skip the blocks a
// search cannot find anything in: on random texts (harakat, tatweel, marks NFC composes, invisible
// characters, white space of every kind, astral and multi-unit characters, markup) it never says
// no where the shadow holds a match.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { shadowOf } from '../../server/src/service/arabic/normalize';
import { PhraseMatcher } from '../../server/src/service/arabic/phraseMatcher';

const RUNS = Number(process.env.ISNAD_FUZZ_RUNS) || 200;

const PHRASES = ['قال', 'أكدوا', 'بحسب', 'وفقا لـ', 'نقلا عن', 'said', 'according to', 'الصين', 'Élysée', 'كيم جونغ أون', 'مسؤولون', 'ﬁnance', 'k'];

const PIECES = [
  ...PHRASES, 'SAID', 'Said', 'ACCORDING  TO', 'قَالَ', 'قـــال', 'ا\u0654كدوا', 'مسو\u0654ولون', 'E\u0301lyse\u0301e', 'élysée', '\u212A', 'İ', '😀', '𝐒', '\uD800', '\uDC00', '\uFFFE', '\uFFFF',
  'ق', 'ا', 'ل', 'و', 'ت', 'ي', 'ی', 'ک', 'a', 's', 'i', 'd', 'ﬁ', '٣', '\u064E', '\u0651', '\u0670', '\u0640', '\u0653', '\u0654', '\u0301', '\u06D6',
  '\u200F', '\u200B', '\u00AD', '\u061C', '\uFEFF', '\u2066', ' ', '  ', '\t', '\n', '\r\n', '\u00A0', '\u2003', '\u3000', '\u0085', '\u2028',
  '[', ']{@x}', '<!-- قال -->', '\\', '.', '،', '«', '»',
];

const texts = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 40 }).map((pieces) => pieces.join(''));

describe('PhraseMatcher.mayMatchIn', () => {
  const matcher = PhraseMatcher.of(PHRASES.map((text) => ({ text, value: text })));

  it('says a phrase may match wherever the shadow holds one', () => {
    let matched = 0;
    let ruledOut = 0;
    fc.assert(
      fc.property(texts, fc.nat(3), (text, margin) => {
        const source = `${'x'.repeat(margin)}${text}${'y'.repeat(margin)}`;
        const found = matcher.findAll(shadowOf(text)).length > 0;
        const may = matcher.mayMatchIn(source, margin, margin + text.length);
        if (found) assert.ok(may, JSON.stringify(text));
        if (found) matched++;
        if (!may) ruledOut++;
      }),
      { numRuns: RUNS * 10 },
    );
    // Both answers must be exercised: about 40% of the texts hold a match and 10% are ruled out
    // (191–250 of 2,000 over 40 seeds): half that is far below any seed's count.
    assert.ok(matched > RUNS && ruledOut > RUNS / 2, `texts with matches (${matched}) and texts ruled out (${ruledOut})`);
  });

  it('reads white space runs, harakat, tatweel and invisible characters as the shadow does; a mark NFC may compose answers yes', () => {
    for (const text of ['ACCORDING \t\u00A0TO', 'قَـــالَ', 'ق\u200Fال', 'وفقا  لـ', 'E\u0301lyse\u0301e']) {
      assert.ok(matcher.mayMatchIn(text, 0, text.length), text);
    }
    for (const text of ['قا ل', 'sa id', 'قا[ل', 'xyz', 'كيم جونغ']) {
      assert.equal(matcher.mayMatchIn(text, 0, text.length), false, text);
    }
  });
});
