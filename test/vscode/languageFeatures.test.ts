// Completion, go to definition, references, rename, semantic tokens, inlay hints, code lenses and
// the unattributed-claim commands through VS Code's own APIs, on the Arabic sample.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ARABIC_SAMPLE, ENGLISH_SAMPLE, UI_IS_ARABIC, closeAllEditors, openSample, openUntitled, positionIn, rangeOf, rangeTuple, waitFor } from './support';

/** The sample's three sections: [heading line, claims, unattributed claims] (subsections included). */
const ARABIC_SECTIONS = [
  [173, 5, 5],
  [187, 14, 3],
  [209, 11, 3],
];
/** Where the text of the sample's first and last unattributed claims starts. */
const FIRST_UNATTRIBUTED = [169, 1];
const SECOND_UNATTRIBUTED = [171, 93];
const LAST_UNATTRIBUTED = [215, 1];

const lensTitle = (claims: number, unattributed: number) =>
  UI_IS_ARABIC ? `الادعاءات: ${claims} · بلا مصدر: ${unattributed}` : `${claims} claims · ${unattributed} unattributed`;

const locationRange = (location: vscode.Location | vscode.LocationLink) => ('targetRange' in location ? location.targetSelectionRange ?? location.targetRange : location.range);

/** Every `@بوتين` in the text: the ranges of the id after each `@`. */
function mentionsOf(document: vscode.TextDocument, id: string): vscode.Range[] {
  const ranges: vscode.Range[] = [];
  const text = document.getText();
  for (let at = text.indexOf(`{@${id}}`); at >= 0; at = text.indexOf(`{@${id}}`, at + 1)) {
    ranges.push(new vscode.Range(document.positionAt(at + 2), document.positionAt(at + 2 + id.length)));
  }
  return ranges;
}

