// Driving the VS Code workbench (code-server in Chromium) the way a user does: keyboard, quick
// input, mouse. Selectors are E2E.md's "selectors that held up"; every wait waits for a condition.
import type { Frame, Page } from 'playwright-core';

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

/** Ctrl+G to a one-based line; done when the status bar shows the cursor there. */
export async function goToLine(page: Page, line: number): Promise<void> {
  const input = page.locator(QUICK_INPUT);
  const cursor = page.locator('#status\\.editor\\.selection', { hasText: `Ln ${line},` });
  await waitUntil(`the cursor on line ${line}`, async () => {
    await focusEditor(page);
    await page.keyboard.press('Control+G');
    // Go to Line is quick access with the prefix `:`, which the input holds once it is open.
    await waitUntil('the Go to Line input', async () => (await input.inputValue().catch(() => '')) === ':');
    await input.fill(`:${line}`);
    await page.locator(QUICK_ROW, { hasText: `Go to line ${line}.` }).waitFor({ timeout: UI_TIMEOUT_MS });
    await page.keyboard.press('Enter');
    return cursor.waitFor({ timeout: 5_000 }).then(
      () => true,
      () => false,
    );
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
