// Throughput and memory of the language service on large documents, next to markdown-it and a
// bare character scan (the floor any parser in JavaScript pays). Prints one Markdown table.
// Run with `npm run bench` (needs --expose-gc for the memory column).
import * as fs from 'node:fs';
import * as os from 'node:os';
import MarkdownIt from 'markdown-it';
import { parseIsnad } from '../server/src/service/parse/document';
import { computeDiagnostics } from '../server/src/service/features/diagnostics';
import { computeDocumentSymbols } from '../server/src/service/features/symbols';
import { implicitMentions } from '../server/src/service/features/implicitMentions';
import { attributionHints, findHintsAndMentions } from '../server/src/service/features/attributionHints';
import { baseDocument, documentOfSize, utf8Length, withFreshFrontMatter } from './documents';
import { charCodeScan, isnadPipeline, sink, summary, time, timeAlternately, type Timing } from './inProcess';

const SIZES = [
  { label: '20 KB', bytes: 20_000, runs: 50 },
  { label: '1 MB', bytes: 1_000_000, runs: 15 },
  { label: '10 MB', bytes: 10_000_000, runs: 5 },
];

const WITHOUT_HINTS = { unattributedClaims: 'warning', possibleAttribution: false, vagueSource: false } as const;

/** The analysis before issue #6: parse, the format's diagnostics, outline. */
function analysisWithoutArabicFeatures(text: string): unknown {
  const doc = parseIsnad(text);
  return [doc, computeDiagnostics(doc, 'en', WITHOUT_HINTS), computeDocumentSymbols(doc, 'en')];
}

/**
 * The same with implicit mentions (as decorations and hovers ask for them) and attribution hints,
 * found in one reading of the body as the editor's diagnostics find them (modelCache.ts).
 */
function analysisWithArabicFeatures(text: string): unknown {
  const doc = parseIsnad(text);
  findHintsAndMentions(doc);
  return [doc, computeDiagnostics(doc, 'en'), computeDocumentSymbols(doc, 'en'), implicitMentions(doc)];
}

/** Implicit mentions and attribution hints in one reading of the body, the document already parsed. */
function bodySearchesOnly(text: string): () => () => unknown {
  return () => {
    const doc = parseIsnad(text);
    return () => {
      findHintsAndMentions(doc);
      return [attributionHints(doc), implicitMentions(doc)];
    };
  };
}

/** A deterministic word of Arabic letters. */
function syntheticWord(seed: number): string {
  const letters = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
  let word = '';
  let state = seed * 2654435761;
  const length = 4 + (seed % 4);
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    word += letters[state % letters.length];
  }
  return word;
}

/** The base document with more entities (of one or two words, with aliases of one to three words, some with the article) up to `entities` and `aliases` in all. */
function withManyEntities(text: string, entities: number, aliases: number): string {
  const existing = parseIsnad(text).frontMatter?.entities;
  const added = entities - (existing?.size ?? 0);
  let aliasesLeft = aliases - [...(existing?.values() ?? [])].reduce((sum, entity) => sum + entity.aliases.length, 0);
  const entries: string[] = [];
  for (let n = 0; n < added; n++) {
    const word = (k: number) => syntheticWord(n * 10 + k);
    const count = Math.round(aliasesLeft / (added - n));
    aliasesLeft -= count;
    const forms = [word(1), `${word(2)} ${word(3)}`, `ال${word(4)}`, `${word(5)} ${word(6)} ${word(7)}`, word(9)].slice(0, count);
    entries.push(`  bench_${n}:\n    name: ${word(0)} ${word(8)}\n    type: person\n    aliases: [${forms.join(', ')}]`);
  }
  return text.replace(/^entities:\n/m, `entities:\n${entries.join('\n')}\n`);
}

const markdownIt = new MarkdownIt();

function markdownItParse(text: string): unknown {
  return markdownIt.parse(text, {});
}

