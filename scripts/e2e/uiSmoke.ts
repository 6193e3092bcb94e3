// UI smoke test: opens the workbench on a folder, with the extension under development loaded
// (through the URL payload, no .vsix needed), waits for it to be ready and takes a screenshot.
// Also a template for UI tests: it drives the editor the way E2E.md's selector table describes.
//
// Usage: node --import tsx scripts/e2e/uiSmoke.ts [--workspace samples] [--extension .]
//          [--open FILE] [--screenshot .e2e/screenshots/workbench.png]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium, removeRunDir, startCodeServer } from './codeServer';
import { e2eDir, repoRoot } from './paths';

const { values: opts } = parseArgs({
  options: {
    workspace: { type: 'string', default: path.join(repoRoot, 'samples') },
    extension: { type: 'string', default: repoRoot },
    open: { type: 'string' }, // a file of the workspace to open with Ctrl+P
    screenshot: { type: 'string', default: path.join(e2eDir, 'screenshots', 'workbench.png') },
  },
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

async function main(): Promise<void> {
  const t0 = Date.now();
  const secs = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
  const server = await startCodeServer({ workspace: opts.workspace });
  const browser = await launchChromium({ runDir: server.runDir }).catch(async (err) => {
    await server.stop();
    throw err;
  });
  try {
    const { page } = browser;
    console.log(`code-server listening after ${secs()}`);
    const payload = [['extensionDevelopmentPath', server.remoteUri(opts.extension)], ['skipWelcome', 'true']];
    await page.goto(`${server.url}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    console.log(`.monaco-workbench after ${secs()}`);
    if (fs.readdirSync(opts.workspace).length > 0) {
      await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 30_000 });
      console.log(`explorer rows after ${secs()}`);
    }
    if (opts.open) {
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input.input').fill(opts.open);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: path.basename(opts.open) }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.editor-instance .monaco-editor .view-line').first().waitFor();
      console.log(`editor open after ${secs()}; language mode: ${await page.locator('#status\\.editor\\.mode').innerText()}`);
    }
    fs.mkdirSync(path.dirname(opts.screenshot), { recursive: true });
    await page.screenshot({ path: opts.screenshot });
    console.log(`screenshot ${path.relative(process.cwd(), opts.screenshot)} after ${secs()}`);
  } finally {
    await browser.close();
    await server.stop();
  }
  removeRunDir(server.runDir);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
