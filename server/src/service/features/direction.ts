// Which way each paragraph reads. The front matter's `direction` decides when it says rtl or
// ltr; under `auto` a paragraph takes the direction of its first strong character, as Unicode's
// bidi rules P2/P3 do (and HTML's dir="auto"), looking only at what a reader sees: markup,
// comments and escape backslashes (the document's elisions) are skipped.
//
// "Strong" is approximated compactly: a letter (\p{L}) is strong right-to-left when it lies in
// one of the right-to-left blocks below and strong left-to-right otherwise; the marks LRM, RLM
// and ALM count too. Digits, punctuation and combining marks are weak or neutral and never
// decide. The few non-letters Unicode also classes strong (e.g. the Arabic question mark) only
// ever delay the decision to the next letter, which is in practice of the same script.
import type { ParagraphDirection } from '../../protocol';
import type { IsnadDocument, Span, TextRange } from '../model';
import { firstEndingAfter } from '../ranges';
import { oncePer } from '../memo';

/** Blocks whose letters are right-to-left (Bidi_Class R or AL), as [first, last] code points. */
const RIGHT_TO_LEFT_BLOCKS: readonly (readonly [number, number])[] = [
  [0x0590, 0x08ff], // Hebrew, Arabic, Syriac, Arabic Supplement, Thaana, NKo, Samaritan, Mandaic, Syriac Supplement, Arabic Extended-A/B
  [0xfb1d, 0xfdff], // Hebrew presentation forms, Arabic Presentation Forms-A
  [0xfe70, 0xfeff], // Arabic Presentation Forms-B
  [0x10800, 0x10fff], // historic right-to-left scripts (Phoenician, Kharoshthi, Avestan, Hanifi Rohingya, Yezidi, Sogdian …)
  [0x1e800, 0x1efff], // Mende Kikakui, Adlam, Arabic mathematical letters
];

const LEFT_TO_RIGHT_MARK = 0x200e;
const RIGHT_TO_LEFT_MARK = 0x200f;
const ARABIC_LETTER_MARK = 0x061c;
const FIRST_ISOLATE_INITIATOR = 0x2066; // LRI, RLI, FSI
const LAST_ISOLATE_INITIATOR = 0x2068;
const POP_DIRECTIONAL_ISOLATE = 0x2069;
const LETTER = /\p{L}/u;

function isRightToLeftBlock(code: number): boolean {
  return RIGHT_TO_LEFT_BLOCKS.some(([first, last]) => code >= first && code <= last);
}

/** The bidi class of a code point, reduced to what P2 needs: strong rtl, strong ltr or neither. */
export function strongDirection(code: number): ParagraphDirection | undefined {
  if (code === RIGHT_TO_LEFT_MARK || code === ARABIC_LETTER_MARK) return 'rtl';
  if (code === LEFT_TO_RIGHT_MARK) return 'ltr';
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) ? 'ltr' : undefined;
  if (!LETTER.test(String.fromCodePoint(code))) return undefined;
  return isRightToLeftBlock(code) ? 'rtl' : 'ltr';
}

/**
 * The direction of the first strong character of `text[start, end)` outside `skipped` (sorted,
 * non-overlapping) and outside isolates (P2 ignores what lies between an isolate initiator and
 * its matching PDI); undefined when there is none.
 */
export function firstStrongDirection(text: string, start: number, end: number, skipped: readonly TextRange[] = []): ParagraphDirection | undefined {
  let next = firstEndingAfter(skipped, start);
  let isolateDepth = 0;
  let i = start;
  while (i < end) {
    if (next < skipped.length && skipped[next].start <= i) {
      i = Math.max(i, skipped[next].end);
      next++;
      continue;
    }
    const code = text.codePointAt(i)!;
    i += code > 0xffff ? 2 : 1;
    if (code >= FIRST_ISOLATE_INITIATOR && code <= LAST_ISOLATE_INITIATOR) isolateDepth++;
    else if (code === POP_DIRECTIONAL_ISOLATE) isolateDepth = Math.max(0, isolateDepth - 1);
    else if (isolateDepth === 0) {
      const direction = strongDirection(code);
      if (direction) return direction;
    }
  }
  return undefined;
}


