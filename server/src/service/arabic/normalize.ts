// The normalised shadow of a text, for matching names and cues the way a reader would: NFC, then
// hamza-carrying alifs to ا, ة to ه, Persian ی/ک to ي/ك, Arabic-Indic and Eastern
// Arabic-Indic digits to ASCII, Latin lower-cased; harakat (U+064B–U+0652), superscript alef
// (U+0670), tatweel and invisible format characters removed; every run of white space one space.
// The source text is never rewritten: each shadow unit records the original characters it stands
// for, so a match in the shadow maps back to exactly the characters the user wrote.
import { isWhiteSpaceOrLineTerminator } from '../parse/chars';

/** A unit the shadow never holds otherwise: ends a block (paragraph or heading). */
export const BLOCK_END = 0x0a;
/** Stands for a span's `[`: no name matches across it. */
export const SPAN_OPEN = 0x01;
/** Stands for a span's `]{…}`. */
export const SPAN_CLOSE = 0x02;
/** Stands for a comment. */
export const COMMENT = 0x03;
export const SPACE = 0x20;
/** Stands for a symbol outside the Basic Multilingual Plane that is no letter, mark or digit (an emoji). */
const SYMBOL = 0xfffc;

export interface Shadow {
  /** The normalised UTF-16 code units. */
  readonly codes: Uint16Array;
  readonly length: number;
  /** Where, in the original text, the characters each unit stands for start … */
  readonly starts: Int32Array;
  /** … and end. */
  readonly ends: Int32Array;
}

/** The original characters shadow units `[start, end)` stand for, removed marks inside and at the edges included. */
export function originalRange(shadow: Shadow, start: number, end: number): { start: number; end: number } {
  return { start: shadow.starts[start], end: shadow.ends[end - 1] };
}

const REMOVED = 0xffff;
const TATWEEL = 0x0640;
const ALEF = 0x0627;
const ARABIC_LETTER_MARK = 0x061c;

/** What each unit of the Arabic block (U+0600–U+06FF) becomes: itself, another unit, or REMOVED. */
const ARABIC_FOLDING = (() => {
  const table = new Uint16Array(0x100);
  for (let i = 0; i < 0x100; i++) table[i] = 0x0600 + i;
  const set = (code: number, to: number) => (table[code - 0x0600] = to);
  for (const alef of [0x0622, 0x0623, 0x0625, 0x0671]) set(alef, ALEF);
  set(0x0629, 0x0647); // ة → ه
  set(0x06cc, 0x064a); // Persian ی → ي
  set(0x06a9, 0x0643); // Persian ک → ك
  for (let i = 0; i < 10; i++) {
    set(0x0660 + i, 0x30 + i);
    set(0x06f0 + i, 0x30 + i);
  }
  for (let code = 0x064b; code <= 0x0652; code++) set(code, REMOVED);
  set(0x0670, REMOVED); // superscript alef
  set(TATWEEL, REMOVED);
  set(ARABIC_LETTER_MARK, REMOVED);
  return table;
})();

/** Harakat and the superscript alef: removed, so a cluster of a letter and these needs no NFC. */
function isRemovedMark(code: number): boolean {
  return (code >= 0x064b && code <= 0x0652) || code === 0x0670;
}

const MARK = /\p{M}/u;
const WORD = /[\p{L}\p{M}\p{N}]/u;
/** Per BMP unit, filled on first use: 1 no, 2 yes. */
const markCache = new Uint8Array(0x10000);
const wordCache = new Uint8Array(0x10000);

function isCombining(code: number): boolean {
  if (code < 0x0300) return false;
  if (code >= 0x064b && code <= 0x065f) return true;
  let known = markCache[code];
  if (known === 0) markCache[code] = known = code >= 0xd800 && code <= 0xdfff ? 1 : MARK.test(String.fromCharCode(code)) ? 2 : 1;
  return known === 2;
}

