// Hover cards through VS Code's hover API, on the Arabic sample (FORMAT.md §6).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ARABIC_SAMPLE, SERVER_TEXT, closeAllEditors, openSample, positionIn, rangeOf, rangeTuple } from './support';

async function hoverAt(document: vscode.TextDocument, position: vscode.Position): Promise<{ markdown: string; range: vscode.Range | undefined }> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  assert.equal(hovers.length, 1, 'one hover (Isnad is the only provider for the language)');
  const [hover] = hovers;
  const markdown = hover.contents.map((content) => (typeof content === 'string' ? content : content.value)).join('\n\n');
  return { markdown, range: hover.range };
}

/** Markdown's `**…**` around text that needs no escaping (the server escapes ASCII punctuation). */
const bold = (text: string) => `**${text}**`;

export function hoverTests(): void {
  describe('hover', () => {
    after(closeAllEditors);

    it('shows an Arabic entity mention as the entity: name, type, description and Wikidata link', async () => {
      const { editor } = await openSample(ARABIC_SAMPLE);
      const context = 'لقوات [فلاديمير بوتين]{@بوتين}';
      const mention = '[فلاديمير بوتين]{@بوتين}';
      const { markdown, range } = await hoverAt(editor.document, positionIn(editor.document, context, 'لقوات [فلاد'.length));
      assert.ok(markdown.includes(`${bold('فلاديمير بوتين')} (${SERVER_TEXT.person})`), markdown);
      assert.ok(markdown.includes('رئيس روسيا'), markdown);
      assert.ok(markdown.includes(`${bold(`${SERVER_TEXT.wikidata}\\:`)} [Q7747](https://www.wikidata.org/wiki/Q7747)`), markdown);
      assert.ok(range, 'the hover has a range');
      assert.deepEqual(rangeTuple(range), rangeTuple(rangeOf(editor.document, mention, context)));
    });

    it('shows an attributed claim with its speaker, أندريه مورتازين', async () => {
      const { editor } = await openSample(ARABIC_SAMPLE);
      const claimStart = '[تسعى [كوريا الشمالية]';
      const { markdown, range } = await hoverAt(editor.document, positionIn(editor.document, claimStart, '[تس'.length));
      assert.ok(markdown.includes(`${bold(`${SERVER_TEXT.saidBy}\\:`)} ${bold('أندريه مورتازين')} (${SERVER_TEXT.person})`), markdown);
      assert.ok(markdown.includes('كاتب ومحلل سياسي روسي'), markdown);
      assert.ok(range, 'the hover has a range');
      const covered = editor.document.getText(range);
      assert.ok(range.start.isEqual(positionIn(editor.document, claimStart)), `the range starts at the claim's [: ${covered}`);
      assert.ok(covered.endsWith('}') && covered.includes('قائل=مورتازين') && range.isSingleLine, `the range ends with the claim's attribute block: ${covered}`);
    });
  });
}
