// `npm start`: build, package the .vsix, and open VS Code on samples/ with it installed —
// the desktop `code` when it is on PATH, otherwise code-server in the browser.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startCodeServer } from './e2e/codeServer';
import { codeServerEntry, e2eDir, repoRoot } from './e2e/paths';

const vsix = path.join(repoRoot, 'isnad.vsix');
const samples = path.join(repoRoot, 'samples');

function run(command: string, args: readonly string[]): void {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

async function openInCodeServer(): Promise<void> {
  run(process.execPath, ['--import', 'tsx', 'scripts/e2e/install.ts']);
  const extensionsDir = path.join(e2eDir, 'start', 'extensions');
  fs.mkdirSync(extensionsDir, { recursive: true });
  run(process.execPath, [codeServerEntry, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force']);
  const server = await startCodeServer({ workspace: samples, extensionsDir });
  console.log(`\nIsnad is running in VS Code (code-server) at:\n\n  ${server.url}\n\nOpen it in a browser; press Ctrl+C here to stop.`);
  const stop = () => void server.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function main(): Promise<void> {
  run('npm', ['run', 'package']);
  if (onPath('code')) {
    run('code', ['--install-extension', vsix, '--force']);
    run('code', [samples]);
    return;
  }
  await openInCodeServer();
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
