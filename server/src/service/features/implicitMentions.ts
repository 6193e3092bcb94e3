// Implicit mentions: the places where the article names a front-matter entity (by its name or
// one of its aliases, in any of the forms normalize.ts and phraseMatcher.ts accept) without a
// mention span. Hovers, decorations, references and the "Annotate" code actions read them.
// A name never crosses a paragraph, so while the body is edited one paragraph at a time the
// mentions are kept from version to version, only the edited paragraph's found again.
import type { Entity, FrontMatter, IsnadDocument, Span, TextRange } from '../model';
import type { ParagraphChange } from '../parse/incremental';
import { bodySearch, searchBlocks, type BlockSearch } from '../arabic/blockShadows';
import { originalRange, type Shadow } from '../arabic/normalize';
import { PhraseMatcher, type Phrase } from '../arabic/phraseMatcher';
import { firstEndingAfter } from '../ranges';
import { oncePer } from '../memo';
import { replaceParagraphResults } from './paragraphResults';

/** The characters that name the entity: the name with its article, without و ف ب ك ل before it. */
export interface ImplicitMention extends TextRange {
  readonly entity: Entity;
}

/** The names and aliases of a front matter's entities; names first: where one entity's name is another's alias, the name wins. */
export function entityPhrases(front: FrontMatter): Phrase<Entity>[] {
  const entities = [...front.entities.values()];
  return [
    ...entities.filter((entity) => entity.name).map((entity) => ({ text: entity.name, value: entity })),
    ...entities.flatMap((entity) => entity.aliases.map((alias) => ({ text: alias, value: entity }))),
  ];
}

/** One automaton per front matter: the parser reuses the front matter while only the body is edited. */
const entityMatcher = oncePer((front: FrontMatter) => PhraseMatcher.of(entityPhrases(front)));

/** Every implicit mention in the document, in document order. */
export const implicitMentions = bodySearch((doc): BlockSearch<readonly ImplicitMention[]> => mentionSearch(doc.frontMatter, doc.spans));

/**
 * After `change` re-read one paragraph of `previous`, giving `doc`: when the mentions of
 * `previous` were found, those of `doc` are theirs, moved, with the paragraph's found again.
 * `previous` is consumed (its mentions now belong to `doc`).
 */
export function carryImplicitMentions(previous: IsnadDocument, doc: IsnadDocument, change: ParagraphChange): void {
  const mentions = implicitMentions.known(previous) as ImplicitMention[] | undefined;
  if (!mentions || doc.frontMatter !== previous.frontMatter) return;
  const front = doc.frontMatter;
  if (front && front.entities.size > 0) {
    replaceParagraphResults(mentions, change, (mention) => mention, mentionsIn(front, doc, change));
  }
  implicitMentions.remember(doc, mentions);
}

/** The mentions in one paragraph, found again. */
function mentionsIn(front: FrontMatter, doc: IsnadDocument, change: ParagraphChange): ImplicitMention[] {
  return searchBlocks(doc, [change.block], mentionSearch(front, change.spans));
}

/** The mentions in the shadows of whole blocks holding `spans`, read in document order. */
function mentionSearch(front: FrontMatter | undefined, spans: readonly Span[]): BlockSearch<ImplicitMention[]> {
  const mentions: ImplicitMention[] = [];
  if (!front || front.entities.size === 0) return { visit: () => undefined, result: () => mentions, needs: () => false };
  const matcher = entityMatcher(front);
  const annotated = mentionSpanRanges(spans);
  let next = 0;
  const search = (shadow: Shadow, from: number, to: number) => {
    for (const match of matcher.findAll(shadow, from, to)) {
      mentions.push({ ...originalRange(shadow, match.start, match.end), entity: match.value });
    }
  };
  // The text of a mention span is annotated already, and no name crosses a span's `[` or `]{…}`
  // (separators in the shadow): only the stretches between mention spans are searched.
  const visit = (shadow: Shadow) => {
    const blockEnd = shadow.ends[shadow.length - 1];
    let from = 0;
    for (; next < annotated.length && annotated[next].start < blockEnd; next++) {
      const to = firstUnitFrom(shadow, annotated[next].start);
      if (to > from) search(shadow, from, to);
      from = firstUnitFrom(shadow, annotated[next].end);
    }
    search(shadow, from, shadow.length);
  };
  return { visit, result: () => mentions };
}

/** The first unit of `shadow` that stands for characters at or after `offset`. */
function firstUnitFrom(shadow: Shadow, offset: number): number {
  let low = 0;
  let high = shadow.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (shadow.starts[middle] < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The ranges of the mention spans, outermost only, in document order: their text is already annotated. */
export function mentionSpanRanges(spans: readonly Span[]): TextRange[] {
  const ranges: TextRange[] = [];
  for (const span of spans) {
    if (span.kind !== 'mention') continue;
    const last = ranges[ranges.length - 1];
    if (last && span.range.start < last.end) continue;
    ranges.push(span.range);
  }
  return ranges;
}

/** The implicit mentions of one entity: for references and "Annotate all". */
export function implicitMentionsOf(doc: IsnadDocument, entityId: string): TextRange[] {
  return implicitMentions(doc)
    .filter((mention) => mention.entity.id === entityId)
    .map(({ start, end }) => ({ start, end }));
}

/** The implicit mention at `offset`, if any. */
export function implicitMentionAt(doc: IsnadDocument, offset: number): ImplicitMention | undefined {
  const mentions = implicitMentions(doc);
  const mention = mentions[firstEndingAfter(mentions, offset)];
  return mention && mention.start <= offset ? mention : undefined;
}
