// The fixes that cannot change what the article says or whom it credits, so they may be applied
// to every problem of their code at once: removing a hidden bidirectional control character, an
// unpaired surrogate (half a character, which no file can store; all at once only outside ids),
// an empty span, or a definition no span uses (unless a source still names it as its `entity:`).
import { CodeActionKind, type CodeAction } from 'vscode-languageserver-types';
import type { IsnadDocument, Span, TextRange } from '../../model';
import { localize, type Locale } from '../../l10n';
import { bidiControls, isBlank, loneSurrogatesOutsideIds, unusedDefinitions, usedIds } from '../diagnostics';
import { SURROGATE, isLoneSurrogate } from '../../wellFormed';
import { isBidiControl, isWhiteSpaceOrLineTerminator } from '../../parse/chars';
import { pushAll } from '../../arrays';
import type { CodeActionProvider } from './provider';
import { codeAction, deletion, isnadDiagnostics, offsetRange, sameRange, withoutOverlaps, type OffsetEdit } from './edits';
import { anchorsAliasedOutside, removeEntry } from './frontMatterEdits';

export const SAFE_CODES = ['bidi-control', 'invalid-character', 'empty-span', 'unused-definition'] as const;
export type SafeCode = (typeof SAFE_CODES)[number];

interface SafeFix {
  readonly title: string;
  readonly edit: OffsetEdit;
}

/** One quick fix per diagnostic, and "Fix all" for a code the document has more than one problem of. */
export const safeFixes: CodeActionProvider = (doc, _range, diagnostics, locale) => {
  const actions: CodeAction[] = [];
  const codes = new Set<SafeCode>();
  for (const diagnostic of isnadDiagnostics(diagnostics, SAFE_CODES)) {
    const code = diagnostic.code as SafeCode;
    const fix = safeFix(doc, code, offsetRange(doc, diagnostic.range), locale);
    if (!fix) continue;
    codes.add(code);
    // Removing a definition is the only fix offered, not the obvious one: the author may be about to use it.
    actions.push(codeAction(doc, fix.title, CodeActionKind.QuickFix, [fix.edit], { diagnostics: [diagnostic], isPreferred: code !== 'unused-definition' }));
  }
  for (const code of codes) {
    const edits = fixAllEdits(doc, [code], locale);
    if (edits.length < 2) continue;
    const title = localize(locale, 'actionFixAllOfCode', [code]);
    actions.push(codeAction(doc, title, CodeActionKind.QuickFix, edits, { diagnostics: isnadDiagnostics(diagnostics, [code]) }));
  }
  return actions;
};

/**
 * The edits that fix every problem of `codes` in the document, in order and not overlapping.
 * Fixed together, they leave none of their codes behind: a span holding only bidi controls
 * is empty once they go, and an id only removed spans used is then unused.
 */
export function fixAllEdits(doc: IsnadDocument, codes: readonly SafeCode[], locale: Locale): OffsetEdit[] {
  const edits: (OffsetEdit | undefined)[] = [];
  if (codes.includes('bidi-control')) pushAll(edits, bidiControls(doc).map((problem) => safeFix(doc, 'bidi-control', problem.range, locale)?.edit));
  if (codes.includes('invalid-character')) {
    pushAll(edits, loneSurrogatesOutsideIds(doc).map((problem) => safeFix(doc, 'invalid-character', problem.range, locale)?.edit));
  }
  const removed = codes.includes('empty-span') ? emptiedSpans(doc, codes.includes('bidi-control')) : new Set<Span>();
  pushAll(edits, [...removed].map((span) => removeEmptySpan(doc, span)));
  if (codes.includes('unused-definition')) {
    const used = usedIds(doc, removed.size > 0 ? doc.spans.filter((span) => !removed.has(span)) : doc.spans);
    const problems = unusedDefinitions(doc, used);
    // Unused sources go too, so an entity only they name as their `entity:` can go with them.
    const removedSources = new Set(problems.map(({ args }) => args[0]));
    pushAll(edits, problems.map((problem) => removeUnusedDefinition(doc, problem.range, locale, used, removedSources)?.edit));
  }
  return withoutOverlaps(edits.filter((edit) => edit !== undefined));
}

/**
 * The spans that hold no text once the fixes are applied: white space and comments only, with
 * the bidi controls too when they go, and with the spans inside that hold no text either.
 */
