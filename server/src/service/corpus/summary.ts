// What the workspace index keeps of an article: enough to answer workspace symbols, cross-file
// references and renames, hover counts, the who-said-what view and statistics without keeping the
// text or the model. Ids stay unresolved here: the corpus resolves them against the registries
// current at query time, so a registry edit needs no article re-read.
import type { Range } from 'vscode-languageserver-types';
import { STATUSES, type IsnadDocument, type Status, type TextRange } from '../model';
import { isAnnotation, isStatement } from '../resolve';
import { sectionTitle } from '../export/cleanText';
import { spanTitle } from '../features/symbols';

/** How an article refers to an id: as a speaker (`by=`), or to an entity (`@`, `about=`, a source's `entity:`). */
export type ReferenceRole = 'speaker' | 'mention' | 'about' | 'sourceEntity';

export interface ReferenceSummary {
  readonly id: string;
  readonly role: ReferenceRole;
  readonly range: Range;
}

export interface DefinitionSummary {
  readonly id: string;
  readonly name: string;
  /** A source's kind or an entity's type. */
  readonly detail: string;
  readonly keyRange: Range;
}

export interface StatementSummary {
  readonly kind: 'claim' | 'quote';
  /** Its first words, as the outline names it. */
  readonly title: string;
  /** The `by=` id that attributes it (its own or inherited); undefined when unattributed. */
  readonly speakerId?: string;
  readonly status?: Status;
  /** Between `[` and `]`: where the editor goes to show it. */
  readonly contentRange: Range;
}

export interface SectionSummary {
  readonly title: string;
  readonly level: number;
  readonly range: Range;
}

export interface ArticleSummary {
  readonly uri: string;
  /** The front matter's title, else the first heading, else empty. */
  readonly title: string;
  readonly sources: readonly DefinitionSummary[];
  readonly entities: readonly DefinitionSummary[];
  readonly references: readonly ReferenceSummary[];
  readonly statements: readonly StatementSummary[];
  readonly sections: readonly SectionSummary[];
  /** Spans that annotate something (claims, quotes, mentions, notes). */
  readonly annotationCount: number;
}

/**
 * A copy of `text` that does not keep the document alive: strings cut from the text (ids, names,
 * titles) may point into the whole of it, and a workspace index would then hold every article.
 */
function detached(text: string): string {
  return text.length < 13 ? text : (text + ' ').slice(0, -1);
}

/** Ids repeat across thousands of articles: one detached copy of each. */
const ids = new Map<string, string>();

function internId(id: string): string {
  let interned = ids.get(id);
  if (interned === undefined) ids.set(id, (interned = detached(id)));
  return interned;
}

export function summarizeArticle(doc: IsnadDocument): ArticleSummary {
  const range = doc.lines.rangeOf.bind(doc.lines);
  const references: ReferenceSummary[] = [];
  const front = doc.frontMatter;
  const reference = (id: string, role: ReferenceRole, at: TextRange) => references.push({ id: internId(id), role, range: range(at) });
  for (const source of front?.sources.values() ?? []) if (source.entity) reference(source.entity.id, 'sourceEntity', source.entity.range);
  const statements: StatementSummary[] = [];
  for (const span of doc.spans) {
    if (span.by) reference(span.by.id, 'speaker', span.by.range);
    if (span.entity) reference(span.entity.id, 'mention', span.entity.range);
    for (const about of span.about) reference(about.id, 'about', about.range);
    if (!isStatement(span)) continue;
    const speakerId = span.attributedBy === undefined ? undefined : doc.spans[span.attributedBy].by?.id;
    const status = STATUSES.find((known) => known === span.status?.value);
    statements.push({
      kind: span.kind === 'quote' ? 'quote' : 'claim',
      title: detached(spanTitle(doc, span)),
      ...(speakerId === undefined ? {} : { speakerId: internId(speakerId) }),
      ...(status === undefined ? {} : { status }),
      contentRange: range(span.contentRange),
    });
  }
  const sections = doc.sections.map((section) => ({ title: detached(sectionTitle(doc, section)), level: section.level, range: range(section.headingRange) }));
  const definition = ({ id, name, keyRange }: { id: string; name: string; keyRange: TextRange }, detail: string): DefinitionSummary => ({
    id: internId(id),
    name: detached(name),
    detail,
    keyRange: range(keyRange),
  });
  return {
    uri: doc.uri,
    title: front?.title === undefined ? (sections[0]?.title ?? '') : detached(front.title),
    sources: [...(front?.sources.values() ?? [])].map((source) => definition(source, source.kind)),
    entities: [...(front?.entities.values() ?? [])].map((entity) => definition(entity, entity.type)),
    references,
    statements,
    sections,
    annotationCount: doc.spans.filter(isAnnotation).length,
  };
}
