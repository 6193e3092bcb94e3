// Every diagnostic of FORMAT.md §5: the parser's problems plus the ones that need ids resolved.
// The front matter's and the body's are computed apart, and the body's for any stretch of it, so
// that after an edit inside one paragraph only that paragraph's are computed again (problemSet.ts).
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import type { Entity, IdReference, IsnadDocument, Source, Span, TextRange } from '../model';
import type { LineIndex } from '../lineIndex';
import { problem, type Problem, type Severity } from '../problems';
import { localize, type Locale, type MessageKey } from '../l10n';
import { findEntity, findSource, isStatement } from '../resolve';
import { anyContains, firstStartingAtOrAfter } from '../ranges';
import { LONE_SURROGATE, SURROGATE } from '../wellFormed';
import { attributionHintProblems, type HintOptions } from './attributionHints';
import { isWhiteSpaceOrLineTerminator } from '../parse/chars';
import { pushAll } from '../arrays';

/** A front matter's or a registry's sources and entities. */
interface Definitions {
  readonly sources: ReadonlyMap<string, Source>;
  readonly entities: ReadonlyMap<string, Entity>;
}

export type UnattributedClaimsSetting = Severity | 'off';

export interface DiagnosticsOptions extends HintOptions {
  readonly unattributedClaims: UnattributedClaimsSetting;
}

export const DEFAULT_DIAGNOSTICS_OPTIONS: DiagnosticsOptions = { unattributedClaims: 'warning', possibleAttribution: true, vagueSource: true };

const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/g;
/** A bidi control or a surrogate: what `unsafeCharacters` looks at more closely. */
const BIDI_CONTROL_OR_SURROGATE = /[\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/;

/** The ids of a document's spans: a set, or a count of references per id. */
type UsedIds = ReadonlySet<string> | ReadonlyMap<string, number>;

export function computeProblems(doc: IsnadDocument, options: DiagnosticsOptions = DEFAULT_DIAGNOSTICS_OPTIONS): Problem[] {
  const parsed = doc.problems.filter((item) => item.range.start >= doc.bodyStart);
  const body = bodyProblems(doc, options, doc.spans, parsed, { start: doc.bodyStart, end: doc.text.length });
  return frontMatterProblems(doc, usedDefinitionIds(doc)).concat(withHints(body, attributionHintProblems(doc, options)));
}

/**
 * The front matter's ids that spans refer to: all `frontMatterProblems` asks about. The walk over
 * the spans ends once every one is found, as it is early in most articles.
 */
function usedDefinitionIds(doc: IsnadDocument): Set<string> {
  const used = new Set<string>();
  if (!doc.frontMatter) return used;
  const unfound = new Set<string>();
  for (const source of doc.frontMatter.sources.values()) unfound.add(source.id);
  for (const entity of doc.frontMatter.entities.values()) unfound.add(entity.id);
  const found = (id: string) => {
    if (unfound.delete(id)) used.add(id);
  };
  for (const span of doc.spans) {
    if (unfound.size === 0) break;
    forEachReferencedId(span, found);
  }
  return used;
}

/**
 * The body's problems and the attribution hints, both sorted, in one sorted list; the hints come
 * after the problems with the same range (they are the last kind `computeProblems` lists).
 */
export function withHints(body: readonly Problem[], hints: readonly Problem[]): readonly Problem[] {
  if (hints.length === 0) return body;
  const sorted = sortProblems([...hints]);
  const merged: Problem[] = [];
  let next = 0;
  for (const item of body) {
    while (next < sorted.length && compareRanges(sorted[next], item) < 0) merged.push(sorted[next++]);
    merged.push(item);
  }
  return merged.concat(sorted.slice(next));
}

/**
 * The problems before the body, in document order: the front matter's own, unknown entities its
 * sources link to, definitions no span in `used` refers to, bidi controls and lone surrogates.
 */
export function frontMatterProblems(doc: IsnadDocument, used: UsedIds): Problem[] {
  const problems = doc.problems.filter((item) => item.range.start < doc.bodyStart);
  for (const source of doc.frontMatter?.sources.values() ?? []) {
    if (source.entity) unknownEntity(doc, source.entity, problems);
  }
  const stretch = { start: 0, end: doc.bodyStart };
  const idRanges = () => (doc.frontMatter ? definitionIdRanges(doc.frontMatter).sort(byStart) : []);
  return sortProblems(problems.concat(unusedDefinitions(doc, used), unsafeCharacters(doc.text, idRanges, stretch)));
}

/**
 * The problems of a stretch of the body (the whole body, or one paragraph): `parsed` (the
 * parser's), then those of `spans`, the spans in it, in document order.
 */
export function bodyProblems(doc: IsnadDocument, options: DiagnosticsOptions, spans: readonly Span[], parsed: readonly Problem[], stretch: TextRange): Problem[] {
  // An enclosing span's attribute block comes after its children's.
  const idRanges = () => spans.map((span) => span.attributesRange).sort(byStart);
  const problems = parsed.concat(spanProblems(doc, options, spans), unsafeCharacters(doc.text, idRanges, stretch));
  return sortProblems(problems);
}

function compareRanges(a: Problem, b: Problem): number {
  return a.range.start - b.range.start || a.range.end - b.range.end;
}

function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort(compareRanges);
}

