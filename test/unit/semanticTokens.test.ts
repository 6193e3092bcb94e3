import * as assert from 'node:assert/strict';
import { parseIsnad } from '../../server/src/service/parse/document';
import { SEMANTIC_TOKENS_LEGEND, computeSemanticTokens, semanticTokens } from '../../server/src/service/features/semanticTokens';
import { fixture, lines } from './fixture';

const FRONT_MATTER = ['---', 'sources:', '  ⟦ali⟧: Ali Hassan', '  ⟦putin_office⟧: {name: Kremlin, kind: government, entity: ⟦putin⟧}', 'entities:', '  ⟦town⟧: {name: Example Town, type: place}', '  ⟦putin⟧: {name: Vladimir Putin, type: person}', '  ⟦nato⟧: {name: NATO, type: organization}', '---'];
const FRONT_MATTER_TOKENS = [
  ['ali', 'function', 1],
  ['putin_office', 'function', 1],
  ['putin', 'variable', 0],
  ['town', 'struct', 1],
  ['putin', 'variable', 1],
  ['nato', 'namespace', 1],
];

/** Each token as [text, type, modifiers]; the tokens must cover exactly the fixture's `⟦…⟧`. */
function tokensOf(marked: string): (string | number)[][] {
  const f = fixture(marked);
  const tokens = semanticTokens(parseIsnad(f.text, 'file:///a.isnad.md', 1));
  assert.deepEqual(
    tokens.map(({ start, end }) => ({ start, end })),
    f.offsetRanges,
  );
  return tokens.map((token) => [f.text.slice(token.start, token.end), token.type, token.modifiers]);
}

describe('semantic tokens', () => {
  it('declares standard types, and claim, in the legend', () => {
    assert.deepEqual(SEMANTIC_TOKENS_LEGEND, {
      tokenTypes: ['keyword', 'function', 'variable', 'namespace', 'type', 'struct', 'event', 'property', 'string', 'claim', 'enumMember', 'comment'],
      tokenModifiers: ['declaration'],
    });
  });

  it('colours the front matter’s ids: sources as functions, entities by type, keys as declarations', () => {
    assert.deepEqual(tokensOf(lines(...FRONT_MATTER, 'Text.')), FRONT_MATTER_TOKENS);
  });

  it('colours a left-to-right paragraph: claim text, nested mentions by type, speakers, keywords and keys, statuses and notes', () => {
    const body = '[⟦The port of ⟧[⟦Example Town⟧]{⟦@town⟧}⟦ reopens⟧]{⟦claim⟧ ⟦by⟧=⟦ali⟧ ⟦status⟧=⟦disputed⟧ ⟦about⟧=⟦town⟧,⟦putin⟧ ⟦note⟧=⟦"check it"⟧ ⟦id⟧=a1} and [⟦“we are ready”⟧]{⟦quote⟧ ⟦by⟧=⟦putin⟧}.';
    assert.deepEqual(tokensOf(lines(...FRONT_MATTER, body)).slice(FRONT_MATTER_TOKENS.length), [
      ['The port of ', 'claim', 0],
      ['Example Town', 'struct', 0],
      ['@town', 'struct', 0],
      [' reopens', 'claim', 0],
      ['claim', 'keyword', 0],
      ['by', 'keyword', 0],
      ['ali', 'function', 0],
      ['status', 'keyword', 0],
      ['disputed', 'enumMember', 0],
      ['about', 'keyword', 0],
      ['town', 'struct', 0],
      ['putin', 'variable', 0],
      ['note', 'keyword', 0],
      ['"check it"', 'comment', 0],
      ['id', 'keyword', 0],
      ['“we are ready”', 'string', 0],
      ['quote', 'keyword', 0],
      ['by', 'keyword', 0],
      ['putin', 'function', 0],
    ]);
  });

  it('leaves right-to-left paragraphs and headings without a single token, whatever they hold', () => {
    const tokens = tokensOf(lines(...FRONT_MATTER, '# القمة [بوتين]{@putin}', '', '[قال [بوتين]{@putin} إن الذخيرة ستصل]{ادعاء قائل=ali}', '', '# [⟦NATO⟧]{⟦@nato⟧} summit'));
    assert.deepEqual(tokens.slice(FRONT_MATTER_TOKENS.length), [
      ['NATO', 'namespace', 0],
      ['@nato', 'namespace', 0],
    ]);
  });

  it('follows the front matter’s direction: rtl leaves only the front matter', () => {
    assert.deepEqual(tokensOf(lines('---', 'direction: rtl', 'entities:', '  ⟦putin⟧: {name: Putin, type: person}', '---', '[Putin]{@putin} arrived.')), [['putin', 'variable', 1]]);
  });

  it('never cuts right-to-left text: not under a declared direction: ltr, nor in a paragraph that starts in English', () => {
    const front = ['---', 'direction: ltr', 'sources:', '  ⟦مورتازين⟧: M', 'entities:', '  ⟦putin⟧: {name: Putin, type: person}', '---'];
    const tokens = tokensOf(
      lines(...front, 'قال [بوتين يريد الذخيرة]{ادعاء قائل=مورتازين} اليوم', '', 'Putin said:', '[بوتين]{@putin} يريد الذخيرة', '', '[⟦Putin⟧]{⟦@putin⟧} arrived.'),
    );
    assert.deepEqual(tokens, [
      ['مورتازين', 'function', 1],
      ['putin', 'variable', 1],
      ['Putin', 'variable', 0],
      ['@putin', 'variable', 0],
    ]);
  });

  it('leaves a comment inside a claim, or inside a mention in it, to the grammar', () => {
    assert.deepEqual(tokensOf(lines('[⟦A ⟧<!-- one -->⟦ b ⟧[⟦c⟧<!-- two\nlines -->]{⟦@x⟧}⟦ d⟧]{⟦claim⟧}')), [
      ['A ', 'claim', 0],
      [' b ', 'claim', 0],
      ['c', 'property', 0],
      ['@x', 'property', 0],
      [' d', 'claim', 0],
      ['claim', 'keyword', 0],
    ]);
  });

  it('cuts a claim that spans lines into one token per line, and colours unknown ids as other', () => {
    assert.deepEqual(tokensOf(lines('[⟦The port⟧', '⟦reopens⟧]{⟦claim⟧ ⟦about⟧=⟦ghost⟧}')), [
      ['The port', 'claim', 0],
      ['reopens', 'claim', 0],
      ['claim', 'keyword', 0],
      ['about', 'keyword', 0],
      ['ghost', 'property', 0],
    ]);
  });

  it('encodes relative positions, and for a range only the tokens it touches', () => {
    const text = lines('---', 'sources:', '  ali: Ali', '---', '[Ships]{quote by=ali}');
    const doc = parseIsnad(text, 'file:///a.isnad.md', 1);
    const quote = 8;
    const keyword = 0;
    const fn = 1;
    assert.deepEqual(computeSemanticTokens(doc).data, [2, 2, 3, fn, 1, 2, 1, 5, quote, 0, 0, 7, 5, keyword, 0, 0, 6, 2, keyword, 0, 0, 3, 3, fn, 0]);
    assert.deepEqual(computeSemanticTokens(doc, { start: { line: 4, character: 8 }, end: { line: 4, character: 16 } }).data, [4, 8, 5, keyword, 0, 0, 6, 2, keyword, 0]);
  });
});
