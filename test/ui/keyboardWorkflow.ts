// The README's keyboard workflow in the Arabic sample, the way an annotator types it: marking a
// mention with `[`, `{`, `@` and a completion, attributing a claim with `قائل=` and a completion,
// and attributing it from the light bulb (Ctrl+.).
// Each flow checks the exact text it leaves and undoes it, unsaved, so the sample stays as on disk.
// `pause` lets the README screenshots (scripts/e2e/screenshots.ts) catch the list or the menu open.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { localize } from '../../server/src/service/l10n';
import { arabicSample, type UiContext } from './sample';
import { focusEditor, goToLine, problemCounts, undoUntilSaved, UI_TIMEOUT_MS, waitForLineText, waitForProblemCounts, waitUntil, workbenchLocale } from './workbench';

/** Called while a completion list or the quick-fix menu is open, before the flow goes on. */
export type Pause = () => Promise<void>;

/** The warnings of the Arabic sample as on disk: its unattributed claims. */
export const SAMPLE_WARNINGS = 14;
const SUGGEST = '.suggest-widget.visible';
const SUGGEST_ROW = `${SUGGEST} .monaco-list-row`;
const ACTION_ROW = '.action-widget .monaco-list-row.action';

/** Waits until the status bar shows the cursor at a one-based line and column, with `selected` characters selected. */
async function waitForCursor(page: Page, line: number, column: number, selected = 0): Promise<void> {
  const status = `Ln ${line}, Col ${column}${selected ? ` (${selected} selected)` : ''}`;
  await waitUntil(`the cursor at ${status}`, async () => (await page.locator('#status\\.editor\\.selection').innerText()).trim() === status);
}

const suggestionLabels = (page: Page) => page.locator(`${SUGGEST_ROW} .label-name`).allInnerTexts();
const focusedSuggestion = (page: Page, part: '.label-name' | '.details-label') => page.locator(`${SUGGEST_ROW}.focused ${part}`).innerText().catch(() => '');

/** Types `filter` into the open completion list, waits until `label` is the chosen item, and accepts it with Enter. */
async function acceptSuggestion(page: Page, filter: string, label: string): Promise<void> {
  await page.keyboard.type(filter);
  await waitUntil(`${label} to be the chosen completion`, async () => (await focusedSuggestion(page, '.label-name')) === label);
  await page.keyboard.press('Enter');
}

/**
 * Runs `edit` on a one-based line, then undoes what it typed, unsaved, even when it failed (so the
 * next steps see the sample as on disk), and checks the line reads as before.
 */
async function undoneAfterwards(page: Page, line: number, original: string, edit: () => Promise<void>): Promise<void> {
  const restore = async () => {
    await focusEditor(page);
    await undoUntilSaved(page);
    await waitForLineText(page, line, original, 'the line as on disk');
  };
  try {
    await edit();
  } catch (error) {
    await restore().catch(() => undefined);
    throw error;
  }
  await restore();
}

/** The unannotated `آسيا` of `… في شمال شرق آسيا يؤدي …` (an implicit mention) becomes `[آسيا]{@آسيا}`. */
export async function markMentionWithCompletion({ page, workspace }: UiContext): Promise<void> {
  const { lines, bodyStart } = arabicSample(workspace);
  const index = lines.findIndex((line, at) => at >= bodyStart && line.includes('شرق آسيا'));
  const original = lines[index];
  const start = original.indexOf('شرق آسيا') + 'شرق '.length;
  const [line, column] = [index + 1, start + 1];
  const marked = (attributes: string) => `${original.slice(0, start)}[آسيا]{${attributes}}${original.slice(start + 'آسيا'.length)}`;

  await undoneAfterwards(page, line, original, async () => {
    // Each key once the editor shows what the previous one did, as a user types while watching.
    await goToLine(page, line, column);
    await page.keyboard.press('Control+Shift+ArrowRight'); // selects the word
    await waitForCursor(page, line, column + 'آسيا'.length, 'آسيا'.length);
    await page.keyboard.type('['); // surrounds the selection
    await waitForLineText(page, line, `${original.slice(0, start)}[آسيا]${original.slice(start + 'آسيا'.length)}`, 'the word in brackets');
    await page.keyboard.press('ArrowRight'); // to the end of the selection
    await page.keyboard.press('ArrowRight'); // past `]`
    await waitForCursor(page, line, column + '[آسيا]'.length);
    await page.keyboard.type('{'); // closed at once: `{}`
    await waitForLineText(page, line, marked(''), 'an empty attribute block');
    // The keywords (Arabic ones first in an Arabic paragraph), `@` among them.
    await waitUntil('the keywords after {', async () => (await suggestionLabels(page)).includes('@'));
    assert.deepEqual((await suggestionLabels(page)).slice(0, 3), ['ادعاء', 'اقتباس', '@']);
    await page.keyboard.type('@');
    // The entities of the front matter, in its order, each with its name and type.
    await waitUntil('the entity ids after @', async () => (await suggestionLabels(page))[0] === 'بوتين');
    assert.deepEqual((await suggestionLabels(page)).slice(0, 4), ['بوتين', 'كيم', 'مورتازين', 'روسيا']);
    const detail = await focusedSuggestion(page, '.details-label');
    assert.ok(detail.startsWith('فلاديمير بوتين · '), `the first id's detail: ${detail}`);
    await acceptSuggestion(page, 'آسي', 'آسيا');
    await waitForLineText(page, line, marked('@آسيا'), 'the accepted completion');
    await page.locator(SUGGEST).waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
  });
}

