import * as assert from 'node:assert/strict';
import { parseIsnad } from '../../server/src/service/parse/document';
import { computeCodeLenses } from '../../server/src/service/features/codeLens';
import { computeInlayHints } from '../../server/src/service/features/inlayHints';
import { adjacentUnattributedClaim } from '../../server/src/service/features/unattributedClaims';
import { fixture, lines } from './fixture';

const URI = 'file:///a.isnad.md';
const FRONT_MATTER = ['---', 'sources:', '  ali: {name: Ali Hassan}', '  مورتازين: {name: أندريه مورتازين}', '---'];

describe('code lenses', () => {
  it('count each section’s claims, subsections included, and its unattributed ones, and move to the next of those', () => {
    const f = fixture(
      lines(
        ...FRONT_MATTER,
        '[Before any heading]{claim}',
        '⟦# Port news⟧',
        '[One]{claim} [Two]{claim by=ali} [a quote]{quote}',
        '⟦## Details⟧',
        '[[Three]{claim} inherits]{claim by=ali} [Four]{claim}',
        '⟦# القمة⟧',
        '[الذخيرة]{ادعاء}',
        '⟦# Empty⟧',
      ),
    );
    const lenses = computeCodeLenses(parseIsnad(f.text, URI, 1), 'en');
    assert.deepEqual(
      lenses.map(({ range, command }) => [range, command?.title, command?.command, command?.arguments]),
      [
        [f.ranges[0], '5 claims · 2 unattributed', 'isnad.nextUnattributedClaim', [{ uri: URI, position: f.ranges[0].start }]],
        [f.ranges[1], '3 claims · 1 unattributed', 'isnad.nextUnattributedClaim', [{ uri: URI, position: f.ranges[1].start }]],
        [f.ranges[2], '1 claim · 1 unattributed', 'isnad.nextUnattributedClaim', [{ uri: URI, position: f.ranges[2].start }]],
        [f.ranges[3], '0 claims · 0 unattributed', 'isnad.nextUnattributedClaim', [{ uri: URI, position: f.ranges[3].start }]],
      ],
    );
  });

  it('are titled in Arabic as counts', () => {
    const doc = parseIsnad(lines(...FRONT_MATTER, '# القمة', '[الذخيرة]{ادعاء} [ستصل]{ادعاء قائل=مورتازين}'), URI, 1);
    assert.deepEqual(computeCodeLenses(doc, 'ar').map((lens) => lens.command?.title), ['الادعاءات: 2 · بلا مصدر: 1']);
  });
});

describe('next and previous unattributed claim', () => {
  const f = fixture(lines(...FRONT_MATTER, '[⟦One⟧]{claim} [Two]{claim by=ali} [a quote]{quote}', '[⟦Three [⟦nested⟧]{claim}⟧]{claim} [⟦Four⟧]{claim}'));
  const { text } = f;
  const doc = parseIsnad(text, URI, 1);
  const starts = f.offsetRanges.map((range) => range.start);
  const step = (offset: number, direction: 'next' | 'previous') => adjacentUnattributedClaim(doc, offset, direction)?.contentRange.start;

  it('steps forward from one claim’s text to the next, the nested one included, and wraps around', () => {
    const [one, three, nested, four] = [starts[0], starts[1], starts[2], starts[3]];
    assert.deepEqual([step(0, 'next'), step(one, 'next'), step(three, 'next'), step(nested, 'next'), step(four, 'next')], [one, three, nested, four, one]);
  });

  it('steps backward, and wraps around', () => {
    const [one, three, nested, four] = [starts[0], starts[1], starts[2], starts[3]];
    assert.deepEqual([step(text.length, 'previous'), step(four, 'previous'), step(nested, 'previous'), step(three, 'previous'), step(one, 'previous')], [four, nested, three, one, four]);
  });

  it('finds nothing when every claim has a source', () => {
    assert.equal(adjacentUnattributedClaim(parseIsnad(lines(...FRONT_MATTER, '[Two]{claim by=ali}'), URI, 1), 0, 'next'), undefined);
  });
});

describe('speaker inlay hints', () => {
  it('name the speaker before each attributed claim and quote of left-to-right paragraphs only', () => {
    const f = fixture(lines(...FRONT_MATTER, '[⟦⟧Ships wait]{quote by=ali} [⟦⟧[⟦⟧inner]{claim} outer]{claim by=ali} [none]{claim}', '', '[قال]{ادعاء قائل=مورتازين}'));
    const doc = parseIsnad(f.text, URI, 1);
    const hints = computeInlayHints(doc, { start: { line: 0, character: 0 }, end: doc.lines.positionAt(f.text.length) }, 'en');
    const [ships, outer, inner] = f.ranges.map((range) => range.start);
    assert.deepEqual(hints, [
      { position: ships, label: 'Ali Hassan:', paddingRight: true, tooltip: 'Said by: Ali Hassan' },
      { position: outer, label: 'Ali Hassan:', paddingRight: true, tooltip: 'Said by: Ali Hassan' },
      { position: inner, label: 'Ali Hassan:', paddingRight: true, tooltip: 'Said by: Ali Hassan (attribution inherited from the enclosing span “inner outer”)' },
    ]);
  });

  it('never go into right-to-left text: not under a declared direction: ltr, nor in a paragraph that starts in English', () => {
    const text = lines('---', 'direction: ltr', 'sources:', '  مورتازين: {name: أندريه مورتازين}', '  ali: Ali', '---', 'قال [بوتين يريد الذخيرة]{ادعاء قائل=مورتازين}', '', 'Putin said:', 'قال [الذخيرة]{ادعاء قائل=مورتازين}', '', '[Ships]{quote by=ali}');
    const doc = parseIsnad(text, URI, 1);
    const hints = computeInlayHints(doc, { start: { line: 0, character: 0 }, end: doc.lines.positionAt(text.length) }, 'en');
    assert.deepEqual(hints.map((hint) => hint.position), [{ line: 11, character: 1 }]);
  });

  it('answer only for the range asked', () => {
    const doc = parseIsnad(lines(...FRONT_MATTER, '[Ships]{quote by=ali}', '', '[Boats]{quote by=ali}'), URI, 1);
    const hints = computeInlayHints(doc, { start: { line: 7, character: 0 }, end: { line: 7, character: 21 } }, 'ar');
    assert.deepEqual(hints, [{ position: { line: 7, character: 1 }, label: 'Ali Hassan:', paddingRight: true, tooltip: 'القائل: Ali Hassan' }]);
  });
});
