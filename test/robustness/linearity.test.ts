// Time stays linear in the document's length: analysing a document twice as long takes at most
// 2.5 times as long, and no document of 1 MB or more takes over a second. Measured in CPU time
// (the machine is shared), the fastest of several runs after a collection, for several shapes.
// The process runs with V8's garbage collector on the main thread only (linearity.mocharc.json),
// and the time is the main thread's own (threadCpu.ts): process.cpuUsage also counts V8's
// helper threads, and with them the same code read 1.7× to 2.7× for nested brackets from run to
// run (GC helpers). The old generation starts at 1 GB (same file): V8 sets its next collection
// from the heap it last saw, so whether a full collection fell inside the 1 MB run decided dense
// spans' ratio (1.2× to 3.1× from process to process, the fastest of seven runs each); with room
// to grow, 2.0× to 2.2×, collections of the young generation, linear in what is allocated, still
// counted.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseIsnad } from '../../server/src/service/parse/document';
import { computeDiagnostics } from '../../server/src/service/features/diagnostics';
import { computeDocumentSymbols } from '../../server/src/service/features/symbols';
import { computeFoldingRanges } from '../../server/src/service/features/folding';
import { computeHover } from '../../server/src/service/features/hover';
import { EXPORT_FORMATS, exportDocument } from '../../server/src/service/export/index';
import { threadCpuMs } from '../../server/src/threadCpu';

const HALF = 512 * 1024;
const RUNS = 5;
const ALTERNATING_RUNS = 7;
const ARABIC_SAMPLE = fs.readFileSync(path.resolve(__dirname, '../../samples/north-korea-russia.isnad.md'), 'utf8');

/** `unit` repeated to `length` characters, after `prefix`. */
function filled(length: number, unit: string, prefix = ''): string {
  return (prefix + unit.repeat(Math.ceil((length - prefix.length) / unit.length))).slice(0, length);
}

const SHAPES: Readonly<Record<string, (length: number) => string>> = {
  'plain text': (length) => filled(length, 'The port reopened on Monday after a week of talks.\n\n'),
  'dense spans': (length) => filled(length, '[a]{@x} [b]{claim by=s} '),
  'nested brackets': (length) => {
    const depth = Math.floor(length / 10);
    return `${'['.repeat(depth)}x${']{claim}'.repeat(depth)}`.slice(0, length);
  },
  'one long line': (length) => filled(length, 'word [span]{@x} word '),
  'Arabic, annotated, with front matter': (length) => {
    const body = ARABIC_SAMPLE.slice(ARABIC_SAMPLE.indexOf('\n---', 3) + 5);
    return filled(length, `\n\n${body}`, ARABIC_SAMPLE);
  },
};

/** What the editor asks for on every change: the model, its diagnostics, outline, folding and a hover. */
function analyse(text: string): void {
  const doc = parseIsnad(text);
  computeDiagnostics(doc, 'en');
  computeDocumentSymbols(doc, 'en');
  computeFoldingRanges(doc);
  computeHover(doc, text.length >> 1, 'en');
}

function exportAll(text: string): void {
  const doc = parseIsnad(text);
  for (const format of EXPORT_FORMATS) exportDocument(doc, format);
}

/** CPU seconds per call of one run of `repeats` calls, after a collection. */
function timedRun(work: () => void, repeats: number): number {
  global.gc?.();
  const started = threadCpuMs();
  for (let call = 0; call < repeats; call++) work();
  return (threadCpuMs() - started) / 1e3 / repeats;
}

/** The fastest of several runs of `repeats` calls each, in CPU seconds per call. */
function cpuSeconds(work: () => void, runs = RUNS, repeats = 1): number {
  let best = Infinity;
  for (let run = 0; run < runs; run++) best = Math.min(best, timedRun(work, repeats));
  return best;
}

/**
 * The fastest runs of two analyses, their runs alternating, so that both meet the compiler and
 * the heap in the same states. Exports, repeated to a fifth of a second per run, keep their
 * order: alternating made them noisier.
 */
