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
import { launchChromium, startCodeServer, type ChromiumSession, type CodeServer } from './codeServer';
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

const log = (msg: string) => console.log(`[vscode-host] ${msg}`);

async function main(): Promise<number> {
  const testsPath = path.resolve(opts.tests);
  const extensionPath = path.resolve(opts.extension);
  const timeoutMs = Number(opts.timeout) * 1000;
  for (const [what, p] of [['tests module', testsPath], ['extension', path.join(extensionPath, 'package.json')], ['workspace', opts.workspace]]) {
    if (!fs.existsSync(p)) throw new Error(`${what} not found: ${p}${what === 'tests module' ? ' (build it first)' : ''}`);
  }

  const started = Date.now();
  let server: CodeServer | undefined;
  let browser: ChromiumSession | undefined;
  let code = 1;
  try {
    server = await startCodeServer({ workspace: opts.workspace });
    log(`code-server ${server.url} (pid ${server.pid}, run folder ${path.relative(process.cwd(), server.runDir)})`);
    browser = await launchChromium({ runDir: server.runDir });
    const { page } = browser;

    let reportExit!: (code: number) => void;
    const exited = new Promise<number>((resolve) => (reportExit = resolve));
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
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
    }
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  }
  log(`exit code ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (server) {
    if (code === 0 && !opts.keep) fs.rmSync(server.runDir, { recursive: true, force: true });
    else log(`run folder kept: ${server.runDir}`);
  }
  return code;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[vscode-host] ${(err as Error).stack ?? err}`);
    process.exit(1);
  },
);
