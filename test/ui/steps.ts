// The UI suite's steps, in the order a user would take them; each one throws when what the user
// would see is not there. They share one workbench session (see ui.ts).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ARABIC_LETTER } from './arabicLines';
import { checkUnwrappedLines, checkWrappedLines } from './editorLines';
import { exportFromPalette } from './exportFlow';
import { attributeFromLightBulb, attributeWithCompletion, markMentionWithCompletion } from './keyboardWorkflow';
import { ARABIC_SAMPLE, arabicSample, type UiContext } from './sample';
import { focusEditor, goToLine, hoverWord, quickOpen, runCommand, UI_TIMEOUT_MS, waitForWorkbench, waitUntil, webviewFrame } from './workbench';

export interface UiStep {
  readonly name: string;
  run(context: UiContext): Promise<void>;
}

const SECTION_HEADINGS = ['ماذا تريد كوريا الشمالية من بوتين وروسيا؟', 'إحياء تحالف “محور الشر”', 'مليار دولار لمواجهة بوتين وكيم'];

// The next three steps also run in Restricted Mode (restricted.ts): they show the extension at work.
export const openArabicSample: UiStep = {
  name: 'Ctrl+P opens the Arabic sample in the Isnad language mode',
  async run({ page }) {
    await quickOpen(page, ARABIC_SAMPLE);
    await page.locator('#status\\.editor\\.mode', { hasText: 'Isnad' }).waitFor({ timeout: UI_TIMEOUT_MS });
  },
};

export const arabicHoverCard: UiStep = {
  name: 'hovering an Arabic entity mention shows its card: name, type and Wikidata item',
  async run({ page, workspace, resultsDir }) {
    const heading = arabicSample(workspace).lines.findIndex((line) => line.startsWith('## ماذا تريد'));
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
};

export const arabicProblems: UiStep = {
  name: 'the Problems panel lists the unattributed claims of the Arabic sample and its one possible attribution',
  async run({ page }) {
    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row');
    await rows.filter({ hasText: 'unattributed-claim' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    const texts = await rows.allInnerTexts();
    const file = texts.find((text) => text.includes(ARABIC_SAMPLE));
    assert.ok(file?.includes('15'), `the file row counts 15 problems: ${JSON.stringify(texts)}`);
    const markers = texts.filter((text) => text.includes('unattributed-claim'));
    assert.ok(markers.length > 0 && markers.every((text) => text.includes('Claim has no source')), JSON.stringify(markers));
    const others = texts.filter((text) => !text.includes('unattributed-claim') && text !== file);
    assert.ok(others.every((text) => text.includes('possible-attribution')), `only unattributed claims and the hint: ${JSON.stringify(texts)}`);
    await page.keyboard.press('Control+J'); // closes the panel
  },
};

export const UI_STEPS: readonly UiStep[] = [
  {
    name: 'the workbench loads with the extension under development',
    run: ({ page }) => waitForWorkbench(page),
  },
  openArabicSample,
  arabicHoverCard,
  arabicProblems,
  {
    name: 'Who Said What: Show One Article… from the palette lists every article of the workspace, the view never shown',
    async run({ page, workspace }) {
      const articles = fs.readdirSync(workspace).filter((name) => name.endsWith('.isnad.md'));
      await focusEditor(page);
      await runCommand(page, 'Isnad: Who Said What: Show One Article…');
      const rows = page.locator('.quick-input-list .monaco-list-row');
      // The palette's own rows show until the command's quick pick replaces them: wait for the files' names.
      const texts = await waitUntil('a row for each article', async () => {
        const seen = await rows.allInnerTexts();
        return seen.length === articles.length && seen.every((text) => text.includes('.isnad.md')) && seen;
      }).catch(async (error: Error) => {
        throw new Error(`${error.message}: ${JSON.stringify(await rows.allInnerTexts())}`);
      });
      for (const article of articles) assert.ok(texts.some((text) => text.includes(article)), `${article} among ${JSON.stringify(texts)}`);
      assert.ok(texts.some((text) => text.includes('تجديد العلاقة بين كوريا الشمالية وروسيا')), 'the Arabic sample by its title');
      await page.keyboard.press('Escape');
    },
  },
  {
    name: 'typing [, {} and @ around an unannotated Arabic name offers the entity ids; Enter on the filtered one marks the mention',
    run: (context) => markMentionWithCompletion(context),
  },
  {
    name: 'a space and قائل= in an unattributed claim\'s block offer the sources; Enter on the filtered one attributes it, one warning fewer',
    run: (context) => attributeWithCompletion(context),
  },
  {
    name: 'Ctrl+. on an unattributed claim offers "Attribute to …" for each source; the chosen one attributes it, one warning fewer',
    run: (context) => attributeFromLightBulb(context),
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
    name: 'without word wrap, every Arabic line of the sample is one text piece, its speaker badge in CSS',
    run: checkUnwrappedLines,
  },
  {
    name: 'with word wrap on, every row of the Arabic body is one piece and fits in the editor',
    run: checkWrappedLines,
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
      const { lines, bodyStart } = arabicSample(workspace);
      const paragraphs = lines.slice(bodyStart).filter((line) => line.trim() !== '' && !line.startsWith('#'));
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
