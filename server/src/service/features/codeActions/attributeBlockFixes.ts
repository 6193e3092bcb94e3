// Quick fixes inside an attribute block. An `unknown-attribute` token: change a misspelt key,
// kind keyword or status to the known one it most likely meant, or remove the token. A
// `span-syntax` block with two kind keywords: keep one of them; with a repeated key or a second
// `@ID`: remove the repeat (the one the parser ignores).
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import { STATUSES, type IsnadDocument, type Span, type TextRange } from '../../model';
import { localize, type Locale } from '../../l10n';
import { blockTokens, type AttributeToken } from '../../parse/attributes';
import { ATTRIBUTE_KEYS, KIND_KEYWORDS } from '../../parse/spanAttributes';
import type { CodeActionProvider } from './provider';
import { codeAction, deletion, isnadDiagnostics, offsetRange, sameRange, withoutOverlaps, type OffsetEdit } from './edits';
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
    actions.push(removeAction(doc, token, [diagnostic], locale));
  }
  return actions;
};

export const spanSyntaxFixes: CodeActionProvider = (doc, _range, diagnostics, locale) => {
  const actions: CodeAction[] = [];
  const spanDiagnostics = isnadDiagnostics(diagnostics, ['span-syntax']);
  const fixed = new Set<Span>();
  for (const diagnostic of spanDiagnostics) {
    const range = offsetRange(doc, diagnostic.range);
    const span = doc.spans.find((candidate) => sameRange(candidate.range, range));
    if (!span || fixed.has(span)) continue;
    fixed.add(span);
    // Every span-syntax problem of a span is on its range: the document's problems say which it has.
    const messages = new Set(doc.problems.filter((problem) => problem.code === 'span-syntax' && sameRange(problem.range, range)).map((problem) => problem.message));
    const related = spanDiagnostics.filter((other) => sameRange(offsetRange(doc, other.range), range));
    const tokens = blockTokens(doc.text, span.attributesRange);
    if (messages.has('twoKinds')) actions.push(...keepOneKind(doc, tokens, related, locale));
    if (messages.has('repeatedAttribute') || messages.has('secondEntity')) {
      for (const token of repeats(tokens)) actions.push(removeAction(doc, token.range, related, locale));
    }
  }
  return actions;
};

/** "Keep “claim”" for each kind keyword written: the others go. */
function keepOneKind(doc: IsnadDocument, tokens: readonly AttributeToken[], diagnostics: readonly Diagnostic[], locale: Locale): CodeAction[] {
  const keywords = tokens.filter((token) => token.key === undefined && !token.quoted && KIND_KEYWORDS.has(token.value));
  const words = [...new Set(keywords.map((token) => token.value))];
  return words.map((word) => {
    const others = keywords.filter((token) => token.value !== word || token !== keywords.find((first) => first.value === word));
    return codeAction(doc, localize(locale, 'actionKeepKind', [word]), CodeActionKind.QuickFix, withoutOverlaps(others.map((token) => removal(doc, token.range))), { diagnostics });
  });
}

/** The tokens the parser ignores: a key given again (in either language), a second `@ID`. */
function repeats(tokens: readonly AttributeToken[]): AttributeToken[] {
  const seen = new Set<string>();
  return tokens.filter((token) => {
    const attribute = token.key === undefined ? (!token.quoted && token.value.startsWith('@') ? '@' : undefined) : ATTRIBUTE_KEYS.get(token.key);
    if (attribute === undefined) return false;
    if (seen.has(attribute)) return true;
    seen.add(attribute);
    return false;
  });
}

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

function removeAction(doc: IsnadDocument, token: TextRange, diagnostics: readonly Diagnostic[], locale: Locale): CodeAction {
  const title = localize(locale, 'actionRemoveAttribute', [doc.text.slice(token.start, token.end)]);
  return codeAction(doc, title, CodeActionKind.QuickFix, [removal(doc, token)], { diagnostics });
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
