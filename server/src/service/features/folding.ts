// Folding ranges: the front matter, each section (its heading through its last line),
// comments and spans that run over more than one line.
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { IsnadDocument, TextRange } from '../model';

export function computeFoldingRanges(doc: IsnadDocument): FoldingRange[] {
  const front = doc.frontMatter ? [lines(doc, doc.frontMatter.range)] : [];
  const sections = doc.sections.map((section) => lines(doc, section.range));
  const comments = doc.comments.map((comment) => lines(doc, comment, FoldingRangeKind.Comment));
  const spans = doc.spans.map((span) => lines(doc, span.range));
  const sorted = [...front, ...sections, ...comments, ...spans]
    .filter((range) => range.endLine > range.startLine)
    .sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  return wellNested(sorted);
}

/**
 * Drops each range that starts inside an earlier one and ends after it (a span ending on the line
 * where a comment starts): editors want ranges nested or apart, and VS Code would drop it anyway.
 */
function wellNested(sorted: readonly FoldingRange[]): FoldingRange[] {
  const kept: FoldingRange[] = [];
  const open: FoldingRange[] = [];
  for (const range of sorted) {
    while (open.length && open[open.length - 1].endLine < range.startLine) open.pop();
    if (open.length && open[open.length - 1].endLine < range.endLine) continue;
    kept.push(range);
    open.push(range);
  }
  return kept;
}

/** The lines a range covers; its last character, not its end, decides the last line. */
function lines(doc: IsnadDocument, range: TextRange, kind?: FoldingRangeKind): FoldingRange {
  const startLine = doc.lines.lineAt(range.start);
  const endLine = doc.lines.lineAt(Math.max(range.start, range.end - 1));
  return kind ? { startLine, endLine, kind } : { startLine, endLine };
}
