// Completion (LSP textDocument/completion): in an attribute block, in the front matter, or a
// whole front matter at the start of a document that has none.
import type { CompletionItem, Position } from 'vscode-languageserver-types';
import type { IsnadDocument } from '../../model';
import type { Locale } from '../../l10n';
import { attributeCompletion } from './attributes';
import { frontMatterCompletion } from './frontMatter';
import { newArticleCompletion } from './newArticle';

/** What starts a completion besides typing a word: an id after `@`, `=`, a list comma or the quote opening a quoted id (`by="`); keywords after `{` or a space. */
export const COMPLETION_TRIGGER_CHARACTERS = ['@', '=', '{', ' ', ',', '،', '"'];

export function computeCompletion(doc: IsnadDocument, position: Position, locale: Locale): CompletionItem[] {
  const offset = doc.lines.offsetAt(position);
  return newArticleCompletion(doc, offset, locale) ?? frontMatterCompletion(doc, offset, locale) ?? attributeCompletion(doc, offset, locale) ?? [];
}
