// Finds many phrases (names, aliases, cues) in a normalised shadow in one pass, whatever their
// number: an Aho–Corasick automaton, compiled into a transition table over the phrases' own
// alphabet, so each unit of the text costs one table read. A phrase matches whole words, after
// the Arabic proclitics a word may carry: و or ف, then ب, ك or ل, then the article ال (which ل
// absorbs: للرئيس is ل + الرئيس, and للاذقية ل + اللاذقية, the article's ل merged with the name's).
// A phrase that starts with the article needs one in the text (الصين matches والصين and للصين,
// never صين); one without may take it (رئيس matches الرئيس).
// A phrase written with a final tatweel (`وفقا لـ`) runs on into the next word.
// A phrase's ى also matches ي, as writers who dot it (مصطفي) write; not the other way round: the
// text's ى stays itself, so the preposition على never reads as the name علي.
import { LOW_LIMIT, NO_UNIT, SPACE, UNSURE, isWordUnit, normalize, quickUnit, type Shadow } from './normalize';

export interface Phrase<T> {
  readonly text: string;
  readonly value: T;
}

/** Shadow units `[start, end)`: the phrase with its article as written, without the other proclitics. */
export interface PhraseMatch<T> {
  readonly start: number;
  readonly end: number;
  readonly value: T;
}

const ALEF = 0x0627;
const LAM = 0x0644;
const WAW = 0x0648;
const FEH = 0x0641;
const BEH = 0x0628;
const KAF = 0x0643;
const TATWEEL = '\u0640';
const ARTICLE = /^[\u0627\u0671]\u0644/;
/** The longest proclitic run: و + ب + ال. */
const MAX_PREFIX = 4;

interface CompiledPhrase<T> {
  readonly value: T;
  /** Units of the phrase without its article. */
  readonly length: number;
  readonly needsArticle: boolean;
  readonly openEnd: boolean;
  readonly startsWord: boolean;
  readonly endsWord: boolean;
}

/** What `articleBefore` gives when the letters before a phrase are not proclitics. */
const NOT_PROCLITICS = -1;

export class PhraseMatcher<T> {
  private constructor(
    private readonly phrases: readonly CompiledPhrase<T>[],
    /** Unit → symbol; 0 for units no phrase holds. */
    private readonly alphabet: Uint16Array,
    private readonly stride: number,
    private readonly delta: Uint16Array | Int32Array,
    /** Per state: the phrases (indices) that end there, or undefined. */
    private readonly endingAt: readonly (readonly number[] | undefined)[],
    /** Per state: itself when phrases end there, else the nearest suffix state where some do, else -1. */
    private readonly firstOutput: Int32Array,
    /** Per state with phrases: the next shorter suffix state with phrases, else -1. */
    private readonly nextOutput: Int32Array,
  ) {}

  /** Built on the first `mayMatchIn`. */
  private sourceReader?: SourceReader;

  /** Earlier phrases win ties (same start and end). */
  static of<T>(phrases: readonly Phrase<T>[]): PhraseMatcher<T> {
    const compiled: CompiledPhrase<T>[] = [];
    const cores: string[] = [];
    for (const { text, value } of phrases) {
      const trimmed = text.trim();
      const openEnd = trimmed.endsWith(TATWEEL);
      const normalised = normalize(trimmed);
      const needsArticle = ARTICLE.test(trimmed.normalize('NFC')) && normalised.length > 2 && normalised.startsWith('\u0627\u0644');
      const core = needsArticle ? normalised.slice(2) : normalised;
      if (!core) continue;
      const phrase = {
        value,
        length: core.length,
        needsArticle,
        openEnd,
        startsWord: isWordUnit(core.charCodeAt(0)),
        endsWord: isWordUnit(core.charCodeAt(core.length - 1)),
      };
      for (const spelling of dottedYehSpellings(core)) {
        cores.push(spelling);
        compiled.push(phrase);
      }
    }
    return PhraseMatcher.compile(compiled, cores);
  }

