// What must hold of the language service on any text: every feature returns, every range it
// returns lies inside the document with its start before its end, and every export parses and
// quotes the clean text exactly. Shared by the fast-check properties and the mutation fuzzer.
import * as assert from 'node:assert/strict';
import type { IsnadDocument } from '../../server/src/service/model';
import { parseIsnad } from '../../server/src/service/parse/document';
import { computeDiagnostics } from '../../server/src/service/features/diagnostics';
import { computeDecorations } from '../../server/src/service/features/decorations';
import { computeReadingView } from '../../server/src/service/features/readingView';
import { statementAt } from '../../server/src/service/features/statementAt';
import { computeDocumentSymbols } from '../../server/src/service/features/symbols';
import { computeHover } from '../../server/src/service/features/hover';
import { computeFoldingRanges } from '../../server/src/service/features/folding';
import { EXPORT_FORMATS, exportDocument } from '../../server/src/service/export/index';
import { annotationsOf } from '../../server/src/service/export/annotations';
import { cleanTextOf } from '../../server/src/service/export/cleanText';

/** Everything the service computes for a document, each result checked for ranges. */
export function runAllFeatures(text: string, at: readonly number[] = []): void {
  const doc = parseIsnad(text);
  // The front matter's data is the user's YAML, whose { start, end } mappings are not ranges.
  const frontMatter = doc.frontMatter && { ...doc.frontMatter, data: undefined, meta: undefined };
  assertRangesInside(doc, { ...doc, text: undefined, lines: undefined, frontMatter }, 'model');
  assertRangesInside(doc, computeDiagnostics(doc, 'en'), 'diagnostics');
  assertRangesInside(doc, computeDiagnostics(doc, 'ar', { unattributedClaims: 'off', possibleAttribution: false, vagueSource: true }), 'diagnostics (ar)');
  assertSpanKindsKnown(doc);
  assertRangesInside(doc, computeDocumentSymbols(doc, 'en'), 'symbols');
  assertFoldingInside(doc);
  assertRangesInside(doc, computeDecorations(doc), 'decorations');
  assertRangesInside(doc, computeReadingView(doc), 'reading view');
  for (const fraction of at) {
    const offset = Math.round(fraction * text.length);
    assertRangesInside(doc, statementAt(doc, offset), `statement at ${offset}`);
    assertRangesInside(doc, computeHover(doc, offset, 'ar'), `hover at ${offset}`);
  }
  assertExportsQuoteTheCleanText(doc);
}

const SPAN_KINDS: readonly string[] = ['claim', 'quote', 'mention', 'note', 'invalid'];

function assertSpanKindsKnown(doc: IsnadDocument): void {
  for (const span of doc.spans) assert.ok(SPAN_KINDS.includes(span.kind), `span ${span.index} has kind ${String(span.kind)}`);
}

function assertFoldingInside(doc: IsnadDocument): void {
  for (const { startLine, endLine } of computeFoldingRanges(doc)) {
    assert.ok(0 <= startLine && startLine <= endLine && endLine < doc.lines.lineCount, `folding ${startLine}–${endLine}`);
  }
}

/** Every export is produced, the JSON ones parse, and each annotation quotes exactly cleanText[start:end] by code points. */
function assertExportsQuoteTheCleanText(doc: IsnadDocument): void {
  for (const format of EXPORT_FORMATS) {
    const exported = exportDocument(doc, format);
    if (format === 'w3c') JSON.parse(exported);
    if (format === 'jsonl') for (const line of exported.split('\n').filter(Boolean)) JSON.parse(line);
  }
  const codePoints = Array.from(cleanTextOf(doc).text);
  for (const record of annotationsOf(doc).records) {
    assert.ok(0 <= record.start && record.start <= record.end && record.end <= codePoints.length, `annotation ${record.id}: ${record.start}–${record.end}`);
    assert.equal(record.exact, codePoints.slice(record.start, record.end).join(''), `annotation ${record.id} quotes its text`);
  }
}

/**
 * Walks a result and checks every range in it: `{ start, end }` offsets (the model) and
 * `{ start: Position, end: Position }` (LSP), wherever they are nested.
 */
export function assertRangesInside(doc: IsnadDocument, value: unknown, where: string): void {
  const seen = new Set<object>();
  const visit = (node: unknown, at: string): void => {
    if (typeof node !== 'object' || node === null || seen.has(node)) return;
    seen.add(node);
    const { start, end } = node as { start?: unknown; end?: unknown };
    if (typeof start === 'number' && typeof end === 'number') {
      assert.ok(0 <= start && start <= end && end <= doc.text.length, `${at}: offsets ${start}–${end} outside 0–${doc.text.length}`);
    } else if (isPosition(start) && isPosition(end)) {
      assertPositionInside(doc, start, at);
      assertPositionInside(doc, end, at);
      assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `${at}: range ends before it starts`);
    }
    for (const [key, child] of node instanceof Map ? node.entries() : Object.entries(node)) visit(child, `${at}.${String(key)}`);
  };
  visit(value, where);
}

function isPosition(value: unknown): value is { line: number; character: number } {
  return typeof value === 'object' && value !== null && typeof (value as { line?: unknown }).line === 'number';
}

function assertPositionInside(doc: IsnadDocument, position: { line: number; character: number }, at: string): void {
  const { line, character } = position;
  assert.ok(line >= 0 && line < doc.lines.lineCount, `${at}: line ${line} outside 0–${doc.lines.lineCount - 1}`);
  const length = doc.lines.lineContentEnd(line) - doc.lines.lineStart(line);
  assert.ok(character >= 0 && character <= length, `${at}: line ${line} character ${character} outside 0–${length}`);
}
