// Which decoration goes where, decided from the server's answer alone (no `vscode` here, so it
// is unit-tested in memory). The rule behind every choice is E2E.md's "RTL in the editor": VS
// Code lays out a line's differently *text-styled* pieces left to right, so styling a word of
// an Arabic line (colour, opacity, font, injected text mid-line) scrambles the sentence. Lines
// of right-to-left paragraphs therefore only get what is painted behind or under the text
// (background, bottom border), gutter icons and one attachment at column 0.
import { ENTITY_TYPES, type EntityType } from '../../../server/src/service/model';
import type { Range } from 'vscode-languageserver-types';
import type { DecoratedSpan, DecorationsResult, ParagraphDirection } from '../../../server/src/protocol';

export type DecorationKey =
  | `mention.${EntityType}`
  | 'mention.implicit'
  | 'claim'
  | 'claim.unattributed'
  | 'quote'
  | 'quote.unattributed'
  | 'gutter.statement'
  | 'gutter.unattributed'
  | 'speaker.after'
  | 'speaker.lineStart'
  | 'markup.dim';

export const DECORATION_KEYS: readonly DecorationKey[] = [
  ...ENTITY_TYPES.map((type) => `mention.${type}` as const),
  'mention.implicit',
  'claim',
  'claim.unattributed',
  'quote',
  'quote.unattributed',
  'gutter.statement',
  'gutter.unattributed',
  'speaker.after',
  'speaker.lineStart',
  'markup.dim',
];

/** Decorations that cut a line's text into pieces: planned on left-to-right lines only. */
export const LEFT_TO_RIGHT_ONLY: ReadonlySet<DecorationKey> = new Set(['speaker.after', 'markup.dim']);

export interface PlannedDecoration {
  readonly range: Range;
  /** The attachment's text, for speaker badges. */
  readonly text?: string;
}

export type DecorationPlan = Readonly<Record<DecorationKey, readonly PlannedDecoration[]>>;

const RIGHT_TO_LEFT_ISOLATE = '\u2067';
const POP_DIRECTIONAL_ISOLATE = '\u2069';
/** Names come from the document: an embedded isolate or override could escape the badge's isolate. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export interface PlanOptions {
  /**
   * Whether the editor wraps lines. VS Code wraps without counting a `before` attachment's
   * width, so a column-0 badge would push the first words of a wrapped Arabic row out of
   * sight: wrapped right-to-left lines show their speakers in the gutter icon, hover and
   * outline instead.
   */
  readonly wordWrap: boolean;
}

export function planDecorations(result: DecorationsResult, options: PlanOptions): DecorationPlan {
  const plan = Object.fromEntries(DECORATION_KEYS.map((key) => [key, [] as PlannedDecoration[]])) as Record<DecorationKey, PlannedDecoration[]>;
  const directionOfLine = lineDirections(result);
  const gutter = new Map<number, 'gutter.statement' | 'gutter.unattributed'>();
  const speakersOfLine = new Map<number, string[]>();

  for (const span of result.spans) {
    const line = span.range.start.line;
    // A line outside every paragraph is treated as right-to-left: the choice that cannot scramble it.
    const leftToRight = directionOfLine.get(line) === 'ltr';
    if (leftToRight) plan['markup.dim'].push(...markupRanges(span).map((range) => ({ range })));
    if (span.kind === 'mention') {
      plan[`mention.${entityTypeOf(span)}`].push({ range: span.contentRange });
      continue;
    }
    if (span.kind !== 'claim' && span.kind !== 'quote') continue;
    const speaker = span.speaker === undefined ? undefined : span.speaker.replace(BIDI_CONTROLS, '');
    plan[speaker === undefined ? (`${span.kind}.unattributed` as const) : span.kind].push({ range: span.contentRange });
    if (speaker === undefined) gutter.set(line, 'gutter.unattributed');
    else if (!gutter.has(line)) gutter.set(line, 'gutter.statement');
    if (speaker === undefined) continue;
    if (leftToRight) {
      plan['speaker.after'].push({ range: { start: span.range.end, end: span.range.end }, text: `— ${speaker}` });
    } else {
      const speakers = speakersOfLine.get(line) ?? [];
      if (!speakers.includes(speaker)) speakersOfLine.set(line, [...speakers, speaker]);
    }
  }

  // A faint outline, on lines of either direction: what is named but not annotated yet.
  plan['mention.implicit'].push(...result.implicitMentions.map(({ range }) => ({ range })));
  for (const [line, key] of gutter) plan[key].push({ range: lineStart(line) });
  for (const [line, speakers] of options.wordWrap ? [] : speakersOfLine) {
    plan['speaker.lineStart'].push({ range: lineStart(line), text: `${RIGHT_TO_LEFT_ISOLATE}◂ ${speakers.join(' · ')}${POP_DIRECTIONAL_ISOLATE}` });
  }
  return plan;
}

function lineDirections(result: DecorationsResult): Map<number, ParagraphDirection> {
  const directions = new Map<number, ParagraphDirection>();
  for (const paragraph of result.paragraphs) {
    for (let line = paragraph.range.start.line; line <= paragraph.range.end.line; line++) directions.set(line, paragraph.direction);
  }
  return directions;
}

function entityTypeOf(span: DecoratedSpan): EntityType {
  return ENTITY_TYPES.find((type) => type === span.entityType) ?? 'other';
}

/** The span's `[` and its `]{…}`: the markup around the content. */
function markupRanges(span: DecoratedSpan): Range[] {
  return [
    { start: span.range.start, end: span.contentRange.start },
    { start: span.contentRange.end, end: span.range.end },
  ].filter((range) => !samePosition(range.start, range.end));
}

function samePosition(a: Range['start'], b: Range['start']): boolean {
  return a.line === b.line && a.character === b.character;
}

function lineStart(line: number): Range {
  return { start: { line, character: 0 }, end: { line, character: 0 } };
}
