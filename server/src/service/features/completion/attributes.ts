// Completion inside an attribute block `{…}`: keywords and keys (English and Arabic), entity ids
// after `@` and `about=`, source (else entity) ids after `by=`, and `status=` values, bare or
// inside the quotes of a value quoted whole (`by="…"`).
import { CompletionItemKind, InsertTextFormat, type Command, type CompletionItem, type TextEdit } from 'vscode-languageserver-types';
import { STATUSES, type IsnadDocument, type Span } from '../../model';
import { localize, type Locale, type MessageKey } from '../../l10n';
import { blockTokens, scanAttributes, type AttributeToken } from '../../parse/attributes';
import { ATTRIBUTE_KEYS, KIND_KEYWORDS, type AttributeKey } from '../../parse/spanAttributes';
import { STATUS_LABELS } from '../hover';
import { directionAt } from '../direction';
import { entityItems, sourceItems } from './idItems';
import { visibleSources } from '../../resolve';

/** After a key and its `=`, the values are what the user wants next: ask the editor to suggest again. */
const SUGGEST_AGAIN: Command = { title: '', command: 'editor.action.triggerSuggest' };

const KEY_DOCUMENTATION: Readonly<Record<AttributeKey, MessageKey>> = {
  by: 'completeBy',
  status: 'completeStatus',
  about: 'completeAbout',
  note: 'completeNote',
  id: 'completeId',
};

const ARABIC = /[\u0600-\u06ff]/;
/** Where an id typed in a block ends; inside quotes, the closing quote ends it too. */
const ID_END = /[\s}]/;
const LIST_ID_END = /[\s},،]/;
const QUOTED_ID_END = /[\s}"]/;
const QUOTED_LIST_ID_END = /[\s},،"]/;
const LIST_SEPARATOR = /[,،]/;
const QUOTE = '"';

/** The completions at `offset` when it is inside an attribute block; undefined elsewhere. */
export function attributeCompletion(doc: IsnadDocument, offset: number, locale: Locale): CompletionItem[] | undefined {
  const span = doc.spans.find(({ attributesRange }) => attributesRange.start <= offset && offset <= attributesRange.end);
  if (!span) return undefined;
  // Read to the cursor only: the token being typed ends there.
  const scan = scanAttributes(doc.text.slice(0, offset), span.attributesRange.start, () => false);
  const typed = scan.tokens;
  const current = typed.at(-1)?.range.end === offset ? typed.at(-1) : undefined;
  // A value quoted whole (`by="…"`) is completed inside its quotes, while they are open at the
  // cursor; after the closing quote, or a quote elsewhere in a token (a keyword, a note's text),
  // there is nothing to offer.
  const insideQuotes = scan.problems.some((item) => item.message === 'unterminatedQuote');
  const quotedWhole = insideQuotes && current?.key !== undefined && doc.text[current.valueRange.start] === QUOTE;
  if (current?.quoted && !quotedWhole) return [];
  // The edit replaces what is typed of the word, and the rest of it after the cursor.
  const edit = (start: number, endPattern: RegExp) => {
    const range = doc.lines.rangeOf({ start, end: endOf(doc.text, offset, endPattern) });
    return (newText: string): TextEdit => ({ range, newText });
  };
  // Between tokens (or before one), a keyword is inserted, never written over the next token.
  if (!current) {
    const range = doc.lines.rangeOf({ start: offset, end: offset });
    return keywordItems(doc, span, (newText) => ({ range, newText }), locale);
  }
  if (current.key === undefined) {
    if (current.value.startsWith('@')) return entityItems(doc, edit(current.range.start + 1, ID_END), locale);
    return keywordItems(doc, span, edit(current.range.start, ID_END), locale, current);
  }
  const valueStart = quotedWhole ? current.valueRange.start + 1 : current.valueRange.start;
  const idEnd = quotedWhole ? QUOTED_ID_END : ID_END;
  switch (ATTRIBUTE_KEYS.get(current.key)) {
    case 'by': {
      const idEdit = edit(valueStart, idEnd);
      const sources = sourceItems(doc, idEdit, locale, 0);
      return sources.concat(entityItems(doc, idEdit, locale, 1, new Set(visibleSources(doc).keys())));
    }
    case 'about':
      return entityItems(doc, edit(listItemStart(doc.text, valueStart, offset), quotedWhole ? QUOTED_LIST_ID_END : LIST_ID_END), locale);
    case 'status':
      return statusItems(edit(valueStart, idEnd), locale);
    default:
      return [];
  }
}

function endOf(text: string, offset: number, pattern: RegExp): number {
  let end = offset;
  while (end < text.length && !pattern.test(text[end])) end++;
  return end;
}

function listItemStart(text: string, valueStart: number, offset: number): number {
  let start = offset;
  while (start > valueStart && !LIST_SEPARATOR.test(text[start - 1])) start--;
  while (start < offset && /\s/.test(text[start])) start++;
  return start;
}

function statusItems(edit: (text: string) => TextEdit, locale: Locale): CompletionItem[] {
  return STATUSES.map((status, index) => ({
    label: status,
    kind: CompletionItemKind.EnumMember,
    detail: localize(locale, STATUS_LABELS[status]),
    sortText: String(index),
    textEdit: edit(status),
  }));
}

/**
 * The kind keywords, `@` and the keys, leaving out what the block already has. In a right-to-left
 * paragraph the Arabic forms come first: they keep the line free of Latin runs.
 */
function keywordItems(doc: IsnadDocument, span: Span, edit: (text: string) => TextEdit, locale: Locale, current?: AttributeToken): CompletionItem[] {
  const others = blockTokens(doc.text, span.attributesRange).filter((token) => token.range.start !== current?.range.start);
  const hasKind = others.some((token) => token.key === undefined && KIND_KEYWORDS.has(token.value));
  const hasMention = others.some((token) => token.key === undefined && token.value.startsWith('@'));
  const usedKeys = new Set(others.map((token) => token.key !== undefined && ATTRIBUTE_KEYS.get(token.key)));
  const arabicFirst = directionAt(doc, span.range.start) === 'rtl';
  const order = (word: string) => (ARABIC.test(word) === arabicFirst ? 0 : 1);

  const items: CompletionItem[] = [];
  if (!hasKind) {
    for (const [word, kind] of KIND_KEYWORDS) {
      const documentation = localize(locale, kind === 'claim' ? 'completeClaim' : 'completeQuote');
      items.push({ label: word, kind: CompletionItemKind.Keyword, documentation, sortText: `${order(word)}0${word}`, textEdit: edit(word) });
    }
  }
  if (!hasMention) {
    items.push({ label: '@', kind: CompletionItemKind.Operator, documentation: localize(locale, 'completeMention'), sortText: '01@', textEdit: edit('@'), command: SUGGEST_AGAIN });
  }
  for (const [word, key] of ATTRIBUTE_KEYS) {
    if (usedKeys.has(key)) continue;
    const documentation = localize(locale, KEY_DOCUMENTATION[key], [STATUSES.join(', ')]);
    const quotedValue = key === 'note';
    items.push({
      label: quotedValue ? `${word}="…"` : `${word}=`,
      kind: CompletionItemKind.Property,
      documentation,
      filterText: word,
      sortText: `${order(word)}2${word}`,
      textEdit: edit(quotedValue ? `${word}="$1"` : `${word}=`),
      insertTextFormat: quotedValue ? InsertTextFormat.Snippet : undefined,
      command: key === 'by' || key === 'about' || key === 'status' ? SUGGEST_AGAIN : undefined,
    });
  }
  return items;
}
