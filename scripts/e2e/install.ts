// Installs what the e2e tests need, skipping whatever is already there:
//   - Debian packages libkrb5-dev (headers for a native module), ripgrep, chromium;
//   - code-server into .e2e/code-server (its own folder: it is ~300 MB).
// Usage: node --import tsx scripts/e2e/install.ts
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CODE_SERVER_VERSION, codeServerEntry, codeServerPackage, codeServerPrefix, e2eDir } from './paths';

const APT_PACKAGES = ['libkrb5-dev', 'ripgrep', 'chromium'];
// @vscode/ripgrep (a code-server dependency) downloads this file from GitHub in its postinstall,
// unless it already sits in its cache folder under os.tmpdir().
const RIPGREP_CACHE = path.join('vscode-ripgrep-cache-1.15.11', 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');

const started = Date.now();
const log = (msg: string) => console.log(`[e2e:install +${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env, cwd?: string): void {
  log(`$ ${cmd} ${args.join(' ')}`);
  const res = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], env, cwd });
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${res.error?.message ?? `exit ${res.status}`})`);
}

function aptInstalled(pkg: string): boolean {
  const res = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return res.status === 0 && res.stdout.includes('install ok installed');
}

function installAptPackages(): void {
  const missing = APT_PACKAGES.filter((p) => !aptInstalled(p));
  if (missing.length === 0) return log(`apt: ${APT_PACKAGES.join(', ')} already installed`);
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args: string[]) => (sudo.length ? run('sudo', ['-E', 'apt-get', ...args], env) : run('apt-get', args, env));
  log(`apt: installing ${missing.join(', ')}`);
  apt(['update']);
  apt(['install', '-y', ...missing]);
}

// Written last, so an interrupted install is redone.
const marker = path.join(codeServerPrefix, '.installed');

function installedCodeServerVersion(): string | undefined {
  try {
    if (!fs.existsSync(codeServerEntry) || !fs.existsSync(marker)) return undefined;
    return JSON.parse(fs.readFileSync(path.join(codeServerPackage, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

function installCodeServer(): void {
  const have = installedCodeServerVersion();
  if (have === CODE_SERVER_VERSION) return log(`code-server ${have} already in ${path.relative(process.cwd(), codeServerPrefix)}`);
  log(`code-server: installing ${CODE_SERVER_VERSION} into ${codeServerPrefix}${have ? ` (replacing ${have})` : ''}`);
  fs.rmSync(codeServerPrefix, { recursive: true, force: true });
  fs.mkdirSync(codeServerPrefix, { recursive: true });
  fs.writeFileSync(path.join(codeServerPrefix, 'package.json'), '{ "private": true }\n');

  // A TMPDIR of our own, holding Debian's rg in the tarball @vscode/ripgrep looks for.
  const tmp = path.join(e2eDir, 'install-tmp');
  fs.rmSync(tmp, { recursive: true, force: true });
  const tarball = path.join(tmp, RIPGREP_CACHE);
  fs.mkdirSync(path.dirname(tarball), { recursive: true });
  const rg = execFileSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).trim();
  execFileSync('tar', ['-czf', tarball, '-C', path.dirname(rg), path.basename(rg)]);
  log(`ripgrep: cached ${rg} as ${tarball}`);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TMPDIR: tmp,
    npm_config_yes: 'true', // lets node-pty's `npx node-gyp` run without a prompt
    npm_config_unsafe_perm: 'true', // code-server's postinstall refuses to run as root otherwise
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  // node-gyp would download Node's headers (offline here); use the ones installed next to node.
  const nodePrefix = path.resolve(path.dirname(process.execPath), '..');
  if (!process.env.npm_config_nodedir && fs.existsSync(path.join(nodePrefix, 'include', 'node', 'node.h'))) {
    env.npm_config_nodedir = nodePrefix;
  }
  run('npm', ['install', '--no-save', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], env, codeServerPrefix);
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.writeFileSync(marker, `${CODE_SERVER_VERSION}\n`);
  if (installedCodeServerVersion() !== CODE_SERVER_VERSION) throw new Error(`code-server install did not produce ${codeServerEntry}`);
}

try {
  installAptPackages();
  installCodeServer();
  log('done');
} catch (err) {
  console.error(`[e2e:install] ${(err as Error).message}`);
  process.exit(1);
}
