// The LSP benchmark: both language servers over stdio, from this one process, on the same
// annotated documents made from the samples: Isnad, and VS Code's Markdown server
// (vscode-markdown-languageserver, pinned) on the same text as Markdown; medians of several runs.
import * as os from 'node:os';
import * as path from 'node:path';
import { LineIndex } from '../server/src/service/lineIndex';
import { parseIsnad } from '../server/src/service/parse/document';
import { baseDocument, documentOfSize, utf8Length } from './documents';
import { LspSession, type ServerCommand, type ServerKind } from './lspSession';

const ROOT = path.resolve(__dirname, '..');
const SERVERS: readonly ServerCommand[] = [
  { kind: 'isnad', script: path.join(ROOT, 'dist', 'server.js'), languageId: 'isnad' },
  { kind: 'peer', script: path.join(ROOT, 'node_modules', 'vscode-markdown-languageserver', 'dist', 'node', 'workerMain.js'), languageId: 'markdown' },
];

export const SIZES: Readonly<Record<string, number>> = { '20KB': 20_000, '1MB': 1_000_000, '10MB': 10_000_000 };

export const METRICS = ['initialize', 'open', 'keystroke', 'symbols', 'hoverP50', 'hoverP99', 'roundTripP50', 'roundTripP99', 'memory'] as const;
export type Metric = (typeof METRICS)[number];
export type Figures = Record<Metric, number>;

const LABELS: Readonly<Record<Metric, string>> = {
  initialize: '`initialize` ms',
  open: '`didOpen` → diagnostics ms',
  keystroke: 'one-character `didChange` → diagnostics ms',
  symbols: '`documentSymbol` ms',
  hoverP50: '`hover` p50 ms',
  hoverP99: '`hover` p99 ms',
  roundTripP50: 'unhandled request round trip p50 ms',
  roundTripP99: 'unhandled request round trip p99 ms',
  memory: 'peak server memory (VmHWM) MB',
};

export interface Options {
  readonly runs: number;
  readonly sizes: readonly string[];
  readonly keystrokes: number;
  readonly hovers: number;
  /** Whether Isnad's attribution hints (on by default) are on. */
  readonly hints: boolean;
}

/** A small deterministic generator: both servers get the same edits and the same hover positions. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Keystroke {
  readonly offset: number;
  readonly text: string;
}

/** One letter typed inside a paragraph, each keystroke at a new place, as when an annotator corrects the text. */
function keystrokes(text: string, count: number, next: () => number): Keystroke[] {
  const paragraphs = parseIsnad(text).blocks.filter((block) => !block.isHeading);
  const typed: Keystroke[] = [];
  for (let i = 0; i < count; i++) {
    const { start, end } = paragraphs[Math.floor(next() * paragraphs.length)].range;
    typed.push({ offset: start + Math.floor(next() * (end - start)), text: 'ب' });
  }
  return typed;
}

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

const median = (values: readonly number[]) => percentile(values, 0.5);

async function measure(server: ServerCommand, text: string, typed: readonly Keystroke[], hoverSeed: number, options: Options): Promise<Figures> {
  const session = new LspSession(server, options.hints ? {} : { hints: { possibleAttribution: false, vagueSource: false } });
  const uri = `file:///bench/article.${server.kind === 'isnad' ? 'isnad.md' : 'md'}`;
  try {
    const initialize = await session.initialize();
    const open = await session.open(uri, text);
    let current = text;
    const keystrokeTimes: number[] = [];
    for (const [index, { offset, text: inserted }] of typed.entries()) {
      const position = new LineIndex(current).positionAt(offset);
      current = current.slice(0, offset) + inserted + current.slice(offset);
      keystrokeTimes.push(await session.change(uri, index + 2, { start: position, end: position }, inserted, current));
    }
    const symbols = median([await session.documentSymbols(uri), await session.documentSymbols(uri), await session.documentSymbols(uri)]);
    const lines = new LineIndex(current);
    const next = random(hoverSeed);
    const hoverTimes: number[] = [];
    const roundTrips: number[] = [];
    // One unhandled request after each hover, so the floor is measured in the hovers' conditions.
    for (let i = 0; i < options.hovers; i++) {
      hoverTimes.push(await session.hover(uri, lines.positionAt(Math.floor(next() * current.length))));
      roundTrips.push(await session.roundTrip());
    }
    return {
      initialize,
      open,
      keystroke: median(keystrokeTimes),
      symbols,
      hoverP50: percentile(hoverTimes, 0.5),
      hoverP99: percentile(hoverTimes, 0.99),
      roundTripP50: percentile(roundTrips, 0.5),
      roundTripP99: percentile(roundTrips, 0.99),
      memory: session.peakMemory() / 1e6,
    };
  } finally {
    await session.stop();
  }
}

export type Results = Record<string, Record<ServerKind, Figures> & { bytes: number }>;

export async function runLspBenchmark(options: Options): Promise<Results> {
  const base = baseDocument();
  const results: Results = {};
  for (const size of options.sizes) {
    const text = documentOfSize(base.text, SIZES[size]);
    const runs: Record<ServerKind, Figures[]> = { isnad: [], peer: [] };
    for (let run = 0; run < options.runs; run++) {
      const typed = keystrokes(text, options.keystrokes, random(run + 1));
      // Alternating which server goes first spreads the machine's other load over both.
      const order = run % 2 ? [...SERVERS].reverse() : SERVERS;
      for (const server of order) runs[server.kind].push(await measure(server, text, typed, 1000 + run, options));
      process.stderr.write(`${size} run ${run + 1}/${options.runs}\n`);
    }
    const medians = (figures: Figures[]) => Object.fromEntries(METRICS.map((metric) => [metric, median(figures.map((f) => f[metric]))])) as Figures;
    results[size] = { bytes: utf8Length(text), isnad: medians(runs.isnad), peer: medians(runs.peer) };
  }
  return results;
}

export function table(results: Results, options: Options): string {
  const format = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
  const rows: string[] = [];
  for (const metric of METRICS) {
    for (const [size, figures] of Object.entries(results)) {
      const ratio = figures.isnad[metric] / figures.peer[metric];
      rows.push(`| ${LABELS[metric]} | ${size} | ${format(figures.isnad[metric])} | ${format(figures.peer[metric])} | ${ratio.toFixed(2)} |`);
    }
  }
  return [
    `${new Date().toISOString().slice(0, 10)} · Node ${process.version} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'} · load average ${os.loadavg().map((load) => load.toFixed(1)).join(' ')}`,
    `medians of ${options.runs} runs; ${options.keystrokes} keystrokes and ${options.hovers} hovers per run; Isnad's attribution hints ${options.hints ? 'on (the default)' : 'off'}`,
    '',
    '| figure | document | Isnad | peer (vscode-markdown-languageserver 0.5.0) | Isnad / peer |',
    '|---|---|--:|--:|--:|',
    ...rows,
  ].join('\n');
}

