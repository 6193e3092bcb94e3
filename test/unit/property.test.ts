// Totality of the language service: whatever the text, every feature returns, and every range
// it returns lies inside the document with its start before its end. ISNAD_FUZZ_RUNS raises
// the number of runs per property for a longer hunt.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
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

const RUNS = Number(process.env.ISNAD_FUZZ_RUNS) || 300;

/** Pieces of the markup in both languages, so random strings hit the parser's interesting paths. */
const MARKUP_PIECES = [
  '[', ']', '{', '}', '\\', '#', '# ', '"', '=', '@', '<', '!', '-', '>', '<!--', '-->', '---', '...',
  '\n', '\r', '\r\n', ' ', '\t', ',', '،', ':', 'x', 'ب', '😀', '\u0301',
  '\u202E', '\u2067', '\u200F', '\uFEFF', '\uD800',
  'claim', 'quote', 'by=', 'status=', 'about=', 'note=', 'id=', 'supported', '@x', 'by=x',
  'ادعاء', 'اقتباس', 'قائل=', 'حالة=', 'عن=', 'ملاحظة=', '@كيان', 'قائل=كيان',
  'constructor', '__proto__', 'toString=', '@constructor',
  'sources:', 'entities:', '  x:', '  كيان:', '    name: ', '    entity: ', 'name: X', '&a ', '*a', '- ',
];

const FRONT_MATTERS = [
  '',
  '---\n---\n',
  '---\nsources:\n  x:\n    name: X\n    entity: x\nentities:\n  x: X\n  كيان:\n    name: ك\n---\n',
  '---\r\ntitle: t\r\nsources:\n  x: {name: X}\n  x: {kind: nobody}\n...\r\n',
  '---\nentities: [\n---\n',
  '---\nunclosed: true\n',
];

const markupString = fc.string({ unit: fc.constantFrom(...MARKUP_PIECES), maxLength: 200 });
const utf16String = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 200 });

const documents = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  utf16String,
  markupString,
  fc.tuple(fc.constantFrom(...FRONT_MATTERS), markupString).map(([front, body]) => front + body),
  fc.tuple(markupString, markupString).map(([yaml, body]) => `---\n${yaml}\n---\n${body}`),
);

/** Every sample, plus inline ones so the edits have something to work on before samples exist. */
const SAMPLES = [...readSamples(), ...FRONT_MATTERS.slice(1).map((front) => `${front}# T\n\n[a [b]{@x} c]{claim by=x} <!-- n -->\n`)];

function readSamples(): string[] {
  const folder = path.resolve(__dirname, '../../samples');
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.isnad.md'))
    .sort()
    .map((name) => fs.readFileSync(path.join(folder, name), 'utf8'));
}

type Edit = { readonly at: number; readonly remove: number; readonly insert: string };

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.nat(3), fc.nat(400)),
  insert: fc.oneof(fc.constant(''), markupString, fc.string({ unit: 'binary', maxLength: 8 })),
});

/** Inserts, deletes or replaces (a deletion plus an insertion) at a fraction of the text's length. */
function applyEdits(text: string, edits: readonly Edit[]): string {
  return edits.reduce((current, { at, remove, insert }) => {
    const start = Math.floor(at * current.length);
    return current.slice(0, start) + insert + current.slice(start + remove);
  }, text);
}

const editedSamples = fc.tuple(fc.constantFrom(...SAMPLES), fc.array(edit, { minLength: 1, maxLength: 6 })).map(([text, edits]) => applyEdits(text, edits));

/** Where to probe position-based features: fractions of the document's length. */
const probes = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 });

/** Everything the service computes for a document, each result checked for ranges. */
function runAllFeatures(text: string, at: readonly number[] = []): void {
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
function assertRangesInside(doc: IsnadDocument, value: unknown, where: string): void {
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

describe('language service on arbitrary input', function () {
  this.timeout(Math.max(20_000, RUNS * 100));

  it('is total on arbitrary strings', () => {
    fc.assert(fc.property(documents, probes, runAllFeatures), { numRuns: RUNS });
  });

  it('is total on random edits of the samples', () => {
    fc.assert(fc.property(editedSamples, probes, runAllFeatures), { numRuns: RUNS });
  });

  // Editors meet these while typing (a held-down key) or in generated files: deep nesting must
  // not overflow the stack, and long runs must not make any feature blow up.
  it('parses and diagnoses deep nesting and long runs of markup in bounded time', () => {
    for (const text of adversarialInputs(50_000)) {
      withinSeconds(5, text, () => {
        const doc = parseIsnad(text);
        assertRangesInside(doc, computeDiagnostics(doc, 'en'), 'diagnostics');
      });
    }
  });

  it('runs every feature on deep nesting and long runs of markup in bounded time', () => {
    for (const text of adversarialInputs(10_000)) withinSeconds(5, text, () => runAllFeatures(text, [0.5]));
  });
});

function adversarialInputs(size: number): string[] {
  return [
    '['.repeat(size),
    `${'['.repeat(size)}x${']{@x}'.repeat(size)}`,
    `${'['.repeat(size)}x${']{claim}'.repeat(size)}`,
    '[x]{claim} '.repeat(size),
    ']{'.repeat(size),
    '{'.repeat(size),
    '<!--'.repeat(size),
    '\\'.repeat(size),
    `[x]{note="${'\\"'.repeat(size)}`,
    '\r'.repeat(size),
    '# '.repeat(size),
  ];
}

/** Counts CPU time, not wall time, so a busy machine does not fail the test. */
function withinSeconds(seconds: number, text: string, work: () => void): void {
  const started = process.cpuUsage();
  work();
  const { user, system } = process.cpuUsage(started);
  const elapsed = (user + system) / 1e6;
  assert.ok(elapsed < seconds, `${JSON.stringify(text.slice(0, 12))}… (${text.length} characters) took ${elapsed.toFixed(1)} s`);
}
