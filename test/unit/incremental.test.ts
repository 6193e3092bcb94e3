// Incremental re-parsing must give exactly the model, the problems and the implicit mentions a full
// parse gives: random edit sequences on the samples, compared after every edit. ISNAD_FUZZ_RUNS
// raises the number of sequences.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import type { IsnadDocument, TextRange } from '../../server/src/service/model';
import type { Problem } from '../../server/src/service/problems';
import { parseIsnad } from '../../server/src/service/parse/document';
import { composeEdits, reparse, type TextEdit } from '../../server/src/service/parse/incremental';
import { computeProblems, type DiagnosticsOptions } from '../../server/src/service/features/diagnostics';
import { problemSet, problemsOf, updateProblemSet } from '../../server/src/service/features/problemSet';
import { carryImplicitMentions, implicitMentions } from '../../server/src/service/features/implicitMentions';
import type { ParagraphChange } from '../../server/src/service/parse/incremental';

const RUNS = Number(process.env.ISNAD_FUZZ_RUNS) || 25;
/**
 * With the share of edits that must re-read one paragraph only (each paragraph of the errors sample
 * has a comment, which may run across paragraphs, so edits there parse the whole text), and the
 * share of those that must re-read a paragraph with an attribution hint and one with an implicit
 * mention, before or after the edit: the results kept per paragraph must really be replaced.
 */
const SAMPLES: [name: string, text: () => string, paragraphShare: number, hintShare: number, mentionShare: number][] = [
  ['north-korea-russia.isnad.md', () => sample('north-korea-russia.isnad.md'), 0.25, 0.03, 0.25],
  ['north-korea-russia.isnad.md without its spans', () => withoutSpans(sample('north-korea-russia.isnad.md')), 0.25, 0.08, 0.5],
  ['port-reopening.isnad.md', () => sample('port-reopening.isnad.md'), 0.25, 0, 0],
  ['errors.isnad.md', () => sample('errors.isnad.md'), 0, 0, 0],
];

/** The article as it was before it was annotated: its entities are named in plain text, its statements hold cues outside spans. */
function withoutSpans(text: string): string {
  const bodyStart = text.indexOf('\n---', 4) + 4;
  return text.slice(0, bodyStart) + text.slice(bodyStart).replace(/\]\{[^}]*\}/g, '').replaceAll('[', '');
}

interface Counts {
  edits: number;
  paragraphReparses: number;
  /** Paragraph re-reads where the paragraph had or has a hint, or an implicit mention. */
  withHints: number;
  withMentions: number;
}

const HINT_CODES = new Set(['possible-attribution', 'vague-source']);

function holdsAny(ranges: readonly { start: number; end: number }[], from: number, to: number): boolean {
  return ranges.some((range) => range.start >= from && range.end <= to);
}

/** Typing, markup and the characters that change a paragraph's structure. */
const INSERTIONS = [
  'x', 'ب', ' ', 'كلمة ', 'word ', '[', ']', '{', '}', ']{', '\\', '"', '=', '@', '#', '# ', ',', '،',
  '\n', '\n\n', '\r\n', '\r', '<!--', '-->', '---', '😀', '\u202E',
  'claim', 'by=', '{claim}', ']{claim by=x}', '[a]{@x}', 'note="a b"', 'قائل=', 'ادعاء',
  // Attribution cues, an unnamed source and an entity's alias: hints and implicit mentions come and go.
  'قال ', ' said ', 'مصادر ', 'بوتين ', '.',
];

interface RandomEdit {
  /** Where, as a fraction of a paragraph (most edits) or of the whole text. */
  readonly where: number;
  readonly inParagraph: boolean;
  readonly paragraph: number;
  readonly removed: number;
  readonly inserted: string;
}

const randomEdit: fc.Arbitrary<RandomEdit> = fc.record({
  where: fc.double({ min: 0, max: 1, noNaN: true }),
  inParagraph: fc.nat(9).map((tenth) => tenth < 8),
  paragraph: fc.nat(),
  removed: fc.oneof(fc.constant(0), fc.nat(3), fc.nat(40)),
  inserted: fc.array(fc.constantFrom(...INSERTIONS), { maxLength: 3 }).map((pieces) => pieces.join('')),
});

