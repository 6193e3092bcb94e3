// A workbench session for the UI suite and the README screenshots: code-server on a copy of
// samples/ with the extension under development loaded through the workbench URL (E2E.md), and
// Chromium on it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, newRunDir, removeRunDir, startCodeServer, type ChromiumSession, type CodeServer } from '../../scripts/e2e/codeServer';
import { repoRoot } from '../../scripts/e2e/paths';
import { installUnpacked, RESTRICTED_SETTINGS } from './restricted';

/**
 * Word wrap off (also over the extension's `[isnad]` default), so each document line is one view
 * line; the outline shows top-level symbols only.
 */
const SETTINGS = {
  'editor.wordWrap': 'off',
  '[isnad]': { 'editor.wordWrap': 'off' },
  'editor.minimap.enabled': false,
  'outline.collapseItems': 'alwaysCollapse',
  'workbench.tips.enabled': false,
  'workbench.reduceMotion': 'on',
  // VS Code in a browser saves edits after a delay by default: steps that edit leave the file as it was.
  'files.autoSave': 'off',
  // No screen reader here. With its support on (`auto` cannot rule one out in a browser) the
  // editor mirrors 1,000 characters around the cursor into its hidden <textarea> at every move and
  // reads each key as a difference from them; loaded, just after the sample opened, keys then went
  // astray now and then (a `{` not auto-closed, an `@` without its completion list).
  'editor.accessibilitySupport': 'off',
};

export interface WorkbenchSession {
  readonly page: Page;
  /** The folder the workbench has open: a copy of samples/. */
  readonly workspace: string;
  readonly server: CodeServer;
  /** Stops Chromium and code-server; removes the run folders unless `keep`. */
  close(keep: boolean): Promise<void>;
  /** The run folders, relative to the repository. */
  readonly runDirs: readonly string[];
}

/** A new run folder holding a copy of samples/ to open: steps write files into the workspace. */
function copyOfSamples(): string {
  const workspace = path.join(newRunDir(), 'samples');
  fs.cpSync(path.join(repoRoot, 'samples'), workspace, { recursive: true });
  return workspace;
}

/**
 * Starts code-server and Chromium, and opens the workbench on a copy of samples/ (not yet loaded:
 * see waitForWorkbench). `restricted`: Restricted Mode, workspace trust on and the extension
 * installed rather than under development (restricted.ts).
 */
export async function openWorkbench(extension: string, { restricted = false } = {}): Promise<WorkbenchSession> {
  const workspace = copyOfSamples();
  const extensionPath = path.resolve(extension);
  let extensionsDir: string | undefined;
  if (restricted) installUnpacked(extensionPath, (extensionsDir = path.join(path.dirname(workspace), 'extensions')));
  const server = await startCodeServer({
    workspace,
    extensionsDir,
    settings: restricted ? { ...SETTINGS, ...RESTRICTED_SETTINGS } : SETTINGS,
    workspaceTrust: restricted,
  });
  let browser: ChromiumSession | undefined;
  const runDirs = [path.dirname(workspace), server.runDir];
  const close = async (keep: boolean) => {
    // Server first: with it gone the page unloads at once (scripts/e2e/runInEditorTests.ts).
    await server.stop();
    await browser?.close().catch(() => undefined);
    if (!keep) for (const dir of runDirs) removeRunDir(dir);
  };
  try {
    browser = await launchChromium({ runDir: server.runDir });
    const payload = restricted ? [['skipWelcome', 'true']] : [['extensionDevelopmentPath', server.remoteUri(extensionPath)], ['skipWelcome', 'true']];
    await browser.page.goto(`${server.url}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  } catch (error) {
    await close(true);
    throw error;
  }
  return { page: browser.page, workspace, server, close, runDirs: runDirs.map((dir) => path.relative(repoRoot, dir)) };
}