const byStart = (a: TextRange, b: TextRange) => a.start - b.start;

/** Each span's own problems and its references': one pass, as reading thousands of spans costs more than checking them. */
function spanProblems(doc: IsnadDocument, options: DiagnosticsOptions, spans: readonly Span[]): Problem[] {
  const problems: Problem[] = [];
  for (const span of spans) {
    if (isEmpty(doc, span)) problems.push(problem('empty-span', span.range, 'emptySpan'));
    if (isStatement(span) && span.attributedBy === undefined) {
      if (span.kind === 'quote') problems.push(problem('unattributed-quote', span.range, 'unattributedQuote'));
      else if (options.unattributedClaims !== 'off') {
        problems.push(problem('unattributed-claim', span.range, 'unattributedClaim', [], options.unattributedClaims));
      }
    }
    referenceProblems(doc, span, problems);
  }
  return problems;
}

function isEmpty(doc: IsnadDocument, span: Span): boolean {
  return isBlank(doc, span.contentRange);
}

/**
 * Whether the text in `range` is empty or only white space (as `trim` sees it) and comments,
 * which count for nothing (FORMAT.md §3), without copying it; `ignorable` may count more characters as white space.
 */
export function isBlank(doc: IsnadDocument, range: TextRange, ignorable: (code: number) => boolean = isWhiteSpaceOrLineTerminator): boolean {
  const { text, comments } = doc;
  for (let i = range.start; i < range.end; i++) {
    if (ignorable(text.charCodeAt(i))) continue;
    const comment = comments[firstStartingAtOrAfter(comments, i, startOf)];
    if (comment?.start !== i) return false;
    i = comment.end - 1;
  }
  return true;
}

const startOf = (range: TextRange) => range.start;

function referenceProblems(doc: IsnadDocument, span: Span, problems: Problem[]): void {
  // `by=` or `@` with nothing after it: its range is the token, which the message quotes.
  if (span.by?.id === '') problems.push(problem('unknown-source', span.by.range, 'emptySourceId', [textOf(doc, span.by.range)]));
  else if (span.by && !findSource(doc, span.by.id) && !findEntity(doc, span.by.id)) {
    problems.push(problem('unknown-source', span.by.range, doc.registry ? 'unknownSourceShared' : 'unknownSource', [span.by.id]));
  }
  if (span.entity?.id === '') problems.push(problem('unknown-entity', span.entity.range, 'emptyEntityId', [textOf(doc, span.entity.range)]));
  else if (span.entity) unknownEntity(doc, span.entity, problems);
  for (const reference of span.about) unknownEntity(doc, reference, problems);
}

function textOf(doc: IsnadDocument, range: TextRange): string {
  return doc.text.slice(range.start, range.end);
}

function unknownEntity(doc: IsnadDocument, reference: IdReference, problems: Problem[]): void {
  if (!findEntity(doc, reference.id)) {
    problems.push(problem('unknown-entity', reference.range, doc.registry ? 'unknownEntityShared' : 'unknownEntity', [reference.id]));
  }
}

/** The ids spans (those of `spans`, by default all) refer to; an id that names both a source and an entity is used when either is. */
export function usedIds(doc: IsnadDocument, spans: readonly Span[] = doc.spans): Set<string> {
  const used = new Set<string>();
  for (const span of spans) forEachReferencedId(span, (id) => used.add(id));
  return used;
}

/** Calls `use` with each id the span refers to, once per reference. */
export function forEachReferencedId(span: Span, use: (id: string) => void): void {
  if (span.by) use(span.by.id);
  if (span.entity) use(span.entity.id);
  for (const reference of span.about) use(reference.id);
}

export function unusedDefinitions(doc: IsnadDocument, used: UsedIds = usedIds(doc)): Problem[] {
  if (!doc.frontMatter) return [];
  return unusedProblems(doc.frontMatter, used, 'unusedSource', 'unusedEntity');
}

/** `unused-definition` for each source and entity whose id is not in `used`, on its key. */
export function unusedProblems(
  definitions: Definitions,
  used: UsedIds,
  sourceMessage: 'unusedSource' | 'unusedSharedSource',
  entityMessage: 'unusedEntity' | 'unusedSharedEntity',
): Problem[] {
  const problems: Problem[] = [];
  const unused = (range: TextRange, message: MessageKey, id: string) =>
    problems.push({ ...problem('unused-definition', range, message, [id]), unnecessary: true });
  for (const source of definitions.sources.values()) if (!used.has(source.id)) unused(source.keyRange, sourceMessage, source.id);
  for (const entity of definitions.entities.values()) if (!used.has(entity.id)) unused(entity.keyRange, entityMessage, entity.id);
  return problems;
}

