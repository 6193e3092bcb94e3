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
  const times: number[] = [];
  for (let run = -Math.min(3, runs); run < runs; run++) {
    const elapsed = timeOnce(work, variant(run));
    if (run >= 0) times.push(elapsed);
  }
  return summary(times);
}

/**
 * Times `first` and `second` run by run in turn, so a change in the machine's load (it is shared)
 * weighs on both alike: their ratio is what is compared.
 */
export function timeAlternately(first: (text: string) => unknown, second: (text: string) => unknown, variant: (run: number) => string, runs: number): [Timing, Timing] {
  const firstTimes: number[] = [];
  const secondTimes: number[] = [];
  for (let run = -Math.min(3, runs); run < runs; run++) {
    // Each its own run number: a front matter made new for one is not in the cache for the other.
    const firstMs = timeOnce(first, variant(2 * run));
    const secondMs = timeOnce(second, variant(2 * run + 1));
    if (run < 0) continue;
    firstTimes.push(firstMs);
    secondTimes.push(secondMs);
  }
  return [summary(firstTimes), summary(secondTimes)];
}

function timeOnce(work: (text: string) => unknown, text: string): number {
  charCodeScan(text); // flattens a concatenated string outside the timed region
  sink.value = undefined; // the previous result is garbage by now, as in an editor
  const started = performance.now();
  sink.value = work(text);
  return performance.now() - started;
}

export function summary(times: number[]): Timing {
  times.sort((a, b) => a - b);
  return { medianMs: times[times.length >> 1], minMs: times[0] };
}
