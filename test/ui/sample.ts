// What the UI steps share: the session, and the Arabic sample as the file on disk has it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';

export interface UiContext {
  readonly page: Page;
  /** The folder the workbench has open: a copy of samples/. */
  readonly workspace: string;
  /** Where screenshots go (test-results/, gitignored). */
  readonly resultsDir: string;
}

export const ARABIC_SAMPLE = 'north-korea-russia.isnad.md';

export interface SampleLayout {
  readonly lines: readonly string[];
  /** Zero-based: the line after the front matter's closing `---`. */
  readonly bodyStart: number;
  /** Zero-based: the last line with text. */
  readonly lastLine: number;
  /** Zero-based: the line of `كذلك [تسعى …]{ادعاء قائل=مورتازين …}`, which has a speaker badge. */
  readonly badgeLine: number;
}

export function arabicSample(workspace: string): SampleLayout {
  const lines = fs.readFileSync(path.join(workspace, ARABIC_SAMPLE), 'utf8').split('\n');
  return {
    lines,
    bodyStart: lines.indexOf('---', 1) + 1,
    lastLine: lines.length - (lines.at(-1) === '' ? 2 : 1),
    badgeLine: lines.findIndex((line) => line.startsWith('كذلك [تسعى')),
  };
}
