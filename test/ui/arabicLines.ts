// The check behind E2E.md's "RTL in the editor": VS Code lays out a line's differently styled
// pieces left to right, so an Arabic sentence cut into pieces loses its word order. Scrolling
// through the whole document, every line with Arabic text must show the file's text, each of its
// rows (one per line without word wrap, several with it) in one piece; speaker badges are empty
// pieces whose text is CSS content.
import type { Page } from 'playwright-core';
import { renderedRows, waitUntil, type RenderedRow } from './workbench';

export const ARABIC_LETTER = /[\u0600-\u06FF]/;
/** Arabic words joined by spaces or `_` (an id, a YAML value): a run that must stay in one piece. */
const ARABIC_RUN = /[\u0600-\u06FF]+(?:[ _][\u0600-\u06FF]+)*/g;
const SPEAKER_BADGE = '◂';

/** Each line's rendered rows, zero-based line → rows, from the top of the document to `lastLine`. */
export async function scanDocument(page: Page, lastLine: number): Promise<Map<number, RenderedRow[]>> {
  const lines = new Map<number, RenderedRow[]>();
  const record = (rows: readonly RenderedRow[]) => {
    const byLine = new Map<number, RenderedRow[]>();
    for (const row of rows) byLine.set(row.lineNumber - 1, [...(byLine.get(row.lineNumber - 1) ?? []), row]);
    // A line at the bottom edge may show only its first rows: keep the fullest sighting.
    for (const [line, lineRows] of byLine) if ((lines.get(line)?.length ?? 0) < lineRows.length) lines.set(line, lineRows);
  };
  await page.keyboard.press('Control+Home');
  await waitUntil('the first line to render', async () => (await renderedRows(page)).some((row) => row.lineNumber === 1));
  // Half a viewport at a time (Ctrl+Down scrolls one row and leaves the cursor), so a wrapped line
  // cut by the bottom edge is seen whole on the next step.
  for (let steps = 0; ; steps++) {
    if (steps > 1000) throw new Error('scrolling never reached the end of the document');
    const rows = await renderedRows(page);
    record(rows);
    if (rows.some((row) => row.lineNumber - 1 === lastLine)) {
      // The last line may be cut by the bottom edge too (how far it is depends on everything above
      // it, code lenses included): show the document's end, and keep the fullest sighting.
      await page.keyboard.press('Control+End');
      let previous = '';
      await waitUntil('the end of the document to render', async () => {
        const now = JSON.stringify(await renderedRows(page));
        const settled = now === previous;
        previous = now;
        return settled;
      });
      record(await renderedRows(page));
      return lines;
    }
    const top = rows[0];
    for (let row = 0; row < Math.max(1, Math.floor(rows.length / 2)); row++) await page.keyboard.press('Control+ArrowDown');
    await waitUntil('the editor to scroll', async () => {
      const [first] = await renderedRows(page);
      return first !== undefined && JSON.stringify(first) !== JSON.stringify(top);
    });
  }
}

export interface LineRules {
  /** Zero-based: lines before it are the YAML front matter, which is several pieces by design. */
  readonly bodyStart: number;
  /** Word wrap is on: the front matter is not checked (its indented rows wrap with an indent), and every row must fit in the editor. */
  readonly wrapped: boolean;
}

/** What is wrong with the rendered Arabic lines; empty when nothing is. */
export function arabicLineProblems(fileLines: readonly string[], rendered: ReadonlyMap<number, readonly RenderedRow[]>, rules: LineRules): { problems: string[]; checked: number } {
  const problems: string[] = [];
  let checked = 0;
  fileLines.forEach((fileLine, index) => {
    const inBody = index >= rules.bodyStart;
    if (!ARABIC_LETTER.test(fileLine) || (!inBody && rules.wrapped)) return;
    const rows = rendered.get(index);
    if (!rows) {
      problems.push(`line ${index + 1} was never rendered`);
      return;
    }
    checked++;
    const name = `line ${index + 1}`;
    // The editor may write any space as a no-break space (and the article has a few of its own).
    const expected = fileLine.replace(/\u00a0/g, ' ');
    const text = rows.map((row) => row.pieces.join('')).join('');
    if (text !== expected) problems.push(`${name} renders other text than the file's: ${firstDifference(text, expected)}`);
    for (const row of rows) {
      const textPieces = row.pieces.filter((piece) => piece !== '');
      if (inBody && textPieces.length !== 1) problems.push(`${name} is cut into ${textPieces.length} pieces: ${JSON.stringify(textPieces)}`);
      if (!inBody && cutsArabicRun(textPieces)) problems.push(`${name} (front matter) cuts Arabic words apart: ${JSON.stringify(textPieces)}`);
      // A wrapped right-to-left row that is too wide hides its first words beyond the right edge.
      if (rules.wrapped && row.overflow > 0) problems.push(`${name}: a row is ${row.overflow} px wider than the editor, its right end (where Arabic starts) hidden: ${JSON.stringify(row.pieces.join('').slice(0, 40))}`);
    }
    const badges = rows.flatMap((row) => row.attachments).filter((content) => content.includes(SPEAKER_BADGE));
    // Wrapped lines carry no column-0 badge: VS Code would not count its width when wrapping.
    const attributed = inBody && fileLine.includes('قائل=') && !rules.wrapped;
    if (badges.length !== (attributed ? 1 : 0)) problems.push(`${name} has ${badges.length} speaker badges: ${JSON.stringify(badges)}`);
  });
  return { problems, checked };
}

/** The CSS content of the line's speaker badge, if it has one. */
export function speakerBadge(rows: readonly RenderedRow[] | undefined): string | undefined {
  return rows?.flatMap((row) => row.attachments).find((content) => content.includes(SPEAKER_BADGE));
}

/** Where two texts first differ, with some context. */
function firstDifference(rendered: string, file: string): string {
  let at = 0;
  while (at < rendered.length && rendered[at] === file[at]) at++;
  const around = (text: string) => JSON.stringify(text.slice(Math.max(0, at - 20), at + 20));
  return `at character ${at}: ${around(rendered)} instead of ${around(file)} (lengths ${rendered.length}, ${file.length})`;
}

/** YAML lines are coloured by the grammar (key, `:`, value): the pieces must not fall inside Arabic words. */
function cutsArabicRun(pieces: readonly string[]): boolean {
  const text = pieces.join('');
  const boundaries = pieces.slice(0, -1).map((_, index) => pieces.slice(0, index + 1).join('').length);
  return [...text.matchAll(ARABIC_RUN)].some((run) => boundaries.some((boundary) => boundary > run.index && boundary < run.index + run[0].length));
}
