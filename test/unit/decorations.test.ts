import * as assert from 'node:assert/strict';
import { parseIsnad } from '../../server/src/service/parse/document';
import { computeDecorations } from '../../server/src/service/features/decorations';
import { fixture } from './fixture';

const lines = (...text: string[]) => text.join('\n');
const range = (line: number, start: number, endLine: number, end: number) => ({
  start: { line, character: start },
  end: { line: endLine, character: end },
});

const FRONT_MATTER = [
  '---',
  'sources:',
  '  mortazin: Andrei Mortazin',
  '  الحكومة: {name: الحكومة الأميركية, kind: government, entity: usa}',
  'entities:',
  '  putin: {name: Vladimir Putin, type: person}',
  '  usa: {name: United States, type: country}',
  '---',
];

describe('computeDecorations', () => {
  it('gives each paragraph its range and direction, headings marked', () => {
    const doc = parseIsnad(lines(...FRONT_MATTER, '# The summit', '', 'قال بوتين', 'إن الذخيرة ستصل', '', 'Putin said.'), 'file:///a.isnad.md', 7);
    const result = computeDecorations(doc);
    assert.equal(result.version, 7);
    assert.deepEqual(result.paragraphs, [
      { range: range(8, 2, 8, 12), direction: 'ltr', isHeading: true },
      { range: range(10, 0, 11, 15), direction: 'rtl', isHeading: false },
      { range: range(13, 0, 13, 11), direction: 'ltr', isHeading: false },
    ]);
  });

  it('treats as right to left every paragraph holding right-to-left text, whatever the front matter declares', () => {
    const doc = parseIsnad(lines('---', 'direction: ltr', '---', 'قال بوتين', '', 'Putin said:', 'قال بوتين', '', 'Putin said [x]{@بوتين}.', '', 'Putin said.'), 'file:///a.isnad.md', 1);
    assert.deepEqual(
      computeDecorations(doc).paragraphs.map(({ direction }) => direction),
      ['rtl', 'rtl', 'rtl', 'ltr'],
    );
  });

  it('describes spans: kind, ranges, entity type and speaker (own, inherited, from an entity, or none)', () => {
    const doc = parseIsnad(
      lines(
        ...FRONT_MATTER,
        '[[Putin]{@putin} wants shells]{claim by=mortazin}',
        '[[more]{quote} here]{claim by=usa} [alone]{claim} [x]{@nobody}',
        '[[تصل]{ادعاء}]{اقتباس قائل=الحكومة} [nothing]{} [aside]{note="n"}',
      ),
    );
    const { spans, counts } = computeDecorations(doc);
    assert.deepEqual(spans, [
      { kind: 'claim', speaker: 'Andrei Mortazin', range: range(8, 0, 8, 49), contentRange: range(8, 1, 8, 29) },
      { kind: 'mention', entityType: 'person', range: range(8, 1, 8, 16), contentRange: range(8, 2, 8, 7) },
      { kind: 'claim', speaker: 'United States', range: range(9, 0, 9, 34), contentRange: range(9, 1, 9, 19) },
      { kind: 'quote', speaker: 'United States', range: range(9, 1, 9, 14), contentRange: range(9, 2, 9, 6) },
      { kind: 'claim', range: range(9, 35, 9, 49), contentRange: range(9, 36, 9, 41) },
      { kind: 'mention', range: range(9, 50, 9, 62), contentRange: range(9, 51, 9, 52) },
      { kind: 'quote', speaker: 'الحكومة الأميركية', range: range(10, 0, 10, 35), contentRange: range(10, 1, 10, 13) },
      { kind: 'claim', speaker: 'الحكومة الأميركية', range: range(10, 1, 10, 13), contentRange: range(10, 2, 10, 5) },
      { kind: 'note', range: range(10, 48, 10, 65), contentRange: range(10, 49, 10, 54) },
    ]);
    assert.deepEqual(counts, { claims: 4, quotes: 2, unattributed: 1, mentions: 2 });
  });

  it('counts unattributed quotes with unattributed claims', () => {
    const doc = parseIsnad('[a]{quote} [b]{claim} [c]{quote by=x}');
    assert.deepEqual(computeDecorations(doc).counts, { claims: 1, quotes: 2, unattributed: 2, mentions: 0 });
  });

  it('is empty for an empty document', () => {
    assert.deepEqual(computeDecorations(parseIsnad('')), {
      version: 0,
      paragraphs: [],
      spans: [],
      implicitMentions: [],
      counts: { claims: 0, quotes: 0, unattributed: 0, mentions: 0 },
    });
  });

  it('lists implicit mentions with their entity type, on right-to-left lines too', () => {
    const f = fixture(lines('---', 'entities:', '  putin: {name: بوتين, type: person}', '  moscow: {name: Moscow, type: place}', '---', 'قال و⟦بوتين⟧ في [بوتين]{@putin}، ثم ⟦moscow⟧.'));
    assert.deepEqual(computeDecorations(parseIsnad(f.text)).implicitMentions, [
      { range: f.ranges[0], entityType: 'person' },
      { range: f.ranges[1], entityType: 'place' },
    ]);
  });
});