/** Ranges where a bidi control is an error: ids and attribute blocks (Trojan Source). */
function idRanges(doc: IsnadDocument): TextRange[] {
  const ranges: TextRange[] = doc.spans.map((span) => span.attributesRange);
  if (doc.frontMatter) pushAll(ranges, definitionIdRanges(doc.frontMatter));
  return ranges.sort(byStart);
}

/** The ids written in `sources:` and `entities:`: each key and each source's `entity:`. */
export function definitionIdRanges(definitions: Definitions): TextRange[] {
  const ranges: TextRange[] = [];
  for (const source of definitions.sources.values()) {
    ranges.push(source.keyRange);
    if (source.entity) ranges.push(source.entity.range);
  }
  for (const entity of definitions.entities.values()) ranges.push(entity.keyRange);
  return ranges;
}

export function bidiControls(doc: IsnadDocument): Problem[] {
  return bidiControlsIn(doc.text, () => idRanges(doc));
}

/**
 * In any file (an article or a registry), or in a stretch of it; `idRanges` (sorted) is only
 * asked for when the text holds a control character at all.
 */
export function bidiControlsIn(text: string, idRanges: () => TextRange[], stretch: TextRange = { start: 0, end: text.length }): Problem[] {
  const problems: Problem[] = [];
  let ranges: TextRange[] | undefined;
  for (const match of text.slice(stretch.start, stretch.end).matchAll(BIDI_CONTROL)) {
    ranges ??= idRanges();
    const offset = stretch.start + match.index;
    const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    const range = { start: offset, end: offset + 1 };
    if (anyContains(ranges, offset)) problems.push(problem('bidi-control', range, 'bidiControlId', [code], 'error'));
    else problems.push(problem('bidi-control', range, 'bidiControlText', [code]));
  }
  return problems;
}

/**
 * Bidi controls and unpaired surrogates in a stretch (which starts and ends at line breaks, so no
 * pair is cut). Nearly every text holds neither: one search over the stretch for either settles
 * that; the two closer looks start where it found one. The search stops at the stretch's end
 * (a slice shares the text's characters, no copy): the front matter's must not read the body,
 * nor a paragraph's the rest of the document.
 */
function unsafeCharacters(text: string, idRanges: () => TextRange[], stretch: TextRange): Problem[] {
  const first = text.slice(stretch.start, stretch.end).search(BIDI_CONTROL_OR_SURROGATE);
  if (first < 0) return [];
  const rest = { start: stretch.start + first, end: stretch.end };
  return bidiControlsIn(text, idRanges, rest).concat(loneSurrogatesIn(text, rest));
}

/**
 * The unpaired surrogates outside ids (attribute blocks, definitions' keys and `entity:`): one
 * removed there changes no id, where `putin\uDC00` (shown as `putin�`) would become `putin`.
 */
export function loneSurrogatesOutsideIds(doc: IsnadDocument): Problem[] {
  const problems = loneSurrogatesIn(doc.text, { start: 0, end: doc.text.length });
  if (problems.length === 0) return problems;
  const ranges = idRanges(doc);
  return problems.filter((problem) => !anyContains(ranges, problem.range.start));
}

/**
 * Unpaired surrogates in a stretch that starts and ends where no pair is cut: they are no
 * character at all; UTF-8 cannot hold them, so every export writes U+FFFD instead.
 */
function loneSurrogatesIn(text: string, stretch: TextRange): Problem[] {
  const part = text.slice(stretch.start, stretch.end);
  if (!SURROGATE.test(part)) return [];
  return Array.from(part.matchAll(LONE_SURROGATE), (match) => {
    const offset = stretch.start + match.index;
    return problem('invalid-character', { start: offset, end: offset + 1 }, 'loneSurrogate', [match[0].charCodeAt(0).toString(16).toUpperCase()]);
  });
}

const LSP_SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(doc: IsnadDocument, item: Problem, locale: Locale): Diagnostic {
  return problemToDiagnostic(doc.lines, item, locale);
}

/** A problem of any file (an article or a registry) as an LSP diagnostic. */
export function problemToDiagnostic(lines: LineIndex, item: Problem, locale: Locale): Diagnostic {
  return {
    range: lines.rangeOf(item.range),
    severity: LSP_SEVERITY[item.severity],
    code: item.code,
    source: 'isnad',
    message: localize(locale, item.message, item.args),
    ...(item.unnecessary ? { tags: [DiagnosticTag.Unnecessary] } : {}),
  };
}

export function computeDiagnostics(doc: IsnadDocument, locale: Locale, options?: DiagnosticsOptions): Diagnostic[] {
  return computeProblems(doc, options).map((item) => toDiagnostic(doc, item, locale));
}
