// Hover cards (FORMAT.md §6): what a span, an id in an attribute block or a front-matter key
// stands for. The card is Markdown built from document strings, so every one of them is
// escaped and only http(s) URLs become links: a document cannot make a hover run a command,
// load an image or show HTML.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { Entity, EntityType, IdReference, IsnadDocument, Source, SourceKind, Span, Status, TextRange } from '../model';
import { localize, type Locale, type MessageKey } from '../l10n';
import { findEntity, findSource, speakerName, speakerOf, type Speaker } from '../resolve';
import { isHttpUrl } from '../parse/frontMatter';
import { spanTitle } from './symbols';
import type { CorpusUsage } from './corpusUsage';
import { implicitMentionAt } from './implicitMentions';
import { oncePer } from '../memo';

export const KIND_LABELS: Readonly<Record<SourceKind | EntityType, MessageKey>> = {
  person: 'kindPerson',
  organization: 'kindOrganization',
  government: 'kindGovernment',
  media: 'kindMedia',
  document: 'kindDocument',
  anonymous: 'kindAnonymous',
  country: 'kindCountry',
  place: 'kindPlace',
  event: 'kindEvent',
  other: 'kindOther',
};

export const STATUS_LABELS: Readonly<Record<Status, MessageKey>> = {
  unverified: 'statusUnverified',
  supported: 'statusSupported',
  disputed: 'statusDisputed',
  false: 'statusFalse',
  misleading: 'statusMisleading',
  opinion: 'statusOpinion',
};

const WIKIDATA_ITEM = 'https://www.wikidata.org/wiki/';
const WIKIDATA_ID = /^Q[0-9]+$/;

/** How many mention spans name each entity: counted once per model, not per hover (a long article has thousands of spans). */
const mentionCounts = oncePer((doc: IsnadDocument) => {
  const counts = new Map<string, number>();
  for (const span of doc.spans) if (span.entity) counts.set(span.entity.id, (counts.get(span.entity.id) ?? 0) + 1);
  return counts;
});

/** How widely the workspace uses a shared definition; given by the server, which knows the workspace. */
export type UsageOf = (kind: 'source' | 'entity', definition: Source | Entity) => CorpusUsage | undefined;

export function computeHover(doc: IsnadDocument, at: number | Position, locale: Locale, usage?: UsageOf): Hover | undefined {
  const offset = typeof at === 'number' ? at : doc.lines.offsetAt(at);
  const card = new CardWriter(doc, locale, usage);
  const found = frontMatterKeyCard(doc, offset, card) ?? implicitMentionCard(doc, offset, card) ?? spanCard(doc, offset, card);
  if (!found) return undefined;
  return { contents: { kind: MarkupKind.Markdown, value: found.lines.join('\n\n') }, range: doc.lines.rangeOf(found.range) };
}

interface Card {
  /** What the card describes: a span or an id. */
  readonly range: TextRange;
  /** Markdown paragraphs. */
  readonly lines: readonly string[];
}

function frontMatterKeyCard(doc: IsnadDocument, offset: number, card: CardWriter): Card | undefined {
  const front = doc.frontMatter;
  if (!front || !within(front.contentRange, offset)) return undefined;
  for (const source of front.sources.values()) {
    if (within(source.keyRange, offset)) return { range: source.keyRange, lines: card.source(source) };
  }
  for (const entity of front.entities.values()) {
    if (within(entity.keyRange, offset)) return { range: entity.keyRange, lines: card.entity(entity) };
  }
  return undefined;
}

/** An entity named in plain text (features/implicitMentions.ts): its card, headed as not annotated. */
function implicitMentionCard(doc: IsnadDocument, offset: number, card: CardWriter): Card | undefined {
  const mention = implicitMentionAt(doc, offset);
  return mention && { range: mention, lines: card.implicitMention(mention.entity) };
}

