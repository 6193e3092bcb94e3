// Restricted Mode (issue 7, point 6): the manifest declares `capabilities.untrustedWorkspaces.supported:
// true`, because the extension runs no code from the document or the workspace. So in a folder the
// user has not trusted, VS Code keeps it enabled and it works as in a trusted one. The UI suite's
// second session (ui.ts) opens such a folder with workspace trust on and the extension *installed*:
// VS Code exempts an extension under development from trust, which would prove nothing.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { arabicHoverCard, arabicProblems, openArabicSample, type UiStep } from './steps';
import { UI_TIMEOUT_MS, waitForWorkbench } from './workbench';

/** Trust on, and no startup dialog: the folder opens untrusted, as when the user picks "Don't Trust". */
export const RESTRICTED_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
};

/**
 * Installs the extension at `extensionPath` into `extensionsDir` the way a .vsix install lays it
 * out (`publisher.name-version`), as a link to the built folder: packaging a .vsix takes ~20 s.
 */
export function installUnpacked(extensionPath: string, extensionsDir: string): void {
  const { publisher, name, version } = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8')) as Record<string, string>;
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.symlinkSync(path.resolve(extensionPath), path.join(extensionsDir, `${publisher}.${name}-${version}`), 'dir');
}

export const RESTRICTED_STEPS: readonly UiStep[] = [
  {
    name: 'Restricted Mode: the untrusted folder opens restricted, with Isnad installed (not under development)',
    async run({ page }) {
      await waitForWorkbench(page);
      await page.locator('#status\\.workspaceTrust', { hasText: 'Restricted Mode' }).waitFor({ timeout: UI_TIMEOUT_MS });
      const title = await page.title();
      assert.ok(!title.includes('Extension Development Host'), `an installed extension, not one under development: ${title}`);
    },
  },
  ...[openArabicSample, arabicHoverCard, arabicProblems].map((step) => ({ ...step, name: `Restricted Mode: ${step.name}` })),
];
