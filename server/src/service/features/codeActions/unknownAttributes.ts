// Quick fixes for an `unknown-attribute` token in an attribute block: change a misspelt key,
// kind keyword or status to the known one it most likely meant, or remove the token.
import { CodeActionKind, type CodeAction } from 'vscode-languageserver-types';
import { STATUSES, type IsnadDocument, type TextRange } from '../../model';
import { localize } from '../../l10n';
import { ATTRIBUTE_KEYS, KIND_KEYWORDS } from '../../parse/spanAttributes';
import type { CodeActionProvider } from './provider';
import { codeAction, deletion, isnadDiagnostics, offsetRange, sameRange, type OffsetEdit } from './edits';
import { closestIds } from './similarity';

export const unknownAttributeFixes: CodeActionProvider = (doc, _range, diagnostics, locale) => {
  const actions: CodeAction[] = [];
  for (const diagnostic of isnadDiagnostics(diagnostics, ['unknown-attribute'])) {
    const token = offsetRange(doc, diagnostic.range);
    // The editor's diagnostics may be a version behind: fix only a token the document still reports.
    if (!doc.problems.some((problem) => problem.code === 'unknown-attribute' && sameRange(problem.range, token))) continue;
    const text = doc.text.slice(token.start, token.end);
    const replacements = meantInstead(text);
    for (const { meant, range } of replacements) {
      const edit = { range: { start: token.start + range.start, end: token.start + range.end }, newText: meant };
      actions.push(codeAction(doc, localize(locale, 'actionChangeTo', [meant]), CodeActionKind.QuickFix, [edit], { diagnostics: [diagnostic], isPreferred: replacements.length === 1 }));
    }
    actions.push(codeAction(doc, localize(locale, 'actionRemoveAttribute', [text]), CodeActionKind.QuickFix, [removal(doc, token)], { diagnostics: [diagnostic] }));
  }
  return actions;
};

/** The known words `text` may be a misspelling of, each with the part of `text` it replaces: the key, the status value, or the whole keyword. */
function meantInstead(text: string): { meant: string; range: TextRange }[] {
  const equals = text.indexOf('=');
  if (equals < 0) return closestIds(text, KIND_KEYWORDS.keys()).map((meant) => ({ meant, range: { start: 0, end: text.length } }));
  const key = text.slice(0, equals);
  if (ATTRIBUTE_KEYS.get(key) !== 'status') return closestIds(key, ATTRIBUTE_KEYS.keys()).map((meant) => ({ meant, range: { start: 0, end: equals } }));
  const quoted = text.length - equals > 2 && text[equals + 1] === '"' && text.endsWith('"');
  const value = quoted ? { start: equals + 2, end: text.length - 1 } : { start: equals + 1, end: text.length };
  return closestIds(text.slice(value.start, value.end), STATUSES).map((meant) => ({ meant, range: value }));
}

/** The token and the white space that parts it from the token before it (or, first in its block, from the one after it). */
function removal(doc: IsnadDocument, token: TextRange): OffsetEdit {
  let start = token.start;
  while (start > 0 && /[ \t]/.test(doc.text[start - 1])) start--;
  if (start < token.start && doc.text[start - 1] !== '{') return deletion({ start, end: token.end });
  let end = token.end;
  while (end < doc.text.length && /[ \t]/.test(doc.text[end])) end++;
  return deletion({ start: token.start, end: doc.text[end] === '}' ? token.end : end });
}
