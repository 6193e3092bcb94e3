// Corpus statistics for `isnad stats`: per article and per source, how many claims and quotes,
// and how much of it is unattributed. Gathered one document at a time, so a corpus streams through.
import type { IsnadDocument } from '../model';
import { isStatement, speakerName, speakerOf } from '../resolve';

export interface ArticleStats {
  readonly file: string;
  readonly claims: number;
  readonly quotes: number;
  readonly unattributed: number;
  /** Unattributed claims and quotes over all of them; 0 when there are none. */
  readonly unattributedShare: number;
}

export interface SourceStats {
  readonly id: string;
  readonly name: string;
  /** The registry that defines it; absent for a source an article defines itself. */
  readonly registry?: string;
  claims: number;
  quotes: number;
  /** Articles quoting it. */
  articles: number;
}

export class CorpusStats {
  readonly articles: ArticleStats[] = [];
  private readonly sources = new Map<string, SourceStats>();

  add(file: string, doc: IsnadDocument): void {
    let claims = 0;
    let quotes = 0;
    let unattributed = 0;
    const quoting = new Set<SourceStats>();
    for (const span of doc.spans) {
      if (!isStatement(span)) continue;
      const isQuote = span.kind === 'quote';
      if (isQuote) quotes++;
      else claims++;
      const speaker = speakerOf(doc, span);
      if (!speaker) {
        unattributed++;
        continue;
      }
      const definition = speaker.source ?? speaker.entity;
      const name = speakerName(speaker);
      // The same id defined by a registry is one source everywhere; articles' own definitions of it are one when they agree on its name.
      const key = definition?.uri ? `${definition.uri}#${speaker.id}` : `#${speaker.id}#${name}`;
      let stats = this.sources.get(key);
      if (!stats) this.sources.set(key, (stats = { id: speaker.id, name, ...(definition?.uri ? { registry: definition.uri } : {}), claims: 0, quotes: 0, articles: 0 }));
      if (isQuote) stats.quotes++;
      else stats.claims++;
      quoting.add(stats);
    }
    for (const stats of quoting) stats.articles++;
    const statements = claims + quotes;
    this.articles.push({ file, claims, quotes, unattributed, unattributedShare: statements === 0 ? 0 : unattributed / statements });
  }

  /** Most quoted first, then by id. */
  sourceList(): SourceStats[] {
    return [...this.sources.values()].sort((a, b) => b.claims + b.quotes - (a.claims + a.quotes) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  totals(): Omit<ArticleStats, 'file'> & { readonly articles: number } {
    const claims = sum(this.articles, (a) => a.claims);
    const quotes = sum(this.articles, (a) => a.quotes);
    const unattributed = sum(this.articles, (a) => a.unattributed);
    return { articles: this.articles.length, claims, quotes, unattributed, unattributedShare: claims + quotes === 0 ? 0 : unattributed / (claims + quotes) };
  }
}

function sum<T>(items: readonly T[], value: (item: T) => number): number {
  return items.reduce((total, item) => total + value(item), 0);
}
