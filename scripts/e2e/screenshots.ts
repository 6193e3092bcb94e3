// `npm run screenshots`: the README's pictures of the keyboard workflow, taken in the real VS Code
// (code-server in Chromium) on the Arabic sample by the UI suite's own flows, so they can be
// regenerated after a change: the completion list after `قائل=`, the quick-fix menu on an
// unattributed claim, and a section's code lens with the references of an entity peeked below its
// heading. (Not the list after `@` in a block just typed: VS Code marks the `}` it closed by itself
// with an inline decoration, which cuts the Arabic line into pieces until the cursor leaves the block.)
//
// Usage: node --import tsx scripts/e2e/screenshots.ts [--extension .] [--out docs/images]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { attributeFromLightBulb, attributeWithCompletion, SAMPLE_WARNINGS } from '../../test/ui/keyboardWorkflow';
import { ARABIC_SAMPLE, arabicSample, type UiContext } from '../../test/ui/sample';
import { openWorkbench, type WorkbenchSession } from '../../test/ui/session';
import { EDITOR, goToLine, quickOpen, UI_TIMEOUT_MS, waitForProblemCounts, waitForWorkbench, waitUntil } from '../../test/ui/workbench';
import { repoRoot } from './paths';

const { values: opts } = parseArgs({
  options: {
    extension: { type: 'string', default: repoRoot },
    out: { type: 'string', default: path.join(repoRoot, 'docs', 'images') },
  },
});

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The smallest box holding every box, widened by `margin` (x, y), within the editor. */
async function around(page: Page, boxes: readonly Box[], margin: { x: number; y: number }): Promise<Box> {
  const editor = (await page.locator(EDITOR).first().boundingBox())!;
  const left = Math.max(editor.x, Math.min(...boxes.map((box) => box.x)) - margin.x);
  const top = Math.max(editor.y, Math.min(...boxes.map((box) => box.y)) - margin.y);
  const right = Math.min(editor.x + editor.width, Math.max(...boxes.map((box) => box.x + box.width)) + margin.x);
  const bottom = Math.min(editor.y + editor.height, Math.max(...boxes.map((box) => box.y + box.height)) + margin.y);
  return { x: Math.round(left), y: Math.round(top), width: Math.round(right - left), height: Math.round(bottom - top) };
}

async function boxOf(page: Page, selector: string): Promise<Box> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not on screen`);
  return box;
}

/** Waits until nothing in the workbench moves any more (widgets fade and slide in). */
async function settled(page: Page): Promise<void> {
  let previous = '';
  await waitUntil('the workbench to settle', async () => {
    const now = await page.evaluate(() => document.querySelector('.monaco-workbench')?.innerHTML.length);
    const still = String(now) === previous;
    previous = String(now);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    return still;
  });
}

async function shoot(page: Page, file: string, clip: Box): Promise<void> {
  await settled(page);
  const target = path.join(opts.out, file);
  await page.screenshot({ path: target, clip });
  console.log(`  ${path.relative(repoRoot, target)}: ${clip.width}×${clip.height}, ${Math.round(fs.statSync(target).size / 1024)} KB`);
}

/** The caret's line, `reach` pixels either side of the caret. */
async function caretLine(page: Page, reach: number): Promise<Box> {
  const caret = await boxOf(page, `${EDITOR} .cursors-layer .cursor`);
  return { x: caret.x - reach, y: caret.y, width: 2 * reach, height: caret.height };
}

/** The first section's heading with its code lens above it, and the references of `@بوتين` in it peeked below. */
async function codeLensAndReferences(page: Page, workspace: string): Promise<void> {
  const { lines } = arabicSample(workspace);
  const heading = lines.findIndex((line) => line.startsWith('## ماذا تريد'));
  await goToLine(page, heading + 1, lines[heading].indexOf('{@بوتين}') + 4);
  const lens = page.locator(`${EDITOR} .codelens-decoration`, { hasText: 'unattributed' }).first();
  await lens.waitFor({ timeout: UI_TIMEOUT_MS });
  // The peek's title shows the folder of the run's copy of the sample: a path of this machine, left out.
  await page.addStyleTag({ content: '.peekview-title .dirname { display: none !important; }' });
  await page.keyboard.press('Shift+F12');
  const peek = page.locator(`${EDITOR} .peekview-widget`);
  await peek.locator('.monaco-list-row').first().waitFor({ timeout: UI_TIMEOUT_MS });
  // The peek's title counts the references once they are all in.
  await waitUntil('the references to be counted', async () => /\d/.test(await peek.locator('.peekview-title').innerText()));
  // The editor's whole width: the references list is at the peek's right end.
  await shoot(page, 'code-lens-references.png', await around(page, [(await lens.boundingBox())!, (await peek.boundingBox())!], { x: Infinity, y: 8 }));
  await page.keyboard.press('Escape');
}

async function main(): Promise<void> {
  fs.mkdirSync(opts.out, { recursive: true });
  let session: WorkbenchSession | undefined;
  let failed = true;
  try {
    session = await openWorkbench(opts.extension);
    const { page, workspace } = session;
    const context: UiContext = { page, workspace, resultsDir: opts.out };
    await waitForWorkbench(page);
    await quickOpen(page, ARABIC_SAMPLE);
    await waitForProblemCounts(page, { errors: 0, warnings: SAMPLE_WARNINGS, infos: 1 });
    await attributeWithCompletion(context, async () =>
      shoot(page, 'completion.png', await around(page, [await caretLine(page, 220), await boxOf(page, '.suggest-widget.visible')], { x: 12, y: 40 })),
    );
    await attributeFromLightBulb(context, async () =>
      shoot(page, 'quick-fix.png', await around(page, [await caretLine(page, 160), await boxOf(page, '.action-widget')], { x: 12, y: 40 })),
    );
    await codeLensAndReferences(page, workspace);
    failed = false;
  } finally {
    await session?.close(failed);
    if (failed && session) console.log(`run folders kept: ${session.runDirs.join(', ')}`);
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
