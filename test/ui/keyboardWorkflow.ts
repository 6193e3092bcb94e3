// The README's keyboard workflow in the Arabic sample, the way an annotator types it: marking a
// mention with `[`, `{`, `@` and a completion, attributing a claim with `قائل=` and a completion,
// and attributing it from the light bulb (Ctrl+.).
// Each flow checks the exact text it leaves and undoes it, unsaved, so the sample stays as on disk.
// `pause` lets the README screenshots (scripts/e2e/screenshots.ts) catch the list or the menu open.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { KIND_LABELS } from '../../server/src/service/features/hover';
import { localize, type Locale } from '../../server/src/service/l10n';
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

/** The rows the completion list shows (a dozen at most: the list renders what is in view), top to bottom. */
function suggestions(page: Page): Promise<{ label: string; detail: string }[]> {
  return page.locator(SUGGEST_ROW).evaluateAll((rows) =>
    rows
      .sort((a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')))
      .map((row) => ({ label: row.querySelector('.label-name')?.textContent ?? '', detail: row.querySelector('.details-label')?.textContent ?? '' })),
  );
}
const suggestionLabels = async (page: Page) => (await suggestions(page)).map(({ label }) => label);

/** Waits until the completion list shows `first` at its top. */
async function waitForSuggestions(page: Page, what: string, first: readonly { label: string; detail: string }[]): Promise<void> {
  let seen: unknown;
  try {
    await waitUntil(what, async () => {
      const rows = await suggestions(page);
      seen = rows;
      return JSON.stringify(rows.slice(0, first.length)) === JSON.stringify(first);
    });
  } catch (error) {
    throw new Error(`the completion list shows ${JSON.stringify(seen)}, not first ${JSON.stringify(first)}`, { cause: error });
  }
}

/** Enter on the completion list once `label` is its chosen item. */
async function acceptSuggestion(page: Page, label: string): Promise<void> {
  const chosen = page.locator(`${SUGGEST_ROW}.focused .label-name`);
  await waitUntil(`${label} to be the chosen completion`, async () => (await chosen.innerText().catch(() => '')) === label);
  await page.keyboard.press('Enter');
}

/** A character typed on a one-based line, and the line's text before and after it. */
interface Keystroke {
  readonly line: number;
  readonly char: string;
  readonly before: string;
  readonly after: string;
}

/**
 * Types a trigger character and waits until the completion list is `listed`. On a loaded machine,
 * just after the file opened, the editor now and then took the key without asking for completions:
 * then the character is deleted and typed once more, which still fails when the trigger is broken.
 */
async function typeTrigger(page: Page, { line, char, before, after }: Keystroke, what: string, listed: () => Promise<boolean>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.type(char);
    await waitForLineText(page, line, after, `${JSON.stringify(char)} typed`);
    const retry = attempt === 1;
    if (await waitUntil(what, listed, retry ? 10_000 : UI_TIMEOUT_MS).then(() => true, (error: unknown) => (retry ? false : Promise.reject(error)))) return;
    console.log(`    no completion list 10 s after typing ${JSON.stringify(char)}: typed again`);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Backspace');
    await waitForLineText(page, line, before, `${JSON.stringify(char)} deleted`);
  }
}

/** A definition's detail in the list: its name and its localized kind or type. */
const detail = (locale: Locale, name: string, kind: keyof typeof KIND_LABELS) => `${name} · ${localize(locale, KIND_LABELS[kind])}`;

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
  const locale = await workbenchLocale(page);
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
    // `}` overtypes the one VS Code closes by itself, which it does only once the line's syntax
    // colours are known (not yet, on a loaded machine, a few seconds after opening): `{}` either way.
    await page.keyboard.type('{}');
    await waitForLineText(page, line, marked(''), 'an empty attribute block');
    await waitForCursor(page, line, column + '[آسيا]{}'.length);
    await page.keyboard.press('ArrowLeft');
    await waitForCursor(page, line, column + '[آسيا]{'.length);
    // The ids; typing part of one (or of its name) filters them.
    await typeTrigger(page, { line, char: '@', before: marked(''), after: marked('@') }, 'the entity ids after @', async () => {
      const labels = await suggestionLabels(page);
      return labels.length > 0 && !labels.some((label) => label === '@' || label === 'ادعاء');
    });
    await page.keyboard.type('آسي');
    await waitForSuggestions(page, 'the entities matching آسي', [{ label: 'آسيا', detail: detail(locale, 'آسيا', 'place') }]);
    await acceptSuggestion(page, 'آسيا');
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

/** A space in the claim's block, `قائ` and Enter on `قائل=`, then `الحك` and Enter on the source. */
export async function attributeWithCompletion({ page, workspace }: UiContext, pause?: Pause): Promise<void> {
  const claim = unattributedClaim(workspace);
  const locale = await workbenchLocale(page);
  await attributedThenUndone(page, claim, async () => {
    await goToLine(page, claim.line, claim.blockEnd);
    // The block has its kind: the keys are offered (Arabic ones first), no second kind keyword.
    const typed = { line: claim.line, char: ' ', before: claim.original, after: claim.original.replace('{ادعاء}', '{ادعاء }') };
    await typeTrigger(page, typed, 'the keys after a space', async () => (await suggestionLabels(page)).includes('قائل='));
    assert.ok(!(await suggestionLabels(page)).includes('ادعاء'), JSON.stringify(await suggestionLabels(page)));
    await page.keyboard.type('قائ');
    await acceptSuggestion(page, 'قائل=');
    await waitForLineText(page, claim.line, claim.original.replace('{ادعاء}', '{ادعاء قائل=}'), 'the accepted key');
    // The list comes back by itself with the ids: `ال` (which most Arabic ids and names start
    // with) keeps the article's own, sources first in front-matter order, then entities.
    await waitUntil('the ids after قائل=', async () => {
      const labels = await suggestionLabels(page);
      return labels.length > 0 && !labels.some((label) => label.endsWith('='));
    });
    await page.keyboard.type('ال');
    await waitForSuggestions(page, 'the ids starting with ال', [
      { label: 'الحكومة_الأميركية', detail: detail(locale, 'الحكومة الأميركية', 'government') },
      { label: 'المسؤولون_الأميركيون', detail: detail(locale, 'مسؤولون أميركيون (لم يسمّهم المقال)', 'government') },
      { label: 'الصين', detail: detail(locale, 'الصين', 'country') },
    ]);
    await pause?.();
    await page.keyboard.type('حك');
    await waitForSuggestions(page, 'the one id matching الحك', [{ label: 'الحكومة_الأميركية', detail: detail(locale, 'الحكومة الأميركية', 'government') }]);
    await acceptSuggestion(page, 'الحكومة_الأميركية');
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
