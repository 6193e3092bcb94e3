// Sentences of a block's shadow (blockShadows.ts), in shadow units. A sentence ends at a block's end and at
// ، ؛ ؟ ; and at . ! ? … unless a letter or digit follows at once (3.5, U.S) or the dot ends an
// initial (U.S. officials, J. Smith). Punctuation does
// not end a sentence inside «…» or inside a span: a sentence holds whole spans, so wrapping it in
// a new span never crosses an existing one.
import { BLOCK_END, COMMENT, SPACE, SPAN_CLOSE, SPAN_OPEN, isWordUnit, type Shadow } from './normalize';

export interface ShadowRange {
  readonly start: number;
  readonly end: number;
}

const OPEN_QUOTE = 0xab; // «
const CLOSE_QUOTE = 0xbb; // »
const ELLIPSIS = 0x2026;

/** ، ؛ ؟ ; */
function alwaysEnds(code: number): boolean {
  return code === 0x060c || code === 0x061b || code === 0x061f || code === 0x3b;
}

/** . ! ? … */
function endsBeforeSpace(code: number): boolean {
  return code === 0x2e || code === 0x21 || code === 0x3f || code === ELLIPSIS;
}

/** The sentences of the shadow of one block (blockShadows.ts), in order. */
export function sentencesOfBlock(shadow: Shadow): ShadowRange[] {
  const { codes, length } = shadow;
  const sentences: ShadowRange[] = [];
  sentencesIn(codes, length > 0 && codes[length - 1] === BLOCK_END ? length - 1 : length, sentences);
  return sentences;
}

/** The sentences of shadow units `[0, to)`, one block without its BLOCK_END, appended to `sentences`. */
function sentencesIn(codes: Uint16Array, to: number, sentences: ShadowRange[]): void {
  let start = 0;
  let spans = 0;
  let quotes = 0;
  const end = (at: number) => {
    const trimmed = trim(codes, start, at);
    if (trimmed) sentences.push(trimmed);
    start = at + 1;
  };
  for (let i = 0; i < to; i++) {
    const code = codes[i];
    // Letters (Arabic from U+0620, Latin from U+0040) are most of the text and never end anything.
    if ((code >= 0x0620 && code !== ELLIPSIS) || (code >= 0x40 && code < OPEN_QUOTE) || code === SPACE) continue;
    if (code === SPAN_OPEN) spans++;
    else if (code === SPAN_CLOSE) spans = Math.max(0, spans - 1);
    else if (code === OPEN_QUOTE) quotes++;
    else if (code === CLOSE_QUOTE) quotes = Math.max(0, quotes - 1);
    else if (spans === 0 && quotes === 0 && (alwaysEnds(code) || (endsBeforeSpace(code) && !(i + 1 < to && isWordUnit(codes[i + 1])) && !isInitial(codes, i)))) {
      end(i);
    }
  }
  end(to);
}

/**
 * Without white space and comments at either end, nor the rest of a run of end marks the sentence
 * before ended at (`مغلق...وأكد`: the last dot, a word after it, ends nothing); undefined when
 * nothing else is left.
 */
function trim(codes: Uint16Array, start: number, end: number): ShadowRange | undefined {
  let from = start;
  let to = end;
  while (from < to && (isBlank(codes[from]) || alwaysEnds(codes[from]) || endsBeforeSpace(codes[from]))) from++;
  while (to > from && isBlank(codes[to - 1])) to--;
  return from < to ? { start: from, end: to } : undefined;
}

/** Whether the unit at `dot` is the dot after a lone Latin letter: an initial (U.S. officials, J. Smith), no sentence end. */
function isInitial(codes: Uint16Array, dot: number): boolean {
  const letter = codes[dot - 1];
  return codes[dot] === 0x2e && letter >= 0x61 && letter <= 0x7a && (dot < 2 || !isWordUnit(codes[dot - 2]));
}

function isBlank(code: number): boolean {
  return code === SPACE || code === COMMENT;
}
