// Issue #6 in the real editor: an unannotated وبوتين under the Arabic sample's front matter hovers
// as Putin; the attribution hints are published and their quick fixes, applied through VS Code,
// leave an annotated, attributed sentence.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ARABIC_SAMPLE, SERVER_TEXT, closeAllEditors, isnadDiagnostics, openUntitled, positionIn, rangeOf, rangeTuple, sampleUri, waitFor } from './support';

/** The Arabic sample's front matter (its sources and entities) over an unannotated body. */
async function sampleFrontMatterWith(body: string): Promise<vscode.TextEditor> {
  const sample = new TextDecoder().decode(await vscode.workspace.fs.readFile(sampleUri(ARABIC_SAMPLE)));
  const frontMatterEnd = sample.indexOf('\n---\n', 4) + '\n---\n'.length;
  return openUntitled(`${sample.slice(0, frontMatterEnd)}${body}\n`);
}

async function codeActions(document: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range);
}

/** The Isnad diagnostic with `code`, once the server has published it. */
function diagnosticWithCode(document: vscode.TextDocument, code: string): Promise<vscode.Diagnostic> {
  return waitFor(`a ${code} diagnostic`, async () => (await isnadDiagnostics(document.uri)).find((diagnostic) => diagnostic.code === code));
}

export function arabicTests(): void {
  describe('Arabic entity recognition and attribution hints', () => {
    after(closeAllEditors);

    it('hovers over an unannotated وبوتين with Putin’s card, marked as not annotated', async () => {
      const editor = await sampleFrontMatterWith('التقى كيم وبوتين في القمة.');
      const { document } = editor;
      const hovers = await waitFor('a hover on وبوتين', async () => {
        const found = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionIn(document, 'وبوتين في', 3));
        return found.length > 0 && found;
      });
      assert.equal(hovers.length, 1);
      const markdown = hovers[0].contents.map((content) => (typeof content === 'string' ? content : content.value)).join('\n\n');
      assert.ok(markdown.startsWith(`**${SERVER_TEXT.implicitMention}**`), markdown);
      assert.ok(markdown.includes(`**فلاديمير بوتين** (${SERVER_TEXT.person})`), markdown);
      assert.ok(markdown.includes('[Q7747](https://www.wikidata.org/wiki/Q7747)'), markdown);
      assert.deepEqual(rangeTuple(hovers[0].range!), rangeTuple(rangeOf(document, 'بوتين', 'وبوتين في')));
    });

    it('annotates the unmarked mention with the code action, as Mark Selection as Entity Mention would', async () => {
      const editor = await sampleFrontMatterWith('التقى كيم وبوتين في القمة.');
      const { document } = editor;
      const cursor = positionIn(document, 'وبوتين في', 3);
      const actions = await waitFor('the Annotate code action', async () => {
        const found = await codeActions(document, new vscode.Range(cursor, cursor));
        return found.length > 0 && found;
      });
      const annotate = actions.find((action) => action.kind?.value === 'refactor.rewrite');
      assert.ok(annotate?.edit && annotate.title.includes('فلاديمير بوتين'), `Annotate this mention of Putin among ${actions.map((action) => action.title).join(', ')}`);
      assert.ok(await vscode.workspace.applyEdit(annotate.edit));
      assert.ok(document.getText().endsWith('\nالتقى كيم و[بوتين]{@بوتين} في القمة.\n'), document.getText().slice(-80));
    });

    it('reports possible-attribution on an unmarked statement and its quick fix marks it as a claim by the source nearest the cue', async () => {
      const editor = await sampleFrontMatterWith('وأكد مورتازين أن التعاون سيستمر، ثم غادر.');
      const { document } = editor;
      const hint = await diagnosticWithCode(document, 'possible-attribution');
      assert.equal(document.getText(hint.range), 'وأكد مورتازين أن التعاون سيستمر');
      assert.equal(hint.severity, vscode.DiagnosticSeverity.Information);
      const fixes = (await codeActions(document, hint.range)).filter((action) => action.kind?.value === 'quickfix');
      assert.equal(fixes.length, 1, fixes.map((action) => action.title).join(', '));
      assert.ok(await vscode.workspace.applyEdit(fixes[0].edit!));
      assert.ok(document.getText().endsWith('[وأكد مورتازين أن التعاون سيستمر]{ادعاء قائل=مورتازين}، ثم غادر.\n'), document.getText().slice(-120));
      await waitFor('the hint to go', () => !vscode.languages.getDiagnostics(document.uri).some((diagnostic) => diagnostic.code === 'possible-attribution'));
    });

    it('reports vague-source and its quick fix adds an anonymous source to the front matter and attributes the sentence to it', async () => {
      const editor = await openUntitled(['---', 'title: t', '---', 'وقالت مصادر إن الذخيرة ستصل.', ''].join('\n'));
      const { document } = editor;
      const hint = await diagnosticWithCode(document, 'vague-source');
      const [fix] = (await codeActions(document, hint.range)).filter((action) => action.kind?.value === 'quickfix');
      assert.ok(fix?.edit);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.equal(
        document.getText(),
        ['---', 'title: t', 'sources:', '  مصدر_مجهول:', '    name: مصادر', '    kind: anonymous', '---', '[وقالت مصادر إن الذخيرة ستصل]{ادعاء قائل=مصدر_مجهول}.', ''].join('\n'),
      );
      await waitFor('no diagnostics left', () => vscode.languages.getDiagnostics(document.uri).filter((diagnostic) => diagnostic.source === 'isnad').length === 0);
    });
  });
}
