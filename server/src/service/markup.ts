// How annotations are written (FORMAT.md §4), for everything that writes them: the editing
// commands and the code actions. Right-to-left paragraphs get the Arabic keywords, so their
// lines hold no Latin letters and stay one right-to-left run.
import type { ParagraphDirection } from '../protocol';
import type { TextRange } from './model';

export type Keyword = 'claim' | 'quote' | 'by';

const KEYWORDS: Readonly<Record<Keyword, Readonly<Record<ParagraphDirection, string>>>> = {
  claim: { ltr: 'claim', rtl: 'ادعاء' },
  quote: { ltr: 'quote', rtl: 'اقتباس' },
  by: { ltr: 'by', rtl: 'قائل' },
};

export function keyword(word: Keyword, direction: ParagraphDirection): string {
  return KEYWORDS[word][direction];
}

/** The attribute that makes a span a mention of the entity `id`. */
export function mentionOf(id: string): string {
  return `@${id}`;
}

/** What goes before and after a stretch of text to make it a span with `attributes`. */
export function spanMarkup(attributes: string): { readonly open: string; readonly close: string } {
  return { open: '[', close: `]{${attributes}}` };
}

/** `range` without the white space at its ends: a triple-clicked line ends with its line break, and a span should end with the text. */
export function withoutOuterSpace(text: string, range: TextRange): TextRange {
  const selected = text.slice(range.start, range.end);
  const start = range.start + selected.length - selected.trimStart().length;
  const end = Math.max(start, range.end - (selected.length - selected.trimEnd().length));
  return { start, end };
}
