// Runs an extension-host test module inside a real VS Code (code-server 1.100 + headless Chromium).
// The module is loaded by VS Code's extension host like `@vscode/test-electron` would: a CommonJS
// file exporting `run(): Promise<void>`; a rejected promise fails the run.
//
// Usage: node --import tsx scripts/e2e/runInEditorTests.ts [--tests dist/test/vscode/index.js]
//          [--extension .] [--workspace samples] [--timeout 300] [--keep]
// Exit code: the one the tests report (0 pass, 1 fail); 1 on a timeout or a launcher error.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format, parseArgs } from 'node:util';
import { launchChromium, removeRunDir, startCodeServer, type ChromiumSession, type CodeServer } from './codeServer';
import { repoRoot } from './paths';

const { values: opts } = parseArgs({
  options: {
    tests: { type: 'string', default: path.join(repoRoot, 'dist', 'test', 'vscode', 'index.js') },
    extension: { type: 'string', default: repoRoot },
    workspace: { type: 'string', default: path.join(repoRoot, 'samples') },
    timeout: { type: 'string', default: '300' }, // seconds
    keep: { type: 'boolean', default: false }, // keep .e2e/runs/<id> even when the tests pass
  },
});

class UsageError extends Error {}
const log = (msg: string) => console.log(`[vscode-host] ${msg}`);

// Ctrl+C / kill: exit through process.exit so codeServer's 'exit' hook kills what it started.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

async function main(): Promise<number> {
  const testsPath = path.resolve(opts.tests);
  const extensionPath = path.resolve(opts.extension);
  const timeoutMs = Number(opts.timeout) * 1000;
  if (!(timeoutMs > 0)) throw new UsageError(`--timeout must be a number of seconds, not ${opts.timeout}`);
  for (const [what, p] of [['tests module', testsPath], ['extension', path.join(extensionPath, 'package.json')], ['workspace', opts.workspace]]) {
    if (!fs.existsSync(p)) throw new UsageError(`${what} not found: ${p}${what === 'tests module' ? ' (build it first)' : ''}`);
  }

  const started = Date.now();
  const secs = () => ((Date.now() - started) / 1000).toFixed(1);
  let server: CodeServer | undefined;
  let browser: ChromiumSession | undefined;
  let code = 1;
  try {
    server = await startCodeServer({ workspace: opts.workspace });
    log(`code-server ${server.url} (pid ${server.pid}, run folder ${path.relative(process.cwd(), server.runDir)})`);
    browser = await launchChromium({ runDir: server.runDir });
    const { page } = browser;

    let reportExit!: (code: number) => void;
    let done = false; // after the exit code, the page only logs its own shutdown: not printed
    const exited = new Promise<number>((resolve) => (reportExit = resolve)).finally(() => (done = true));
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      if (done) return;
      const line = format(...(Array.isArray(args) ? args : [args]));
      console.log(type === 'error' || type === 'warn' ? `[${type}] ${line}` : line);
    });
    await page.exposeFunction('codeAutomationExit', (exitCode: number) => reportExit(exitCode));
    page.on('crash', () => reportExit(-1));

    const payload = [
      ['extensionDevelopmentPath', server.remoteUri(extensionPath)],
      ['extensionTestsPath', server.remoteUri(testsPath)],
      ['skipWelcome', 'true'],
    ];
    await page.goto(`${server.url}&payload=${encodeURIComponent(JSON.stringify(payload))}`);

    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const result = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    if (result === 'timeout') {
      const shot = path.join(server.runDir, 'timeout.png');
      await page.screenshot({ path: shot }).catch(() => undefined);
      log(`FAILED: the tests did not report an exit code within ${opts.timeout} s (screenshot ${shot}, log ${path.join(server.runDir, 'code-server.log')})`);
      code = 1;
    } else if (result === -1) {
      log('FAILED: the browser page crashed');
      code = 1;
    } else {
      code = result;
      log(`tests reported exit code ${code} after ${secs()} s`);
    }
  } finally {
    // Server first: with the server gone the page unloads at once (closing the page first can
    // take 10 s while the workbench says goodbye to the server).
    await server?.stop();
    log(`code-server stopped after ${secs()} s`);
    await browser?.close().catch(() => undefined);
  }
  log(`exit code ${code} after ${secs()} s`);
  if (server) {
    if (code === 0 && !opts.keep) removeRunDir(server.runDir);
    else log(`run folder kept: ${server.runDir}`);
  }
  return code;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[vscode-host] ${err instanceof UsageError ? err.message : ((err as Error).stack ?? err)}`);
    process.exit(1);
  },
);
