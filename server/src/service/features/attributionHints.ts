// Attribution hints: a sentence outside every claim and quote that reads like someone's statement
// (it holds an attribution cue: قال، بحسب، according to …) is reported as `possible-attribution`;
// when the one it is attributed to is unnamed (مصادر، مسؤولون، officials …), as `vague-source`.
// Cues and unnamed sources are matched like entity names: normalised, whole words, after
// proclitics (وقال، وأكد، والمسؤولون). A cue or unnamed source that is part of a name is none:
// inside a mention span (`[Said]{@said}`) or a declared entity's name (Port Said, Edward Said).
import type { Block, FrontMatter, IsnadDocument, Span, TextRange } from '../model';
import { bodySearch, searchBlocks, searchBodyOnce, someTextStretch, type BlockSearch } from '../arabic/blockShadows';
import { SPACE, isWordUnit, originalRange, shadowOf, type Shadow } from '../arabic/normalize';
import { PhraseMatcher, type Phrase, type PhraseMatch } from '../arabic/phraseMatcher';
import { sentencesOfBlock } from '../arabic/sentences';
import { problem, type Problem } from '../problems';
import { isStatement } from '../resolve';
import { anyContains, firstEndingAfter, firstStartingAtOrAfter } from '../ranges';
import { oncePer } from '../memo';
import { entityPhrases, implicitMentions, mentionSpanRanges } from './implicitMentions';

/** Past-tense verbs of saying: also matched with the feminine ـت and the plural ـوا (قالت، أكدوا). */
const ARABIC_VERBS = ['قال', 'أكد', 'أشار', 'أوضح', 'صرح', 'أفاد', 'كشف', 'زعم'];
/** Phrases; a final tatweel runs on into the next word (وفقا لـ: وفقا للكاتب). */
const ARABIC_PHRASES = ['بحسب', 'حسب', 'وفقا لـ', 'نقلا عن', 'يرى', 'ترى'];
/** Verbs whose speaker is written before them (Putin said); every other cue's speaker follows it (قال بوتين، according to Putin). */
const ENGLISH_VERBS = ['said', 'told', 'stated', 'claimed', 'reported', 'argued', 'warned'];
const ENGLISH_PHRASES = ['according to'];
const UNNAMED_SOURCES = ['مصادر', 'مسؤولون', 'مسؤولين', 'sources', 'officials'];
/** Words that read as a proclitic and a cue but are another word: فحسب (only) is not ف + حسب. */
const NOT_CUES = ['فحسب'];

type Cue = 'speaker-after' | 'speaker-before' | 'unnamed' | 'none';

const isCue = (match: PhraseMatch<Cue>) => match.value === 'speaker-after' || match.value === 'speaker-before';

/** The attribution cues, without the unnamed sources and NOT_CUES. */
function attributionCues(): Phrase<Cue>[] {
  return [
    ...ARABIC_VERBS.flatMap((verb) => [verb, `${verb}ت`, `${verb}وا`]).map((text) => ({ text, value: 'speaker-after' as const })),
    ...[...ARABIC_PHRASES, ...ENGLISH_PHRASES].map((text) => ({ text, value: 'speaker-after' as const })),
    ...ENGLISH_VERBS.map((text) => ({ text, value: 'speaker-before' as const })),
  ];
}

let cueMatcher: PhraseMatcher<Cue> | undefined;

function cues(): PhraseMatcher<Cue> {
  cueMatcher ??= PhraseMatcher.of<Cue>([
    ...attributionCues(),
    ...UNNAMED_SOURCES.map((text) => ({ text, value: 'unnamed' as const })),
    ...NOT_CUES.map((text) => ({ text, value: 'none' as const })),
  ]);
  return cueMatcher;
}

let attributionCueMatcher: PhraseMatcher<Cue> | undefined;

/**
 * Whether an attribution cue may be in a block of `doc`, read from its text without folding it:
 * most blocks hold none, and so no hint, and are never folded.
 */
function cueMayBeIn(doc: IsnadDocument): (block: Block) => boolean {
  const matcher = (attributionCueMatcher ??= PhraseMatcher.of(attributionCues()));
  const mayMatch = (start: number, end: number) => matcher.mayMatchIn(doc.text, start, end);
  return (block) => someTextStretch(doc, block, mayMatch);
}

