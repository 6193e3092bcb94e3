import * as assert from 'node:assert/strict';
import { parseIsnad } from '../../server/src/service/parse/document';
import { computeReadingView } from '../../server/src/service/features/readingView';

const lines = (...text: string[]) => text.join('\n');
const range = (line: number, start: number, endLine: number, end: number) => ({
  start: { line, character: start },
  end: { line: endLine, character: end },
});

describe('computeReadingView', () => {
  it('gives clean text cut at span boundaries, tagged with the innermost span', () => {
    const doc = parseIsnad(
      lines(
        '---',
        'title: القمة',
        'sources: {mortazin: أندريه مورتازين}',
        'entities: {putin: {name: بوتين, type: person}}',
        '---',
        '## عن [القمة]{note="x"} ##',
        '',
        'قال [[بوتين]{@putin} يريد الذخيرة]{ادعاء قائل=mortazin} \\[1] <!-- تعليق --> انتهى.',
      ),
      'file:///a.isnad.md',
      4,
    );
    assert.deepEqual(computeReadingView(doc), {
      version: 4,
      title: 'القمة',
      direction: 'rtl',
      blocks: [
        {
          direction: 'rtl',
          headingLevel: 2,
          range: range(5, 3, 5, 26),
          segments: [{ text: 'عن ' }, { text: 'القمة', span: 0 }],
        },
        {
          direction: 'rtl',
          headingLevel: 0,
          range: range(7, 0, 7, 82),
          segments: [
            { text: 'قال ' },
            { text: 'بوتين', span: 2 },
            { text: ' يريد الذخيرة', span: 1 },
            { text: ' [1]  انتهى.' },
          ],
        },
      ],
      spans: [
        { kind: 'note', range: range(5, 6, 5, 23) },
        { kind: 'claim', speaker: 'أندريه مورتازين', range: range(7, 4, 7, 55) },
        { kind: 'mention', entityType: 'person', parent: 1, range: range(7, 5, 7, 20) },
      ],
    });
  });

  it('leaves out spans that annotate nothing, tagging their text with the nearest shown ancestor', () => {
    const doc = parseIsnad('[a [b [c]{@x} d]{} e]{claim}');
    const { blocks, spans } = computeReadingView(doc);
    assert.deepEqual(blocks[0].segments, [
      { text: 'a ', span: 0 },
      { text: 'b ', span: 0 },
      { text: 'c', span: 1 },
      { text: ' d', span: 0 },
      { text: ' e', span: 0 },
    ]);
    assert.deepEqual(
      spans.map((span) => [span.kind, span.parent]),
      [
        ['claim', undefined],
        ['mention', 0],
      ],
    );
  });

  it('keeps line breaks inside a paragraph as \\n, whatever the line ends', () => {
    const doc = parseIsnad('Putin said\r\nthat [shells]{claim}\rwill come.\r\n');
    assert.deepEqual(computeReadingView(doc).blocks[0].segments, [
      { text: 'Putin said\nthat ' },
      { text: 'shells', span: 0 },
      { text: '\nwill come.' },
    ]);
  });

  it('drops paragraphs that hold only comments', () => {
    const doc = parseIsnad(lines('<!-- a note', 'on two lines -->', '', 'Text.'));
    const { blocks } = computeReadingView(doc);
    assert.deepEqual(
      blocks.map((block) => block.segments),
      [[{ text: 'Text.' }]],
    );
  });

  it('has no title when the front matter gives none', () => {
    assert.equal('title' in computeReadingView(parseIsnad('Text.')), false);
  });
});
