// `npm run test:ui`: the user-level suite. Starts code-server on a copy of samples/ with the
// extension under development loaded through the workbench URL (E2E.md), drives it from Chromium
// like a user, saves screenshots to test-results/, and ends with `N passed, N failed`.
//
// Usage: node --import tsx test/ui/ui.ts [--extension .] [--timeout 300] [--keep]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../../scripts/e2e/paths';
import type { UiContext } from './sample';
import { openWorkbench, type WorkbenchSession } from './session';
import { UI_STEPS } from './steps';

const { values: opts } = parseArgs({
  options: {
    extension: { type: 'string', default: repoRoot },
    timeout: { type: 'string', default: '300' }, // seconds, for the whole run
    keep: { type: 'boolean', default: false }, // keep the run folder even when every step passes
  },
});

const RESULTS_DIR = path.join(repoRoot, 'test-results');

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

async function runSteps(context: UiContext): Promise<{ passed: number; failed: number }> {
  let passed = 0;
  let failed = 0;
  for (const step of UI_STEPS) {
    const started = Date.now();
    try {
      await step.run(context);
      passed++;
      console.log(`  ✔ ${step.name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed++;
      console.log(`  ✖ ${step.name} (${Date.now() - started} ms)\n      ${(error instanceof Error ? (error.stack ?? error.message) : String(error)).replace(/\n/g, '\n      ')}`);
      const shot = path.join(RESULTS_DIR, `ui-failed-${UI_STEPS.indexOf(step) + 1}.png`);
      await context.page.screenshot({ path: shot }).catch(() => undefined);
      console.log(`      screenshot: ${path.relative(repoRoot, shot)}`);
    }
  }
  return { passed, failed };
}

async function main(): Promise<number> {
  const started = Date.now();
  const secs = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  let session: WorkbenchSession | undefined;
  let result = { passed: 0, failed: 1 };
  try {
    session = await openWorkbench(opts.extension);
    console.log(`UI suite: code-server pid ${session.server.pid} on ${session.server.url}, ready after ${secs()}`);
    const timeoutMs = Number(opts.timeout) * 1000;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const outcome = await Promise.race([runSteps({ page: session.page, workspace: session.workspace, resultsDir: RESULTS_DIR }), timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') console.log(`  ✖ the UI suite did not finish within ${opts.timeout} s`);
    else result = outcome;
  } catch (error) {
    console.log(`  ✖ the UI suite could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  const keep = result.failed > 0 || opts.keep;
  await session?.close(keep);
  if (session && keep) console.log(`run folders kept: ${session.runDirs.join(', ')}`);
  console.log(`UI suite finished after ${secs()}`);
  console.log(`${result.passed} passed, ${result.failed} failed`);
  return result.failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
