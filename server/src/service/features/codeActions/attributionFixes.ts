// Quick fixes for the attribution hints (features/attributionHints.ts). `possible-attribution`:
// mark the sentence as a claim by the nearest mentioned entity's source (or the entity itself,
// which `by=` accepts). `vague-source`: attribute the sentence to an anonymous source, adding
// one to the front matter when there is none yet. Right-to-left paragraphs get the Arabic
// keywords, as the mark commands write them.
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { IsnadDocument, TextRange } from '../../model';
import type { ParagraphDirection } from '../../../protocol';
import { localize, type Locale } from '../../l10n';
import { keyword } from '../../markup';
import { attributionHintsIn, blockStretchAt, type AttributionHint } from '../attributionHints';
import { implicitMentions } from '../implicitMentions';
import { blockIndexAt, directionAt } from '../direction';
import type { CodeActionProvider } from './provider';
import { codeAction, isnadDiagnostics, offsetRange, sameRange, type OffsetEdit } from './edits';
import { defineEntry } from './frontMatterEdits';
import { canWrap, wrap } from './marking';
import { findEntity, findSource, visibleSources } from '../../resolve';

/** The id a new anonymous source gets, in the paragraph's language. */
const ANONYMOUS_ID: Readonly<Record<ParagraphDirection, string>> = { rtl: 'مصدر_مجهول', ltr: 'anonymous' };

export const attributionHintFixes: CodeActionProvider = (doc, _range, diagnostics, locale) =>
  isnadDiagnostics(diagnostics, ['possible-attribution', 'vague-source']).flatMap((diagnostic) => {
    const range = offsetRange(doc, diagnostic.range);
    // The hint's paragraph alone: the cursor moving over a hint in a long article must not read the whole body.
    const stretch = blockStretchAt(doc, range.start);
    const hint = stretch && attributionHintsIn(doc, stretch).find((candidate) => sameRange(candidate.range, range));
    // A sentence with an unpaired `[` or `]` (ordinary text) would pair it with the new span's.
    if (!hint || !canWrap(doc, hint.range)) return [];
    const fix = diagnostic.code === 'vague-source' ? anonymousFix(doc, hint, locale) : speakerFix(doc, hint, locale);
    return fix ? [quickFix(doc, fix, diagnostic)] : [];
  });

interface Fix {
  readonly title: string;
  readonly edits: OffsetEdit[];
}

function quickFix(doc: IsnadDocument, { title, edits }: Fix, diagnostic: Diagnostic): CodeAction {
  return codeAction(doc, title, CodeActionKind.QuickFix, edits, { diagnostics: [diagnostic], isPreferred: true });
}

/** `claim by=ID`, or `ادعاء قائل=ID` in a right-to-left paragraph; `claim` alone without a speaker. */
function claimBy(doc: IsnadDocument, hint: AttributionHint, speaker?: string): OffsetEdit[] {
  const direction = directionAt(doc, hint.range.start);
  const claim = keyword('claim', direction);
  return wrap(hint.range, speaker === undefined ? claim : `${claim} ${keyword('by', direction)}=${speaker}`);
}

function speakerFix(doc: IsnadDocument, hint: AttributionHint, locale: Locale): Fix {
  const speaker = nearestSpeaker(doc, hint);
  if (!speaker) return { title: localize(locale, 'actionMarkSentenceClaim'), edits: claimBy(doc, hint) };
  return { title: localize(locale, 'actionMarkSentenceClaimBy', [speaker.name]), edits: claimBy(doc, hint, speaker.id) };
}

interface SpeakerChoice {
  readonly id: string;
  readonly name: string;
}

/**
 * The entity mentioned (annotated or not) nearest to the cue inside the sentence, else nearest
 * to it in its paragraph (`according to the analyst, Andrei Mortazin`: the comma ends the
 * sentence before the name); of two as near, the one on the side the cue's speaker is written
 * (after قال and according to, before said); said through the source that stands for it, when
 * there is one.
 */
function nearestSpeaker(doc: IsnadDocument, hint: AttributionHint): SpeakerChoice | undefined {
  const paragraph = doc.blocks[blockIndexAt(doc, hint.range.start)]?.range ?? hint.range;
  const mentions = [
    ...doc.spans.flatMap((span) => (span.kind === 'mention' && span.entity ? [{ start: span.range.start, end: span.range.end, id: span.entity.id }] : [])),
    ...implicitMentions(doc).map(({ start, end, entity }) => ({ start, end, id: entity.id })),
  ].filter((mention) => mention.start >= paragraph.start && mention.end <= paragraph.end && findEntity(doc, mention.id));
  const outside = (mention: TextRange) => (mention.start >= hint.range.start && mention.end <= hint.range.end ? 0 : 1);
  const fromCue = (mention: TextRange) => Math.max(0, mention.start - hint.cue.end, hint.cue.start - mention.end);
  const otherSide = (mention: TextRange) => (mention.start >= hint.cue.end === hint.speakerFollows ? 0 : 1);
  const nearest = mentions.sort((a, b) => outside(a) - outside(b) || fromCue(a) - fromCue(b) || otherSide(a) - otherSide(b))[0];
  if (!nearest) return undefined;
  const sources = [...visibleSources(doc).values()];
  const source = sources.find((candidate) => candidate.entity?.id === nearest.id) ?? findSource(doc, nearest.id);
  return source ? { id: source.id, name: source.name || source.id } : { id: nearest.id, name: findEntity(doc, nearest.id)?.name || nearest.id };
}

function anonymousFix(doc: IsnadDocument, hint: AttributionHint, locale: Locale): Fix | undefined {
  const existing = [...visibleSources(doc).values()].find((source) => source.kind === 'anonymous');
  if (existing) {
    return { title: localize(locale, 'actionAttributeToAnonymous', [existing.name || existing.id]), edits: claimBy(doc, hint, existing.id) };
  }
  const direction = directionAt(doc, hint.range.start);
  const name = hint.unnamedSource ? doc.text.slice(hint.unnamedSource.start, hint.unnamedSource.end) : ANONYMOUS_ID[direction];
  const id = unusedId(doc, ANONYMOUS_ID[direction]);
  const definition = defineEntry(doc, 'sources', id, name, { kind: 'anonymous' });
  if (!definition) return undefined;
  return { title: localize(locale, 'actionAddAnonymousSource', [name]), edits: [...definition, ...claimBy(doc, hint, id)] };
}

/** `base`, else `base_2`, `base_3` …: the first that names no source and no entity. */
function unusedId(doc: IsnadDocument, base: string): string {
  const taken = (id: string) => findSource(doc, id) !== undefined || findEntity(doc, id) !== undefined;
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}_${n}`;
  return id;
}