/**
 * The article's direction: the front matter's, else the body's first strong character's, else
 * left to right (P3's default).
 */
export function documentDirection(doc: IsnadDocument): ParagraphDirection {
  const declared = doc.frontMatter?.direction;
  if (declared === 'rtl' || declared === 'ltr') return declared;
  return firstStrongDirection(doc.text, doc.bodyStart, doc.text.length, doc.elisions) ?? 'ltr';
}

/**
 * One direction per `doc.blocks` entry. A paragraph with no strong character at all (a date, a
 * number) follows the article rather than P3's left-to-right default, so that "2023" in an
 * Arabic article is aligned with the Arabic around it.
 */
export const blockDirections = oncePer((doc: IsnadDocument): readonly ParagraphDirection[] => {
  const declared = doc.frontMatter?.direction;
  if (declared === 'rtl' || declared === 'ltr') return doc.blocks.map(() => declared);
  let fallback: ParagraphDirection | undefined;
  return doc.blocks.map((block) => {
    const own = firstStrongDirection(doc.text, block.range.start, block.range.end, doc.elisions);
    return own ?? (fallback ??= documentDirection(doc));
  });
});

/** Index of the block (paragraph or heading text) that contains `offset`; -1 when none does. */
export function blockIndexAt(doc: IsnadDocument, offset: number): number {
  const index = firstEndingAfter(doc.blocks, offset, (block) => block.range);
  return index < doc.blocks.length && doc.blocks[index].range.start <= offset ? index : -1;
}

/** Which way the block at `offset` reads; outside every block, the article's direction. */
export function directionAt(doc: IsnadDocument, offset: number): ParagraphDirection {
  const block = blockIndexAt(doc, offset);
  return block >= 0 ? blockDirections(doc)[block] : documentDirection(doc);
}

/** Right-to-left characters of any class (letters, digits, punctuation of those blocks) and RLM, ALM. */
const RIGHT_TO_LEFT_CHARACTER = new RegExp(
  `[${RIGHT_TO_LEFT_BLOCKS.map(([first, last]) => `\\u{${first.toString(16)}}-\\u{${last.toString(16)}}`).join('')}\\u{${RIGHT_TO_LEFT_MARK.toString(16)}}\\u{${ARABIC_LETTER_MARK.toString(16)}}]`,
  'u',
);

/**
 * Per `doc.blocks` entry, whether the editor may cut its lines into differently styled pieces
 * (semantic tokens, inlay hints, text-styling decorations). VS Code lays every line out left to
 * right whatever the article declares, and a cut inside right-to-left text scrambles its words
 * (E2E.md): so only left-to-right blocks holding no right-to-left character at all, markup
 * included, qualify. A declared `direction: ltr` over Arabic text, or an English sentence
 * followed by an Arabic line in one paragraph, does not make the Arabic safe to cut.
 */
export const inlineStylableBlocks = oncePer((doc: IsnadDocument): readonly boolean[] => {
  const directions = blockDirections(doc);
  return doc.blocks.map(({ range }, index) => directions[index] === 'ltr' && !RIGHT_TO_LEFT_CHARACTER.test(doc.text.slice(range.start, range.end)));
});

/** The spans that start in a block the editor may cut into pieces (`inlineStylableBlocks`). */
export function inlineStylableSpans(doc: IsnadDocument): Span[] {
  const stylable = inlineStylableBlocks(doc);
  const spans: Span[] = [];
  let block = 0;
  for (const span of doc.spans) {
    while (block < doc.blocks.length && doc.blocks[block].range.end <= span.range.start) block++;
    if (block < doc.blocks.length && doc.blocks[block].range.start <= span.range.start && stylable[block]) spans.push(span);
  }
  return spans;
}
