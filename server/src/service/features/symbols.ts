// The outline (FORMAT.md §6): headings nested by level, each claim and quote under the section
// it is in, and the front matter's sources and entities.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { Entity, FrontMatter, IsnadDocument, Section, Source, Span, TextRange } from '../model';
import { localize, type Locale } from '../l10n';
import { isStatement, speakerName, speakerOf } from '../resolve';
import { plainText, sectionTitle } from '../export/cleanText';

const TITLE_WORDS = 8;
const WORD = /\S+/g;

// The kinds pick the outline's icons: a claim is true or false, a quote is someone's words
// verbatim, and sources and entities are keys of the front matter's mappings.
export const SECTION_KIND = SymbolKind.Namespace;
export const CLAIM_KIND = SymbolKind.Boolean;
export const QUOTE_KIND = SymbolKind.String;
const FRONT_MATTER_KIND = SymbolKind.Module;
const GROUP_KIND = SymbolKind.Object;
export const DEFINITION_KIND = SymbolKind.Key;

/**
 * Document units read to title a span: the first words of nearly every span fit in them. No
 * more is read, as content that is nearly all markup (thousands of nested spans) would be read
 * once per span, and the outline would take quadratic time (found by the linearity test).
 */
const TITLE_SCAN_LIMIT = 96;

/** A span named by its first words as a reader sees them, with an ellipsis when they are cut. */
export function spanTitle(doc: IsnadDocument, span: Span): string {
  const { start, end } = span.contentRange;
  // The clean text of a prefix of the content is a prefix of its clean text: when the content
  // goes on past what is read, the title is cut.
  const words = wordsOf(plainText(doc, { start, end: Math.min(end, start + TITLE_SCAN_LIMIT) }));
  const title = words.slice(0, TITLE_WORDS).join(' ');
  return words.length > TITLE_WORDS || end > start + TITLE_SCAN_LIMIT ? `${title}…` : title;
}

/** The first words of `text`, one more than a title holds: enough to tell whether it is cut. */
function wordsOf(text: string): string[] {
  const words: string[] = [];
  // `exec` on the shared pattern: `matchAll` would copy the pattern on every call.
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match && words.length <= TITLE_WORDS; match = WORD.exec(text)) words.push(match[0]);
  return words;
}

export function computeDocumentSymbols(doc: IsnadDocument, locale: Locale): DocumentSymbol[] {
  const topLevel: DocumentSymbol[] = doc.frontMatter ? [frontMatterSymbol(doc, doc.frontMatter, locale)] : [];
  const sectionChildren = doc.sections.map((): DocumentSymbol[] => []);
  const childrenOf = (section: number | undefined) => (section === undefined ? topLevel : sectionChildren[section]);
  // A section's claims all come before its subsections' headings, so pushing them first keeps document order.
  for (const span of doc.spans) {
    if (isStatement(span)) childrenOf(span.section).push(statementSymbol(doc, span, locale));
  }
  for (const section of doc.sections) childrenOf(section.parent).push(sectionSymbol(doc, section, sectionChildren[section.index]));
  return topLevel;
}

function sectionSymbol(doc: IsnadDocument, section: Section, children: DocumentSymbol[]): DocumentSymbol {
  return {
    // The editor rejects an empty name: an empty heading is named by its `#` run.
    name: sectionTitle(doc, section).replace(/\s+/g, ' ').trim() || '#'.repeat(section.level),
    kind: SECTION_KIND,
    range: doc.lines.rangeOf(section.range),
    selectionRange: doc.lines.rangeOf(section.headingRange),
    children,
  };
}

function statementSymbol(doc: IsnadDocument, span: Span, locale: Locale): DocumentSymbol {
  const kind = span.kind === 'quote' ? 'quote' : 'claim';
  const speaker = speakerOf(doc, span);
  return {
    name: spanTitle(doc, span) || localize(locale, kind),
    detail: speaker ? speakerName(speaker) : localize(locale, 'unattributed'),
    kind: kind === 'quote' ? QUOTE_KIND : CLAIM_KIND,
    range: doc.lines.rangeOf(span.range),
    selectionRange: doc.lines.rangeOf(span.contentRange),
  };
}

function frontMatterSymbol(doc: IsnadDocument, front: FrontMatter, locale: Locale): DocumentSymbol {
  const groups = [
    definitionGroup(doc, localize(locale, 'sources'), [...front.sources.values()]),
    definitionGroup(doc, localize(locale, 'entities'), [...front.entities.values()]),
  ];
  return {
    name: localize(locale, 'frontMatter'),
    kind: FRONT_MATTER_KIND,
    range: doc.lines.rangeOf(front.range),
    selectionRange: doc.lines.rangeOf({ start: front.range.start, end: front.range.start + '---'.length }),
    children: groups.filter((group) => group !== undefined),
  };
}

/** Sources or entities, in document order; none when there are none. */
function definitionGroup(doc: IsnadDocument, name: string, definitions: readonly (Source | Entity)[]): DocumentSymbol | undefined {
  if (definitions.length === 0) return undefined;
  const first = definitions[0];
  const range: TextRange = { start: first.range.start, end: definitions[definitions.length - 1].range.end };
  return {
    name,
    kind: GROUP_KIND,
    range: doc.lines.rangeOf(range),
    selectionRange: doc.lines.rangeOf(first.keyRange),
    children: definitions.map((definition) => ({
      // An empty or blank id is an error already reported; the editor still needs a name to show.
      name: definition.id.trim() ? definition.id : JSON.stringify(definition.id),
      detail: definition.name,
      kind: DEFINITION_KIND,
      range: doc.lines.rangeOf(definition.range),
      selectionRange: doc.lines.rangeOf(definition.keyRange),
    })),
  };
}
