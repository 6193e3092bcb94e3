// Totality of the language service: whatever the text, every feature returns, and every range
// it returns lies inside the document with its start before its end. ISNAD_FUZZ_RUNS raises
// the number of runs per property for a longer hunt.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseIsnad } from '../../server/src/service/parse/document';
import { computeDiagnostics } from '../../server/src/service/features/diagnostics';
import { assertRangesInside, runAllFeatures } from '../fuzz/invariants';

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