/** The cues and unnamed sources in shadow units `[from, to)`; a word of NOT_CUES, the longer match, hides the cue in it. */
function cuesIn(shadow: Shadow, from?: number, to?: number): PhraseMatch<Cue>[] {
  return cues()
    .findAll(shadow, from, to)
    .filter((match) => match.value !== 'none');
}

/** Per front matter: the entity names and aliases that hold a cue or an unnamed source (Port Said), else undefined. */
const namesHoldingCues = oncePer((front: FrontMatter) => {
  // A front matter may hold thousands of names: most are ruled out from their text, no shadow written for them.
  const holdsCue = (text: string) => cues().mayMatchIn(text, 0, text.length) && cuesIn(shadowOf(text)).length > 0;
  const phrases = entityPhrases(front).filter(({ text }) => holdsCue(text));
  return phrases.length > 0 ? PhraseMatcher.of(phrases) : undefined;
});

export interface AttributionHint {
  /** The sentence, without white space around it and without its final punctuation. */
  readonly range: TextRange;
  /** The sentence's first attribution cue. */
  readonly cue: TextRange;
  /** Whether the cue's speaker is usually written after it (قال بوتين، according to Putin) rather than before (Putin said). */
  readonly speakerFollows: boolean;
  /** The sentence's first unnamed source, if any. */
  readonly unnamedSource?: TextRange;
}

export interface HintOptions {
  readonly possibleAttribution: boolean;
  readonly vagueSource: boolean;
}

/** Whether the settings ask for any attribution hint. */
export function hintsWanted(options: HintOptions): boolean {
  return options.possibleAttribution || options.vagueSource;
}

/**
 * Some blocks of a document and the spans in them: one paragraph's hints are found from it alone,
 * since a sentence never crosses a block's end.
 */
export interface Stretch {
  readonly blocks: readonly Block[];
  readonly spans: readonly Span[];
}

/** Every sentence outside claims and quotes that holds an attribution cue, in document order. */
export const attributionHints = bodySearch((doc): BlockSearch<readonly AttributionHint[]> => hintSearch(doc, doc.spans));

/**
 * The hints and the implicit mentions in one reading of the body: for the editor, which decorates
 * the implicit mentions of what it diagnoses (folding the body costs more than a search).
 */
export function findHintsAndMentions(doc: IsnadDocument): void {
  searchBodyOnce(doc, [attributionHints, implicitMentions]);
}

/** The hints of a stretch: the same as those of the whole document that fall in it. */
export function attributionHintsIn(doc: IsnadDocument, stretch: Stretch): AttributionHint[] {
  return searchBlocks(doc, stretch.blocks, hintSearch(doc, stretch.spans));
}

/** The stretch of the block at `offset` (none outside every block): a paragraph's hints are found from it alone. */
export function blockStretchAt(doc: IsnadDocument, offset: number): Stretch | undefined {
  const block = doc.blocks[firstEndingAfter(doc.blocks, offset, (item) => item.range)];
  if (!block || block.range.start > offset) return undefined;
  const first = firstStartingAtOrAfter(doc.spans, block.range.start, spanStart);
  return { blocks: [block], spans: doc.spans.slice(first, firstStartingAtOrAfter(doc.spans, block.range.end, spanStart, first)) };
}

const spanStart = (span: Span) => span.range.start;

