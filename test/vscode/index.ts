// Entry of the in-editor suite: VS Code's extension host calls run() (see scripts/e2e/runInEditorTests.ts
// and test/vscode/runWithElectron.ts). The suites are imported statically so esbuild bundles them;
// each registers itself once Mocha has set up its `describe`/`it` globals.
import * as path from 'node:path';
import Mocha from 'mocha';
import { activationTests } from './activation.test';
import { arabicTests } from './arabic.test';
import { codeActionTests } from './codeActions.test';
import { commandTests } from './commands.test';
import { decorationTests } from './decorations.test';
import { diagnosticsTests } from './diagnostics.test';
import { exportTests } from './export.test';
import { hoverTests } from './hover.test';
import { outlineTests } from './outline.test';
import { languageFeatureTests } from './languageFeatures.test';
import { safetyTests } from './safety.test';
import { workspaceTests } from './workspace.test';

/** Activation first: it measures a cold start. */
const SUITES = [activationTests, diagnosticsTests, hoverTests, outlineTests, commandTests, codeActionTests, exportTests, decorationTests, languageFeatureTests, safetyTests, arabicTests, workspaceTests];

/** This file is bundled to dist/test/vscode/index.js; the reporter stays a plain file in test/. */
const SUMMARY_REPORTER = path.resolve(__dirname, '..', '..', '..', 'test', 'summaryReporter.js');

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: SUMMARY_REPORTER });
  mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_PRE_REQUIRE, globalThis, 'test/vscode', mocha);
  for (const register of SUITES) register();
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} in-editor tests failed`)) : resolve()));
  });
}
