// Driving the VS Code workbench (code-server in Chromium) the way a user does: keyboard, quick
// input, mouse. Selectors are E2E.md's "selectors that held up"; every wait waits for a condition.
import type { Frame, Page } from 'playwright-core';
import { toLocale, type Locale } from '../../server/src/service/l10n';

/** Generous: the machines running this are often loaded by other work. */
export const UI_TIMEOUT_MS = 30_000;

const QUICK_INPUT = '.quick-input-widget input.input';
const QUICK_ROW = '.quick-input-list .monaco-list-row';
export const EDITOR = '.editor-instance .monaco-editor';

/** The workbench is up and the explorer lists the workspace folder. */
export async function waitForWorkbench(page: Page): Promise<void> {
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
}

/** Ctrl+P, the file name, Enter on its row; resolves once the editor shows the file's tab. */
export async function quickOpen(page: Page, fileName: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await page.locator(QUICK_INPUT).fill(fileName);
  await page.locator(QUICK_ROW, { hasText: fileName }).first().waitFor({ timeout: UI_TIMEOUT_MS });
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: fileName }).waitFor({ timeout: UI_TIMEOUT_MS });
  await page.locator(`${EDITOR} .view-line`).first().waitFor({ timeout: UI_TIMEOUT_MS });
}

/** F1, the command's title, Enter on its row. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.locator(QUICK_INPUT).fill(`>${title}`);
  await page.locator(QUICK_ROW, { hasText: title }).first().waitFor({ timeout: UI_TIMEOUT_MS });
  await page.keyboard.press('Enter');
}

/** Picks the row of an open quick pick (format choices, …) that contains `text`. */
export async function pickQuickItem(page: Page, text: string): Promise<void> {
  const row = page.locator(QUICK_ROW, { hasText: text }).first();
  await row.waitFor({ timeout: UI_TIMEOUT_MS });
  await row.click();
}

/** Polls `probe` until it returns something other than undefined/false. */
export async function waitUntil<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = UI_TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Puts the keyboard focus in the editor (after panels, views or quick inputs took it). */
export async function focusEditor(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+1');
  await page.locator(`${EDITOR}.focused`).waitFor({ timeout: UI_TIMEOUT_MS });
}

/** Ctrl+G to a one-based line (and column); done when the status bar shows the cursor there. */
export async function goToLine(page: Page, line: number, column?: number): Promise<void> {
  const input = page.locator(QUICK_INPUT);
  const [target, row, status] =
    column === undefined
      ? [`:${line}`, `Go to line ${line}.`, new RegExp(`Ln ${line},`)]
      : [`:${line}:${column}`, `Go to line ${line} and character ${column}.`, new RegExp(`Ln ${line}, Col ${column}\\b`)];
  const cursor = page.locator('#status\\.editor\\.selection', { hasText: status });
  await waitUntil(`the cursor on ${target}`, async () => {
    await focusEditor(page);
    await page.keyboard.press('Control+G');
    // Go to Line is quick access with the prefix `:`, which the input holds once it is open.
    await waitUntil('the Go to Line input', async () => (await input.inputValue().catch(() => '')) === ':');
    await input.fill(target);
    await page.locator(QUICK_ROW, { hasText: row }).waitFor({ timeout: UI_TIMEOUT_MS });
    await page.keyboard.press('Enter');
    return cursor.waitFor({ timeout: 5_000 }).then(
      () => true,
      () => false,
    );
  });
}

/** The locale of the workbench's display language, which the extension's `auto` locale follows. */
export async function workbenchLocale(page: Page): Promise<Locale> {
  // VS Code's own source of `vscode.env.language` in a browser; unset means English.
  return toLocale(await page.evaluate(() => (globalThis as { _VSCODE_NLS_LANGUAGE?: string })._VSCODE_NLS_LANGUAGE));
}

export interface ProblemCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

/** The problem counts the status bar shows, each beside its icon. */
export function problemCounts(page: Page): Promise<ProblemCounts> {
  return page.locator('#status\\.problems').evaluate((item) => {
    const counts: Record<string, number> = { errors: 0, warnings: 0, infos: 0 };
    const names: Record<string, string> = { 'codicon-error': 'errors', 'codicon-warning': 'warnings', 'codicon-info': 'infos' };
    for (const icon of Array.from(item.querySelectorAll('.codicon'))) {
      const name = Object.keys(names).find((className) => icon.classList.contains(className));
      if (name) counts[names[name]] = Number(icon.nextSibling?.textContent?.trim() || 0);
    }
    return counts as unknown as ProblemCounts;
  });
}

/** Waits until the status bar shows `expected` problem counts; returns them. */
export async function waitForProblemCounts(page: Page, expected: ProblemCounts): Promise<ProblemCounts> {
  let seen: ProblemCounts | undefined;
  try {
    return await waitUntil('the problem counts', async () => {
      seen = await problemCounts(page);
      return JSON.stringify(seen) === JSON.stringify(expected) && seen;
    });
  } catch (error) {
    throw new Error(`the status bar counts ${JSON.stringify(seen)} problems, not ${JSON.stringify(expected)}`, { cause: error });
  }
}

/** The text of a one-based line as the editor renders it (the line must be in view). */
export async function renderedLineText(page: Page, line: number): Promise<string | undefined> {
  const rows = (await renderedRows(page)).filter((row) => row.lineNumber === line);
  return rows.length ? rows.map((row) => row.pieces.join('')).join('') : undefined;
}

/** Waits until a one-based line reads `expected` in the editor. */
export async function waitForLineText(page: Page, line: number, expected: string, what: string): Promise<void> {
  let seen: string | undefined;
  try {
    await waitUntil(what, async () => (seen = await renderedLineText(page, line)) === expected.replace(/\u00a0/g, ' '));
  } catch (error) {
    throw new Error(`line ${line} reads ${JSON.stringify(seen)} instead of ${JSON.stringify(expected)}`, { cause: error });
  }
}

