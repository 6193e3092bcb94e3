// `npm run bench:instructions`: the instructions one run of the pipeline executes on the 1 MB
// document, counted by valgrind. Wall times on a shared host move by a factor of two from run to
// run; instruction counts repeat within 0.1%, so two versions of the code can be compared on a
// busy machine. Node runs single-threaded (compilation and garbage collection on the one thread,
// counted too); the pipeline runs `RUNS` times, less a process that runs it 0 times (start-up,
// loading, building the document), divided by `RUNS`. Needs valgrind (Debian: `apt-get install valgrind`).
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { baseDocument, documentOfSize, withFreshFrontMatter } from './documents';
import { isnadPipeline, sink } from './inProcess';

const RUNS = 10;
const BYTES = 1_000_000;
const WORKER_FLAG = '--runs';

/** Runs the pipeline `runs` times, the front matter new every other run (as the bench's two columns). */
function work(runs: number): void {
  const text = documentOfSize(baseDocument().text, BYTES);
  for (let run = 0; run < runs; run++) {
    sink.value = undefined;
    sink.value = isnadPipeline(run % 2 === 0 ? withFreshFrontMatter(text, run) : text);
  }
}

function instructionsOf(runs: number): number {
  const result = spawnSync(
    'valgrind',
    ['--tool=cachegrind', '--cache-sim=no', '--smc-check=all-non-file', '--cachegrind-out-file=/dev/null', process.execPath, '--single-threaded', path.resolve(__filename), WORKER_FLAG, String(runs)],
    { encoding: 'utf8' },
  );
  if (result.error) throw new Error(`valgrind could not be started (${result.error.message}); install it (Debian: apt-get install valgrind)`);
  const match = /I\s+refs:\s+([\d,]+)/.exec(result.stderr);
  if (result.status !== 0 || !match) throw new Error(`valgrind failed (exit ${result.status}):\n${result.stderr.slice(-2000)}`);
  return Number(match[1].replace(/,/g, ''));
}

function main(): void {
  const flag = process.argv.indexOf(WORKER_FLAG);
  if (flag >= 0) {
    work(Number(process.argv[flag + 1]));
    return;
  }
  try {
    const perRun = (instructionsOf(RUNS) - instructionsOf(0)) / RUNS;
    console.log(`parse + all diagnostics + outline, 1 MB document (${baseDocument().name}), front matter new every other run: ${(perRun / 1e6).toFixed(1)} M instructions per run (${RUNS} runs, valgrind cachegrind, node --single-threaded)`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
  }
}

main();
