// The regression guard `npm test` runs: a short LSP benchmark (1 MB) and the in-process parse,
// as ratios that the machine's speed and load mostly cancel out of: Isnad over the peer (same
// run, same machine) and Isnad over the charCodeAt floor. Fails when a ratio is more than twice
// the committed baseline (bench/baseline.json); `--update` writes the baseline instead.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { baseDocument, documentOfSize } from './documents';
import { charCodeScan, isnadPipeline, time } from './inProcess';
import { runLspBenchmark, type Metric, type Options } from './lspBenchmark';

const BASELINE = path.resolve(__dirname, '..', 'bench', 'baseline.json');
const SIZE = '1MB';
const OPTIONS: Options = { runs: 3, sizes: [SIZE], keystrokes: 5, hovers: 200, hints: true };
/** Fixed costs (initialize) and a p99 of a few hundred hovers vary too much from run to run to guard. */
const GUARDED: readonly Metric[] = ['open', 'keystroke', 'symbols', 'hoverP50', 'memory'];
const TOLERANCE = 2;

type Ratios = Record<string, number>;

async function measureRatios(): Promise<Ratios> {
  const results = await runLspBenchmark(OPTIONS);
  const figures = results[SIZE];
  const ratios: Ratios = {};
  for (const metric of GUARDED) ratios[`${metric} Isnad/peer`] = figures.isnad[metric] / figures.peer[metric];
  const text = documentOfSize(baseDocument().text, 1_000_000);
  const isnad = time(isnadPipeline, () => text, 7).medianMs;
  const floor = time(charCodeScan, () => text, 7).medianMs;
  ratios['parse+diagnostics+outline / charCodeAt scan'] = isnad / floor;
  return ratios;
}

async function main(): Promise<void> {
  // A server that dies before answering leaves nothing to wait on: Node then exits quietly, and
  // that must not read as a pass.
  process.exitCode = 1;
  const ratios = await measureRatios();
  if (process.argv.includes('--update')) {
    fs.writeFileSync(BASELINE, `${JSON.stringify(ratios, null, 2)}\n`);
    console.log(`baseline written: ${JSON.stringify(ratios)}`);
    process.exitCode = 0;
    return;
  }
  const baseline = JSON.parse(fs.readFileSync(BASELINE, 'utf8')) as Ratios;
  let passed = 0;
  let failed = 0;
  for (const [name, ratio] of Object.entries(ratios)) {
    const limit = baseline[name] * TOLERANCE;
    const ok = ratio <= limit;
    if (ok) passed++;
    else failed++;
    console.log(`  ${ok ? '✔' : '✘'} ${name}: ${ratio.toFixed(3)} (baseline ${baseline[name].toFixed(3)}, limit ${limit.toFixed(3)})`);
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
