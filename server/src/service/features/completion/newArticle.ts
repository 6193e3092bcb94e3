// Completion at the very start of a document without front matter: a whole front matter to
// fill in, for an English or an Arabic article, so a brand-new file does not start from a blank
// page with nothing to complete.
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver-types';
import { ENTITY_TYPES, SOURCE_KINDS, type IsnadDocument } from '../../model';
import { localize, type Locale, type MessageKey } from '../../l10n';

/** Nothing but a byte-order mark and the opening fence, or part of it, before the cursor. */
const DOCUMENT_START = /^\uFEFF?(-{0,3})$/;

interface Skeleton {
  readonly label: MessageKey;
  readonly language: string;
  readonly direction: string;
  /** Placeholders: title, outlet, source id, source name, entity id, entity name. */
  readonly placeholders: readonly [string, string, string, string, string, string];
}

// An Arabic article gets Arabic placeholders, ids included, so its lines stay free of Latin runs.
const SKELETONS: readonly Skeleton[] = [
  { label: 'newArticleEnglish', language: 'en', direction: 'ltr', placeholders: ['title', 'outlet', 'source_id', 'name', 'entity_id', 'name'] },
  { label: 'newArticleArabic', language: 'ar', direction: 'rtl', placeholders: ['العنوان', 'الوسيلة', 'معرف_المصدر', 'الاسم', 'معرف_الكيان', 'الاسم'] },
];

export function newArticleCompletion(doc: IsnadDocument, offset: number, locale: Locale): CompletionItem[] | undefined {
  if (doc.frontMatter || doc.lines.lineAt(offset) !== 0) return undefined;
  const typed = DOCUMENT_START.exec(doc.text.slice(0, offset));
  if (!typed || doc.text.slice(offset, doc.lines.lineContentEnd(0)).trim()) return undefined;
  const range = doc.lines.rangeOf({ start: offset - typed[1].length, end: doc.lines.lineContentEnd(0) });
  return SKELETONS.map((skeleton, index) => ({
    label: localize(locale, skeleton.label),
    kind: CompletionItemKind.Snippet,
    detail: localize(locale, 'newArticleDetail'),
    filterText: '---',
    sortText: String(index),
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: snippet(skeleton) },
  }));
}

function snippet({ language, direction, placeholders: [title, outlet, sourceId, sourceName, entityId, entityName] }: Skeleton): string {
  return [
    '---',
    `title: \${1:${title}}`,
    `outlet: \${2:${outlet}}`,
    `language: ${language}`,
    `direction: ${direction}`,
    'sources:',
    `  \${3:${sourceId}}:`,
    `    name: \${4:${sourceName}}`,
    `    kind: \${5|${SOURCE_KINDS.join(',')}|}`,
    'entities:',
    `  \${6:${entityId}}:`,
    `    name: \${7:${entityName}}`,
    `    type: \${8|${ENTITY_TYPES.join(',')}|}`,
    '---',
    '$0',
  ].join('\n');
}
