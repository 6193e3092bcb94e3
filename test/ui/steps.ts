// The UI suite's steps, in the order a user would take them; each one throws when what the user
// would see is not there. They share one workbench session (see ui.ts).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { ARABIC_LETTER, arabicLineProblems, scanDocument, speakerBadge } from './arabicLines';
import { EDITOR, UI_TIMEOUT_MS, hoverWord, pickQuickItem, quickOpen, runCommand, waitForWorkbench, waitUntil, webviewFrame } from './workbench';

export interface UiContext {
  readonly page: Page;
  /** The folder the workbench has open: a copy of samples/. */
  readonly workspace: string;
  /** Where screenshots go (test-results/, gitignored). */
  readonly resultsDir: string;
}

export interface UiStep {
  readonly name: string;
  run(context: UiContext): Promise<void>;
}

const ARABIC_SAMPLE = 'north-korea-russia.isnad.md';
const SECTION_HEADINGS = ['ماذا تريد كوريا الشمالية من بوتين وروسيا؟', 'إحياء تحالف “محور الشر”', 'مليار دولار لمواجهة بوتين وكيم'];

function sampleLines(workspace: string): string[] {
  return fs.readFileSync(path.join(workspace, ARABIC_SAMPLE), 'utf8').split('\n');
}

/** The zero-based line after the front matter's closing `---`. */
function firstBodyLine(lines: readonly string[]): number {
  return lines.indexOf('---', 1) + 1;
}

/** Puts the keyboard focus in the editor (after panels, views or quick inputs took it). */
async function focusEditor(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+1');
  await page.locator(`${EDITOR}.focused`).waitFor({ timeout: UI_TIMEOUT_MS });
}

/** Ctrl+G to a one-based line; done when the status bar shows the cursor there. */
async function goToLine(page: Page, line: number): Promise<void> {
  const cursor = page.locator('#status\\.editor\\.selection');
  await waitUntil(`the cursor on line ${line}`, async () => {
    await focusEditor(page);
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input.input').fill(`:${line}`); // Go to Line is quick access with the prefix `:`
    await page.keyboard.press('Enter');
    return cursor
      .filter({ hasText: `Ln ${line},` })
      .waitFor({ timeout: 5_000 })
      .then(() => true, () => false);
  });
}

