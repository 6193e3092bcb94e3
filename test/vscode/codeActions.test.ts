// Code actions in the real editor: the light bulb's quick fixes for an unattributed claim of the
// Arabic sample, applied as VS Code applies them (one undoable edit), and the source action
// that fixes every safe problem of errors.isnad.md.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ARABIC_SAMPLE, ERRORS_SAMPLE, UI_IS_ARABIC, closeAllEditors, isnadDiagnostics, openSample, waitFor } from './support';

/** The server puts Arabic titles in a right-to-left isolate (server/src/service/features/rtlDisplay.ts). */
const isolated = (title: string) => `\u2067${title}\u2069`;

const TITLES = UI_IS_ARABIC
  ? { attributeToMortazin: isolated('انسبه إلى أندريه مورتازين'), addSource: isolated('أضف مصدرًا جديدًا…'), fixAll: isolated('أصلح كل مشكلات إسناد القابلة للإصلاح الآمن') }
  : { attributeToMortazin: 'Attribute to أندريه مورتازين', addSource: 'Add a new source…', fixAll: 'Fix all safely fixable Isnad problems' };

const codeOf = (diagnostic: vscode.Diagnostic) => String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code);

/** The actions VS Code's light bulb would list at `range` (the providers' answer, as the editor converts it). */
async function codeActionsAt(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, kind);
  return actions.filter((action): action is vscode.CodeAction => 'kind' in action || 'edit' in action);
}

async function undoOnce(document: vscode.TextDocument, original: string): Promise<void> {
  await vscode.commands.executeCommand('undo');
  await waitFor('the undo to reach the document', () => document.getText() === original, 10_000).catch(() => undefined);
  assert.equal(document.getText(), original, 'one undo restores the document');
}

interface ErrorsSampleFix {
  readonly name: string;
  /** The one diagnostic of errors.isnad.md with this code, */
  readonly code: string;
  /** on this text, */
  readonly written: string;
  /** offers exactly these quick fixes at its start; */
  readonly titles: readonly string[];
  /** the one at this index replaces the first text of `edit` with the second, and the diagnostic goes. */
  readonly chosen: number;
  readonly edit: readonly [string, string];
}

async function quickFixInErrorsSample({ code, written, titles, chosen, edit: [from, to] }: ErrorsSampleFix): Promise<void> {
  const { editor } = await openSample(ERRORS_SAMPLE);
  const { document } = editor;
  const original = document.getText();
  const diagnostic = await waitFor(`the ${code} diagnostic`, async () => (await isnadDiagnostics(document.uri)).find((candidate) => codeOf(candidate) === code));
  assert.equal(document.getText(diagnostic.range), written);
  const actions = await codeActionsAt(document.uri, new vscode.Range(diagnostic.range.start, diagnostic.range.start), vscode.CodeActionKind.QuickFix.value);
  assert.deepEqual(
    actions.map((action) => action.title),
    titles,
  );
  assert.ok(await vscode.workspace.applyEdit(actions[chosen].edit!));
  assert.equal(document.getText(), original.replace(from, to));
  await waitFor(`the ${code} diagnostic to go`, () => !vscode.languages.getDiagnostics(document.uri).some((candidate) => codeOf(candidate) === code));
  await undoOnce(document, original);
}

// prettier-ignore
const ERRORS_SAMPLE_FIXES: readonly ErrorsSampleFix[] = [
  { name: 'removes the unknown attribute colour=red of errors.isnad.md from the light bulb, and its warning goes', code: 'unknown-attribute', written: 'colour=red',
    titles: [UI_IS_ARABIC ? isolated('احذف «colour=red» من كتلة الخصائص') : 'Remove “colour=red” from the attribute block'], chosen: 0, edit: ['{claim by=reporter colour=red}', '{claim by=reporter}'] },
  { name: 'adds the missing name of the source “nameless” of errors.isnad.md from the light bulb, and its error goes', code: 'front-matter', written: 'nameless',
    titles: [UI_IS_ARABIC ? isolated('أضف الاسم: nameless') : 'Add name: nameless'], chosen: 0, edit: ['  nameless:\n    kind: person\n', '  nameless:\n    name: nameless\n    kind: person\n'] },
  { name: 'keeps one kind of the span “claim quote” of errors.isnad.md from the light bulb, and its error goes', code: 'span-syntax', written: '[The dam held.]{claim quote by=reporter}',
    titles: UI_IS_ARABIC ? [isolated('أبقِ «claim» وحده'), isolated('أبقِ «quote» وحده')] : ['Keep “claim” only', 'Keep “quote” only'], chosen: 1, edit: ['{claim quote by=reporter}', '{quote by=reporter}'] },
];

