// Implicit mentions: the places where the article names a front-matter entity (by its name or
// one of its aliases, in any of the forms normalize.ts and phraseMatcher.ts accept) without a
// mention span. Hovers, decorations, references and the "Annotate" code actions read them.
import type { Entity, FrontMatter, IsnadDocument, TextRange } from '../model';
import { bodyShadow } from '../arabic/bodyShadow';
import { originalRange } from '../arabic/normalize';
import { PhraseMatcher } from '../arabic/phraseMatcher';
import { firstEndingAfter } from '../ranges';
import { oncePer } from '../memo';

/** The characters that name the entity: the name with its article, without و ف ب ك ل before it. */
export interface ImplicitMention extends TextRange {
  readonly entity: Entity;
}

/** One automaton per front matter: the parser reuses the front matter while only the body is edited. */
const entityMatcher = oncePer((front: FrontMatter) => {
  const entities = [...front.entities.values()];
  // Names before aliases: where one entity's name is another's alias, the name wins.
  return PhraseMatcher.of([
    ...entities.filter((entity) => entity.name).map((entity) => ({ text: entity.name, value: entity })),
    ...entities.flatMap((entity) => entity.aliases.map((alias) => ({ text: alias, value: entity }))),
  ]);
});

/** Every implicit mention in the document, in document order. */
export const implicitMentions: (doc: IsnadDocument) => readonly ImplicitMention[] = oncePer(findImplicitMentions);

function findImplicitMentions(doc: IsnadDocument): ImplicitMention[] {
  const front = doc.frontMatter;
  if (!front || front.entities.size === 0) return [];
  const shadow = bodyShadow(doc);
  const annotated = mentionSpanRanges(doc);
  const mentions: ImplicitMention[] = [];
  let next = 0;
  for (const match of entityMatcher(front).findAll(shadow)) {
    const { start, end } = originalRange(shadow, match.start, match.end);
    while (next < annotated.length && annotated[next].end <= start) next++;
    if (next < annotated.length && annotated[next].start < end) continue;
    mentions.push({ start, end, entity: match.value });
  }
  return mentions;
}

/** The ranges of the mention spans, outermost only, in document order: their text is already annotated. */
function mentionSpanRanges(doc: IsnadDocument): TextRange[] {
  const ranges: TextRange[] = [];
  for (const span of doc.spans) {
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
