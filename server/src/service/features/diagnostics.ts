// Every diagnostic of FORMAT.md §5: the parser's problems plus the ones that need ids resolved.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import type { Entity, IdReference, IsnadDocument, Source, TextRange } from '../model';
import type { LineIndex } from '../lineIndex';
import { problem, type Problem, type Severity } from '../problems';
import { localize, type Locale, type MessageKey } from '../l10n';
import { findEntity, findSource, isStatement } from '../resolve';
import { anyContains } from '../ranges';
import { LONE_SURROGATE, SURROGATE } from '../wellFormed';
import { attributionHintProblems, type HintOptions } from './attributionHints';

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

export function computeProblems(doc: IsnadDocument, options: DiagnosticsOptions = DEFAULT_DIAGNOSTICS_OPTIONS): Problem[] {
  return doc.problems
    .concat(spanProblems(doc, options), referenceProblems(doc), unusedDefinitions(doc), bidiControls(doc), loneSurrogates(doc), attributionHintProblems(doc, options))
    .sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
}

function spanProblems(doc: IsnadDocument, options: DiagnosticsOptions): Problem[] {
  const problems: Problem[] = emptySpans(doc);
  for (const span of doc.spans) {
    if (!isStatement(span) || span.attributedBy !== undefined) continue;
    if (span.kind === 'quote') problems.push(problem('unattributed-quote', span.range, 'unattributedQuote'));
    else if (options.unattributedClaims !== 'off') {
      problems.push(problem('unattributed-claim', span.range, 'unattributedClaim', [], options.unattributedClaims));
    }
  }
  return problems;
}

export function emptySpans(doc: IsnadDocument): Problem[] {
  return doc.spans
    .filter((span) => !doc.text.slice(span.contentRange.start, span.contentRange.end).trim())
    .map((span) => problem('empty-span', span.range, 'emptySpan'));
}

function referenceProblems(doc: IsnadDocument): Problem[] {
  const problems: Problem[] = [];
  for (const span of doc.spans) {
    if (span.by && !findSource(doc, span.by.id) && !findEntity(doc, span.by.id)) {
      problems.push(problem('unknown-source', span.by.range, doc.registry ? 'unknownSourceShared' : 'unknownSource', [span.by.id]));
    }
    if (span.entity) unknownEntity(doc, span.entity, problems);
    for (const reference of span.about) unknownEntity(doc, reference, problems);
  }
  for (const source of doc.frontMatter?.sources.values() ?? []) {
    if (source.entity) unknownEntity(doc, source.entity, problems);
  }
  return problems;
}

function unknownEntity(doc: IsnadDocument, reference: IdReference, problems: Problem[]): void {
  if (!findEntity(doc, reference.id)) {
    problems.push(problem('unknown-entity', reference.range, doc.registry ? 'unknownEntityShared' : 'unknownEntity', [reference.id]));
  }
}

/** The ids spans refer to; an id that names both a source and an entity is used when either is. */
export function usedIds(doc: IsnadDocument): Set<string> {
  const used = new Set<string>();
  for (const span of doc.spans) {
    if (span.by) used.add(span.by.id);
    if (span.entity) used.add(span.entity.id);
    for (const reference of span.about) used.add(reference.id);
  }
  return used;
}

export function unusedDefinitions(doc: IsnadDocument): Problem[] {
  if (!doc.frontMatter) return [];
  return unusedProblems(doc.frontMatter, usedIds(doc), 'unusedSource', 'unusedEntity');
}

/** `unused-definition` for each source and entity whose id is not in `used`, on its key. */
export function unusedProblems(
  definitions: Definitions,
  used: ReadonlySet<string>,
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
  if (doc.frontMatter) ranges.push(...definitionIdRanges(doc.frontMatter));
  return ranges.sort((a, b) => a.start - b.start);
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

/** In any file (an article or a registry); `idRanges` (sorted) is only asked for when the text holds a control character at all. */
export function bidiControlsIn(text: string, idRanges: () => TextRange[]): Problem[] {
  const problems: Problem[] = [];
  let ranges: TextRange[] | undefined;
  for (const match of text.matchAll(BIDI_CONTROL)) {
    ranges ??= idRanges();
    const offset = match.index;
    const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    const range = { start: offset, end: offset + 1 };
    if (anyContains(ranges, offset)) problems.push(problem('bidi-control', range, 'bidiControlId', [code], 'error'));
    else problems.push(problem('bidi-control', range, 'bidiControlText', [code]));
  }
  return problems;
}

/** Unpaired surrogates are no character at all: UTF-8 cannot hold them, so every export writes U+FFFD instead. */
function loneSurrogates(doc: IsnadDocument): Problem[] {
  if (!SURROGATE.test(doc.text)) return [];
  return Array.from(doc.text.matchAll(LONE_SURROGATE), (match) =>
    problem('invalid-character', { start: match.index, end: match.index + 1 }, 'loneSurrogate', [match[0].charCodeAt(0).toString(16).toUpperCase()]),
  );
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