/** Ctrl+Z until the active editor holds the file as saved (its tab no longer marked dirty): the user's edits are gone, nothing saved. */
export async function undoUntilSaved(page: Page): Promise<void> {
  const dirtyTab = page.locator('.tab.active.dirty');
  await waitUntil('the edits to be undone', async () => {
    if (!(await dirtyTab.count())) return true;
    await page.keyboard.press('Control+Z');
    // Undoing past the file as opened changes nothing, so a press too many is harmless.
    await dirtyTab.waitFor({ state: 'detached', timeout: 1_000 }).catch(() => undefined);
    return false;
  });
}

/** A view line as the editor rendered it (E2E.md: `.view-line` > span[dir=ltr] > one span per styled piece). */
export interface RenderedRow {
  /** One-based: the number the gutter shows beside the row, or beside the row it continues (word wrap). */
  readonly lineNumber: number;
  /** The text of each piece (no-break spaces as spaces); attachments are empty pieces. */
  readonly pieces: readonly string[];
  /** The CSS `::before` / `::after` content of the pieces: the decorations' attachments. */
  readonly attachments: readonly string[];
  /** How many pixels of the row lie beyond the right edge of the editor's text area (0 when none). */
  readonly overflow: number;
}

/**
 * The view lines the editor has rendered (the visible ones and a few around them), top to bottom.
 * Rows continuing a line whose first row is not rendered are left out.
 */
export function renderedRows(page: Page): Promise<RenderedRow[]> {
  return page.evaluate((editorSelector) => {
    // No helper functions declared in here: tsx names them with a `__name` call that the page lacks.
    const numberAt = new Map<string, number>();
    for (const margin of Array.from(document.querySelectorAll(`${editorSelector} .margin-view-overlays > div`)) as HTMLElement[]) {
      numberAt.set(margin.style.top, Number(margin.querySelector('.line-numbers')?.textContent?.trim() || 0));
    }
    const rows = (Array.from(document.querySelectorAll(`${editorSelector} .view-lines .view-line`)) as HTMLElement[]).sort(
      (a, b) => parseFloat(a.style.top) - parseFloat(b.style.top),
    );
    const scrollable = document.querySelector(`${editorSelector} .editor-scrollable`)?.getBoundingClientRect();
    const scrollbar = document.querySelector(`${editorSelector} .editor-scrollable > .scrollbar.vertical`)?.getBoundingClientRect();
    const visibleRight = scrollbar && scrollbar.width > 0 ? scrollbar.left : (scrollable?.right ?? Infinity);
    const rendered = [];
    let lineNumber = 0;
    for (const row of rows) {
      lineNumber = numberAt.get(row.style.top) || lineNumber;
      if (lineNumber === 0) continue;
      const pieces = Array.from(row.querySelectorAll(':scope > span > span'));
      const attachments: string[] = [];
      for (const piece of pieces) {
        for (const pseudo of ['::before', '::after']) {
          const content = getComputedStyle(piece, pseudo).content;
          if (content !== 'none' && content !== 'normal' && content !== '') attachments.push(content);
        }
      }
      const right = row.firstElementChild?.getBoundingClientRect().right ?? 0;
      rendered.push({
        lineNumber,
        pieces: pieces.map((piece) => (piece.textContent ?? '').replace(/\u00a0/g, ' ')),
        attachments,
        overflow: Math.max(0, Math.round(right - visibleRight)),
      });
    }
    return rendered;
  }, EDITOR);
}

/**
 * Moves the mouse onto `word` inside the rendered line whose text contains `lineText`, retrying
 * small moves until the hover widget shows; returns the widget's text.
 */
export async function hoverWord(page: Page, lineText: string, word: string): Promise<string> {
  // Located again before every move: the line shifts when, say, code lenses arrive above it.
  const locate = () => waitUntil(`"${word}" on a rendered line containing "${lineText}"`, () => page.evaluate(
    ({ editorSelector, lineText, word }) => {
      for (const line of Array.from(document.querySelectorAll(`${editorSelector} .view-lines .view-line`))) {
        const text = (line.textContent ?? '').replace(/\u00a0/g, ' ');
        if (!text.includes(lineText)) continue;
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = (node.textContent ?? '').replace(/\u00a0/g, ' ').indexOf(word);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + word.length);
          const rect = range.getBoundingClientRect();
          return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
        }
      }
      return undefined;
    },
    { editorSelector: EDITOR, lineText, word },
  ));
  const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden)');
  for (let attempt = 0; attempt < 20; attempt++) {
    const box = await locate();
    await page.mouse.move(box.x + box.width * (0.3 + 0.04 * (attempt % 10)), box.y + box.height / 2);
    if (await hover.first().isVisible().catch(() => false)) break;
    await hover.first().waitFor({ state: 'visible', timeout: 1_500 }).catch(() => undefined);
    if (await hover.first().isVisible().catch(() => false)) break;
  }
  await hover.first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  // The widget may show a placeholder first (on a loaded machine, for a while): wait until its text settles.
  let previous = '';
  return waitUntil('the hover text to settle', async () => {
    const text = await hover.first().innerText();
    const settled = text === previous && !/^Loading/.test(text) && text;
    previous = text;
    return settled;
  });
}

/** The frame of a webview whose document has `selector` (webviews are nested iframes). */
export function webviewFrame(page: Page, selector: string): Promise<Frame> {
  return waitUntil(`a webview frame with ${selector}`, async () => {
    for (const frame of page.frames()) {
      if (await frame.locator(selector).count().catch(() => 0)) return frame;
    }
    return undefined;
  });
}
