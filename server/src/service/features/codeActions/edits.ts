// What every code action is made of: edits in document offsets, turned into one LSP workspace edit
// for the document's version (an edit computed for one version never lands on another).
import { TextDocumentEdit, TextEdit, type CodeAction, type CodeActionKind, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { IsnadDocument, TextRange } from '../../model';
import type { DiagnosticCode } from '../../problems';

export interface OffsetEdit {
  readonly range: TextRange;
  readonly newText: string;
}

export function insertion(at: number, newText: string): OffsetEdit {
  return { range: { start: at, end: at }, newText };
}

export function deletion(range: TextRange): OffsetEdit {
  return { range, newText: '' };
}

export interface ActionOptions {
  /** The diagnostics the action fixes. */
  readonly diagnostics?: readonly Diagnostic[];
  /** The obvious best fix, applied by "Auto Fix" without asking. */
  readonly isPreferred?: boolean;
}

/** A code action whose edits (in document order, not overlapping) apply as one step. */
export function codeAction(doc: IsnadDocument, title: string, kind: CodeActionKind, edits: readonly OffsetEdit[], options: ActionOptions = {}): CodeAction {
  const textEdits = edits.map(({ range, newText }) => TextEdit.replace(doc.lines.rangeOf(range), newText));
  return {
    title,
    kind,
    ...(options.diagnostics ? { diagnostics: [...options.diagnostics] } : {}),
    ...(options.isPreferred ? { isPreferred: true } : {}),
    edit: { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, textEdits)] },
  };
}

/** The editor's Isnad diagnostics with one of `codes`. */
export function isnadDiagnostics(diagnostics: readonly Diagnostic[], codes: readonly DiagnosticCode[]): Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.source === 'isnad' && codes.includes(diagnostic.code as DiagnosticCode));
}

export function offsetRange(doc: IsnadDocument, range: Range): TextRange {
  return { start: doc.lines.offsetAt(range.start), end: doc.lines.offsetAt(range.end) };
}

export function sameRange(a: TextRange, b: TextRange): boolean {
  return a.start === b.start && a.end === b.end;
}

/** The edits in document order, leaving out any that overlaps one kept before it (a removed span may hold a removed character). */
export function withoutOverlaps(edits: readonly OffsetEdit[]): OffsetEdit[] {
  const kept: OffsetEdit[] = [];
  for (const edit of [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end)) {
    const previous = kept.at(-1);
    if (previous && edit.range.start < previous.range.end) continue;
    kept.push(edit);
  }
  return kept;
}
