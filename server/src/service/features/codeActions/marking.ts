// Refactorings on a selection: "Mark as claim", "Mark as quote", "Mark as mention of <entity>",
// and "Mark all occurrences of this text as <entity>", written as the editing commands write
// them (service/markup.ts). Offered only where wrapping the text keeps every existing span intact.
import { CodeActionKind, type CodeAction } from 'vscode-languageserver-types';
import type { Entity, IsnadDocument, TextRange } from '../../model';
import { localize } from '../../l10n';
import { firstEndingAfter } from '../../ranges';
import { keyword, mentionOf, spanMarkup, withoutOuterSpace } from '../../markup';
import { blockIndexAt, directionAt } from '../direction';
import type { CodeActionProvider } from './provider';
import { codeAction, insertion, offsetRange, type OffsetEdit } from './edits';
import { foldForComparison } from './similarity';
import { visibleEntities } from '../../resolve';

const WORD_CHARACTER = /[\p{L}\p{M}\p{N}]/u;
/** Arabic writes these one-letter words (and, so, with, for, like) joined to the next: "لكيم" names كيم. */
const ARABIC_PROCLITICS = 'وفبلك';

export const markingRefactorings: CodeActionProvider = (doc, range, _diagnostics, locale) => {
  const selection = withoutOuterSpace(doc.text, offsetRange(doc, range));
  if (selection.start === selection.end || !canWrap(doc, selection)) return [];
  const direction = directionAt(doc, selection.start);
  const refactor = (title: string, edits: OffsetEdit[], isPreferred = false) => codeAction(doc, title, CodeActionKind.RefactorRewrite, edits, { isPreferred });
  const actions: CodeAction[] = [
    refactor(localize(locale, 'actionMarkClaim'), wrap(selection, keyword('claim', direction))),
    refactor(localize(locale, 'actionMarkQuote'), wrap(selection, keyword('quote', direction))),
  ];
  const text = doc.text.slice(selection.start, selection.end);
  const entities = rankedEntities(doc, text);
  const named = entities.filter(({ tier }) => tier !== Resemblance.None);
  const exact = entities.filter(({ tier }) => tier === Resemblance.Exact);
  for (const { entity } of entities) {
    const isPreferred = exact.length === 1 && exact[0].entity === entity;
    actions.push(refactor(localize(locale, 'actionMarkMention', [entity.name || entity.id]), wrap(selection, mentionOf(entity.id)), isPreferred));
  }
  const occurrences = plainOccurrences(doc, text);
  if (occurrences.length > 1) {
    // With thirty entities, sixty actions would bury the useful ones: when some entity is named
    // by the text, only those are offered to mark everywhere.
    for (const { entity } of named.length > 0 ? named : entities) {
      const edits = occurrences.flatMap((occurrence) => wrap(occurrence, mentionOf(entity.id)));
      actions.push(refactor(localize(locale, 'actionMarkAllOccurrences', [entity.name || entity.id]), edits));
    }
  }
  return actions;
};

/** `[` before the range and `]{attributes}` after it. */
export function wrap(range: TextRange, attributes: string): OffsetEdit[] {
  const { open, close } = spanMarkup(attributes);
  return [insertion(range.start, open), insertion(range.end, close)];
}

/**
 * Whether `[` before and `]{…}` after `range` make a span that leaves the others intact: the
 * range lies in the body, inside one paragraph or heading; every piece of markup or comment
 * it touches lies wholly inside it; it splits no escape; and its own brackets balance.
 */
export function canWrap(doc: IsnadDocument, range: TextRange): boolean {
  if (range.start < doc.bodyStart || range.start >= range.end) return false;
  const block = blockIndexAt(doc, range.start);
  if (block < 0 || range.end > doc.blocks[block].range.end) return false;
  const { elisions, text } = doc;
  for (let i = firstEndingAfter(elisions, range.start); i < elisions.length && elisions[i].start < range.end; i++) {
    if (elisions[i].start < range.start || elisions[i].end > range.end) return false;
  }
  if (isEscape(doc, range.start - 1) || isEscape(doc, range.end - 1)) return false;
  let depth = 0;
  for (let i = range.start; i < range.end && depth >= 0; i++) {
    if (isEscape(doc, i)) i++;
    else if (text[i] === '[') depth++;
    else if (text[i] === ']') depth--;
  }
  return depth === 0;
}

/** Whether the character at `offset` is the backslash of an escape. */
function isEscape(doc: IsnadDocument, offset: number): boolean {
  if (doc.text[offset] !== '\\') return false;
  const index = firstEndingAfter(doc.elisions, offset);
  return index < doc.elisions.length && doc.elisions[index].start === offset && doc.elisions[index].end === offset + 1;
}

/**
 * Where `text` stands in the body as a word of its own (an Arabic one-letter proclitic may be
 * joined to it), can be wrapped, and is not already the text of a mention.
 */
export function plainOccurrences(doc: IsnadDocument, text: string): TextRange[] {
  const occurrences: TextRange[] = [];
  for (let at = doc.text.indexOf(text, doc.bodyStart); at >= 0; at = doc.text.indexOf(text, at + text.length)) {
    const range = { start: at, end: at + text.length };
    if (standsAlone(doc.text, range) && canWrap(doc, range) && !insideMention(doc, range)) occurrences.push(range);
  }
  return occurrences;
}

function standsAlone(text: string, range: TextRange): boolean {
  if (WORD_CHARACTER.test(characterAt(text, range.end))) return false;
  // At most two proclitics: "ولكيم" (and to Kim).
  let start = range.start;
  for (let proclitics = 0; proclitics < 2 && ARABIC_PROCLITICS.includes(characterBefore(text, start)); proclitics++) {
    if (!WORD_CHARACTER.test(characterBefore(text, start - 1))) return true;
    start--;
  }
  return !WORD_CHARACTER.test(characterBefore(text, range.start));
}

function characterAt(text: string, offset: number): string {
  return offset < text.length ? String.fromCodePoint(text.codePointAt(offset)!) : '';
}

function characterBefore(text: string, offset: number): string {
  if (offset <= 0) return '';
  const low = text.charCodeAt(offset - 1);
  return low >= 0xdc00 && low <= 0xdfff && offset >= 2 ? text.slice(offset - 2, offset) : text[offset - 1];
}

function insideMention(doc: IsnadDocument, range: TextRange): boolean {
  for (const span of doc.spans) {
    if (span.range.start > range.start) break;
    if (span.kind === 'mention' && span.contentRange.start <= range.start && range.end <= span.contentRange.end) return true;
  }
  return false;
}

/** How closely an entity's name, id or aliases match the selected text. */
const enum Resemblance {
  Exact,
  Partial,
  None,
}

/** Every entity, the ones the text names first; otherwise in front-matter order. */
function rankedEntities(doc: IsnadDocument, text: string): { entity: Entity; tier: Resemblance }[] {
  const folded = foldForComparison(text);
  const resemblance = (entity: Entity): Resemblance => {
    const names = [entity.name, entity.id, ...entity.aliases].map(foldForComparison).filter((name) => name.length > 1);
    if (names.includes(folded)) return Resemblance.Exact;
    if (folded.length > 1 && names.some((name) => name.includes(folded) || folded.includes(name))) return Resemblance.Partial;
    return Resemblance.None;
  };
  return [...visibleEntities(doc).values()]
    .map((entity) => ({ entity, tier: resemblance(entity) }))
    .sort((a, b) => a.tier - b.tier);
}