/**
 * Whether a shadow unit belongs to a word: a letter, mark or digit. Surrogates stand for astral
 * letters (other astral characters are a symbol in the shadow).
 */
export function isWordUnit(code: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a);
  if (code >= 0x0621 && code <= 0x064a) return true;
  let known = wordCache[code];
  if (known === 0) wordCache[code] = known = code >= 0xd800 && code <= 0xdfff ? 2 : WORD.test(String.fromCharCode(code)) ? 2 : 1;
  return known === 2;
}

/** `\s` and NEL, but not the BOM, which is invisible (removed) rather than a space. */
function isWhiteSpace(code: number): boolean {
  return code === 0x85 || (code !== 0xfeff && isWhiteSpaceOrLineTerminator(code));
}

/** Invisible characters a reader does not see as part of a word: zero-width and bidi controls, soft hyphen, BOM. */
function isInvisible(code: number): boolean {
  return code === 0xad || code === ARABIC_LETTER_MARK || (code >= 0x200b && code <= 0x200f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2060 && code <= 0x2069) || code === 0xfeff;
}

/** Non-Arabic, non-ASCII units after NFC and lower-casing, memoised. */
const foldedOthers = new Map<number, string>();

function foldOther(code: number): string {
  let folded = foldedOthers.get(code);
  if (folded === undefined) {
    folded = String.fromCharCode(code).normalize('NFC').toLowerCase();
    foldedOthers.set(code, folded);
  }
  return folded;
}

/** The units below this have their folding in a table: ASCII, Latin-1, Latin Extended, Arabic. */
export const LOW_LIMIT = 0x0700;
/** In LOW_FOLDING: the unit needs the general path (it is removed, combines, or folds to several units). */
const SLOW = 0xffff;

/** What a unit below LOW_LIMIT becomes when nothing combines with it: one unit, SPACE for white space, or SLOW. */
const LOW_FOLDING = (() => {
  const table = new Uint16Array(LOW_LIMIT);
  for (let code = 0; code < LOW_LIMIT; code++) table[code] = loneFolding(code);
  return table;
})();

/** Per unit below LOW_LIMIT: 1 when it is a combining mark. */
const LOW_COMBINING = (() => {
  const table = new Uint8Array(LOW_LIMIT);
  for (let code = 0; code < LOW_LIMIT; code++) table[code] = isCombining(code) ? 1 : 0;
  return table;
})();

/** The single unit the general path (ShadowWriter.unit) writes for a lone `code` (of the BMP, no surrogate), SPACE, or SLOW. */
function loneFolding(code: number): number {
  if (isWhiteSpace(code)) return SPACE;
  if (isCombining(code) || isInvisible(code)) return SLOW;
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
  if (code >= 0x0600 && code <= 0x06ff) return ARABIC_FOLDING[code - 0x0600] === REMOVED ? SLOW : ARABIC_FOLDING[code - 0x0600];
  const folded = foldOther(code);
  return folded.length === 1 ? folded.charCodeAt(0) : SLOW;
}

/** From `quickUnit`: the character has no unit of its own in the shadow (a removed mark, tatweel, an invisible character). */
export const NO_UNIT = 0xfffe;
/** From `quickUnit`: only writing the shadow tells what the character becomes (it combines, is astral, or folds to several units). */
export const UNSURE = SLOW;

/** `quickUnit` below LOW_LIMIT. */
const QUICK_LOW = (() => {
  const table = new Uint16Array(LOW_LIMIT);
  for (let code = 0; code < LOW_LIMIT; code++) table[code] = hasNoUnit(code) ? NO_UNIT : LOW_FOLDING[code];
  return table;
})();
/** `quickUnit` from LOW_LIMIT on, filled on first use (0: not known yet; no such unit folds to U+0000). */
const quickHigh = new Uint16Array(0x10000);

function hasNoUnit(code: number): boolean {
  return isRemovedMark(code) || code === TATWEEL || isInvisible(code);
}

