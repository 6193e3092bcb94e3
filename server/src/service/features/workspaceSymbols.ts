// Workspace symbols: the sources and entities of every registry and article, every section, and
// every claim and quote, matched against the query as the editor's symbol search does (its
// characters in order, case-insensitively).
import type { Location, SymbolInformation } from 'vscode-languageserver-types';
import type { Corpus } from '../corpus/corpus';
import { localize, type Locale } from '../l10n';
import { CLAIM_KIND, DEFINITION_KIND, QUOTE_KIND, SECTION_KIND } from './symbols';

/** Enough to fill the editor's list; a query that matches more is narrowed by typing more. */
export const MAX_WORKSPACE_SYMBOLS = 1000;

export function computeWorkspaceSymbols(corpus: Corpus, query: string, locale: Locale): SymbolInformation[] {
  const wanted = query.toLowerCase().replace(/\s+/g, '');
  const found: SymbolInformation[] = [];
  const add = (name: string, kind: SymbolInformation['kind'], location: Location, containerName: string): boolean => {
    if (!matches(name, wanted)) return true;
    found.push({ name, kind, location, containerName });
    return found.length < MAX_WORKSPACE_SYMBOLS;
  };
  const sources = localize(locale, 'sources');
  const entities = localize(locale, 'entities');
  for (const registry of corpus.registries.values()) {
    for (const [group, definitions] of [[sources, registry.sources], [entities, registry.entities]] as const) {
      for (const definition of definitions.values()) {
        if (!add(definitionName(definition.id, definition.name), DEFINITION_KIND, { uri: registry.uri, range: registry.lines.rangeOf(definition.keyRange) }, group)) return found;
      }
    }
  }
  for (const article of corpus.articles.values()) {
    const container = article.title;
    for (const [group, definitions] of [[sources, article.sources], [entities, article.entities]] as const) {
      for (const definition of definitions) {
        if (!add(definitionName(definition.id, definition.name), DEFINITION_KIND, { uri: article.uri, range: definition.keyRange }, `${group} · ${container}`)) return found;
      }
    }
    for (const section of article.sections) if (!add(section.title || '#'.repeat(section.level), SECTION_KIND, { uri: article.uri, range: section.range }, container)) return found;
    for (const statement of article.statements) {
      const name = statement.title || localize(locale, statement.kind);
      if (!add(name, statement.kind === 'quote' ? QUOTE_KIND : CLAIM_KIND, { uri: article.uri, range: statement.contentRange }, container)) return found;
    }
  }
  return found;
}

/** Searchable by both: `Vladimir Putin (putin)`. */
function definitionName(id: string, name: string): string {
  return name && name !== id ? `${name} (${id})` : id;
}

/** Whether the characters of `wanted` (lower case, no spaces) occur in `name` in order. */
function matches(name: string, wanted: string): boolean {
  if (wanted.length === 0) return true;
  const lower = name.toLowerCase();
  let from = 0;
  for (const char of wanted) {
    from = lower.indexOf(char, from) + 1;
    if (from === 0) return false;
  }
  return true;
}
