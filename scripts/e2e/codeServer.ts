// Starts code-server (VS Code 1.100 in a browser) and Debian's Chromium for e2e tests.
// See shared design notes "E2E.md". Everything a run writes goes into .e2e/runs/<id>/.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumPath, codeServerEntry, runsDir } from './paths';

export interface CodeServerOptions {
  /** Folder opened in the workbench. */
  workspace: string;
  /** Extensions folder (e.g. holding an unpacked extension); default: an empty one in the run folder. */
  extensionsDir?: string;
  /** Default: a free port. */
  port?: number;
  /** Merged over the default user settings. */
  settings?: Record<string, unknown>;
  /**
   * Keep VS Code's workspace trust on (default: off, `--disable-workspace-trust`), so a workspace
   * not trusted yet opens in Restricted Mode.
   */
  workspaceTrust?: boolean;
}

export interface CodeServer {
  /** Workbench URL with the workspace folder, e.g. http://127.0.0.1:PORT/?folder=/abs/ws */
  url: string;
  port: number;
  pid: number;
  /** .e2e/runs/<id>: user data, extensions, XDG folders, TMPDIR, code-server.log. */
  runDir: string;
  /** `vscode-remote://127.0.0.1:PORT/abs/path`: how the workbench URL names a file on this server. */
  remoteUri(absPath: string): string;
  /** Kills code-server by pid, waits for it and its children (≤ 10 s more, then SIGKILL). */
  stop(): Promise<void>;
}

const DEFAULT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'git.enabled': false,
};

/** A new, empty .e2e/runs/<id> folder. */
export function newRunDir(): string {
  fs.mkdirSync(runsDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[-:]|\..*/g, '').replace('T', '-'); // 20260101-120000
  return fs.mkdtempSync(path.join(runsDir, `${stamp}-`));
}

/** Deletes a run folder; only warns if that fails (a late writer can race the removal). */
export function removeRunDir(dir: string): void {
  try {
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch (err) {
    console.warn(`could not remove ${dir}: ${(err as Error).message}`);
  }
}

/** XDG_* and TMPDIR pointing into `dir` (or `tmpDir`), so nothing writes into $HOME or /tmp. */
export function isolatedEnv(dir: string, tmpDir = path.join(dir, 'tmp')): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    XDG_CONFIG_HOME: path.join(dir, 'xdg-config'),
    XDG_DATA_HOME: path.join(dir, 'xdg-data'),
    XDG_CACHE_HOME: path.join(dir, 'xdg-cache'),
    TMPDIR: tmpDir,
  };
  for (const d of Object.values(env)) fs.mkdirSync(d!, { recursive: true });
  return { ...process.env, ...env };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startCodeServer(opts: CodeServerOptions): Promise<CodeServer> {
  if (!fs.existsSync(codeServerEntry)) {
    throw new Error(`code-server is not installed (${codeServerEntry}); run: node --import tsx scripts/e2e/install.ts`);
  }
  const workspace = path.resolve(opts.workspace);
  const port = opts.port ?? (await freePort());
  const runDir = newRunDir();
  const userDataDir = path.join(runDir, 'ud');
  const extensionsDir = path.resolve(opts.extensionsDir ?? path.join(runDir, 'exts'));
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...DEFAULT_SETTINGS, ...opts.settings }, null, 2),
  );

  // VS Code puts unix sockets (`vscode-ipc-<uuid>.sock`, 52 chars) in TMPDIR; a socket path
  // must stay under 108 bytes. In a deeply nested clone, fall back to a short folder in /tmp.
  let tmpDir = path.join(runDir, 'tmp');
  let ownTmp: string | undefined;
  if (tmpDir.length > 50) tmpDir = ownTmp = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-e2e-'));

  const logFile = fs.openSync(path.join(runDir, 'code-server.log'), 'a');
  // prettier-ignore
  const args = [
    codeServerEntry, '--config', '/dev/null', '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', ...(opts.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, workspace,
  ];
  // Its own process group (pgid = pid), so stop() can wait for the extension host, file watcher
  // and language servers it spawned, which outlive it by a few seconds.
  const child = spawn(process.execPath, args, {
    env: { ...isolatedEnv(runDir, tmpDir), EXTENSIONS_GALLERY: '{}' },
    stdio: ['ignore', logFile, logFile],
    detached: true,
  });
  fs.closeSync(logFile);
  const pid = child.pid!;
  const killGroup = (signal: NodeJS.Signals | 0) => {
    try {
      process.kill(-pid, signal);
      return true;
    } catch {
      return false; // no process left in the group
    }
  };
  const killOnExit = () => killGroup('SIGKILL'); // if this node process ends without stop()
  process.once('exit', killOnExit);
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));

  const stop = async () => {
    if (!exited) {
      process.kill(pid, 'SIGTERM');
      if (!(await Promise.race([exitedPromise.then(() => true), sleep(10_000).then(() => false)]))) {
        process.kill(pid, 'SIGKILL');
        await exitedPromise;
      }
    }
    for (let i = 0; i < 100 && killGroup(0); i++) await sleep(100);
    killGroup('SIGKILL');
    process.removeListener('exit', killOnExit);
    if (ownTmp) fs.rmSync(ownTmp, { recursive: true, force: true });
  };

  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`code-server exited before listening; see ${path.join(runDir, 'code-server.log')}`);
    }
    try {
      if ((await fetch(`${origin}/healthz`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer ${origin}/healthz within 30 s; see ${runDir}`);
    }
    await sleep(200);
  }

  return {
    url: `${origin}/?folder=${encodeURIComponent(workspace)}`,
    port,
    pid,
    runDir,
    remoteUri: (absPath) => `vscode-remote://127.0.0.1:${port}${path.resolve(absPath)}`,
    stop,
  };
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ChromiumSession {
  context: BrowserContext;
  /** The first tab. */
  page: Page;
  profileDir: string;
  close(): Promise<void>;
}

/**
 * Debian's Chromium through playwright-core, headless, with a fresh profile under `runDir`
 * (default: a new .e2e/runs/<id>).
 */
export async function launchChromium(opts: { runDir?: string; headless?: boolean } = {}): Promise<ChromiumSession> {
  const runDir = opts.runDir ?? newRunDir();
  const profileDir = fs.mkdtempSync(path.join(runDir, 'chromium-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: opts.headless ?? true,
    args: CHROMIUM_ARGS,
    env: isolatedEnv(runDir),
    viewport: { width: 1280, height: 800 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, profileDir, close: () => context.close() };
}
