// The editing commands on an unsaved document: each wraps or attributes exactly as FORMAT.md §4
// writes it (Arabic keywords in right-to-left paragraphs) in one edit, so one undo restores the text.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openUntitled, positionIn, rangeOf, waitFor } from './support';

const FRONT_MATTER = [
  '---',
  'direction: auto',
  'sources:',
  '  مورتازين:',
  '    name: أندريه مورتازين',
  '  okafor:',
  '    name: Lena Okafor',
  'entities:',
  '  بوتين:',
  '    name: فلاديمير بوتين',
  '    type: person',
  '---',
].join('\n');

const article = (arabic: string, english: string) => `${FRONT_MATTER}\n${arabic}\n\n${english}\n`;

const ARABIC = 'قال بوتين إن الذخيرة ستصل قريبا.';
const ENGLISH = 'The ships returned on Monday.';

const selection = (range: vscode.Range) => new vscode.Selection(range.start, range.end);

/**
 * Runs `command` on `original` with the selections `select` picks, checks the result is `expected`,
 * then that a single undo gives `original` back.
 */
async function editAndUndo(original: string, select: (document: vscode.TextDocument) => vscode.Selection[], command: string, args: unknown[], expected: string): Promise<void> {
  const editor = await openUntitled(original);
  editor.selections = select(editor.document);
  const edited = await vscode.commands.executeCommand<boolean>(command, ...args);
  assert.equal(edited, true, `${command} reports that it edited the document`);
  assert.equal(editor.document.getText(), expected);

  await vscode.commands.executeCommand('undo');
  // The undo happens in the editor; the extension host hears of it a moment later.
  await waitFor('the undo to reach the document', () => editor.document.getText() !== expected, 10_000).catch(() => undefined);
  assert.equal(editor.document.getText(), original, 'one undo restores the original text');
}

export function commandTests(): void {
  describe('commands', () => {
    afterEach(closeAllEditors);

    it('Mark Claim wraps Arabic text with the Arabic keyword: [ … ]{ادعاء}', async () => {
      await editAndUndo(
        article(ARABIC, ENGLISH),
        (document) => [selection(rangeOf(document, 'الذخيرة ستصل قريبا', ARABIC))],
        'isnad.markClaim',
        [],
        article('قال بوتين إن [الذخيرة ستصل قريبا]{ادعاء}.', ENGLISH),
      );
    });

    it('Mark Quote wraps English text with the English keyword: [ … ]{quote}', async () => {
      await editAndUndo(
        article(ARABIC, ENGLISH),
        (document) => [selection(rangeOf(document, 'The ships returned', ENGLISH))],
        'isnad.markQuote',
        [],
        article(ARABIC, '[The ships returned]{quote} on Monday.'),
      );
    });

    it('Mark Claim wraps several selections, each in its paragraph’s language, in one undoable edit', async () => {
      await editAndUndo(
        article(ARABIC, ENGLISH),
        (document) => [selection(rangeOf(document, 'on Monday', ENGLISH)), selection(rangeOf(document, 'ستصل قريبا', ARABIC))],
        'isnad.markClaim',
        [],
        article('قال بوتين إن الذخيرة [ستصل قريبا]{ادعاء}.', 'The ships returned [on Monday]{claim}.'),
      );
    });

    it('Mark Mention, given the entity id, wraps the selection in [ … ]{@id}', async () => {
      await editAndUndo(
        article(ARABIC, ENGLISH),
        (document) => [selection(rangeOf(document, 'بوتين', ARABIC))],
        'isnad.markMention',
        ['بوتين'],
        article('قال [بوتين]{@بوتين} إن الذخيرة ستصل قريبا.', ENGLISH),
      );
    });

    it('Attribute Claim, given the source id, adds قائل= to an Arabic claim at the cursor', async () => {
      const claim = '[الذخيرة ستصل قريبا]{ادعاء}';
      await editAndUndo(
        article(`قال بوتين إن ${claim}.`, ENGLISH),
        (document) => {
          const inside = positionIn(document, claim, '[الذ'.length);
          return [new vscode.Selection(inside, inside)];
        },
        'isnad.attributeClaim',
        ['مورتازين'],
        article('قال بوتين إن [الذخيرة ستصل قريبا]{ادعاء قائل=مورتازين}.', ENGLISH),
      );
    });

    it('Attribute Claim replaces the by= an English claim already has', async () => {
      const claim = '[The ships returned]{claim by=someone status=unverified}';
      await editAndUndo(
        article(ARABIC, `${claim} on Monday.`),
        (document) => {
          const inside = rangeOf(document, 'ships').start;
          return [new vscode.Selection(inside, inside)];
        },
        'isnad.attributeClaim',
        ['okafor'],
        article(ARABIC, '[The ships returned]{claim by=okafor status=unverified} on Monday.'),
      );
    });
  });
}