function spanCard(doc: IsnadDocument, offset: number, card: CardWriter): Card | undefined {
  const innermost = innermostSpanAt(doc, offset);
  if (!innermost) return undefined;
  const reference = referenceAt(innermost, offset);
  if (reference) return { range: reference.range, lines: card.reference(reference, reference === innermost.by) };
  // A span that annotates nothing has nothing to show: its enclosing span still does.
  let span: Span | undefined = innermost;
  while (span?.kind === 'invalid') span = span.parent === undefined ? undefined : doc.spans[span.parent];
  return span && { range: span.range, lines: card.span(span) };
}

/** Spans are in order of their `[` and nest, so the last one that contains the offset is the innermost. */
export function innermostSpanAt(doc: IsnadDocument, offset: number): Span | undefined {
  let found: Span | undefined;
  for (const span of doc.spans) {
    if (span.range.start > offset) break;
    if (offset < span.range.end) found = span;
  }
  return found;
}

export function referenceAt(span: Span, offset: number): IdReference | undefined {
  return [span.entity, span.by, ...span.about].find((reference) => reference && within(reference.range, offset));
}

export function within(range: TextRange, offset: number): boolean {
  return range.start <= offset && offset < range.end;
}

/** Writes the paragraphs of cards in one locale. */
class CardWriter {
  constructor(
    private readonly doc: IsnadDocument,
    private readonly locale: Locale,
    private readonly usage?: UsageOf,
  ) {}

  span(span: Span): string[] {
    if (span.kind === 'mention') return [this.heading('mention'), ...(span.entity ? this.reference(span.entity, false) : [])];
    if (span.kind === 'note') return [this.heading('note'), ...(span.note ? [escapeMarkdown(span.note.value)] : [])];
    return this.statement(span);
  }

  implicitMention(entity: Entity): string[] {
    return [this.heading('implicitMention'), ...this.entity(entity)];
  }

  /** An id in an attribute block: `by=` names a source, or else an entity; the others name entities. */
  reference(reference: IdReference, isSpeaker: boolean): string[] {
    const source = isSpeaker ? findSource(this.doc, reference.id) : undefined;
    if (source) return this.source(source);
    const entity = findEntity(this.doc, reference.id);
    if (entity) return this.entity(entity);
    return [`${strong(reference.id)} (${escapeMarkdown(this.text('notDefined'))})`];
  }

  source(source: Source): string[] {
    return [
      this.named(source.name || source.id, this.text(KIND_LABELS[source.kind])),
      ...this.sourceDetails(source),
      ...this.definedIn(source),
      ...this.corpusLine('source', source),
    ];
  }

  entity(entity: Entity): string[] {
    const wikidata = entity.wikidata && WIKIDATA_ID.test(entity.wikidata) ? entity.wikidata : undefined;
    return [
      this.named(entity.name || entity.id, this.text(KIND_LABELS[entity.type])),
      ...(entity.description ? [escapeMarkdown(entity.description)] : []),
      ...this.field('aliases', this.list(entity.aliases)),
      ...(wikidata ? [`${this.label('wikidata')} ${link(wikidata, WIKIDATA_ITEM + wikidata)}`] : []),
      emphasis(this.mentionCount(entity.id)),
      ...this.definedIn(entity),
      ...this.corpusLine('entity', entity),
    ];
  }

  /** Shared definitions only: an article's own definition is used by that article alone. */
  private corpusLine(kind: 'source' | 'entity', definition: Source | Entity): string[] {
    const counts = definition.uri === undefined ? undefined : this.usage?.(kind, definition);
    return counts ? [emphasis(this.text('corpusUsage', [counts.quotedIn, counts.mentionedIn]))] : [];
  }