interface Memory {
  /** Growth of V8 heap + external memory, the result still held, before any full collection: garbage not yet collected included. */
  readonly heap: number;
  /** What the result keeps: the heap after full collections with the result held, less without it. */
  readonly retained: number;
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
  // Held by `sink` alone, not a local, which would keep it until the function returns.
  sink.value = isnadPipeline(text);
  const heap = heapInUse() - heapBefore;
  const peakRss = rssBefore === undefined ? undefined : peakRssKb() * 1024 - rssBefore;
  // What the result keeps, between two full collections, one with it and one without: caches
  // the run emptied or filled weigh on neither.
  gc();
  gc();
  const withResult = heapInUse();
  sink.value = undefined;
  gc();
  gc();
  return { heap, retained: withResult - heapInUse(), peakRss };
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
    rows.push(`| ${size.label} (${(bytes / 1e6).toFixed(2)} MB, ${size.runs} runs) | ${cell(isnadCold)} | ${cell(isnadTyping)} | ${cell(markdown)} | ${cell(scan)} | ${multiple(memory.heap)} | ${multiple(memory.retained)} | ${multiple(memory.peakRss)} |`);
  }
  sink.value = undefined;
  console.log(
    [
      `${new Date().toISOString().slice(0, 10)} · Node ${process.version} · ${os.cpus()[0]?.model ?? 'unknown CPU'} · document: ${base.name}, body repeated`,
      '',
      '| document | Isnad ms (median / min) | Isnad MB/s | Isnad, front matter cached: ms | MB/s | markdown-it ms | MB/s | charCodeAt scan ms | MB/s | Isnad heap+external growth | Isnad retained | Isnad peak RSS growth |',
      '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
      ...rows,
      '',
      'Isnad = parse + all diagnostics + outline; first Isnad column: the front matter parsed every run, as the CLI does;',
      'second: its parse cached, as while the body is edited. MB = 10⁶ bytes of UTF-8; MB/s from the median.',
      'Memory, as a multiple of the document size: V8 heap + external growth over one run, result held, before any collection;',
      'the same after full collections (what the model, diagnostics and outline keep); growth of the resident set high-water mark (Linux).',
    ].join('\n'),
  );
}

/** Issue #6: what implicit mentions and attribution hints add to a full analysis, with 500 entities and 2,000 aliases. */
function arabicFeatures(baseText: string): void {
  const many = withManyEntities(baseText, 500, 2000);
  const doc = parseIsnad(many);
  const entities = doc.frontMatter?.entities.size ?? 0;
  const aliases = [...(doc.frontMatter?.entities.values() ?? [])].reduce((sum, entity) => sum + entity.aliases.length, 0);
  const text = documentOfSize(many, 1_000_000);
  const runs = 15;
  const rows: string[] = [];
  for (const [label, variant] of [
    ['front matter parsed every run', (run: number) => withFreshFrontMatter(text, run)],
    ['front matter cached (editing the body)', () => text],
  ] as const) {
    const [without, withFeatures] = timeAlternately(analysisWithoutArabicFeatures, analysisWithArabicFeatures, variant, runs);
    const added = ((withFeatures.medianMs - without.medianMs) / without.medianMs) * 100;
    rows.push(`| ${label} | ${without.medianMs.toFixed(1)} | ${withFeatures.medianMs.toFixed(1)} | +${added.toFixed(0)}% |`);
  }
  const alone: string[] = [];
  for (const [label, source, bytes] of [
    ['sample entities, 1 MB', baseText, 1_000_000],
    [`${entities} entities, ${aliases} aliases, 1 MB`, many, 1_000_000],
    [`${entities} entities, ${aliases} aliases, 2 MB`, many, 2_000_000],
  ] as const) {
    const sized = documentOfSize(source, bytes);
    const prepared = bodySearchesOnly(sized);
    const timing = timePrepared(prepared, runs);
    alone.push(`| ${label} | ${timing.medianMs.toFixed(1)} | ${megabytesPerSecond(utf8Length(sized), timing.medianMs)} |`);
  }
  console.log(
    [
      '',
      `Implicit mentions and attribution hints (issue #6): 1 MB document, ${entities} entities, ${aliases} aliases, ${runs} runs each, the two analyses in turn, median ms`,
      '',
      '| front matter | parse + diagnostics + outline | with implicit mentions and hints | added |',
      '|---|--:|--:|--:|',
      ...rows,
      '',
      '| implicit mentions and attribution hints alone (one reading of the body, both automata) | ms | MB/s |',
      '|---|--:|--:|',
      ...alone,
    ].join('\n'),
  );
}

/** Times the work `prepare()` returns, leaving its preparation (a parse) out. */
function timePrepared(prepare: () => () => unknown, runs: number): Timing {
  const times: number[] = [];
  for (let run = -3; run < runs; run++) {
    const work = prepare();
    const started = performance.now();
    sink.value = work();
    if (run >= 0) times.push(performance.now() - started);
  }
  return summary(times);
}

main();
arabicFeatures(baseDocument().text);
