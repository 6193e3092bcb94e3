// Scanning an attribute block `{ … }` into white-space separated tokens (FORMAT.md §4).
import type { TextRange } from '../model';
import { problem, type Problem } from '../problems';
import { isBlankChar, isEscapable, isLineBreak } from './chars';

export interface AttributeToken {
  readonly range: TextRange;
  /** Before the first unquoted `=`; undefined for a bare keyword or `@ID`. */
  readonly key?: string;
  /** The value with quotes and escapes resolved (the whole token for a bare keyword). */
  readonly value: string;
  readonly valueRange: TextRange;
  readonly quoted: boolean;
}

export interface AttributeScan {
  /** After the closing `}`, or where the paragraph ended when it is missing. */
  readonly end: number;
  readonly closed: boolean;
  readonly tokens: AttributeToken[];
  readonly problems: Problem[];
}

/** Where a block ends, whether its `}` came, and its syntax problems (an unterminated quote). */
export interface AttributeBlockEnd {
  readonly end: number;
  readonly closed: boolean;
  readonly problems: readonly Problem[];
}

/**
 * Takes each token as it is read, in order, as plain values: the parser makes only the objects
 * its model keeps (a span's attributes are read for every span of the document).
 */
export type AttributeTokenVisitor = (start: number, end: number, key: string | undefined, value: string, valueStart: number, quoted: boolean) => void;

const QUOTE = 34;
const BACKSLASH = 92;
const CLOSE_BRACE = 125;
const EQUALS = 61;

/** Shared by the blocks without a problem (nearly all); nothing writes to it, as it is empty. */
const NO_PROBLEMS: readonly Problem[] = [];

/**
 * Reads tokens from `start` (just after `{`) to the first `}` that is neither escaped nor
 * quoted. `endsUnit(lineBreakOffset)` says whether a line break ends the paragraph.
 */
export function scanAttributes(text: string, start: number, endsUnit: (lineBreak: number) => boolean): AttributeScan {
  const tokens: AttributeToken[] = [];
  const block = readAttributes(text, start, endsUnit, (tokenStart, end, key, value, valueStart, quoted) =>
    tokens.push({ range: { start: tokenStart, end }, key, value, valueRange: { start: valueStart, end }, quoted }),
  );
  return { end: block.end, closed: block.closed, tokens, problems: [...block.problems] };
}

/** `scanAttributes`, handing each token to `visit` instead of listing them. */
export function readAttributes(text: string, start: number, endsUnit: (lineBreak: number) => boolean, visit: AttributeTokenVisitor): AttributeBlockEnd {
  let i = start;
  for (;;) {
    if (i >= text.length) return { end: text.length, closed: false, problems: NO_PROBLEMS };
    const c = text.charCodeAt(i);
    if (isLineBreak(c)) {
      if (endsUnit(i)) return { end: i, closed: false, problems: NO_PROBLEMS };
      i++;
      continue;
    }
    if (isBlankChar(c)) {
      i++;
      continue;
    }
    if (c === CLOSE_BRACE) return { end: i + 1, closed: true, problems: NO_PROBLEMS };

    const tokenStart = i;
    let value = '';
    let key: string | undefined;
    let valueStart = i;
    let quoted = false;
    // Characters join the value as slices of the text, not one by one: `run` is where the ones
    // not added yet begin. An escape ends a run; the character it escapes begins the next.
    let run = i;
    while (i < text.length) {
      const d = text.charCodeAt(i);
      // Every character this loop acts on is at most `}`: letters past it (Arabic ones) are skipped by one test.
      if (d > CLOSE_BRACE) {
        i++;
        continue;
      }
      if (d === QUOTE) {
        value += text.slice(run, i);
        quoted = true;
        const quoteStart = i;
        run = ++i;
        for (;;) {
          if (i >= text.length || (isLineBreak(text.charCodeAt(i)) && endsUnit(i))) {
            value += text.slice(run, i);
            visit(tokenStart, i, key, value, valueStart, quoted);
            return { end: i, closed: false, problems: [problem('span-syntax', { start: quoteStart, end: i }, 'unterminatedQuote')] };
          }
          const e = text.charCodeAt(i);
          if (e === BACKSLASH && (text.charCodeAt(i + 1) === QUOTE || text.charCodeAt(i + 1) === BACKSLASH)) {
            value += text.slice(run, i);
            run = i + 1;
            i += 2;
          } else if (e === QUOTE) {
            value += text.slice(run, i);
            run = ++i;
            break;
          } else {
            i++;
          }
        }
        continue;
      }
      if (isBlankChar(d) || isLineBreak(d) || d === CLOSE_BRACE) break;
      // `\"` is a quote in a value, quoted or not (FORMAT.md §4): unquoted, it must not open a quote.
      if (d === BACKSLASH && (isEscapable(text.charCodeAt(i + 1)) || text.charCodeAt(i + 1) === QUOTE)) {
        value += text.slice(run, i);
        run = i + 1;
        i += 2;
        continue;
      }
      if (d === EQUALS && key === undefined && !quoted) {
        key = value + text.slice(run, i);
        value = '';
        valueStart = i + 1;
        run = ++i;
        continue;
      }
      i++;
    }
    value += text.slice(run, i);
    visit(tokenStart, i, key, value, valueStart, quoted);
  }
}

/** The tokens of a block the parser has read (`block`: between `{` and `}`), read again: the model keeps their meaning, not the tokens. */
export function blockTokens(text: string, block: TextRange): AttributeToken[] {
  return scanAttributes(text, block.start, (lineBreak) => lineBreak >= block.end).tokens;
}
