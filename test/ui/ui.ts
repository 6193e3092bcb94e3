// `npm run test:ui`: the user-level suite. Starts code-server on a copy of samples/ with the
// extension under development loaded through the workbench URL (E2E.md), drives it from Chromium
// like a user, saves screenshots to test-results/; then a second session in Restricted Mode
// (restricted.ts). Ends with `N passed, N failed` over both.
//
// Usage: node --import tsx test/ui/ui.ts [--extension .] [--timeout 300] [--keep]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../../scripts/e2e/paths';
import type { UiContext } from './sample';
import { RESTRICTED_STEPS } from './restricted';
import { openWorkbench, type WorkbenchSession } from './session';
import { UI_STEPS, type UiStep } from './steps';

const { values: opts } = parseArgs({
  options: {
    extension: { type: 'string', default: repoRoot },
    timeout: { type: 'string', default: '300' }, // seconds, for the whole run (both sessions)
    keep: { type: 'boolean', default: false }, // keep the run folder even when every step passes
  },
});

const RESULTS_DIR = path.join(repoRoot, 'test-results');

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

interface Session {
  readonly steps: readonly UiStep[];
  /** Where its screenshots go. */
  readonly resultsDir: string;
  /** Restricted Mode: workspace trust on, the extension installed rather than under development. */
  readonly restricted: boolean;
}

const SESSIONS: readonly Session[] = [
  { steps: UI_STEPS, resultsDir: RESULTS_DIR, restricted: false },
  { steps: RESTRICTED_STEPS, resultsDir: path.join(RESULTS_DIR, 'restricted'), restricted: true },
];

interface Tally {
  passed: number;
  failed: number;
}

async function runSteps(session: Session, context: UiContext): Promise<Tally> {
  const tally = { passed: 0, failed: 0 };
  for (const [index, step] of session.steps.entries()) {
    const started = Date.now();
    try {
      await step.run(context);
      tally.passed++;
      console.log(`  ✔ ${step.name} (${Date.now() - started} ms)`);
    } catch (error) {
      tally.failed++;
      console.log(`  ✖ ${step.name} (${Date.now() - started} ms)\n      ${(error instanceof Error ? (error.stack ?? error.message) : String(error)).replace(/\n/g, '\n      ')}`);
      const shot = path.join(session.resultsDir, `ui-failed-${index + 1}.png`);
      await context.page.screenshot({ path: shot }).catch(() => undefined);
      console.log(`      screenshot: ${path.relative(repoRoot, shot)}`);
    }
  }
  return tally;
}

/** One code-server and one Chromium for the session's steps; every step counts as failed if it cannot start or runs out of time. */
async function runSession(session: Session, deadline: number): Promise<Tally> {
  const started = Date.now();
  const secs = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  fs.mkdirSync(session.resultsDir, { recursive: true });
  let workbench: WorkbenchSession | undefined;
  let result: Tally = { passed: 0, failed: session.steps.length };
  try {
    workbench = await openWorkbench(opts.extension, { restricted: session.restricted });
    const { page, workspace, server } = workbench;
    console.log(`${session.restricted ? 'Restricted Mode' : 'UI suite'}: code-server pid ${server.pid} on ${server.url}, ready after ${secs()}`);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), Math.max(0, deadline - Date.now()))));
    const outcome = await Promise.race([runSteps(session, { page, workspace, resultsDir: session.resultsDir }), timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') console.log(`  ✖ the UI suite did not finish within ${opts.timeout} s`);
    else result = outcome;
  } catch (error) {
    console.log(`  ✖ the session could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  const keep = result.failed > 0 || opts.keep;
  await workbench?.close(keep);
  if (workbench && keep) console.log(`run folders kept: ${workbench.runDirs.join(', ')}`);
  console.log(`session finished after ${secs()}`);
  return result;
}

async function main(): Promise<number> {
  const started = Date.now();
  const deadline = started + Number(opts.timeout) * 1000;
  const total = { passed: 0, failed: 0 };
  for (const session of SESSIONS) {
    const { passed, failed } = await runSession(session, deadline);
    total.passed += passed;
    total.failed += failed;
  }
  console.log(`UI suite finished after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${total.passed} passed, ${total.failed} failed`);
  return total.failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