export function codeActionTests(): void {
  describe('code actions', () => {
    afterEach(closeAllEditors);

    it('attributes an unattributed Arabic claim from the light bulb: قائل= is written, the warning goes, one undo restores the text', async () => {
      const { editor } = await openSample(ARABIC_SAMPLE);
      const { document } = editor;
      const original = document.getText();
      const before = (await isnadDiagnostics(document.uri)).filter((diagnostic) => codeOf(diagnostic) === 'unattributed-claim');
      const claim = before.sort((a, b) => a.range.start.compareTo(b.range.start))[0];
      const cursor = claim.range.start.translate(0, 3);
      editor.selection = new vscode.Selection(cursor, cursor);

      const actions = await codeActionsAt(document.uri, new vscode.Range(cursor, cursor), vscode.CodeActionKind.QuickFix.value);
      const titles = actions.map(({ title }) => title);
      assert.equal(titles[0], TITLES.attributeToMortazin, 'the source named nearest the claim first');
      assert.equal(titles.at(-1), TITLES.addSource);
      // The article's five sources, the three of samples/isnad.yaml it also sees, and a new source.
      assert.equal(titles.length, 9, 'the five sources, the registry’s three, a new source, and nothing else');
      // The API command leaves out each action's `diagnostics`; the protocol suite checks them.

      assert.ok(await vscode.workspace.applyEdit(actions[0].edit!));
      const closingBrace = document.offsetAt(claim.range.end) - 1;
      const expected = `${original.slice(0, closingBrace)} قائل=مورتازين${original.slice(closingBrace)}`;
      assert.equal(document.getText(), expected);
      assert.ok(document.getText(claim.range.with({ end: claim.range.end.translate(0, ' قائل=مورتازين'.length) })).endsWith(']{ادعاء قائل=مورتازين}'));
      await waitFor('the warning on the claim to go', () => {
        const now = vscode.languages.getDiagnostics(document.uri).filter((diagnostic) => codeOf(diagnostic) === 'unattributed-claim');
        return now.length === before.length - 1 && !now.some((diagnostic) => diagnostic.range.start.isEqual(claim.range.start));
      });

      await undoOnce(document, original);
    });

    it('fixes every safe problem of errors.isnad.md with source.fixAll.isnad, in one undoable edit', async () => {
      const { editor } = await openSample(ERRORS_SAMPLE);
      const { document } = editor;
      const original = document.getText();
      await isnadDiagnostics(document.uri);
      const start = new vscode.Position(0, 0);
      const actions = await codeActionsAt(document.uri, new vscode.Range(start, start), 'source.fixAll.isnad');
      assert.deepEqual(
        actions.map(({ title, kind }) => [title, kind?.value]),
        [[TITLES.fixAll, 'source.fixAll.isnad']],
      );
      assert.ok(await vscode.workspace.applyEdit(actions[0].edit!));
      const expected = original
        .replace('  ghost:\n    name: Never mentioned\n', '')
        .replace('An empty mention: [ ]{@town}', 'An empty mention:')
        .replace('\u202E', '');
      assert.equal(document.getText(), expected);
      await waitFor('unused-definition, empty-span and bidi-control to go', () => {
        const codes = vscode.languages.getDiagnostics(document.uri).map(codeOf);
        return codes.length > 0 && !codes.some((code) => ['unused-definition', 'empty-span', 'bidi-control'].includes(code));
      });
      await undoOnce(document, original);
    });

    for (const fix of ERRORS_SAMPLE_FIXES) it(fix.name, () => quickFixInErrorsSample(fix));
  });
}