/** The hints in the shadows of whole blocks holding `spans`, read in document order. */
function hintSearch(doc: IsnadDocument, spans: readonly Span[]): BlockSearch<AttributionHint[]> {
  const names = doc.frontMatter && namesHoldingCues(doc.frontMatter);
  const found: AttributionHint[] = [];
  const visit = (shadow: Shadow) => {
    let matches = cuesIn(shadow);
    if (!matches.some(isCue)) return;
    // Only the spans of this block can hold its cues or its sentences' statements (a span's `[` is a unit of the shadow).
    const first = firstStartingAtOrAfter(spans, shadow.starts[0], spanStart);
    const blockSpans = spans.slice(first, firstStartingAtOrAfter(spans, shadow.ends[shadow.length - 1], spanStart, first));
    const mentions = mentionSpanRanges(blockSpans);
    const statementStarts = blockSpans.filter(isStatement).map(spanStart);
    let nextStatement = 0;
    const inNames = names?.findAll(shadow) ?? [];
    const partOfName = (match: PhraseMatch<Cue>) =>
      anyContains(mentions, shadow.starts[match.start]) || inNames.some((name) => name.start <= match.start && match.end <= name.end);
    matches = matches.filter((match) => !partOfName(match));
    if (!matches.some(isCue)) return;
    let nextMatch = 0;
    for (const sentence of sentencesOfBlock(shadow)) {
      const sentenceCues: PhraseMatch<Cue>[] = [];
      const unnamedSources: PhraseMatch<Cue>[] = [];
      for (; nextMatch < matches.length && matches[nextMatch].start < sentence.end; nextMatch++) {
        const match = matches[nextMatch];
        if (match.start < sentence.start) continue;
        (isCue(match) ? sentenceCues : unnamedSources).push(match);
      }
      const cue = sentenceCues[0];
      if (!cue) continue;
      // Of any of the sentence's cues: in “Putin said the port, officials said, is closed” the officials speak through the second.
      const unnamed = unnamedSources.find((source) => sentenceCues.some((each) => mayBeSpeaker(shadow, sentence.start, each, source)));
      const range = originalRange(shadow, sentence.start, sentence.end);
      while (nextStatement < statementStarts.length && statementStarts[nextStatement] < range.start) nextStatement++;
      if (nextStatement < statementStarts.length && statementStarts[nextStatement] < range.end) continue;
      found.push({
        range,
        cue: originalRange(shadow, cue.start, cue.end),
        speakerFollows: cue.value === 'speaker-after',
        ...(unnamed ? { unnamedSource: originalRange(shadow, unnamed.start, unnamed.end) } : {}),
      });
    }
  };
  return { visit, result: () => found, needs: cueMayBeIn(doc) };
}

/**
 * Whether an unnamed source may be who the cue's sentence quotes, from where English writes a
 * speaker: before `said` (officials said), or after it when the sentence is inverted (“…,” said
 * officials), and after `according to`. After `said` with a subject before it, the unnamed source
 * is what was said about (Putin said officials lied). Arabic writes the speaker on either side of a
 * verb (قالت مصادر، مصادر قالت): there any unnamed source of the sentence may be.
 */
function mayBeSpeaker(shadow: Shadow, sentenceStart: number, cue: PhraseMatch<Cue>, source: PhraseMatch<Cue>): boolean {
  if (!isAscii(shadow.codes[cue.start])) return true;
  if (cue.value === 'speaker-after') return source.start > cue.start;
  return source.start < cue.start || !hasSubjectBefore(shadow, sentenceStart, cue.start);
}

/** Whether a word stands right before `unit` in its sentence (a space between them): `Putin said`, not `…,” said`. */
function hasSubjectBefore(shadow: Shadow, sentenceStart: number, unit: number): boolean {
  let before = unit - 1;
  if (before >= sentenceStart && shadow.codes[before] === SPACE) before--;
  return before >= sentenceStart && isWordUnit(shadow.codes[before]);
}

function isAscii(code: number): boolean {
  return code < 0x80;
}

/**
 * The hints as diagnostics, as the settings ask: an unnamed source is `vague-source` unless that
 * hint is off. Those of the whole document, or of a stretch of it.
 */
export function attributionHintProblems(doc: IsnadDocument, options: HintOptions, stretch?: Stretch): Problem[] {
  if (!hintsWanted(options)) return [];
  const hints = stretch ? attributionHintsIn(doc, stretch) : attributionHints(doc);
  const problems: Problem[] = [];
  const quoted = (range: TextRange) => doc.text.slice(range.start, range.end);
  for (const hint of hints) {
    if (hint.unnamedSource && options.vagueSource) {
      problems.push(problem('vague-source', hint.range, 'vagueSource', [quoted(hint.unnamedSource)]));
    } else if (options.possibleAttribution) {
      problems.push(problem('possible-attribution', hint.range, 'possibleAttribution', [quoted(hint.cue)]));
    }
  }
  return problems;
}
