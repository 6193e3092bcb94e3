// Workspace symbols: the sources and entities of every registry and article, every section, and
// every claim and quote whose name contains the query, case-insensitively (the editor then ranks
// them with its own fuzzy matching). Each file's names are kept lower-cased in one string, built
// once per summary, so a query is one native substring search per file.
import type { Location, SymbolInformation } from 'vscode-languageserver-types';
import type { Corpus } from '../corpus/corpus';
import type { ArticleSummary } from '../corpus/summary';
import type { Registry } from '../model';
import { localize, type Locale } from '../l10n';
import { CLAIM_KIND, DEFINITION_KIND, QUOTE_KIND, SECTION_KIND } from './symbols';

/** Enough to fill the editor's list; a query that matches more is narrowed by typing more. */
export const MAX_WORKSPACE_SYMBOLS = 1000;

type Group = 'sources' | 'entities' | 'article';

interface Candidate {
  readonly name: string;
  readonly kind: SymbolInformation['kind'];
  readonly location: Location;
  readonly group: Group;
}

/** A file's symbols, made on demand, and their names lower-cased, one per line. */
interface SearchText {
  readonly text: string;
  /** Where each name starts in `text`. */
  readonly starts: readonly number[];
  readonly candidate: (index: number) => Candidate;
}

const searchTexts = new WeakMap<ArticleSummary | Registry, SearchText>();

export function computeWorkspaceSymbols(corpus: Corpus, query: string, locale: Locale): SymbolInformation[] {
  const wanted = query.trim().toLowerCase();
  const found: SymbolInformation[] = [];
  const groups: Record<Group, string> = { sources: localize(locale, 'sources'), entities: localize(locale, 'entities'), article: '' };
  const search = (owner: ArticleSummary | Registry, container: (group: Group) => string): boolean => {
    const searchText = searchTextOf(owner);
    for (const index of matchingNames(searchText, wanted)) {
      const { name, kind, location, group } = searchText.candidate(index);
      found.push({ name: name || localize(locale, kind === QUOTE_KIND ? 'quote' : 'claim'), kind, location, containerName: container(group) });
      if (found.length >= MAX_WORKSPACE_SYMBOLS) return false;
    }
    return true;
  };
  for (const registry of corpus.registries.values()) if (!search(registry, (group) => groups[group])) return found;
  for (const article of corpus.articles.values()) {
    // An article without a title adds nothing to the group's name (VS Code shows its file beside it).
    if (!search(article, (group) => [groups[group], article.title].filter(Boolean).join(' · '))) return found;
  }
  return found;
}

/** The indices of the names that contain `wanted`, in order, each once. */
function* matchingNames({ text, starts }: SearchText, wanted: string): Iterable<number> {
  if (wanted === '') {
    for (let i = 0; i < starts.length; i++) yield i;
    return;
  }
  let line = -1;
  for (let at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + 1)) {
    const index = lineOf(starts, at);
    if (index === line) continue;
    line = index;
    yield index;
  }
}

function lineOf(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

function searchTextOf(owner: ArticleSummary | Registry): SearchText {
  let searchText = searchTexts.get(owner);
  if (!searchText) {
    const make = () => ('lines' in owner ? registryCandidates(owner) : articleCandidates(owner));
    let candidates: Candidate[] | undefined = make();
    const names = candidates.map((candidate) => candidate.name.toLowerCase().replace(/\n/g, ' '));
    const starts: number[] = [];
    let offset = 0;
    for (const name of names) {
      starts.push(offset);
      offset += name.length + 1;
    }
    // Only the names are kept; the candidates are made again the first time a query matches one.
    candidates = undefined;
    searchText = { text: names.join('\n'), starts, candidate: (index) => (candidates ??= make())[index] };
    searchTexts.set(owner, searchText);
  }
  return searchText;
}

function registryCandidates(registry: Registry): Candidate[] {
  const candidates: Candidate[] = [];
  for (const [group, definitions] of [['sources', registry.sources], ['entities', registry.entities]] as const) {
    for (const { id, name, keyRange } of definitions.values()) {
      candidates.push({ name: definitionName(id, name), kind: DEFINITION_KIND, location: { uri: registry.uri, range: registry.lines.rangeOf(keyRange) }, group });
    }
  }
  return candidates;
}

function articleCandidates(article: ArticleSummary): Candidate[] {
  const { uri } = article;
  return [
    ...article.sources.map(({ id, name, keyRange }) => ({ name: definitionName(id, name), kind: DEFINITION_KIND, location: { uri, range: keyRange }, group: 'sources' as const })),
    ...article.entities.map(({ id, name, keyRange }) => ({ name: definitionName(id, name), kind: DEFINITION_KIND, location: { uri, range: keyRange }, group: 'entities' as const })),
    ...article.sections.map(({ title, level, range }) => ({ name: title || '#'.repeat(level), kind: SECTION_KIND, location: { uri, range }, group: 'article' as const })),
    ...article.statements.map(({ title, kind, contentRange }) => ({
      name: title,
      kind: kind === 'quote' ? QUOTE_KIND : CLAIM_KIND,
      location: { uri, range: contentRange },
      group: 'article' as const,
    })),
  ];
}

/** Searchable by both: `Vladimir Putin (putin)`. */
function definitionName(id: string, name: string): string {
  return name && name !== id ? `${name} (${id})` : id;
}
