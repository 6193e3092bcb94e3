import * as assert from 'node:assert/strict';
import { parseIsnad } from '../../server/src/service/parse/document';
import { attributionHints } from '../../server/src/service/features/attributionHints';
import { fixture, lines } from './fixture';

/** The hints in `marked`: `[sentence, cue, unnamed source]` texts; each sentence's range must be a `⟦…⟧` of the fixture. */
function hintsIn(marked: string): [string, string, string?][] {
  const f = fixture(marked);
  const hints = attributionHints(parseIsnad(f.text));
  assert.deepEqual(
    hints.map((hint) => hint.range),
    f.offsetRanges,
  );
  const text = (range: { start: number; end: number }) => f.text.slice(range.start, range.end);
  return hints.map((hint) => (hint.unnamedSource ? [text(hint.range), text(hint.cue), text(hint.unnamedSource)] : [text(hint.range), text(hint.cue)]));
}

describe('attribution hints', () => {
  describe('cues', () => {
    const arabic: [sentence: string, cue: string][] = [
      ['قال الوزير إن الميناء مغلق', 'قال'],
      ['أكد الوزير أن الميناء مغلق', 'أكد'],
      ['أشار الوزير إلى أن الميناء مغلق', 'أشار'],
      ['أوضح الوزير أن الميناء مغلق', 'أوضح'],
      ['صرح الوزير بأن الميناء مغلق', 'صرح'],
      ['أفاد الوزير بأن الميناء مغلق', 'أفاد'],
      ['الميناء مغلق بحسب الوزير', 'بحسب'],
      ['الميناء مغلق وفقاً للوزير', 'وفقاً ل'],
      ['الميناء مغلق نقلا عن الوزير', 'نقلا عن'],
      ['الميناء مغلق حسب الوزير', 'حسب'],
      ['يرى الوزير أن الميناء مغلق', 'يرى'],
      ['كشف الوزير أن الميناء مغلق', 'كشف'],
      ['زعم الوزير أن الميناء مغلق', 'زعم'],
      ['وقال الوزير إن الميناء مغلق', 'قال'],
      ['وأكد الوزير أن الميناء مغلق', 'أكد'],
      ['فقالت الوزيرة إن الميناء مغلق', 'قالت'],
      ['وأكدوا أن الميناء مغلق', 'أكدوا'],
      ['قَالَ الوزير إن الميناء مغلق', 'قَالَ'],
    ];
    for (const [sentence, cue] of arabic) {
      it(`Arabic: ${sentence}`, () => assert.deepEqual(hintsIn(`⟦${sentence}⟧.`), [[sentence, cue]]));
    }

    const english: [sentence: string, cue: string][] = [
      ['The minister said the port is closed', 'said'],
      ['The minister told reporters the port is closed', 'told'],
      ['The port is closed, According to the minister', 'According to'],
      ['The minister stated that the port is closed', 'stated'],
      ['The minister claimed the port is closed', 'claimed'],
      ['The agency reported the port is closed', 'reported'],
      ['The minister argued the port is closed', 'argued'],
      ['The minister warned the port is closed', 'warned'],
    ];
    for (const [sentence, cue] of english) {
      it(`English: ${sentence}`, () => assert.deepEqual(hintsIn(`⟦${sentence}⟧.`), [[sentence, cue]]));
    }

    it('does not read a cue inside a longer word', () => {
      assert.deepEqual(hintsIn('قالب الحلوى جاهز، والأكداس عالية. The unsaid saidness.'), []);
    });

    it('does not read فحسب (only) as ف + حسب, and still reads وحسب', () => {
      assert.deepEqual(hintsIn('ليس الاقتصاد فحسب بل السياسة. ⟦وحسب الوزير فإن الميناء مغلق⟧.'), [['وحسب الوزير فإن الميناء مغلق', 'حسب']]);
    });

    it('does not read a cue or an unnamed source that is part of a name: in a mention span, or in a declared entity’s name or alias', () => {
      const front = lines('---', 'entities:', '  port: {name: Port Said, aliases: [بورسعيد]}', '  said: {name: إدوارد سعيد, aliases: [Edward Said]}', '---', '');
      assert.deepEqual(
        hintsIn(
          front +
            lines(
              'The ship docked in Port Said. Edward Said wrote it. [Said]{@said} wrote it. [قال]{@said} شيئا. [Officials]{@port} met.',
              '',
              '⟦[Officials]{@port} said the port is closed⟧. ⟦Officials in Port Said said so⟧.',
            ),
        ),
        [
          ['[Officials]{@port} said the port is closed', 'said'],
          ['Officials in Port Said said so', 'said', 'Officials'],
        ],
      );
    });
  });

  describe('unnamed sources', () => {
    it('notes مصادر, المسؤولون, officials and sources as the unnamed source', () => {
      assert.deepEqual(hintsIn(lines('⟦وقالت مصادر إن الميناء مغلق⟧.', '', '⟦وأكد المسؤولون أن الميناء مغلق⟧.', '', '⟦Officials said the port is closed⟧. ⟦Sources told us so⟧.')), [
        ['وقالت مصادر إن الميناء مغلق', 'قالت', 'مصادر'],
        ['وأكد المسؤولون أن الميناء مغلق', 'أكد', 'المسؤولون'],
        ['Officials said the port is closed', 'said', 'Officials'],
        ['Sources told us so', 'told', 'Sources'],
      ]);
    });

    it('takes an unnamed source on the side English writes the speaker: before said, after it only when inverted, after according to', () => {
      assert.deepEqual(
        hintsIn(lines('⟦Putin said officials lied⟧. ⟦Putin told officials the port is closed⟧. ⟦The port is closed, said officials⟧.', '', '⟦Officials lied, according to Putin⟧. ⟦The port is closed, according to officials⟧.')),
        [
          ['Putin said officials lied', 'said'],
          ['Putin told officials the port is closed', 'told'],
          ['The port is closed, said officials', 'said', 'officials'],
          ['Officials lied, according to Putin', 'according to'],
          ['The port is closed, according to officials', 'according to', 'officials'],
        ],
      );
      assert.deepEqual(hintsIn('⟦Putin said the port, officials said, is closed⟧.'), [['Putin said the port, officials said, is closed', 'said', 'officials']]);
    });

    it('takes an unnamed source on either side of an Arabic verb, which may come first or after its subject', () => {
      assert.deepEqual(hintsIn(lines('⟦مصادر قالت إن الميناء مغلق⟧.', '', '⟦قال الوزير إن المسؤولين كذبوا⟧.')), [
        ['مصادر قالت إن الميناء مغلق', 'قالت', 'مصادر'],
        ['قال الوزير إن المسؤولين كذبوا', 'قال', 'المسؤولين'],
      ]);
    });

    it('needs a cue: unnamed sources alone are no attribution', () => {
      assert.deepEqual(hintsIn('مصادر الطاقة متنوعة.'), []);
    });
  });

  describe('sentences', () => {
    it('end at ، ؛ ؟ . ! and a paragraph end, not inside «…» nor at a decimal point', () => {
      assert.deepEqual(hintsIn(lines('جاء الوزير، ⟦ثم قال «الميناء مغلق. تماما» للصحفيين⟧؛ ⟦هل قال 3.5 مليون⟧؟ لا', '', '⟦قال آخر⟧')), [
        ['ثم قال «الميناء مغلق. تماما» للصحفيين', 'قال'],
        ['هل قال 3.5 مليون', 'قال'],
        ['قال آخر', 'قال'],
      ]);
    });

    it('skips a sentence that holds a claim or quote, and never ends one inside a span', () => {
      assert.deepEqual(hintsIn(lines('قال الوزير إن [الميناء مغلق]{claim}. قال «[نعم]{quote by=x}». ⟦[قال الوزير، بوضوح]{note=x} شيئا⟧.')), [
        ['[قال الوزير، بوضوح]{note=x} شيئا', 'قال'],
      ]);
    });

    it('are found in every block that holds cues, a block between without one left alone', () => {
      assert.deepEqual(hintsIn(lines('⟦قال الوزير⟧. ⟦أكد السفير «نعم. لا»⟧', '', 'لا شيء هنا. «ولا هنا', '', 'أخيرا، ⟦وفقا للكاتب⟧؛ ⟦said the envoy⟧')), [
        ['قال الوزير', 'قال'],
        ['أكد السفير «نعم. لا»', 'أكد'],
        ['وفقا للكاتب', 'وفقا ل'],
        ['said the envoy', 'said'],
      ]);
    });

    it('start after a run of end marks, not at its last mark: an ellipsis written as dots before a word', () => {
      assert.deepEqual(hintsIn('⟦قال الوزير إن الميناء مغلق⟧...⟦وأكد السفير ذلك⟧؟!⟦said the envoy⟧'), [
        ['قال الوزير إن الميناء مغلق', 'قال'],
        ['وأكد السفير ذلك', 'أكد'],
        ['said the envoy', 'said'],
      ]);
    });

    it('do not end at the dot of an initial: U.S. officials, J. Smith', () => {
      assert.deepEqual(hintsIn('⟦U.S. officials said the port is closed⟧. ⟦J. Smith said so⟧.'), [
        ['U.S. officials said the port is closed', 'said', 'officials'],
        ['J. Smith said so', 'said'],
      ]);
    });

    it('leaves comments out of the sentence’s edges', () => {
      assert.deepEqual(hintsIn('<!-- note --> ⟦قال الوزير⟧ <!-- note -->.'), [['قال الوزير', 'قال']]);
    });
  });
});
