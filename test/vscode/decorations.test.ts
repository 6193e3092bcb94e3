// Decorations as the extension applied them, chosen per paragraph direction (E2E.md "RTL in the
// editor"): a right-to-left line keeps its text in one piece, so it gets only what is painted
// behind or under the text and one speaker badge at column 0, isolated by RLI … PDI; a
// left-to-right line gets its badges after each statement.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DecorationSnapshot } from '../../client/src/decorations/decorator';
import type { DecorationKey, PlannedDecoration } from '../../client/src/decorations/plan';
import { ARABIC_SAMPLE, closeAllEditors, isnadExtension, openSample, openUntitled, rangeOf, rangeTuple, waitFor } from './support';

const RLI = '\u2067';
const PDI = '\u2069';

/** Style properties that cut a line's text into separately laid-out pieces (E2E.md's table). */
const SPLITTING_STYLES = ['color', 'fontStyle', 'fontWeight', 'textDecoration', 'opacity'];

/** The decorations of `editor` once they describe its current text (the extension's API exposes them for tests). */
function decorationsOf(editor: vscode.TextEditor): Promise<DecorationSnapshot> {
  const api = isnadExtension().exports;
  return waitFor('decorations of the current version', () => {
    const applied = api.decorationSnapshot(editor);
    return applied?.version === editor.document.version && applied;
  });
}

const tuples = (decorations: readonly PlannedDecoration[]) => decorations.map(({ range, text }) => ({ range: [range.start.line, range.start.character, range.end.line, range.end.character], text }));

function keysOnLines(snapshot: DecorationSnapshot, lines: ReadonlySet<number>): DecorationKey[] {
  return (Object.keys(snapshot.decorations) as DecorationKey[]).filter((key) => snapshot.decorations[key].some(({ range }) => lines.has(range.start.line) || lines.has(range.end.line)));
}

/** No decoration type present on `lines` styles the text itself, and none attaches text after it. */
function assertKeepsLinesWhole(snapshot: DecorationSnapshot, lines: ReadonlySet<number>): void {
  for (const key of keysOnLines(snapshot, lines)) {
    const styles = snapshot.styles[key];
    assert.deepEqual(styles.filter((style) => SPLITTING_STYLES.includes(style) || style.startsWith('after.')), [], `decoration type ${key} on a right-to-left line`);
    if (styles.some((style) => style.startsWith('before.'))) {
      for (const { range } of snapshot.decorations[key]) assert.deepEqual([range.start.character, range.end.character], [0, 0], `${key} attaches its text at column 0`);
    }
  }
}

const MIXED_FRONT_MATTER = ['---', 'direction: auto', 'sources:', '  مورتازين:', '    name: أندريه مورتازين', '  okafor:', '    name: Lena Okafor', '---'];
const ARABIC_LINE = 'قال إن [الذخيرة ستصل قريبا]{ادعاء قائل=مورتازين}.';
const ENGLISH_LINE = '[The channel is open]{claim by=okafor}, she said.';

export function decorationTests(): void {
  describe('decorations', () => {
    afterEach(closeAllEditors);

    it('badges the Arabic sample’s speakers at column 0 in RLI … PDI, and styles no text on its right-to-left lines', async () => {
      const { editor } = await openSample(ARABIC_SAMPLE);
      const snapshot = await decorationsOf(editor);
      const { decorations } = snapshot;
      const document = editor.document;

      assert.deepEqual(decorations['speaker.after'], [], 'no badge after a statement on right-to-left lines');
      assert.deepEqual(decorations['markup.dim'], [], 'no dimmed markup on right-to-left lines');

      // Every line with an attribution of its own (قائل=) carries exactly one badge; inherited speakers share their line.
      const attributedLines = new Set<number>();
      for (let line = 0; line < document.lineCount; line++) if (document.lineAt(line).text.includes('قائل=')) attributedLines.add(line);
      const badges = decorations['speaker.lineStart'];
      assert.deepEqual(badges.map(({ range }) => range.start.line).sort((a, b) => a - b), [...attributedLines].sort((a, b) => a - b));
      for (const { range, text } of badges) {
        assert.deepEqual([range.start.character, range.end.line, range.end.character], [0, range.start.line, 0]);
        assert.match(text ?? '', new RegExp(`^${RLI}◂ [^${RLI}${PDI}]+${PDI}$`));
      }
      const badgeOn = (lineText: string) => badges.find(({ range }) => range.start.line === rangeOf(document, lineText).start.line)?.text;
      assert.equal(badgeOn('كذلك [تسعى [كوريا الشمالية]'), `${RLI}◂ أندريه مورتازين${PDI}`);
      assert.equal(badgeOn('ما يروّج له إعلام البلدين'), `${RLI}◂ إعلام روسيا وكوريا الشمالية · آخرون (لم يسمّهم المقال) · أندريه مورتازين${PDI}`);

      const firstBodyLine = rangeOf(document, '\n---\n').end.line;
      const bodyLines = new Set(Array.from({ length: document.lineCount - firstBodyLine }, (_, index) => firstBodyLine + index));
      assertKeepsLinesWhole(snapshot, bodyLines);
      assert.equal(decorations['claim.unattributed'].length, 14, 'the 14 unattributed claims are underlined');
      assert.ok(decorations['mention.country'].length > 0, 'country mentions are tinted');
    });

    it('chooses per paragraph: a column-0 badge on the Arabic line, an after badge and dimmed markup on the English one', async () => {
      const editor = await openUntitled([...MIXED_FRONT_MATTER, ARABIC_LINE, '', ENGLISH_LINE, ''].join('\n'));
      const snapshot = await decorationsOf(editor);
      const arabic = rangeOf(editor.document, ARABIC_LINE).start.line;
      const english = rangeOf(editor.document, ENGLISH_LINE).start.line;
      const { decorations } = snapshot;

      assert.deepEqual(tuples(decorations['speaker.lineStart']), [{ range: [arabic, 0, arabic, 0], text: `${RLI}◂ أندريه مورتازين${PDI}` }]);
      const englishClaimEnd = '[The channel is open]{claim by=okafor}'.length;
      assert.deepEqual(tuples(decorations['speaker.after']), [{ range: [english, englishClaimEnd, english, englishClaimEnd], text: '— Lena Okafor' }]);
      assert.deepEqual(
        tuples(decorations['markup.dim']).map(({ range }) => range),
        [
          [english, 0, english, 1],
          [english, '[The channel is open'.length, english, englishClaimEnd],
        ],
      );
      assert.deepEqual(
        tuples(decorations.claim).map(({ range }) => range),
        [rangeTuple(rangeOf(editor.document, 'الذخيرة ستصل قريبا')), rangeTuple(rangeOf(editor.document, 'The channel is open'))],
      );
      assertKeepsLinesWhole(snapshot, new Set([arabic]));
      assert.ok(snapshot.styles['speaker.after'].includes('after.color'), 'the English badge is a coloured after attachment');
    });
  });
}
