import * as assert from 'node:assert/strict';
import { parseIsnad } from '../../server/src/service/parse/document';
import { implicitMentionAt, implicitMentions, implicitMentionsOf } from '../../server/src/service/features/implicitMentions';
import { fixture, lines } from './fixture';

const FRONT_MATTER = [
  '---',
  'entities:',
  '  putin: {name: فلاديمير بوتين, type: person, aliases: [بوتين, Putin]}',
  '  china: {name: الصين, type: country}',
  '  president: {name: رئيس, type: person}',
  '  nk: {name: كوريا الشمالية, type: country, aliases: [بيونغ يانغ]}',
  '  korea: {name: كوريا, type: country}',
  '  ukraine: {name: أوكرانيا, type: country}',
  '  kim: {name: کیم, type: person}',
  '  summit: {name: قمة ٢٠٢٣, type: event}',
  '  iran: {name: ايران, type: country}',
  '---',
];

/** The implicit mentions in `body`, as `[entity id, text]`; their ranges must be the fixture's `⟦…⟧`. */
function mentionsIn(body: string, frontMatter = FRONT_MATTER): [string, string][] {
  const f = fixture(lines(...frontMatter, body));
  const doc = parseIsnad(f.text);
  const found = implicitMentions(doc);
  assert.deepEqual(
    found.map(({ start, end }) => ({ start, end })),
    f.offsetRanges,
  );
  return found.map((mention) => [mention.entity.id, f.text.slice(mention.start, mention.end)]);
}