/**
 * What a character of the source stands for in the shadow, told from the character alone: its
 * unit (SPACE for white space, which the shadow collapses in runs), NO_UNIT, or UNSURE. Where it
 * is neither UNSURE nor followed by a character that is, the shadow holds exactly these units,
 * so a search may read the source through it without writing the shadow.
 */
export function quickUnit(code: number): number {
  if (code < LOW_LIMIT) return QUICK_LOW[code];
  let unit = quickHigh[code];
  if (unit === 0) quickHigh[code] = unit = quickHighUnit(code);
  return unit;
}

function quickHighUnit(code: number): number {
  if (code >= 0xd800 && code <= 0xdfff) return UNSURE;
  if (hasNoUnit(code)) return NO_UNIT;
  const unit = loneFolding(code);
  // U+FFFE folds to itself, which NO_UNIT would hide.
  return unit === NO_UNIT ? UNSURE : unit;
}

/** Builds a shadow from stretches of one source text, in order. */
export class ShadowWriter {
  private codes: Uint16Array;
  private starts: Int32Array;
  private ends: Int32Array;
  private length = 0;

  constructor(
    private source: string,
    capacity = source.length + 16,
  ) {
    this.codes = new Uint16Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }

  /** Starts over on another source, keeping the buffers: for the many short strings of a phrase list. */
  restart(source: string): void {
    this.source = source;
    this.length = 0;
  }

  /** Appends a unit that stands for `[start, end)` of the source: a separator, or a block end. */
  mark(code: number, start: number, end: number): void {
    this.push(code, start, end);
  }

  /** Appends the normalised form of `source[start, end)`. */
  append(start: number, end: number): void {
    const { source } = this;
    // Most units are a character below U+0700 (ASCII, an Arabic letter, a space) with nothing
    // combining after it: one table read tells what it becomes, written here without a call
    // (this loop runs over the whole article).
    if (this.codes.length < this.length + (end - start)) this.grow(this.length + (end - start));
    const { codes, starts, ends } = this;
    let length = this.length;
    let i = start;
    let next = i < end ? source.charCodeAt(i) : 0;
    while (i < end) {
      const code = next;
      next = i + 1 < end ? source.charCodeAt(i + 1) : 0;
      if (code < LOW_LIMIT) {
        const folded = LOW_FOLDING[code];
        if (folded === SPACE) {
          // A space stands alone whatever follows it (a mark after it is a cluster of its own).
          if (length > 0 && codes[length - 1] === SPACE) ends[length - 1] = i + 1;
          else {
            codes[length] = SPACE;
            starts[length] = i;
            ends[length++] = i + 1;
          }
          i++;
          continue;
        }
        if (folded !== SLOW && (next < LOW_LIMIT ? LOW_COMBINING[next] === 0 : !isCombining(next))) {
          codes[length] = folded;
          starts[length] = i;
          ends[length++] = i + 1;
          i++;
          continue;
        }
      }
      this.length = length;
      i = this.appendCluster(code, i, end);
      length = this.length;
      if (this.codes !== codes) return this.append(i, end);
      next = i < end ? source.charCodeAt(i) : 0;
    }
    this.length = length;
  }