  /** Which registry file a shared definition comes from, as its folder and name. */
  private definedIn(definition: Source | Entity): string[] {
    if (definition.uri === undefined) return [];
    const path = definition.uri.split(/[?#]/)[0].split('/').filter((part) => part);
    return this.field('sharedDefinition', safeDecode(path.slice(-2).join('/')));
  }

  private statement(span: Span): string[] {
    const speaker = speakerOf(this.doc, span);
    const front = this.doc.frontMatter;
    const about = span.about.map((reference) => findEntity(this.doc, reference.id)?.name || reference.id);
    const status = span.status && STATUS_LABELS[span.status.value as Status];
    return [
      this.heading(span.kind === 'quote' ? 'quote' : 'claim'),
      ...(speaker ? this.speaker(speaker) : [emphasis(this.text('unattributed'))]),
      ...this.field('about', this.list(about)),
      ...this.field('published', this.list([front?.outlet, front?.published])),
      ...this.field('status', status && this.text(status)),
      ...this.field('note', span.note?.value),
    ];
  }

  private speaker(speaker: Speaker): string[] {
    const { source, entity, inheritedFrom } = speaker;
    const kind = source ? KIND_LABELS[source.kind] : entity ? KIND_LABELS[entity.type] : 'notDefined';
    return [
      `${this.label('saidBy')} ${this.named(speakerName(speaker), this.text(kind))}`,
      ...(inheritedFrom ? [emphasis(this.text('inheritedFrom', [spanTitle(this.doc, inheritedFrom)]))] : []),
      ...(source ? this.sourceDetails(source) : []),
    ];
  }

  private sourceDetails(source: Source): string[] {
    return [
      ...this.field('role', source.role),
      ...this.field('affiliation', source.affiliation),
      ...this.field('via', source.via),
      ...(source.url ? [`${this.label('source')} ${link(source.url, source.url)}`] : []),
      ...this.field('date', source.date),
    ];
  }

  private mentionCount(id: string): string {
    const count = mentionCounts(this.doc).get(id) ?? 0;
    if (count === 0) return this.text('mentionsNone');
    return count === 1 ? this.text('mentionsOne') : this.text('mentions', [count]);
  }

  /** `name (kind)`, the name in bold. */
  private named(name: string, kind: string): string {
    return `${strong(name)} (${escapeMarkdown(kind)})`;
  }

  private heading(key: MessageKey): string {
    return strong(this.text(key));
  }

  private label(key: MessageKey): string {
    return strong(`${this.text(key)}:`);
  }

  /** A labelled paragraph, or none when there is no value. */
  private field(key: MessageKey, value: string | undefined): string[] {
    return value ? [`${this.label(key)} ${escapeMarkdown(value)}`] : [];
  }

  private list(items: readonly (string | undefined)[]): string {
    return items.filter((item) => item).join(this.text('listSeparator'));
  }

  private text(key: MessageKey, args: readonly (string | number)[] = []): string {
    return localize(this.locale, key, args);
  }
}

export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const WHITE_SPACE = /\s+/g;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/g;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/**
 * Text shown literally in Markdown. White space is collapsed, since a line break could start a
 * heading, list or code block. Bidirectional controls are shown as code points, so they cannot
 * reorder the card (FORMAT.md §5). Every ASCII punctuation character is backslash-escaped:
 * CommonMark lets any of them be, and that leaves no emphasis, code, link, image, HTML tag or
 * entity reference (`<`, `&`), autolink (`:`, `@`), table or theme icon (`$(…)`) to be read in.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(WHITE_SPACE, ' ')
    .trim()
    .replace(BIDI_CONTROL, (control) => `<U+${control.charCodeAt(0).toString(16).toUpperCase()}>`)
    .replace(ASCII_PUNCTUATION, '\\$&');
}

function strong(text: string): string {
  const escaped = escapeMarkdown(text);
  return escaped && `**${escaped}**`;
}

function emphasis(text: string): string {
  const escaped = escapeMarkdown(text);
  return escaped && `*${escaped}*`;
}

/** A link when the URL is http(s); any other URL is shown as text and never becomes a link. */
function link(text: string, url: string): string {
  if (!isHttpUrl(url)) return escapeMarkdown(url);
  return `[${escapeMarkdown(text)}](${linkDestination(url)})`;
}

const UNSAFE_IN_DESTINATION = /[^A-Za-z0-9\-._~:/?#@!$&'*+,;=%]/g;

/**
 * The normalised URL (ASCII only: the host in punycode, the rest percent-encoded) with every
 * character that could end the destination or start a title, `(`, `)`, `<`, `>`, space, `\` …,
 * percent-encoded as well.
 */
function linkDestination(url: string): string {
  return new URL(url).href.replace(UNSAFE_IN_DESTINATION, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