function locate(doc: IsnadDocument, edit: RandomEdit): TextEdit & { readonly text: string } {
  const paragraphs = doc.blocks.filter((block) => !block.isHeading);
  let low = 0;
  let high = doc.text.length;
  if (edit.inParagraph && paragraphs.length) ({ start: low, end: high } = paragraphs[edit.paragraph % paragraphs.length].range);
  const start = low + Math.floor(edit.where * (high - low));
  const end = Math.min(doc.text.length, start + edit.removed);
  return { start, end, insertedLength: edit.inserted.length, text: edit.inserted };
}

/** Applies the edits one by one, comparing the model, the problems and the implicit mentions with a full parse's after each. */
function replay(sample: string, edits: readonly RandomEdit[], options: DiagnosticsOptions, counts: Counts): void {
  let doc = parseIsnad(sample, 'file:///sample.isnad.md', 1);
  let problems = problemSet(doc, options);
  implicitMentions(doc);
  for (const [step, random] of edits.entries()) {
    const edit = locate(doc, random);
    const text = doc.text.slice(0, edit.start) + edit.text + doc.text.slice(edit.end);
    const version = step + 2;
    const previous = doc;
    const before = { hints: problemsOf(problems).filter((item) => HINT_CODES.has(item.code)).map((item) => item.range), mentions: [...implicitMentions(previous)] };
    const result = reparse(previous, edit, text, version);
    const full = parseIsnad(text, doc.uri, version);
    assert.deepStrictEqual(result.document, full, `model after edit ${step}: ${JSON.stringify(edit)}`);
    doc = result.document;
    counts.edits++;
    if (result.paragraph) {
      problems = updateProblemSet(problems, doc, result.paragraph);
      carryImplicitMentions(previous, doc, result.paragraph);
      count(counts, result.paragraph, before, problemsOf(problems), implicitMentions(doc));
    } else {
      problems = problemSet(doc, options);
    }
    assert.deepStrictEqual(problemsOf(problems), computeProblems(full, options), `problems after edit ${step}: ${JSON.stringify(edit)}`);
    assert.deepStrictEqual(implicitMentions(doc), implicitMentions(full), `implicit mentions after edit ${step}: ${JSON.stringify(edit)}`);
  }
}

/** Counts a paragraph re-read, and whether the paragraph held a hint or a mention before the edit (`before`, in the old offsets) or after. */
function count(counts: Counts, change: ParagraphChange, before: { hints: readonly TextRange[]; mentions: readonly TextRange[] }, problems: readonly Problem[], mentions: readonly TextRange[]): void {
  counts.paragraphReparses++;
  const hints = problems.filter((item) => HINT_CODES.has(item.code)).map((item) => item.range);
  if (holdsAny(before.hints, change.start, change.oldEnd) || holdsAny(hints, change.start, change.newEnd)) counts.withHints++;
  if (holdsAny(before.mentions, change.start, change.oldEnd) || holdsAny(mentions, change.start, change.newEnd)) counts.withMentions++;
}

function sample(name: string): string {
  return fs.readFileSync(path.join(__dirname, '../../samples', name), 'utf8');
}

