// The who-said-what view over the corpus: each source with the claims and quotes attributed to
// it across the articles, the unattributed ones, and each entity with the articles that mention
// it. Filters narrow it to unattributed statements, one article, or one status.
import type { Corpus, DefinitionTarget } from '../corpus/corpus';
import { MENTIONING, type ArticleSummary } from '../corpus/summary';
import type { WhoSaidWhatParams, WhoSaidWhatResult, WhoSaidWhatStatement, WhoSaidWhatSource, WhoSaidWhatEntity } from '../../protocol';

import type { Range } from 'vscode-languageserver-types';

interface ArticleMentions {
  readonly uri: string;
  readonly title: string;
  count: number;
  readonly range: Range;
}

type EntityGroup = WhoSaidWhatEntity & { readonly articles: ArticleMentions[] };
type SourceGroup = WhoSaidWhatSource & { readonly statements: WhoSaidWhatStatement[] };

export function computeWhoSaidWhat(corpus: Corpus, { unattributedOnly, article, status }: WhoSaidWhatParams): WhoSaidWhatResult {
  const sources = new Map<string, SourceGroup>();
  const entities = new Map<string, EntityGroup>();
  const unattributed: WhoSaidWhatStatement[] = [];
  const articles = [...corpus.articles.values()].sort((a, b) => (a.uri < b.uri ? -1 : 1));
  for (const summary of articles) {
    if (article !== undefined && summary.uri !== article) continue;
    for (const statement of summary.statements) {
      if (status !== undefined && statement.status !== status) continue;
      const item: WhoSaidWhatStatement = {
        uri: summary.uri,
        article: summary.title,
        kind: statement.kind,
        title: statement.title,
        ...(statement.status ? { status: statement.status } : {}),
        range: statement.contentRange,
      };
      if (statement.speakerId === undefined) {
        unattributed.push(item);
        continue;
      }
      if (unattributedOnly) continue;
      const target = corpus.resolve(summary, statement.speakerId, 'speaker');
      const key = keyOf(target, statement.speakerId);
      let source = sources.get(key);
      if (!source) sources.set(key, (source = { id: statement.speakerId, name: nameOf(corpus, summary, target) ?? statement.speakerId, statements: [] }));
      source.statements.push(item);
    }
    if (unattributedOnly || status !== undefined) continue;
    mentionsOf(corpus, summary, entities);
  }
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return {
    sources: [...sources.values()].sort(byName),
    unattributed,
    entities: [...entities.values()].sort(byName),
    articles: articles.map(({ uri, title }) => ({ uri, title })),
  };
}

function mentionsOf(corpus: Corpus, summary: ArticleSummary, entities: Map<string, EntityGroup>): void {
  const counted = new Map<string, ArticleMentions>();
  const { references } = summary;
  references.ids.forEach((id, idIndex) => {
    if (!(references.rolesOf(idIndex) & MENTIONING)) return;
    const target = corpus.resolve(summary, id, 'mention');
    const key = keyOf(target, id);
    let entry = counted.get(key);
    if (!entry) {
      let entity = entities.get(key);
      if (!entity) entities.set(key, (entity = { id, name: nameOf(corpus, summary, target) ?? id, articles: [] }));
      entry = { uri: summary.uri, title: summary.title, count: 0, range: references.firstRange(idIndex, MENTIONING)! };
      entity.articles.push(entry);
      counted.set(key, entry);
    }
    entry.count += references.count(idIndex, MENTIONING);
  });
}

/** Statements of one definition group together; undefined ids group by id. */
function keyOf(target: DefinitionTarget | undefined, id: string): string {
  return target ? `${target.uri}#${target.kind}#${target.id}` : `?#${id}`;
}

function nameOf(corpus: Corpus, summary: ArticleSummary, target: DefinitionTarget | undefined): string | undefined {
  if (!target) return undefined;
  const registry = corpus.registries.get(target.uri);
  if (registry) return (target.kind === 'source' ? registry.sources : registry.entities).get(target.id)?.name || undefined;
  return (target.kind === 'source' ? summary.sources : summary.entities).find((own) => own.id === target.id)?.name || undefined;
}