export function languageFeatureTests(): void {
  describe('completion, navigation, rename, tokens and lenses', () => {
    afterEach(closeAllEditors);

    it('completes an Arabic source id after قائل=, replacing the partial id, with its name and kind', async () => {
      const { editor } = await openSample(ARABIC_SAMPLE);
      const context = '[صداقة جديدة]{ادعاء قائل=إعلام_البلدين}';
      const position = positionIn(editor.document, context, context.indexOf('إعلام_') + 'إعلام'.length);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
      const item = list.items.find((candidate) => candidate.label === 'إعلام_البلدين');
      assert.ok(item, `إعلام_البلدين among ${list.items.map((candidate) => candidate.label).join(' ')}`);
      assert.equal(item.detail, `إعلام روسيا وكوريا الشمالية · ${UI_IS_ARABIC ? 'وسيلة إعلام' : 'media'}`);
      assert.ok(item.range instanceof vscode.Range, 'one range replaces the partial id');
      assert.deepEqual(rangeTuple(item.range), rangeTuple(rangeOf(editor.document, 'إعلام_البلدين', context)));
      assert.ok(list.items.some((candidate) => candidate.label === 'كيم'), 'entities follow the sources after قائل=');
    });

    it('offers a whole front matter in an empty document, which inserts as a snippet and leaves only hints', async () => {
      const editor = await openUntitled('');
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(0, 0));
      const labels = UI_IS_ARABIC ? ['مقال إنجليزي جديد', 'مقال عربي جديد'] : ['New English article', 'New Arabic article'];
      assert.deepEqual(
        list.items.filter((item) => item.kind === vscode.CompletionItemKind.Snippet).map((item) => item.label),
        labels,
      );
      const arabic = list.items.find((item) => item.label === labels[1])!;
      assert.ok(arabic.insertText instanceof vscode.SnippetString, 'a snippet');
      await editor.insertSnippet(arabic.insertText, arabic.range as vscode.Range);
      assert.match(editor.document.getText(), /^---\ntitle: العنوان\noutlet: الوسيلة\nlanguage: ar\ndirection: rtl\nsources:\n {2}معرف_المصدر:\n/);
      const diagnostics = await waitFor('the unused-definition hints', () => {
        const found = vscode.languages.getDiagnostics(editor.document.uri);
        return found.length === 2 && found;
      });
      assert.deepEqual(
        diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity]),
        [
          ['unused-definition', vscode.DiagnosticSeverity.Hint],
          ['unused-definition', vscode.DiagnosticSeverity.Hint],
        ],
      );
    });

    it('completes only entities after @', async () => {
      const { editor } = await openSample(ARABIC_SAMPLE);
      const context = 'لقوات [فلاديمير بوتين]{@بوتين}';
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, positionIn(editor.document, context, context.indexOf('@') + 1), '@');
      const labels = list.items.map((item) => item.label);
      assert.ok(labels.includes('بوتين') && labels.includes('كيم'), labels.join(' '));
      assert.ok(!labels.includes('آخرون') && !labels.includes('الحكومة_الأميركية'), 'sources that are not entities are left out');
    });

    it('completes a source id inside the quotes just typed after by=', async () => {
      const editor = await openUntitled('---\nsources:\n  okafor: {name: Amina Okafor}\n---\n[The port reopens]{claim by="}\n');
      const position = new vscode.Position(4, '[The port reopens]{claim by="'.length);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position, '"');
      const item = list.items.find((candidate) => candidate.label === 'okafor');
      assert.ok(item, list.items.map((candidate) => candidate.label).join(' '));
      assert.deepEqual(rangeTuple(item.range as vscode.Range), [4, position.character, 4, position.character]);
    });

    it('goes from قائل=إعلام_البلدين to the source’s key in the front matter', async () => {
      const { editor } = await openSample(ARABIC_SAMPLE);
      const context = '[صداقة جديدة]{ادعاء قائل=إعلام_البلدين}';
      const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
        'vscode.executeDefinitionProvider',
        editor.document.uri,
        positionIn(editor.document, context, context.indexOf('إعلام_')),
      );
      assert.deepEqual(locations.map((location) => rangeTuple(locationRange(location))), [[27, 2, 27, 15]]);
    });

    it('finds the key and all eleven mentions of بوتين', async () => {
      const { editor } = await openSample(ARABIC_SAMPLE);
      const context = 'لقوات [فلاديمير بوتين]{@بوتين}';
      const references = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', editor.document.uri, positionIn(editor.document, context, context.indexOf('@') + 2));
      const expected = [new vscode.Range(35, 2, 35, 7), ...mentionsOf(editor.document, 'بوتين')];
      assert.equal(expected.length, 12);
      assert.deepEqual(references.map((location) => rangeTuple(location.range)), expected.map(rangeTuple));
    });

    it('renames an entity everywhere in one edit, and refuses an id already taken', async () => {
      const { editor: sample } = await openSample(ARABIC_SAMPLE);
      const original = sample.document.getText();
      const editor = await openUntitled(original);
      const context = 'لقوات [فلاديمير بوتين]{@بوتين}';
      const position = positionIn(editor.document, context, context.indexOf('@') + 2);
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', editor.document.uri, position, 'الرئيس_الروسي');
      assert.equal(edit.get(editor.document.uri).length, 12);
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.equal(editor.document.getText(), original.replace('\n  بوتين:\n', '\n  الرئيس_الروسي:\n').replaceAll('{@بوتين}', '{@الرئيس_الروسي}'));
      await assert.rejects(
        Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', editor.document.uri, position, 'كيم')),
        (error: Error) => error.message.includes(UI_IS_ARABIC ? '«كيم» معرّف كيان موجود' : '“كيم” is already the id of an entity'),
      );
    });

    it('colours the front matter of the Arabic sample and never an Arabic line; the English sample’s body too', async () => {
      const { editor } = await openSample(ARABIC_SAMPLE);
      const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', editor.document.uri);
      assert.ok(legend.tokenTypes.includes('claim'));
      const lines = async (document: vscode.TextDocument) => {
        const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', document.uri);
        const found: number[] = [];
        for (let i = 0, line = 0; i < tokens.data.length; i += 5) found.push((line += tokens.data[i]));
        return found;
      };
      const arabicLines = await lines(editor.document);
      assert.equal(arabicLines.length, 33);
      assert.ok(arabicLines.every((line) => line < 166), `only front-matter lines: ${arabicLines.join(' ')}`);
      const { editor: english } = await openSample(ENGLISH_SAMPLE);
      // Its front matter ends on line 21 (its shared sources and entities are in samples/isnad.yaml).
      assert.ok((await lines(english.document)).some((line) => line > 21), 'the English body has tokens');
    });

    it('shows speaker inlay hints only when the setting is on, and only in left-to-right paragraphs', async () => {
      const { editor: arabic } = await openSample(ARABIC_SAMPLE);
      const { editor: english } = await openSample(ENGLISH_SAMPLE);
      const hints = (document: vscode.TextDocument) =>
        vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, new vscode.Range(0, 0, document.lineCount, 0));
      assert.deepEqual(await hints(english.document), []);
      const settings = vscode.workspace.getConfiguration('isnad');
      await settings.update('inlayHints.speakers', true, vscode.ConfigurationTarget.Global);
      try {
        const shown = await waitFor('speaker hints', async () => {
          const found = await hints(english.document);
          return found.length > 0 && found;
        });
        assert.ok(shown.some((hint) => hint.label === 'Lena Okafor:'), shown.map((hint) => hint.label).join(' '));
        assert.deepEqual(await hints(arabic.document), []);
      } finally {
        await settings.update('inlayHints.speakers', undefined, vscode.ConfigurationTarget.Global);
      }
    });

    it('puts a lens with the claim counts above each section heading', async () => {
      const { editor } = await openSample(ARABIC_SAMPLE);
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
      assert.deepEqual(
        lenses.map((lens) => [lens.range.start.line, lens.command?.title, lens.command?.command]),
        ARABIC_SECTIONS.map(([line, claims, unattributed]) => [line, lensTitle(claims, unattributed), 'isnad.nextUnattributedClaim']),
      );
    });

    it('steps to the next and previous unattributed claim with the commands and a lens, wrapping around', async () => {
      const { editor } = await openSample(ARABIC_SAMPLE);
      const cursor = () => [editor.selection.active.line, editor.selection.active.character];
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      assert.equal(await vscode.commands.executeCommand('isnad.nextUnattributedClaim'), true);
      assert.deepEqual(cursor(), FIRST_UNATTRIBUTED);
      await vscode.commands.executeCommand('isnad.nextUnattributedClaim');
      assert.deepEqual(cursor(), SECOND_UNATTRIBUTED);
      await vscode.commands.executeCommand('isnad.previousUnattributedClaim');
      await vscode.commands.executeCommand('isnad.previousUnattributedClaim');
      assert.deepEqual(cursor(), LAST_UNATTRIBUTED, 'before the first comes the last');
      const [lens] = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
      await vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? []));
      assert.deepEqual(cursor(), [175, 21], 'the lens moves to the first unattributed claim of its section');
    });

    it('wraps the selection in an Arabic claim with the surround snippet', async () => {
      const editor = await openUntitled('قال بوتين إن الذخيرة ستصل قريبا.\n');
      const selected = rangeOf(editor.document, 'الذخيرة ستصل قريبا');
      editor.selection = new vscode.Selection(selected.start, selected.end);
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'isnad', name: 'ادعاء حول التحديد' });
      await waitFor('the snippet', () => editor.document.getText().includes(']{'), 10_000);
      assert.equal(editor.document.getText(), 'قال بوتين إن [الذخيرة ستصل قريبا]{ادعاء}.\n');
    });
  });
}
