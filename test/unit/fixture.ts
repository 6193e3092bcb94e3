// Test documents written inline with markers, in the manner of vscode-markdown-languageservice's
// tests: `$0` marks the cursor and `⟦…⟧` marks ranges (several, nested or not, listed in
// document order: by start, then by end). Neither marker is Isnad syntax, so fixtures can hold
// any markup.
import type { Position, Range } from 'vscode-languageserver-types';
import { LineIndex } from '../../server/src/service/lineIndex';
import type { TextRange } from '../../server/src/service/model';

export const CURSOR = '$0';
const RANGE_OPEN = '⟦';
const RANGE_CLOSE = '⟧';

/** Lines joined with LF. */
export function lines(...text: string[]): string {
  return text.join('\n');
}

export class Fixture {
  private readonly index: LineIndex;

  constructor(
    /** The text without its markers. */
    readonly text: string,
    private readonly cursor: number | undefined,
    /** The marked ranges as offsets, in document order. */
    readonly offsetRanges: readonly TextRange[],
  ) {
    this.index = new LineIndex(text);
  }

  /** Where `$0` stood. */
  get offset(): number {
    if (this.cursor === undefined) throw new Error(`the fixture has no ${CURSOR}`);
    return this.cursor;
  }

  get position(): Position {
    return this.index.positionAt(this.offset);
  }

  /** The marked ranges as LSP ranges. */
  get ranges(): Range[] {
    return this.offsetRanges.map((range) => this.index.rangeOf(range));
  }

  /** The one marked range. */
  get range(): Range {
    if (this.offsetRanges.length !== 1) throw new Error(`the fixture marks ${this.offsetRanges.length} ranges, not one`);
    return this.ranges[0];
  }
}

export function fixture(marked: string): Fixture {
  let text = '';
  let cursor: number | undefined;
  const ranges: { start: number; end?: number }[] = [];
  const open: { start: number; end?: number }[] = [];
  for (let i = 0; i < marked.length; ) {
    if (marked.startsWith(CURSOR, i)) {
      if (cursor !== undefined) throw new Error(`the fixture has two ${CURSOR}`);
      cursor = text.length;
      i += CURSOR.length;
    } else if (marked[i] === RANGE_OPEN) {
      const range = { start: text.length };
      ranges.push(range);
      open.push(range);
      i++;
    } else if (marked[i] === RANGE_CLOSE) {
      const range = open.pop();
      if (!range) throw new Error(`${RANGE_CLOSE} without ${RANGE_OPEN} at ${i}`);
      range.end = text.length;
      i++;
    } else {
      text += marked[i++];
    }
  }
  if (open.length) throw new Error(`${RANGE_OPEN} never closed`);
  return new Fixture(
    text,
    cursor,
    ranges.map(({ start, end }) => ({ start, end: end ?? start })).sort((a, b) => a.start - b.start || a.end - b.end),
  );
}