export const UI_STEPS: readonly UiStep[] = [
  {
    name: 'the workbench loads with the extension under development',
    run: ({ page }) => waitForWorkbench(page),
  },
  {
    name: 'Ctrl+P opens the Arabic sample in the Isnad language mode',
    async run({ page }) {
      await quickOpen(page, ARABIC_SAMPLE);
      await page.locator('#status\\.editor\\.mode', { hasText: 'Isnad' }).waitFor({ timeout: UI_TIMEOUT_MS });
    },
  },
  {
    name: 'hovering an Arabic entity mention shows its card: name, type and Wikidata item',
    async run({ page, workspace, resultsDir }) {
      const heading = sampleLines(workspace).findIndex((line) => line.startsWith('## ماذا تريد'));
      await goToLine(page, heading + 1);
      const card = await hoverWord(page, 'ماذا تريد', 'بوتين');
      for (const expected of ['فلاديمير بوتين', '(person)', 'رئيس روسيا', 'Q7747']) assert.ok(card.includes(expected), `the card shows ${expected}:\n${card}`);
      await waitUntil('the hover to finish fading in', () =>
        page.locator('.monaco-editor .monaco-hover:not(.hidden)').first().evaluate((hover) => getComputedStyle(hover).opacity === '1'),
      );
      await page.screenshot({ path: path.join(resultsDir, 'ui-hover.png') });
      await page.mouse.move(0, 0);
      await page.keyboard.press('Escape');
    },
  },
  {
    name: 'the Problems panel lists the unattributed claims of the Arabic sample',
    async run({ page }) {
      await page.keyboard.press('Control+Shift+M');
      const rows = page.locator('.markers-panel .monaco-list-row');
      await rows.filter({ hasText: 'unattributed-claim' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
      const texts = await rows.allInnerTexts();
      const file = texts.find((text) => text.includes(ARABIC_SAMPLE));
      assert.ok(file?.includes('14'), `the file row counts 14 problems: ${JSON.stringify(texts)}`);
      const markers = texts.filter((text) => text.includes('unattributed-claim'));
      assert.ok(markers.length > 0 && markers.every((text) => text.includes('Claim has no source')), JSON.stringify(markers));
      assert.equal(texts.filter((text) => !text.includes('unattributed-claim') && text !== file).length, 0, `only unattributed claims: ${JSON.stringify(texts)}`);
      await page.keyboard.press('Control+J'); // closes the panel
    },
  },
  {
    name: 'the Outline lists the section headings of the Arabic sample',
    async run({ page }) {
      await focusEditor(page);
      await runCommand(page, 'Explorer: Focus on Outline View');
      const rows = page.locator('.outline-pane .monaco-list-row');
      await rows.filter({ hasText: SECTION_HEADINGS[0] }).first().waitFor({ timeout: UI_TIMEOUT_MS });
      // The list renders the rows in view: read it at the top, then at the bottom.
      const seen = new Set((await rows.allInnerTexts()).map((text) => text.trim()));
      await page.keyboard.press('End');
      await rows.filter({ hasText: SECTION_HEADINGS[2] }).first().waitFor({ timeout: UI_TIMEOUT_MS });
      for (const text of await rows.allInnerTexts()) seen.add(text.trim());
      const texts = [...seen];
      const headings = texts.filter((text) => SECTION_HEADINGS.some((heading) => text.startsWith(heading)));
      assert.equal(headings.length, 3, JSON.stringify(texts));
      assert.deepEqual(headings.map((text) => SECTION_HEADINGS.find((heading) => text.startsWith(heading))), SECTION_HEADINGS);
    },
  },
  {
    name: 'Export Annotations… from the command palette writes the file the save dialog proposes',
    run: (context) => exportFromPalette(context, 'new'),
  },
  {
    name: 'exporting again to the same file replaces it once the user confirms',
    run: (context) => exportFromPalette(context, 'existing'),
  },
  {
    name: 'every Arabic line of the sample is rendered as one text piece, its badge in CSS',
    run: checkEveryArabicLine,
  },
  {
    name: 'the Reading View shows the Arabic paragraphs right to left',
    async run({ page, workspace, resultsDir }) {
      await focusEditor(page);
      await runCommand(page, 'Isnad: Open Reading View');
      const frame = await webviewFrame(page, '#article .block');
      const blocks = await frame.locator('#article .block').evaluateAll((elements) =>
        elements.map((element) => ({ tag: element.tagName.toLowerCase(), dir: element.getAttribute('dir'), text: element.textContent ?? '' })),
      );
      const lines = sampleLines(workspace).slice(firstBodyLine(sampleLines(workspace)));
      const paragraphs = lines.filter((line) => line.trim() !== '' && !line.startsWith('#'));
      assert.deepEqual(
        blocks.map(({ tag }) => tag).filter((tag) => tag === 'p').length,
        paragraphs.length,
        `one <p> per paragraph: ${JSON.stringify(blocks.map(({ tag, text }) => `${tag}: ${text.slice(0, 20)}`))}`,
      );
      assert.equal(blocks.filter(({ tag }) => tag === 'h2').length, 3);
      assert.deepEqual([...new Set(blocks.map(({ dir }) => dir))], ['rtl'], 'every block is dir=rtl');
      assert.ok(blocks[0].text.startsWith('مع كلّ تحوّل جديد'), blocks[0].text.slice(0, 60));
      assert.ok(blocks.every(({ text }) => ARABIC_LETTER.test(text)));
      await page.screenshot({ path: path.join(resultsDir, 'ui-reading-view.png') });
    },
  },
];

const EXPORT_FILE = 'north-korea-russia.annotations.jsonl';

/** F1 → the command → the JSON Lines format → Enter in code-server's save dialog → any confirmation. */
async function exportFromPalette({ page, workspace }: UiContext, file: 'new' | 'existing'): Promise<void> {
  const target = path.join(workspace, EXPORT_FILE);
  const stale = 'not yet replaced\n';
  if (file === 'existing') fs.writeFileSync(target, stale);
  else assert.equal(fs.existsSync(target), false, `${EXPORT_FILE} does not exist yet`);

  await focusEditor(page);
  await runCommand(page, 'Isnad: Export Annotations…');
  await pickQuickItem(page, 'JSON Lines');
  // code-server's save dialog is a quick input holding the proposed path.
  const input = page.locator('.quick-input-widget input.input');
  await waitUntil('the save dialog to propose the export file', async () => (await input.inputValue().catch(() => '')).endsWith(EXPORT_FILE));
  await page.keyboard.press('Enter');

  const confirmations: string[] = [];
  const content = await waitUntil(`${EXPORT_FILE} to be written`, async () => {
    const written = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
    if (written !== '' && written !== stale) return written;
    // Replacing a file: the dialog's own question (a quick pick) and the extension's (a modal dialog).
    const question = page.locator('.quick-input-widget', { hasText: `${EXPORT_FILE} already exists` });
    if (await question.isVisible().catch(() => false)) {
      confirmations.push('save dialog: OK');
      await question.locator('.monaco-button', { hasText: 'OK' }).click();
    }
    const overwrite = page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Overwrite' });
    if (await overwrite.count()) {
      confirmations.push('dialog: Overwrite');
      await overwrite.first().click();
    }
    return undefined;
  });
  const lines = content.split('\n').filter((line) => line !== '');
  assert.equal(lines.length, 228, 'one line per annotation');
  assert.equal(JSON.parse(lines[0]).exact, 'آسيا');
  if (file === 'existing') assert.ok(confirmations.length > 0, 'the user was asked before the file was replaced');
  else assert.deepEqual(confirmations, [], 'no confirmation for a new file');
  await page.locator('.notifications-toasts .notification-toast', { hasText: `Exported 228 annotations to “${EXPORT_FILE}”` }).first().waitFor({ timeout: UI_TIMEOUT_MS });
  console.log(`    export: ${confirmations.length ? `confirmed by ${confirmations.join(', ')}` : 'no confirmation asked'}`);
}

/**
 * Scrolls through the whole Arabic sample twice: without word wrap (one row per line, front matter
 * included) and with it (the extension's default for Isnad files; body lines only). Screenshots of
 * the decorated right-to-left lines both ways.
 */
async function checkEveryArabicLine({ page, workspace, resultsDir }: UiContext): Promise<void> {
  const lines = sampleLines(workspace);
  const bodyStart = firstBodyLine(lines);
  const lastLine = lines.length - (lines.at(-1) === '' ? 2 : 1);
  const badgeLine = lines.findIndex((line) => line.startsWith('كذلك [تسعى'));

  await focusEditor(page);
  const unwrapped = await scanDocument(page, lastLine);
  const flat = arabicLineProblems(lines, unwrapped, { bodyStart, frontMatter: true });
  assert.deepEqual(flat.problems, [], `without word wrap, ${flat.problems.length} of ${flat.checked} Arabic lines:\n${flat.problems.join('\n')}`);
  assert.ok(speakerBadge(unwrapped.get(badgeLine))?.includes('أندريه مورتازين'), `the badge names the speaker: ${speakerBadge(unwrapped.get(badgeLine))}`);
  await goToLine(page, badgeLine + 1);
  await page.screenshot({ path: path.join(resultsDir, 'ui-rtl-decorations-nowrap.png') });

  await page.keyboard.press('Alt+Z'); // View: Toggle Word Wrap
  await focusEditor(page);
  const wrapped = await scanDocument(page, lastLine);
  const rowsOf = (line: number) => wrapped.get(line)?.length ?? 0;
  assert.ok(rowsOf(badgeLine) > 1, `word wrap is on: line ${badgeLine + 1} has ${rowsOf(badgeLine)} rows`);
  const wrappedResult = arabicLineProblems(lines, wrapped, { bodyStart, frontMatter: false });
  assert.deepEqual(wrappedResult.problems, [], `with word wrap, ${wrappedResult.problems.length} of ${wrappedResult.checked} Arabic lines:\n${wrappedResult.problems.join('\n')}`);
  await goToLine(page, badgeLine + 1);
  await page.screenshot({ path: path.join(resultsDir, 'ui-rtl-decorations.png') });
  await page.keyboard.press('Alt+Z');
  console.log(`    ${flat.checked} Arabic lines checked unwrapped (${flat.checked - wrappedResult.checked} front matter, pieces unbroken within Arabic words; body lines in one piece) and ${wrappedResult.checked} body lines wrapped, each row in one piece`);
}
