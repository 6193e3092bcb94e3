// The editor's rendering of the Arabic sample, scrolled through from top to bottom (arabicLines.ts
// has the rules), once without word wrap and once with it; screenshots of both.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ARABIC_LETTER, arabicLineProblems, scanDocument, speakerBadge } from './arabicLines';
import { arabicSample, type UiContext } from './sample';
import { focusEditor, goToLine, waitUntil } from './workbench';

/** Without word wrap: one row per line, the front matter included. */
export async function checkUnwrappedLines({ page, workspace, resultsDir }: UiContext): Promise<void> {
  const { lines, bodyStart, lastLine, badgeLine } = arabicSample(workspace);
  await focusEditor(page);
  const rendered = await scanDocument(page, lastLine);
  const { problems, checked } = arabicLineProblems(lines, rendered, { bodyStart, wrapped: false });
  assert.deepEqual(problems, [], `${problems.length} of ${checked} Arabic lines:\n${problems.join('\n')}`);
  assert.ok(speakerBadge(rendered.get(badgeLine))?.includes('أندريه مورتازين'), `the badge names the speaker: ${speakerBadge(rendered.get(badgeLine))}`);
  await goToLine(page, badgeLine + 1);
  await page.screenshot({ path: path.join(resultsDir, 'ui-rtl-decorations-nowrap.png') });
  const inFrontMatter = lines.slice(0, bodyStart).filter((line) => ARABIC_LETTER.test(line)).length;
  console.log(`    ${checked} Arabic lines: the body's ${checked - inFrontMatter} each in one piece, the front matter's ${inFrontMatter} with their Arabic words unbroken`);
}

/**
 * With word wrap turned on in the workspace settings (as a user would; the extension reads the
 * setting to leave out column-0 badges, which VS Code does not count when it wraps): the body's
 * rows, each in one piece and within the editor.
 */
export async function checkWrappedLines({ page, workspace, resultsDir }: UiContext): Promise<void> {
  const { lines, bodyStart, lastLine, badgeLine } = arabicSample(workspace);
  const settingsFile = path.join(workspace, '.vscode', 'settings.json');
  fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
  fs.writeFileSync(settingsFile, JSON.stringify({ '[isnad]': { 'editor.wordWrap': 'on' } }));
  await focusEditor(page);
  // The workbench picks the settings file up on its own; once it has, long lines take several
  // rows, and a row that continues a line has no line number of its own.
  await waitUntil('word wrap to take effect', async () => {
    const editor = page.locator('.editor-instance .monaco-editor').first();
    const rows = await editor.locator('.view-line').count();
    const numbered = await editor.locator('.line-numbers').evaluateAll((numbers) => numbers.filter((number) => number.textContent?.trim()).length);
    return rows > numbered;
  });
  try {
    const rendered = await scanDocument(page, lastLine);
    await goToLine(page, badgeLine + 1);
    await page.screenshot({ path: path.join(resultsDir, 'ui-rtl-decorations.png') });
    assert.ok((rendered.get(badgeLine)?.length ?? 0) > 1, `word wrap is on: line ${badgeLine + 1} has ${rendered.get(badgeLine)?.length} rows`);
    const { problems, checked } = arabicLineProblems(lines, rendered, { bodyStart, wrapped: true });
    assert.deepEqual(problems, [], `${problems.length} of ${checked} Arabic lines:\n${problems.join('\n')}`);
    console.log(`    ${checked} Arabic lines of the body, each row in one piece and within the editor`);
  } finally {
    fs.rmSync(settingsFile);
    await focusEditor(page);
  }
}
