// The language service timed in this process: the work the benchmarks measure, and the floor.
import { parseIsnad } from '../server/src/service/parse/document';
import { computeDiagnostics } from '../server/src/service/features/diagnostics';
import { computeDocumentSymbols } from '../server/src/service/features/symbols';

/** Results go here so the optimiser cannot drop the work that produced them. */
export const sink: { value?: unknown } = {};

export function isnadPipeline(text: string): unknown {
  const doc = parseIsnad(text);
  return [doc, computeDiagnostics(doc, 'en'), computeDocumentSymbols(doc, 'en')];
}

/** Reads every UTF-16 unit once: no parser can do less. */
export function charCodeScan(text: string): unknown {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum += text.charCodeAt(i);
  return sum;
}

export interface Timing {
  readonly medianMs: number;
  readonly minMs: number;
}

/** `variant(run)` gives the text of each run. */
export function time(work: (text: string) => unknown, variant: (run: number) => string, runs: number): Timing {
  const warmups = Math.min(3, runs);
  const times: number[] = [];
  for (let run = -warmups; run < runs; run++) {
    const text = variant(run);
    charCodeScan(text); // flattens a concatenated string outside the timed region
    sink.value = undefined; // the previous result is garbage by now, as in an editor
    const started = performance.now();
    sink.value = work(text);
    const elapsed = performance.now() - started;
    if (run >= 0) times.push(elapsed);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[times.length >> 1], minMs: times[0] };
}

