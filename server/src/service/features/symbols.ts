// The outline (FORMAT.md §6): headings nested by level, each claim and quote under the section
// it is in, and the front matter's sources and entities.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { Entity, FrontMatter, IsnadDocument, Section, Source, Span, TextRange } from '../model';
import { localize, type Locale } from '../l10n';
import { isStatement, speakerName, speakerOf } from '../resolve';
import { sectionTitle } from '../export/cleanText';
import { firstEndingAfter, nextEndingAfter } from '../ranges';
import { isWhiteSpaceOrLineTerminator } from '../parse/chars';
import { isLoneSurrogate } from '../wellFormed';

const TITLE_WORDS = 8;

// The kinds pick the outline's icons: a claim is true or false, a quote is someone's words
// verbatim, and sources and entities are keys of the front matter's mappings.
export const SECTION_KIND = SymbolKind.Namespace;
export const CLAIM_KIND = SymbolKind.Boolean;
export const QUOTE_KIND = SymbolKind.String;
const FRONT_MATTER_KIND = SymbolKind.Module;
const GROUP_KIND = SymbolKind.Object;
export const DEFINITION_KIND = SymbolKind.Key;

/**
 * What is read to title a span: text units and elisions. The first words of nearly every span fit
 * in them; markup skipped (a mention's long note, a comment) does not count against the text. No
 * more is read, as content that is nearly all markup (thousands of nested spans) would be read
 * once per span, and the outline would take quadratic time (found by the linearity test).
 */
const TITLE_SCAN_LIMIT = 96;
const TITLE_ELISION_LIMIT = 48;

/**
 * A span named by its first words as a reader sees them (its clean text), with an ellipsis when
 * they are cut. Read straight from the document, skipping its elisions: the outline titles every
 * claim and quote, so no clean-text copy, match or word list is made per span. `firstElision` is
 * the first elision that ends after the content starts, when the caller knows it already.
 */
export function spanTitle(doc: IsnadDocument, span: Span, firstElision = firstEndingAfter(doc.elisions, span.contentRange.start)): string {
  const { text, elisions } = doc;
  const { start, end } = span.contentRange;
  const title = new TitleWords(text);
  let next = firstElision;
  let textLeft = TITLE_SCAN_LIMIT;
  let elisionsLeft = TITLE_ELISION_LIMIT;
  let i = start;
  while (i < end && !title.full && textLeft > 0) {
    const elision = next < elisions.length && elisions[next].start < end ? elisions[next] : undefined;
    if (elision && elision.start <= i) {
      // The clean text of a prefix of the content is a prefix of its clean text: an elision
      // that runs past the content, or one too many, ends what is read, and the title is cut.
      if (elision.end > end || elisionsLeft-- === 0) break;
      title.read(elision.replacement, 0, elision.replacement.length);
      i = elision.end;
      next++;
    } else {
      const stop = Math.min(elision ? elision.start : end, i + textLeft);
      title.read(text, i, stop);
      textLeft -= stop - i;
      i = stop;
    }
  }
  return title.full || i < end ? `${title.text}…` : title.text;
}

/**
 * The first `TITLE_WORDS` words (runs of what `\S` matches) of what it reads, one space between
 * them. Words that stand in the document one space apart, as most do, are not copied one by one:
 * they extend a stretch of the document, sliced once.
 */
class TitleWords {
  /** Whether a word beyond the title's last has begun: the title is cut. */
  full = false;
  private built = '';
  /** The stretch of the document that follows `built`. */
  private stretchStart = 0;
  private stretchEnd = 0;
  private words = 0;
  private inWord = false;

  constructor(private readonly document: string) {}

  get text(): string {
    return this.built + this.document.slice(this.stretchStart, this.stretchEnd);
  }

  /** Reads `source[from, to)`, which is the document or an elision's replacement. */
  read(source: string, from: number, to: number): void {
    const fromDocument = source === this.document;
    let run = from;
    let i = from;
    for (; i < to; i++) {
      const c = source.charCodeAt(i);
      if (isWhiteSpaceOrLineTerminator(c)) {
        if (this.inWord) this.add(source, run, i, fromDocument);
        this.inWord = false;
        continue;
      }
      if (!this.inWord) {
        if (this.words === TITLE_WORDS) {
          this.full = true;
          return;
        }
        if (this.words > 0) this.separate(fromDocument ? i : -1);
        this.words++;
        this.inWord = true;
        run = i;
      }
      // Half a character is shown as U+FFFD, as in every clean text (wellFormed.ts).
      if (c >= 0xd800 && c <= 0xdfff && isLoneSurrogate(source, i)) {
        this.add(source, run, i, fromDocument);
        this.flush();
        this.built += '\uFFFD';
        run = i + 1;
      }
    }
    if (this.inWord) this.add(source, run, i, fromDocument);
  }

  private add(source: string, start: number, end: number, fromDocument: boolean): void {
    if (start === end) return;
    if (fromDocument && start === this.stretchEnd) {
      this.stretchEnd = end;
      return;
    }
    this.flush();
    if (fromDocument) {
      this.stretchStart = start;
      this.stretchEnd = end;
    } else {
      this.built += source.slice(start, end);
    }
  }

  /** The space before a word starting at `wordStart` in the document (-1 when it starts elsewhere). */
  private separate(wordStart: number): void {
    const { stretchEnd } = this;
    if (stretchEnd > this.stretchStart && wordStart === stretchEnd + 1 && this.document.charCodeAt(stretchEnd) === 0x20) {
      this.stretchEnd = wordStart;
      return;
    }
    this.flush();
    this.built += ' ';
  }

  private flush(): void {
    if (this.stretchEnd > this.stretchStart) this.built += this.document.slice(this.stretchStart, this.stretchEnd);
    this.stretchStart = this.stretchEnd = 0;
  }
}

export function computeDocumentSymbols(doc: IsnadDocument, locale: Locale): DocumentSymbol[] {
  const topLevel: DocumentSymbol[] = doc.frontMatter ? [frontMatterSymbol(doc, doc.frontMatter, locale)] : [];
  const sectionChildren = doc.sections.map((): DocumentSymbol[] => []);
  const childrenOf = (section: number | undefined) => (section === undefined ? topLevel : sectionChildren[section]);
  // The spans come in document order: their titles' first elisions are found by one walk over the
  // elisions, not a search each (which cost more than the rest of a title).
  let firstElision = 0;
  // A section's claims all come before its subsections' headings, so pushing them first keeps document order.
  for (const span of doc.spans) {
    if (!isStatement(span)) continue;
    firstElision = nextEndingAfter(doc.elisions, span.contentRange.start, firstElision);
    childrenOf(span.section).push(statementSymbol(doc, span, locale, firstElision));
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

function statementSymbol(doc: IsnadDocument, span: Span, locale: Locale, firstElision: number): DocumentSymbol {
  const kind = span.kind === 'quote' ? 'quote' : 'claim';
  const speaker = speakerOf(doc, span);
  return {
    name: spanTitle(doc, span, firstElision) || localize(locale, kind),
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