  private static compile<T>(phrases: CompiledPhrase<T>[], cores: readonly string[]): PhraseMatcher<T> {
    const alphabet = new Uint16Array(0x10000);
    let symbols = 0;
    let units = 1;
    for (const core of cores) {
      units += core.length;
      for (let k = 0; k < core.length; k++) if (alphabet[core.charCodeAt(k)] === 0) alphabet[core.charCodeAt(k)] = ++symbols;
    }
    const stride = symbols + 1;
    // The trie, in a table as wide as the alphabet: -1 where it has no edge.
    const table = new Int32Array(units * stride).fill(-1);
    const endingAt: number[][] = [];
    let states = 1;
    cores.forEach((core, index) => {
      let state = 0;
      for (let k = 0; k < core.length; k++) {
        const cell = state * stride + alphabet[core.charCodeAt(k)];
        if (table[cell] < 0) table[cell] = states++;
        state = table[cell];
      }
      (endingAt[state] ??= []).push(index);
    });
    // Breadth first, each state's missing edges become its failure state's: a full automaton.
    const fail = new Int32Array(states);
    const firstOutput = new Int32Array(states).fill(-1);
    const nextOutput = new Int32Array(states).fill(-1);
    const queue = new Int32Array(states);
    let head = 0;
    let tail = 0;
    if (endingAt[0]) firstOutput[0] = 0;
    for (let symbol = 0; symbol < stride; symbol++) {
      const child = table[symbol];
      if (child < 0) table[symbol] = 0;
      else queue[tail++] = child;
    }
    while (head < tail) {
      const state = queue[head++];
      const suffix = fail[state];
      nextOutput[state] = firstOutput[suffix];
      firstOutput[state] = endingAt[state] ? state : firstOutput[suffix];
      for (let symbol = 0; symbol < stride; symbol++) {
        const cell = state * stride + symbol;
        const child = table[cell];
        const viaSuffix = table[suffix * stride + symbol];
        if (child < 0) {
          table[cell] = viaSuffix;
        } else {
          fail[child] = viaSuffix;
          queue[tail++] = child;
        }
      }
    }
    const size = states * stride;
    const delta = states <= 0x10000 ? new Uint16Array(table.subarray(0, size)) : table.slice(0, size);
    return new PhraseMatcher(phrases, alphabet, stride, delta, endingAt, firstOutput, nextOutput);
  }

  /**
   * Every match in shadow units `[from, to)`, leftmost first; where matches overlap, the
   * leftmost, then the longest, wins. `from` and `to` must be the shadow's ends or separators:
   * the word boundaries around them are read from the units beyond.
   */
  findAll(shadow: Shadow, from = 0, to = shadow.length): PhraseMatch<T>[] {
    const { codes, length } = shadow;
    const { alphabet, delta, stride, firstOutput } = this;
    const found: { start: number; end: number; phrase: number }[] = [];
    let state = 0;
    for (let i = from; i < to; i++) {
      state = delta[state * stride + alphabet[codes[i]]];
      if (firstOutput[state] >= 0) this.collect(codes, length, state, i + 1, found);
    }
    found.sort((a, b) => a.start - b.start || b.end - a.end || a.phrase - b.phrase);
    const matches: PhraseMatch<T>[] = [];
    let covered = 0;
    for (const { start, end, phrase } of found) {
      if (start < covered) continue;
      matches.push({ start, end, value: this.phrases[phrase].value });
      covered = end;
    }
    return matches;
  }

  /**
   * Whether a phrase may match in the shadow of `source[start, end)`, the source read through
   * `quickUnit` without writing the shadow: false only when none does. Word ends and proclitics
   * are not checked, and a character only the shadow can tell about answers true. Callers pass
   * the stretches between markup, as the shadow separates them.
   */
  mayMatchIn(source: string, start: number, end: number): boolean {
    const reader = (this.sourceReader ??= SourceReader.of(this.alphabet, this.stride, this.delta, this.firstOutput));
    const { rows, lowSymbols } = reader;
    let row = 0;
    for (let i = start; i < end; i++) {
      const code = source.charCodeAt(i);
      const next = rows[row + (code < LOW_LIMIT ? lowSymbols[code] : reader.symbolOf(code))];
      if (next < 0) return true;
      row = next;
    }
    return false;
  }

  private collect(codes: Uint16Array, length: number, state: number, end: number, found: { start: number; end: number; phrase: number }[]): void {
    const nextIsWord = end < length && isWordUnit(codes[end]);
    for (let output = this.firstOutput[state]; output >= 0; output = this.nextOutput[output]) {
      for (const index of this.endingAt[output]!) {
        const phrase = this.phrases[index];
        if (phrase.endsWord && !phrase.openEnd && nextIsWord) continue;
        const coreStart = end - phrase.length;
        if (!phrase.startsWord) {
          found.push({ start: coreStart, end, phrase: index });
          continue;
        }
        const article = articleBefore(codes, coreStart, phrase.needsArticle);
        if (article === NOT_PROCLITICS || (phrase.needsArticle && article === 0)) continue;
        found.push({ start: coreStart - article, end, phrase: index });
      }
    }
  }
}

