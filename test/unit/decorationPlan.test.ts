import * as assert from 'node:assert/strict';
import { parseIsnad } from '../../server/src/service/parse/document';
import { computeDecorations } from '../../server/src/service/features/decorations';
import { DECORATION_KEYS, LEFT_TO_RIGHT_ONLY, planDecorations, type DecorationPlan } from '../../client/src/decorations/plan';

const lines = (...text: string[]) => text.join('\n');
const range = (line: number, start: number, endLine: number, end: number) => ({
  start: { line, character: start },
  end: { line: endLine, character: end },
});
const at = (line: number, character: number) => range(line, character, line, character);

function plan(text: string, wordWrap = false): DecorationPlan {
  return planDecorations(computeDecorations(parseIsnad(text)), { wordWrap });
}

/** Only the keys that got decorations, for exact comparisons. */
function used(planned: DecorationPlan): Partial<DecorationPlan> {
  return Object.fromEntries(Object.entries(planned).filter(([, decorations]) => decorations.length > 0));
}

const FRONT_MATTER = ['---', 'sources: {mortazin: أندريه مورتازين, usa: US officials}', 'entities: {putin: {name: بوتين, type: person}}', '---'];

describe('planDecorations', () => {
  it('gives a right-to-left line only tints, underlines, gutter icons and one badge at column 0', () => {
    const planned = plan(lines(...FRONT_MATTER, '[[بوتين]{@putin} يريد]{ادعاء قائل=mortazin} و[الذخيرة]{ادعاء} [تصل]{اقتباس قائل=usa} [هنا]{ادعاء قائل=mortazin}'));
    assert.deepEqual(used(planned), {
      'mention.person': [{ range: range(4, 2, 4, 7) }],
      claim: [{ range: range(4, 1, 4, 21) }, { range: range(4, 86, 4, 89) }],
      'claim.unattributed': [{ range: range(4, 46, 4, 53) }],
      quote: [{ range: range(4, 63, 4, 66) }],
      'gutter.unattributed': [{ range: at(4, 0) }],
      'speaker.lineStart': [{ range: at(4, 0), text: '\u2067◂ أندريه مورتازين · US officials\u2069' }],
    });
  });

  it('outlines implicit mentions on right-to-left and left-to-right lines alike (a border never splits a line)', () => {
    const planned = plan(lines(...FRONT_MATTER, 'قال وبوتين إن [بوتين]{@putin} هنا', '', 'Then بوتين left.'));
    assert.deepEqual(planned['mention.implicit'], [{ range: range(4, 5, 4, 10) }, { range: range(6, 5, 6, 10) }]);
    assert.ok(!LEFT_TO_RIGHT_ONLY.has('mention.implicit'));
  });

  it('leaves column-0 badges out when the editor wraps lines, which would hide a wrapped row\'s first words', () => {
    const text = lines(...FRONT_MATTER, '[[بوتين]{@putin} يريد]{ادعاء قائل=mortazin} و[الذخيرة]{ادعاء}');
    assert.equal(plan(text)['speaker.lineStart'].length, 1);
    const wrapped = plan(text, true);
    assert.deepEqual(wrapped['speaker.lineStart'], []);
    assert.deepEqual(wrapped.claim, [{ range: range(4, 1, 4, 21) }]);
    assert.deepEqual(wrapped['gutter.unattributed'], [{ range: at(4, 0) }]);
  });

  it('gives a left-to-right line speaker badges after each statement and dimmed markup', () => {
    const planned = plan(lines(...FRONT_MATTER, 'Intro.', '', '[Putin]{@putin} said [shells come]{claim by=usa}.'));
    assert.deepEqual(used(planned), {
      'mention.person': [{ range: range(6, 1, 6, 6) }],
      claim: [{ range: range(6, 22, 6, 33) }],
      'gutter.statement': [{ range: at(6, 0) }],
      'speaker.after': [{ range: at(6, 48), text: '— US officials' }],
      'markup.dim': [
        { range: range(6, 0, 6, 1) },
        { range: range(6, 6, 6, 15) },
        { range: range(6, 21, 6, 22) },
        { range: range(6, 33, 6, 48) },
      ],
    });
  });

  it('follows each paragraph’s direction, line by line', () => {
    const planned = plan(lines('[Putin]{claim by=x} said', '', '[قال]{ادعاء قائل=x}', 'سطر ثان [ثم]{ادعاء قائل=y}'));
    assert.deepEqual(planned['speaker.after'], [{ range: at(0, 19), text: '— x' }]);
    assert.deepEqual(planned['speaker.lineStart'], [
      { range: at(2, 0), text: '\u2067◂ x\u2069' },
      { range: at(3, 0), text: '\u2067◂ y\u2069' },
    ]);
    for (const key of LEFT_TO_RIGHT_ONLY) {
      assert.ok(planned[key].every((decoration) => decoration.range.start.line === 0), `${key} on a right-to-left line`);
    }
  });

  it('tints a mention of an undefined entity as “other”', () => {
    assert.deepEqual(plan('[x]{@nobody}')['mention.other'], [{ range: range(0, 1, 0, 2) }]);
  });

  it('keeps bidi controls in speaker names from escaping the badge’s isolate', () => {
    const planned = plan(lines('---', 'sources: {x: "a\u2069b\u202Ec"}', '---', '[قال]{ادعاء قائل=x}'));
    assert.deepEqual(planned['speaker.lineStart'], [{ range: at(3, 0), text: '\u2067◂ abc\u2069' }]);
  });

  it('plans every key, empty when unused', () => {
    assert.deepEqual(Object.keys(plan('')).sort(), [...DECORATION_KEYS].sort());
  });
});