function emptiedSpans(doc: IsnadDocument, withoutBidiControls: boolean): Set<Span> {
  const ignorable = withoutBidiControls ? (code: number) => isWhiteSpaceOrLineTerminator(code) || isBidiControl(code) : undefined;
  const emptied = new Set<Span>();
  // A span comes after those that hold it: from the last, the ones inside are known first.
  for (let i = doc.spans.length - 1; i >= 0; i--) {
    const span = doc.spans[i];
    const inside = span.children.map((child) => doc.spans[child]);
    if (!inside.every((child) => emptied.has(child))) continue;
    let at = span.contentRange.start;
    const gaps: TextRange[] = [];
    for (const child of inside) {
      gaps.push({ start: at, end: child.range.start });
      at = child.range.end;
    }
    gaps.push({ start: at, end: span.contentRange.end });
    if (gaps.every((gap) => isBlank(doc, gap, ignorable))) emptied.add(span);
  }
  return emptied;
}

/** The fix of the problem of `code` at `range`; undefined when the document has no such problem there, or fixing it is not safe. */
function safeFix(doc: IsnadDocument, code: SafeCode, range: TextRange, locale: Locale): SafeFix | undefined {
  switch (code) {
    case 'bidi-control': {
      const character = doc.text.slice(range.start, range.end);
      if (character.length !== 1 || !isBidiControl(character.charCodeAt(0))) return undefined;
      const hex = character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      return { title: localize(locale, 'actionRemoveBidiControl', [hex]), edit: deletion(range) };
    }
    case 'invalid-character': {
      // One written as a YAML escape (`\ud800`) is a different problem: the range is the whole string.
      const character = doc.text.slice(range.start, range.end);
      if (character.length !== 1 || !SURROGATE.test(character) || !isLoneSurrogate(doc.text, range.start)) return undefined;
      return { title: localize(locale, 'actionRemoveInvalidCharacter'), edit: deletion(range) };
    }
    case 'empty-span': {
      const span = doc.spans.find((candidate) => sameRange(candidate.range, range));
      if (!span || !isBlank(doc, span.contentRange)) return undefined;
      return { title: localize(locale, 'actionRemoveEmptySpan'), edit: removeEmptySpan(doc, span) };
    }
    case 'unused-definition':
      return removeUnusedDefinition(doc, range, locale, usedIds(doc));
  }
}

/** What may follow a word with no space between: white space, the end, closing punctuation or a span's closing bracket. */
const ENDS_WORD = /^(?:$|[\s.,;:!?،؛؟)\]»”’"'])/;

/**
 * The span goes. Where a space stood before it and nothing that needs one follows, that space
 * goes too; where it stood between two words, white space it held stays as one space.
 */
function removeEmptySpan(doc: IsnadDocument, span: Span): OffsetEdit {
  const { text } = doc;
  const before = text[span.range.start - 1] ?? '';
  const after = text.slice(span.range.end, span.range.end + 1);
  if ((before === ' ' || before === '\t') && ENDS_WORD.test(after)) return deletion({ start: span.range.start - 1, end: span.range.end });
  const heldSpace = /\s/.test(text.slice(span.contentRange.start, span.contentRange.end));
  const keepsWordsApart = heldSpace && before !== '' && !/\s/.test(before) && !ENDS_WORD.test(after);
  return { range: span.range, newText: keepsWordsApart ? ' ' : '' };
}

function removeUnusedDefinition(
  doc: IsnadDocument,
  keyRange: TextRange,
  locale: Locale,
  used: ReadonlySet<string>,
  removedSources: ReadonlySet<string> = new Set(),
): SafeFix | undefined {
  const frontMatter = doc.frontMatter;
  if (!frontMatter) return undefined;
  const definitions = [...frontMatter.sources.values(), ...frontMatter.entities.values()];
  const definition = definitions.find((candidate) => sameRange(candidate.keyRange, keyRange));
  if (!definition || used.has(definition.id)) return undefined;
  const isEntity = frontMatter.entities.get(definition.id) === definition;
  const namedBySource = [...frontMatter.sources.values()].some((source) => source.entity?.id === definition.id && !removedSources.has(source.id));
  if (isEntity && namedBySource) return undefined;
  const edit = removeEntry(doc, definition);
  // An anchor (`&x`) in the entry that an alias (`*x`) elsewhere reads: removing it would break the front matter.
  if (anchorsAliasedOutside(doc, edit.range)) return undefined;
  return { title: localize(locale, 'actionRemoveDefinition', [definition.id]), edit };
}
