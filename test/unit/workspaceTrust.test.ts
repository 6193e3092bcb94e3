// Workspace trust and virtual workspaces (package.json `capabilities`): the extension treats a
// document as text only. Nothing in the client or the server runs code it reads (no eval, no
// Function constructor, no vm, no child processes), and the client reaches files only through
// `workspace.fs`, so documents on virtual file systems (vscode-vfs://…) work like files.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

function sources(folder: string): { file: string; text: string }[] {
  return fs
    .readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => ({ file: path.join(folder, name), text: fs.readFileSync(path.join(ROOT, folder, name), 'utf8') }));
}

/** What runs code or starts processes. `LanguageClient` spawns the server from the extension's own dist/, not from here. */
const RUNS_CODE = [/\beval\s*\(/, /\bnew\s+Function\s*\(/, /['"]node:vm['"]|['"]vm['"]/, /child_process/, /\bimport\s*\(\s*[^'"]/, /\brequire\s*\(\s*[^'"]/];
/** Node's file system: the client must use workspace.fs instead. */
const NODE_FS = /['"](?:node:)?fs(?:\/promises)?['"]/;

describe('workspace trust and virtual workspaces', () => {
  it('declares both capabilities in package.json, with descriptions', () => {
    const { capabilities } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(capabilities, {
      untrustedWorkspaces: { supported: true, description: '%capabilities.untrustedWorkspaces%' },
      virtualWorkspaces: { supported: 'limited', description: '%capabilities.virtualWorkspaces%' },
    });
  });

  it('runs no code it reads: no eval, Function, vm, child processes or computed imports in the client or the server', () => {
    const found = [...sources('client/src'), ...sources('server/src')].flatMap(({ file, text }) =>
      RUNS_CODE.filter((pattern) => pattern.test(text)).map((pattern) => `${file}: ${pattern}`),
    );
    assert.deepEqual(found, []);
  });

  it('never uses Node’s fs in the client, only workspace.fs', () => {
    assert.deepEqual(
      sources('client/src').filter(({ text }) => NODE_FS.test(text)).map(({ file }) => file),
      [],
    );
  });
});
