// `npm run test:vscode`: the in-editor suite in a VS Code that @vscode/test-electron downloads.
// Needs network access to update.code.visualstudio.com; where there is none (e.g. the CI machines
// here), `npm run test:vscode-host` runs the same suite in code-server instead (E2E.md).
// Build first: `node esbuild.mjs` writes dist/test/vscode/index.js.
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const repoRoot = path.resolve(__dirname, '..', '..');

runTests({
  // The VS Code line code-server 4.100.3 is built on, so both runners test the same editor.
  version: '1.100.3',
  extensionDevelopmentPath: repoRoot,
  extensionTestsPath: path.join(repoRoot, 'dist', 'test', 'vscode', 'index.js'),
  launchArgs: [path.join(repoRoot, 'samples'), '--disable-extensions', '--disable-workspace-trust'],
}).then(
  (exitCode) => process.exit(exitCode),
  (error: unknown) => {
    console.error(`test:vscode: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
