import type { Position, Range } from 'vscode-languageserver-types';
import type { TextRange } from './model';

/** Converts between UTF-16 offsets and line/character positions; LF, CRLF and CR all end a line. */
export class LineIndex {
  private readonly starts: number[] = [0];
  /** The line `lineAt` answered last. */
  private recentLine = 0;

  constructor(
    readonly text: string,
    starts?: number[],
  ) {
    if (starts) {
      this.starts = starts;
      return;
    }
    // Most documents end their lines with LF alone: `indexOf` finds those far faster than a
    // loop over every character, which only a document with a CR needs.
    if (text.indexOf('\r') < 0) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (c === 10) {
        this.starts.push(i + 1);
      }
    }
  }

  /**
   * The index of `text`, which is this index's text with `[start, end)` replaced by `inserted`
   * units: only the lines the edit touches are scanned again; the rest are shifted.
   */
  afterEdit(text: string, start: number, end: number, inserted: number): LineIndex {
    const delta = inserted - (end - start);
    // The line before the edit's too: a CR just before `start` may meet an LF at `start`.
    const from = Math.max(0, this.lineAt(start) - 1);
    const scanFrom = this.starts[from];
    const newEnd = end + delta;
    const starts = this.starts.slice(0, from + 1);
    for (let i = scanFrom; i < newEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
    }
    // A line start after `end` depends only on the units from `end` on, which the edit kept.
    for (let line = this.lineAt(end) + 1; line < this.starts.length; line++) {
      if (this.starts[line] > end) starts.push(this.starts[line] + delta);
    }
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** The offset just before the line's break (or the text end). */
  lineContentEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[line + 1];
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineAt(offset: number): number {
    // Features convert positions in document order (the outline, the diagnostics): most fall on
    // the line of the one before or the next, which two comparisons settle without a search.
    const { starts, recentLine } = this;
    if (starts[recentLine] <= offset) {
      if (recentLine + 1 === starts.length || offset < starts[recentLine + 1]) return recentLine;
      if (recentLine + 2 === starts.length || offset < starts[recentLine + 2]) return (this.recentLine = recentLine + 1);
    }
    return (this.recentLine = this.searchLine(offset));
  }

  private searchLine(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** An offset between the CR and the LF of a line end is placed before the CR: the editor has no position between them. */
  positionAt(offset: number): Position {
    let clamped = Math.max(0, Math.min(offset, this.text.length));
    if (this.text.charCodeAt(clamped) === 10 && this.text.charCodeAt(clamped - 1) === 13) clamped--;
    const line = this.lineAt(clamped);
    return { line, character: clamped - this.starts[line] };
  }

  offsetAt(position: Position): number {
    const line = wholeNumber(position.line);
    if (line < 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    const start = this.starts[line];
    return Math.min(start + Math.max(0, wholeNumber(position.character)), this.lineContentEnd(line));
  }

  rangeOf(range: TextRange): Range {
    return { start: this.positionAt(range.start), end: this.positionAt(range.end) };
  }
}

/**
 * LSP positions are whole numbers, but a client may send a fraction, a numeric string or
 * nothing: read as the nearest whole number (nothing as 0), so no NaN offset reaches a feature
 * and comes back as a `null` character in its answer.
 */
function wholeNumber(value: unknown): number {
  const number = Math.trunc(Number(value));
  return Number.isNaN(number) ? 0 : number;
}
