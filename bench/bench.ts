// Throughput and memory of the language service on large documents, next to markdown-it and a
// bare character scan (the floor any parser in JavaScript pays). Prints one Markdown table.
// Run with `npm run bench` (needs --expose-gc for the memory column).
import * as fs from 'node:fs';
import * as os from 'node:os';
import MarkdownIt from 'markdown-it';
import { baseDocument, documentOfSize, utf8Length } from './documents';
import { charCodeScan, isnadPipeline, sink, time, type Timing } from './inProcess';

const SIZES = [
  { label: '20 KB', bytes: 20_000, runs: 50 },
  { label: '1 MB', bytes: 1_000_000, runs: 15 },
  { label: '10 MB', bytes: 10_000_000, runs: 5 },
];

const markdownIt = new MarkdownIt();

function markdownItParse(text: string): unknown {
  return markdownIt.parse(text, {});
}

interface Memory {
  /** Growth of V8 heap + external memory, the result still held, before any full collection. */
  readonly heap: number;
  /** Growth of the resident set's high-water mark (Linux), or undefined where it cannot be reset. */
  readonly peakRss?: number;
}

function measureMemory(text: string): Memory {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc (npm run bench does)');
  gc();
  gc();
  const heapBefore = heapInUse();
  const rssBefore = resetPeakRss();
  const result = isnadPipeline(text);
  const heap = heapInUse() - heapBefore;
  const peakRss = rssBefore === undefined ? undefined : peakRssKb() * 1024 - rssBefore;
  sink.value = result;
  return { heap, peakRss };
}

function heapInUse(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
}

/** Resets the kernel's peak-RSS counter (Linux ≥ 4.0) and returns the current RSS, or undefined elsewhere. */
function resetPeakRss(): number | undefined {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    return process.memoryUsage().rss;
  } catch {
    return undefined;
  }
}

function peakRssKb(): number {
  const match = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) : NaN;
}

/**
 * A comment line after the opening fence makes each run's front matter new to the parser's
 * cache, so the run pays for the YAML, as the CLI does; the editor, reparsing as the body is
 * edited, hits the cache.
 */
function withFreshFrontMatter(text: string, run: number): string {
  return text.startsWith('---\n') ? `---\n# bench run ${run}\n${text.slice(4)}` : text;
}

function megabytesPerSecond(bytes: number, ms: number): string {
  return (bytes / 1e6 / (ms / 1000)).toFixed(0);
}

function main(): void {
  const base = baseDocument();
  const rows: string[] = [];
  for (const size of SIZES) {
    const text = documentOfSize(base.text, size.bytes);
    const bytes = utf8Length(text);
    const isnadCold = time(isnadPipeline, (run) => withFreshFrontMatter(text, run), size.runs);
    const isnadTyping = time(isnadPipeline, () => text, size.runs);
    const markdown = time(markdownItParse, () => text, size.runs);
    const scan = time(charCodeScan, () => text, size.runs);
    const memory = measureMemory(text);
    const cell = (timing: Timing) => `${timing.medianMs.toFixed(1)} / ${timing.minMs.toFixed(1)} | ${megabytesPerSecond(bytes, timing.medianMs)}`;
    const multiple = (growth: number | undefined) => (growth === undefined ? 'n/a' : `${(growth / bytes).toFixed(1)}×`);
    rows.push(`| ${size.label} (${(bytes / 1e6).toFixed(2)} MB, ${size.runs} runs) | ${cell(isnadCold)} | ${cell(isnadTyping)} | ${cell(markdown)} | ${cell(scan)} | ${multiple(memory.heap)} | ${multiple(memory.peakRss)} |`);
  }
  sink.value = undefined;
  console.log(
    [
      `${new Date().toISOString().slice(0, 10)} · Node ${process.version} · ${os.cpus()[0]?.model ?? 'unknown CPU'} · document: ${base.name}, body repeated`,
      '',
      '| document | Isnad ms (median / min) | Isnad MB/s | Isnad, front matter cached: ms | MB/s | markdown-it ms | MB/s | charCodeAt scan ms | MB/s | Isnad heap+external growth | Isnad peak RSS growth |',
      '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
      ...rows,
      '',
      'Isnad = parse + all diagnostics + outline; first Isnad column: the front matter parsed every run, as the CLI does;',
      'second: its parse cached, as while the body is edited. MB = 10⁶ bytes of UTF-8; MB/s from the median.',
      'Memory, as a multiple of the document size: V8 heap + external growth over one run, result held, before any collection;',
      'growth of the resident set high-water mark (Linux).',
    ].join('\n'),
  );
}

main();
