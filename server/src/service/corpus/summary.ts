// What the workspace index keeps of an article: enough to answer workspace symbols, cross-file
// references and renames, hover counts, the who-said-what view and statistics without keeping the
// text or the model. Ids stay unresolved here: the corpus resolves them against the registries
// current at query time, so a registry edit needs no article re-read.
import type { Range } from 'vscode-languageserver-types';
import { STATUSES, type IsnadDocument, type Status } from '../model';
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
  readonly range: Range;
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

export function summarizeArticle(doc: IsnadDocument): ArticleSummary {
  const range = doc.lines.rangeOf.bind(doc.lines);
  const references: ReferenceSummary[] = [];
  const front = doc.frontMatter;
  for (const source of front?.sources.values() ?? []) {
    if (source.entity) references.push({ id: source.entity.id, role: 'sourceEntity', range: range(source.entity.range) });
  }
  const statements: StatementSummary[] = [];
  for (const span of doc.spans) {
    if (span.by) references.push({ id: span.by.id, role: 'speaker', range: range(span.by.range) });
    if (span.entity) references.push({ id: span.entity.id, role: 'mention', range: range(span.entity.range) });
    for (const about of span.about) references.push({ id: about.id, role: 'about', range: range(about.range) });
    if (!isStatement(span)) continue;
    const speakerId = span.attributedBy === undefined ? undefined : doc.spans[span.attributedBy].by?.id;
    const status = STATUSES.find((known) => known === span.status?.value);
    statements.push({
      kind: span.kind === 'quote' ? 'quote' : 'claim',
      title: spanTitle(doc, span),
      ...(speakerId === undefined ? {} : { speakerId }),
      ...(status === undefined ? {} : { status }),
      range: range(span.range),
      contentRange: range(span.contentRange),
    });
  }
  const sections = doc.sections.map((section) => ({ title: sectionTitle(doc, section), level: section.level, range: range(section.headingRange) }));
  return {
    uri: doc.uri,
    title: front?.title ?? sections[0]?.title ?? '',
    sources: [...(front?.sources.values() ?? [])].map((source) => ({ id: source.id, name: source.name, detail: source.kind, keyRange: range(source.keyRange) })),
    entities: [...(front?.entities.values() ?? [])].map((entity) => ({ id: entity.id, name: entity.name, detail: entity.type, keyRange: range(entity.keyRange) })),
    references,
    statements,
    sections,
    annotationCount: doc.spans.filter(isAnnotation).length,
  };
}