describe('incremental re-parse', () => {
  for (const [name, sampleText, paragraphShare, hintShare, mentionShare] of SAMPLES) {
    it(`equals a full parse after every edit of random edit sequences on ${name}`, () => {
      const text = sampleText();
      const counts: Counts = { edits: 0, paragraphReparses: 0, withHints: 0, withMentions: 0 };
      fc.assert(
        fc.property(fc.array(randomEdit, { minLength: 1, maxLength: 30 }), fc.constantFrom<DiagnosticsOptions['unattributedClaims']>('warning', 'off'), fc.boolean(), (sequence, unattributedClaims, hints) => {
          replay(text, sequence, { unattributedClaims, possibleAttribution: hints, vagueSource: hints }, counts);
        }),
        { numRuns: RUNS, seed: 8 },
      );
      const { edits, paragraphReparses, withHints, withMentions } = counts;
      // Most edits land inside a paragraph and keep it one: the shortcut must actually be taken.
      assert.ok(paragraphReparses >= edits * paragraphShare, `${paragraphReparses} of ${edits} edits re-read one paragraph`);
      assert.ok(withHints >= paragraphReparses * hintShare, `${withHints} of ${paragraphReparses} paragraph re-reads had a hint`);
      assert.ok(withMentions >= paragraphReparses * mentionShare, `${withMentions} of ${paragraphReparses} paragraph re-reads had an implicit mention`);
    });
  }

  it('composes two edits that touch into one that turns the first text into the last', () => {
    const editOf = (text: string, from: number, to: number, inserted: string) => {
      const start = Math.min(from, text.length);
      const end = Math.min(Math.max(start, to), text.length);
      return { edit: { start, end, insertedLength: inserted.length }, text: text.slice(0, start) + inserted + text.slice(end) };
    };
    let composedCount = 0;
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.nat(35), fc.nat(8), fc.string({ maxLength: 6 }), fc.nat(35), fc.nat(8), fc.string({ maxLength: 6 }), (text, at1, removed1, inserted1, at2, removed2, inserted2) => {
        const first = editOf(text, at1, at1 + removed1, inserted1);
        const second = editOf(first.text, at2, at2 + removed2, inserted2);
        const composed = composeEdits(first.edit, second.edit);
        const apart = second.edit.end < first.edit.start || second.edit.start > first.edit.start + first.edit.insertedLength;
        assert.equal(composed === undefined, apart);
        if (!composed) return;
        composedCount++;
        const { start, end, insertedLength } = composed;
        assert.ok(0 <= start && start <= end && end <= text.length);
        assert.equal(text.slice(0, start) + second.text.slice(start, start + insertedLength) + text.slice(end), second.text);
        assert.equal(text.length - (end - start) + insertedLength, second.text.length);
      }),
      { numRuns: 2000, seed: 3 },
    );
    assert.ok(composedCount > 500, `${composedCount} pairs composed`);
    // Typing "ab" then deleting the "b": one edit inserting "a" at 2.
    assert.deepEqual(composeEdits({ start: 2, end: 2, insertedLength: 2 }, { start: 3, end: 4, insertedLength: 0 }), { start: 2, end: 2, insertedLength: 1 });
  });

  it('re-reads only the paragraph when a character is typed inside one', () => {
    const text = '# T\n\nfirst [a]{claim}\n\nsecond [b]{@x}\n\n## U\n\nthird [c]{claim by=x}\n';
    const doc = parseIsnad(text, 'file:///t.isnad.md', 1);
    const at = text.indexOf('second') + 1;
    const edited = `${text.slice(0, at)}Z${text.slice(at)}`;
    const result = reparse(doc, { start: at, end: at, insertedLength: 1 }, edited, 2);
    assert.ok(result.paragraph);
    assert.deepEqual(
      result.document.spans.map((span) => [span.index, span.range.start, span.range.end, span.section]),
      [
        [0, 11, 21, 0],
        [1, 31, 38, 0],
        [2, 52, 67, 1],
      ],
    );
  });

  it('parses the whole text when an edit splits a paragraph, touches a heading or the front matter', () => {
    const text = '---\ntitle: t\n---\n# T\n\nfirst [a]{claim}\n';
    const cases: [number, number, string][] = [
      [text.indexOf('first') + 2, text.indexOf('first') + 2, '\n\n'],
      [text.indexOf('# T') + 2, text.indexOf('# T') + 2, 'x'],
      [text.indexOf('title') + 1, text.indexOf('title') + 1, 'x'],
      [text.indexOf('first') + 2, text.indexOf('first') + 2, '<!--'],
    ];
    for (const [start, end, inserted] of cases) {
      const edited = text.slice(0, start) + inserted + text.slice(end);
      const result = reparse(parseIsnad(text), { start, end, insertedLength: inserted.length }, edited, 2);
      assert.equal(result.paragraph, undefined, JSON.stringify(inserted));
      assert.deepStrictEqual(result.document, parseIsnad(edited, 'untitled:document', 2));
    }
  });
});