/** The claim opening `[في العقود الثلاثة الماضية …]{ادعاء}`, one of the sample's unattributed claims. */
interface UnattributedClaim {
  /** One-based. */
  readonly line: number;
  readonly original: string;
  /** One-based: the column of the block's `}`. */
  readonly blockEnd: number;
}

function unattributedClaim(workspace: string): UnattributedClaim {
  const { lines } = arabicSample(workspace);
  const index = lines.findIndex((line) => line.startsWith('[في العقود الثلاثة'));
  const original = lines[index];
  assert.equal(original.split('{ادعاء}').length, 2, 'one unattributed claim block on the line');
  return { line: index + 1, original, blockEnd: original.indexOf('{ادعاء}') + '{ادعاء'.length + 1 };
}

/**
 * Runs `attribute` on the claim; it must then read `{ادعاء قائل=الحكومة_الأميركية}`, with one
 * warning fewer; undone afterwards.
 */
async function attributedThenUndone(page: Page, { line, original }: UnattributedClaim, attribute: () => Promise<void>): Promise<void> {
  const before = await waitForProblemCounts(page, { ...(await problemCounts(page)), warnings: SAMPLE_WARNINGS });
  await undoneAfterwards(page, line, original, async () => {
    await attribute();
    await waitForLineText(page, line, original.replace('{ادعاء}', '{ادعاء قائل=الحكومة_الأميركية}'), 'the claim attributed');
    await waitForProblemCounts(page, { ...before, warnings: SAMPLE_WARNINGS - 1 });
  });
  await waitForProblemCounts(page, before);
}

/** A space in the claim's block, `قائ` and Enter on `قائل=`, then the sources: `الحك` and Enter. */
export async function attributeWithCompletion({ page, workspace }: UiContext, pause?: Pause): Promise<void> {
  const claim = unattributedClaim(workspace);
  await attributedThenUndone(page, claim, async () => {
    await goToLine(page, claim.line, claim.blockEnd);
    await page.keyboard.type(' ');
    // The block has its kind: the keys are offered (Arabic ones first), no second kind keyword.
    await waitUntil('the keys after a space', async () => (await suggestionLabels(page)).includes('قائل='));
    assert.ok(!(await suggestionLabels(page)).includes('ادعاء'), JSON.stringify(await suggestionLabels(page)));
    await acceptSuggestion(page, 'قائ', 'قائل=');
    await waitForLineText(page, claim.line, claim.original.replace('{ادعاء}', '{ادعاء قائل=}'), 'the accepted key');
    // The list comes back by itself: the sources in front-matter order, then the entities.
    await waitUntil('the source ids after قائل=', async () => (await suggestionLabels(page))[0] === 'مورتازين');
    assert.deepEqual((await suggestionLabels(page)).slice(0, 5), ['مورتازين', 'الحكومة_الأميركية', 'المسؤولون_الأميركيون', 'إعلام_البلدين', 'آخرون']);
    const detail = await focusedSuggestion(page, '.details-label');
    assert.ok(detail.startsWith('أندريه مورتازين · ') && detail.endsWith(' · كاتب ومحلل سياسي روسي'), `the first source's detail: ${detail}`);
    await pause?.();
    await acceptSuggestion(page, 'الحك', 'الحكومة_الأميركية');
  });
}

/** Ctrl+. in the claim's text, the keyboard down to "Attribute to الحكومة الأميركية" (not the first choice), Enter. */
export async function attributeFromLightBulb({ page, workspace }: UiContext, pause?: Pause): Promise<void> {
  const claim = unattributedClaim(workspace);
  const title = localize(await workbenchLocale(page), 'actionAttributeTo', ['الحكومة الأميركية']);
  await attributedThenUndone(page, claim, async () => {
    await goToLine(page, claim.line, 3); // inside the claim's text
    const target = page.locator(ACTION_ROW, { hasText: title });
    await waitUntil(`"${title}" in the quick-fix menu`, async () => {
      if (!(await page.locator(ACTION_ROW).count())) await page.keyboard.press('Control+.');
      return target.waitFor({ timeout: 5_000 }).then(
        () => true,
        () => false,
      );
    });
    const titles = await page.locator(`${ACTION_ROW} .title`).allInnerTexts();
    assert.ok(titles[0] !== title, `a choice further down than the first: ${JSON.stringify(titles)}`);
    await pause?.();
    const focused = () => page.locator(`${ACTION_ROW}.focused .title`).innerText().catch(() => '');
    for (let presses = 0; (await focused()) !== title; presses++) {
      assert.ok(presses < titles.length, `ArrowDown never reached "${title}" in ${JSON.stringify(titles)}`);
      const from = await focused();
      await page.keyboard.press('ArrowDown');
      await waitUntil('the next action to take the focus', async () => (await focused()) !== from);
    }
    await page.keyboard.press('Enter');
  });
}