describe('implicit mentions', () => {
  describe('proclitics', () => {
    const cases: [written: string, covered: string][] = [
      ['و⟦رئيس⟧', 'رئيس'],
      ['ف⟦رئيس⟧', 'رئيس'],
      ['ب⟦رئيس⟧', 'رئيس'],
      ['ل⟦رئيس⟧', 'رئيس'],
      ['ك⟦رئيس⟧', 'رئيس'],
      ['⟦الرئيس⟧', 'الرئيس'],
      ['و⟦الرئيس⟧', 'الرئيس'],
      ['ب⟦الرئيس⟧', 'الرئيس'],
      ['ك⟦الرئيس⟧', 'الرئيس'],
      ['ف⟦الرئيس⟧', 'الرئيس'],
      ['⟦للرئيس⟧', 'للرئيس'],
      ['و⟦للرئيس⟧', 'للرئيس'],
      ['وب⟦رئيس⟧', 'رئيس'],
      ['وب⟦الرئيس⟧', 'الرئيس'],
    ];
    for (const [written, covered] of cases) {
      it(`${written.replace(/[⟦⟧]/g, '')} names رئيس; the range covers ${covered}`, () => {
        assert.deepEqual(mentionsIn(`قال ${written} كلاما.`), [['president', covered]]);
      });
    }

    it('a name with the article needs one in the text: الصين, والصين, بالصين, للصين, never صين or لالصين', () => {
      assert.deepEqual(mentionsIn('⟦الصين⟧ و⟦الصين⟧ ب⟦الصين⟧ ⟦للصين⟧ صين لالصين.'), [
        ['china', 'الصين'],
        ['china', 'الصين'],
        ['china', 'الصين'],
        ['china', 'للصين'],
      ]);
    });

    it('a name whose article comes before a ل takes ل with the article merged: للاذقية, وللجنة الدولية, never بلاذقية or لاذقية', () => {
      const latakia = ['---', 'entities:', '  latakia: {name: اللاذقية, aliases: [اللجنة الدولية]}', '---'];
      assert.deepEqual(mentionsIn('⟦للاذقية⟧ و⟦للجنة الدولية⟧ و⟦اللاذقية⟧ ب⟦اللاذقية⟧ بلاذقية لاذقية.', latakia), [
        ['latakia', 'للاذقية'],
        ['latakia', 'للجنة الدولية'],
        ['latakia', 'اللاذقية'],
        ['latakia', 'اللاذقية'],
      ]);
    });

    it('never matches inside a longer word, nor after letters that are not proclitics', () => {
      assert.deepEqual(mentionsIn('بوتينية مبوتين وابوتين الصينية رئيسه ورؤساء Putinism.'), []);
    });
  });

  describe('folding', () => {
    it('ignores harakat, tatweel and hamza forms, and the range keeps the harakat at the edges', () => {
      assert.deepEqual(mentionsIn('و⟦بُوتِينُ⟧ و⟦بوتـــين⟧ ثم ⟦اوكرانيا⟧ و⟦أوكرانيا⟧ و⟦إيران⟧.'), [
        ['putin', 'بُوتِينُ'],
        ['putin', 'بوتـــين'],
        ['ukraine', 'اوكرانيا'],
        ['ukraine', 'أوكرانيا'],
        ['iran', 'إيران'],
      ]);
    });

    it('reads through zero-width and bidi marks inside a name, and leaves those around it out of the range', () => {
      assert.deepEqual(mentionsIn('\u200f⟦بوتين⟧\u200f و⟦بو\u200cتين⟧\u061c ⟦Put\u200ein⟧\u200e said ⟦بوتينُ⟧\u200f\u00ad.'), [
        ['putin', 'بوتين'],
        ['putin', 'بو\u200cتين'],
        ['putin', 'Put\u200ein'],
        ['putin', 'بوتينُ'],
      ]);
    });

    it('reads Persian letters as Arabic, Arabic-Indic digits as ASCII, Latin in any case', () => {
      assert.deepEqual(mentionsIn('⟦كيم⟧ في ⟦قمة 2023⟧ و⟦قمة ۲۰۲۳⟧ مع ⟦PUTIN⟧ و⟦putin⟧’s.'), [
        ['kim', 'كيم'],
        ['summit', 'قمة 2023'],
        ['summit', 'قمة ۲۰۲۳'],
        ['putin', 'PUTIN'],
        ['putin', 'putin'],
      ]);
    });
  });

  describe('overlaps and boundaries', () => {
    it('the longest of overlapping names wins', () => {
      assert.deepEqual(mentionsIn('زار ⟦فلاديمير بوتين⟧ ⟦كوريا الشمالية⟧ و⟦كوريا⟧.'), [
        ['putin', 'فلاديمير بوتين'],
        ['nk', 'كوريا الشمالية'],
        ['korea', 'كوريا'],
      ]);
    });

    it('matches a name broken over two lines of a paragraph, in mixed Arabic and Latin text', () => {
      assert.deepEqual(mentionsIn(lines('met ⟦كوريا', 'الشمالية⟧ and ⟦Putin⟧ in ⟦بيونغ يانغ⟧.')), [
        ['nk', 'كوريا\nالشمالية'],
        ['putin', 'Putin'],
        ['nk', 'بيونغ يانغ'],
      ]);
    });

    it('skips mention spans, attribute blocks and comments, and never matches across markup', () => {
      assert.deepEqual(
        mentionsIn('[بوتين]{@putin} [قال ⟦بوتين⟧]{claim by=putin note="بوتين"} <!-- بوتين --> [كوريا]{@korea} الشمالية، ل⟦كوريا⟧[ الشمالية]{claim}'),
        [
          ['putin', 'بوتين'],
          ['korea', 'كوريا'],
        ],
      );
    });

    it('searches the text between mention spans, inside a claim and right after a span’s `}`, not the spans’ own text', () => {
      assert.deepEqual(
        mentionsIn('[[بوتين]{@putin} و⟦الصين⟧ [[كوريا]{@korea}]{@nk}]{claim}[الصين]{@china}⟦بوتين⟧ [الصين [بوتين]{@putin}]{@china} ⟦بوتين⟧'),
        [
          ['china', 'الصين'],
          ['putin', 'بوتين'],
          ['putin', 'بوتين'],
        ],
      );
    });

    it('finds nothing in the front matter, nor without entities', () => {
      assert.deepEqual(mentionsIn('نص بلا أسماء.'), []);
      assert.deepEqual(implicitMentions(parseIsnad('بوتين')), []);
    });
  });

  it('answers which mention is at an offset, and every unmarked mention of one entity', () => {
    const f = fixture(lines(...FRONT_MATTER, 'قال ⟦بوتين⟧ إن ⟦الصين⟧ و⟦فلاديمير بوتين⟧.'));
    const doc = parseIsnad(f.text);
    assert.deepEqual(implicitMentionsOf(doc, 'putin'), [f.offsetRanges[0], f.offsetRanges[2]]);
    assert.equal(implicitMentionAt(doc, f.offsetRanges[1].start)?.entity.id, 'china');
    assert.equal(implicitMentionAt(doc, f.offsetRanges[1].end - 1)?.entity.id, 'china');
    assert.equal(implicitMentionAt(doc, f.offsetRanges[1].end), undefined);
  });

  it('reuses the automaton while the front matter is unchanged: the same entity objects come back', () => {
    const first = implicitMentions(parseIsnad(lines(...FRONT_MATTER, 'بوتين')));
    const second = implicitMentions(parseIsnad(lines(...FRONT_MATTER, 'قال بوتين')));
    assert.equal(first[0].entity, second[0].entity);
  });
});
