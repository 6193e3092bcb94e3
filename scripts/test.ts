// `npm test`: every suite in order — build, type-check, unit, protocol, robustness, the benchmark
// guard (ratios against the peer and the charCodeAt floor, bench/guard.ts), then the real VS Code
// suites (in-editor and UI, after installing code-server and Chromium when missing).
// `--quick` stops before the VS Code suites; `--e2e` builds and runs only those.
// Each suite prints `N passed, N failed`; the totals close the run in the same form.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

interface Step {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  /** Steps that only prepare (build, install) count no tests. */
  readonly counts: boolean;
}

const npx = (...args: string[]) => ({ command: 'npx', args });
const tsx = (script: string, ...args: string[]) => ({ command: process.execPath, args: ['--import', 'tsx', script, ...args] });

const quick: Step[] = [
  { name: 'build', command: process.execPath, args: ['esbuild.mjs'], counts: false },
  { name: 'type-check', ...npx('tsc', '--noEmit', '-p', '.'), counts: false },
  { name: 'unit', ...npx('mocha'), counts: true },
  { name: 'protocol', ...npx('mocha', '--config', 'test/protocol/.mocharc.json'), counts: true },
  { name: 'robustness (fuzz smoke, adversarial corpus)', ...npx('mocha', '--config', 'test/robustness/.mocharc.json'), counts: true },
  // A process of its own: timed after the fuzz smoke, in the heap it leaves, 1 MB took half as long again.
  { name: 'linearity', ...npx('mocha', '--config', 'test/robustness/linearity.mocharc.json'), counts: true },
];
const benchmarkGuard: Step = { name: 'benchmark guard', command: 'npm', args: ['run', '--silent', 'bench:guard'], counts: true };
const editor: Step[] = [
  { name: 'install code-server and Chromium', ...tsx('scripts/e2e/install.ts'), counts: false },
  { name: 'in-editor', ...tsx('scripts/e2e/runInEditorTests.ts'), counts: true },
  { name: 'UI', ...tsx('test/ui/ui.ts'), counts: true },
];

const SUMMARY = /^(?:\w+: )?(\d+) passed, (\d+) failed/;

function run(step: Step): Promise<{ code: number; passed: number; failed: number }> {
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let passed = 0;
    let failed = 0;
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const summary = SUMMARY.exec(line.trim());
        if (summary) {
          passed = Number(summary[1]);
          failed = Number(summary[2]);
        }
      }
    });
    child.on('close', (code) => resolve({ code: code ?? 1, passed, failed }));
  });
}

async function main(): Promise<void> {
  const steps = process.argv.includes('--quick') ? quick : process.argv.includes('--e2e') ? [quick[0], ...editor] : [...quick, benchmarkGuard, ...editor];
  let passed = 0;
  let failed = 0;
  const failedSteps: string[] = [];
  for (const step of steps) {
    console.log(`\n=== ${step.name} ===`);
    const started = performance.now();
    const result = await run(step);
    console.log(`=== ${step.name}: exit ${result.code} in ${((performance.now() - started) / 1000).toFixed(1)} s ===`);
    if (step.counts) {
      passed += result.passed;
      failed += result.failed;
    }
    if (result.code !== 0) {
      failedSteps.push(step.name);
      if (!step.counts) break;
      if (result.failed === 0) failed++;
    }
  }
  if (failedSteps.length) console.log(`\nFailed: ${failedSteps.join(', ')}`);
  console.log(`\ntotal: ${passed} passed, ${failed} failed`);
  process.exitCode = failedSteps.length ? 1 : 0;
}

void main();