/**
 * The automaton made to read the source itself, with no shadow written (`mayMatchIn`): one table
 * read per character, no branch but where a phrase may end. A transition gives the next state's
 * row (state × width), or −1 where a phrase ends. Two symbols more than the alphabet: a character
 * with no unit of its own leaves the state as it is; one only the shadow can tell about ends the
 * scan. A run of white space is one unit in the shadow: a state entered on a space stays put on
 * the next one.
 */
class SourceReader {
  private constructor(
    readonly rows: Int32Array,
    /** Per source character below LOW_LIMIT: its symbol. */
    readonly lowSymbols: Uint16Array,
    private readonly alphabet: Uint16Array,
    private readonly noUnit: number,
    private readonly unsure: number,
  ) {}

  static of(alphabet: Uint16Array, stride: number, delta: Uint16Array | Int32Array, firstOutput: Int32Array): SourceReader {
    const states = delta.length / stride;
    const noUnit = stride;
    const unsure = stride + 1;
    const width = stride + 2;
    // Every transition into a state is on the last symbol of the state's string.
    const lastSymbol = new Int32Array(states).fill(-1);
    for (let cell = 0; cell < delta.length; cell++) if (delta[cell] !== 0) lastSymbol[delta[cell]] = cell % stride;
    const space = alphabet[SPACE];
    const rows = new Int32Array(states * width);
    for (let state = 0; state < states; state++) {
      for (let symbol = 0; symbol < stride; symbol++) {
        const next = delta[state * stride + symbol];
        rows[state * width + symbol] = firstOutput[next] >= 0 ? -1 : next * width;
      }
      if (space !== 0 && lastSymbol[state] === space) rows[state * width + space] = state * width;
      rows[state * width + noUnit] = state * width;
      rows[state * width + unsure] = -1;
    }
    const lowSymbols = new Uint16Array(LOW_LIMIT);
    const reader = new SourceReader(rows, lowSymbols, alphabet, noUnit, unsure);
    for (let code = 0; code < LOW_LIMIT; code++) lowSymbols[code] = reader.symbolOf(code);
    return reader;
  }

  symbolOf(code: number): number {
    const unit = quickUnit(code);
    return unit === NO_UNIT ? this.noUnit : unit === UNSURE ? this.unsure : this.alphabet[unit];
  }
}

const ALEF_MAKSURA = '\u0649';
const YEH = '\u064a';
/** More ى than this in one phrase are matched as written (each doubles the spellings). */
const MAX_ALEF_MAKSURAS = 3;

/** The phrase as written, and with each ى written ي or not, in every combination. */
function dottedYehSpellings(phrase: string): string[] {
  const parts = phrase.split(ALEF_MAKSURA);
  if (parts.length === 1 || parts.length - 1 > MAX_ALEF_MAKSURAS) return [phrase];
  let spellings = [parts[0]];
  for (const part of parts.slice(1)) spellings = spellings.flatMap((head) => [head + ALEF_MAKSURA + part, head + YEH + part]);
  return spellings;
}

/**
 * Whether the units of the word before `coreStart` are proclitics, and how many of them the
 * article takes (a match starts there): 0 without the article; 2 for ال, or for لل (ل absorbs
 * the article's alif: للرئيس); 1 for a ل before a phrase that needs the article and starts with
 * ل (للاذقية: the article's ل merged with the phrase's). NOT_PROCLITICS otherwise.
 */
function articleBefore(codes: Uint16Array, coreStart: number, needsArticle: boolean): number {
  let wordStart = coreStart;
  while (wordStart > 0 && isWordUnit(codes[wordStart - 1])) {
    if (coreStart - wordStart === MAX_PREFIX) return NOT_PROCLITICS;
    wordStart--;
  }
  let k = wordStart;
  if (k < coreStart && (codes[k] === WAW || codes[k] === FEH)) k++;
  const rest = coreStart - k;
  if (rest === 0) return 0;
  const first = codes[k];
  if (rest === 1) {
    if (first === LAM && needsArticle && codes[coreStart] === LAM) return 1;
    return first === BEH || first === KAF || first === LAM ? 0 : NOT_PROCLITICS;
  }
  const isArticle = codes[coreStart - 2] === ALEF && codes[coreStart - 1] === LAM;
  if (rest === 2) return isArticle || (first === LAM && codes[k + 1] === LAM) ? 2 : NOT_PROCLITICS;
  return rest === 3 && (first === BEH || first === KAF) && isArticle ? 2 : NOT_PROCLITICS;
}