  /** The character at `i` with the combining marks after it; returns where the next one starts. */
  private appendCluster(code: number, i: number, end: number): number {
    const { source } = this;
    if (isWhiteSpace(code)) {
      this.space(i, i + 1);
      return i + 1;
    }
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < end) {
      const low = source.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        this.astral(code, low, i);
        return i + 2;
      }
    }
    // Marks after an invisible character are the letter's before it (attachToPrevious), not its.
    if (isInvisible(code)) return i + 1;
    // NFC may compose the marks with the character.
    let clusterEnd = i + 1;
    let onlyRemovedMarks = true;
    while (clusterEnd < end && isCombining(source.charCodeAt(clusterEnd))) {
      if (!isRemovedMark(source.charCodeAt(clusterEnd))) onlyRemovedMarks = false;
      clusterEnd++;
    }
    if (onlyRemovedMarks) this.unit(code, i, clusterEnd);
    else this.unitString(source.slice(i, clusterEnd).normalize('NFC'), i, clusterEnd);
    return clusterEnd;
  }

  finish(): Shadow {
    return { codes: this.codes, length: this.length, starts: this.starts, ends: this.ends };
  }

  private unitString(text: string, start: number, end: number): void {
    for (let k = 0; k < text.length; k++) this.unit(text.charCodeAt(k), start, end);
  }

  /** One unit of the source (or of its NFC form) standing for `[start, end)`. */
  private unit(code: number, start: number, end: number): void {
    // Not even the word before's: an RLM after a name marks the direction of what follows it.
    if (isInvisible(code)) return;
    if (code >= 0x0600 && code <= 0x06ff) {
      const folded = ARABIC_FOLDING[code - 0x0600];
      if (folded === REMOVED) this.attachToPrevious(end);
      else this.push(folded, start, end);
    } else if (code < 0x80) {
      if (isWhiteSpace(code)) this.space(start, end);
      else this.push(code >= 0x41 && code <= 0x5a ? code + 0x20 : code, start, end);
    } else if (isWhiteSpace(code)) {
      this.space(start, end);
    } else if (isRemovedMark(code)) {
      this.attachToPrevious(end);
    } else {
      const folded = foldOther(code);
      if (folded.length === 1 && folded.charCodeAt(0) === code) this.push(code, start, end);
      else for (let k = 0; k < folded.length; k++) this.push(folded.charCodeAt(k), start, end);
    }
  }

  private astral(high: number, low: number, start: number): void {
    const codePoint = ((high - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
    if (WORD.test(String.fromCodePoint(codePoint))) {
      this.push(high, start, start + 2);
      this.push(low, start, start + 2);
    } else {
      this.push(SYMBOL, start, start + 2);
    }
  }

  /** A removed character belongs to the letter before it (a haraka or tatweel at a word's end is the word's). */
  private attachToPrevious(end: number): void {
    const last = this.length - 1;
    if (last >= 0 && isWordUnit(this.codes[last])) this.ends[last] = end;
  }

  private space(start: number, end: number): void {
    const last = this.length - 1;
    if (last >= 0 && this.codes[last] === SPACE) this.ends[last] = end;
    else this.push(SPACE, start, end);
  }

  private push(code: number, start: number, end: number): void {
    if (this.length === this.codes.length) this.grow(this.length + 1);
    const at = this.length++;
    this.codes[at] = code;
    this.starts[at] = start;
    this.ends[at] = end;
  }

  private grow(needed: number): void {
    const capacity = Math.max(needed, this.codes.length * 2);
    const grow = <T extends Uint16Array | Int32Array>(array: T, make: (size: number) => T): T => {
      const bigger = make(capacity);
      bigger.set(array);
      return bigger;
    };
    this.codes = grow(this.codes, (size) => new Uint16Array(size));
    this.starts = grow(this.starts, (size) => new Int32Array(size));
    this.ends = grow(this.ends, (size) => new Int32Array(size));
  }
}

/** The shadow of a whole string. */
export function shadowOf(text: string): Shadow {
  const writer = new ShadowWriter(text);
  writer.append(0, text.length);
  return writer.finish();
}

const phraseWriter = new ShadowWriter('', 256);

/** The normalised form of a string (a name, an alias, a cue), trimmed. */
export function normalize(text: string): string {
  phraseWriter.restart(text);
  phraseWriter.append(0, text.length);
  const { codes, length } = phraseWriter.finish();
  let normalised = '';
  for (let i = 0; i < length; i++) normalised += String.fromCharCode(codes[i]);
  return normalised.trim();
}