function fastestAlternating(first: () => void, second: () => void): [number, number] {
  let bestFirst = Infinity;
  let bestSecond = Infinity;
  for (let run = 0; run < ALTERNATING_RUNS; run++) {
    bestFirst = Math.min(bestFirst, timedRun(first, 1));
    bestSecond = Math.min(bestSecond, timedRun(second, 1));
  }
  return [bestFirst, bestSecond];
}

/** How many calls of `work` take about a fifth of a second: a run that short is decided by a timer tick or one collection. */
function repeatsFor(work: () => void): number {
  return Math.max(1, Math.ceil(0.2 / Math.max(cpuSeconds(work, 1), 1e-4)));
}

const LIMIT = 2.5;
const ATTEMPTS = 3;

/**
 * The lowest of up to ATTEMPTS measured ratios, stopping at the first within LIMIT. V8's
 * collector steps where its heuristics say (exporting one long line: 134 ms of collection over
 * 20 exports of 128 KB, 499 ms over 256 KB, the exporter's own time 1.85×), so one measurement in
 * a few reads over the limit on linear code (a clean-clone CI run: 3.06×, then 2.1–2.4× in seven
 * processes); a cost that grows faster than the length reads over it every time.
 */
function lowestRatio(shape: string, measure: () => { ratio: number; note: string }): number {
  let lowest = Infinity;
  for (let attempt = 1; attempt <= ATTEMPTS && lowest > LIMIT; attempt++) {
    const { ratio, note } = measure();
    console.log(`      ${shape}: ${note}${attempt > 1 ? ` (attempt ${attempt})` : ''}`);
    lowest = Math.min(lowest, ratio);
  }
  return lowest;
}

describe('time is linear in the length of the document', () => {
  for (const [shape, make] of Object.entries(SHAPES)) {
    it(`${shape}: twice as long takes at most ${LIMIT}× as long, and 1 MB under a second`, () => {
      const half = make(HALF);
      const full = make(2 * HALF);
      let fullTime = Infinity;
      const ratio = lowestRatio(shape, () => {
        const [halfRun, fullRun] = fastestAlternating(() => analyse(half), () => analyse(full));
        fullTime = Math.min(fullTime, fullRun);
        return { ratio: fullRun / halfRun, note: `${(halfRun * 1000).toFixed(0)} ms → ${(fullRun * 1000).toFixed(0)} ms (×${(fullRun / halfRun).toFixed(2)})` };
      });
      assert.ok(ratio <= LIMIT, `${shape}: 1 MB took ${ratio.toFixed(2)}× as long as 0.5 MB`);
      assert.ok(fullTime < 1, `${shape}: 1 MB took ${fullTime.toFixed(2)} s`);
    });

    // Each annotation quotes its text, so deep nesting makes an export's size grow with the
    // square of the depth whatever the exporter does: that shape is left out here.
    if (shape === 'nested brackets') continue;
    it(`${shape}: exports of a document twice as long take at most ${LIMIT}× as long`, () => {
      // Large enough that a collection or a timer tick does not decide the ratio.
      const small = make(HALF / 4);
      const large = make(HALF / 2);
      // Warm the exporters first: in a fresh process the first document timed also pays for compiling them.
      exportAll(small);
      exportAll(large);
      // The same number of calls for both sizes, each run long enough to average out the noise.
      const repeats = repeatsFor(() => exportAll(small));
      const ratio = lowestRatio(shape, () => {
        const measured = cpuSeconds(() => exportAll(large), RUNS, repeats) / cpuSeconds(() => exportAll(small), RUNS, repeats);
        return { ratio: measured, note: `exports ×${measured.toFixed(2)} (${repeats} per run)` };
      });
      assert.ok(ratio <= LIMIT, `${shape}: exporting 256 KB took ${ratio.toFixed(2)}× as long as 128 KB`);
    });
  }
});
