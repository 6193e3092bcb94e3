// Code actions as the editor asks for them: quick fixes for the diagnostics it shows, rewrites of
// a selection, and source.fixAll.isnad, as edits of the open version whose result is exact.
import * as assert from 'node:assert/strict';
import { CodeActionRequest, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-protocol/node';
import { ARABIC, ARABIC_URI, ARTICLE_URI, UNATTRIBUTED } from './fixtures';
import { useServer } from './serverSession';
import { applyWorkspaceEdit } from '../unit/workspaceEdit';

describe('code actions over the protocol', () => {
  const server = useServer();

  afterEach(async () => {
    server().settings = {};
    await server().configurationChanged();
  });

  const codeActions = async (uri: string, range: Range, diagnostics: Diagnostic[] = [], only?: string[]) =>
    (await server().connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, only } })) as CodeAction[];

  it('attributes the unattributed claim: the published diagnostic disappears from the next version', async () => {
    const uri = ARTICLE_URI.replace('port', 'port-attribute');
    await server().open(uri, UNATTRIBUTED);
    const { diagnostics } = await server().diagnostics(uri);
    const [claim] = diagnostics;
    assert.equal(claim.code, 'unattributed-claim');
    const cursor = { start: claim.range.start, end: claim.range.start };
    const actions = await codeActions(uri, cursor, [claim]);
    assert.deepEqual(
      actions.map(({ title, kind, isPreferred, diagnostics: fixed }) => ({ title, kind, isPreferred, fixed })),
      [
        { title: 'Attribute to Ali Hassan', kind: 'quickfix', isPreferred: undefined, fixed: [claim] },
        { title: 'Add a new source…', kind: 'quickfix', isPreferred: undefined, fixed: [claim] },
      ],
    );
    const fixed = applyWorkspaceEdit(UNATTRIBUTED, actions[0].edit, uri);
    assert.equal(fixed, UNATTRIBUTED.replace('reopens.]{claim}', 'reopens.]{claim by=ali}'));
    await server().change(uri, fixed, 2);
    const after = await server().diagnostics(uri, (params) => params.version === 2);
    assert.deepEqual(after.diagnostics, []);
  });

  it('titles the actions in the language isnad.locale chooses (Arabic in a right-to-left isolate), and writes Arabic keys in Arabic paragraphs', async () => {
    server().settings = { locale: 'ar' };
    await server().configurationChanged();
    await server().open(ARABIC_URI, ARABIC);
    const claim = (await server().diagnostics(ARABIC_URI)).diagnostics.find(({ code }) => code === 'unattributed-claim');
    assert.ok(claim);
    const actions = await codeActions(ARABIC_URI, claim.range, [claim], ['quickfix']);
    assert.deepEqual(
      actions.map(({ title }) => title),
      ['\u2067انسبه إلى أندريه مورتازين\u2069', '\u2067أضف مصدرًا جديدًا…\u2069'],
    );
    assert.equal(actions[0].isPreferred, true, 'the only source named in the paragraph');
    assert.equal(applyWorkspaceEdit(ARABIC, actions[0].edit, ARABIC_URI), ARABIC.replace('{ادعاء}', '{ادعاء قائل=مورتازين}'));
  });

  it('rewrites a selection, and answers only the kinds asked for', async () => {
    await server().open(ARTICLE_URI, UNATTRIBUTED);
    const heSaid = { start: { line: 13, character: 35 }, end: { line: 13, character: 42 } };
    const actions = await codeActions(ARTICLE_URI, heSaid);
    assert.deepEqual(
      actions.map(({ title, kind }) => [title, kind]),
      [
        ['Mark as claim', 'refactor.rewrite'],
        ['Mark as quote', 'refactor.rewrite'],
        ['Mark as mention of Example Town', 'refactor.rewrite'],
      ],
    );
    assert.equal(applyWorkspaceEdit(UNATTRIBUTED, actions[0].edit, ARTICLE_URI), UNATTRIBUTED.replace(' he said.', ' [he said]{claim}.'));
    assert.deepEqual(await codeActions(ARTICLE_URI, heSaid, [], ['quickfix']), []);
  });

  it('fixes all safe problems when source.fixAll is asked for', async () => {
    const uri = ARTICLE_URI.replace('port', 'port-fix-all');
    const text = UNATTRIBUTED.replace('he said.', 'he\u202E said [ ]{@town}.');
    await server().open(uri, text);
    const everywhere = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const [action, ...others] = await codeActions(uri, everywhere, [], ['source.fixAll']);
    assert.deepEqual(others, []);
    assert.equal(action.kind, 'source.fixAll.isnad');
    assert.equal(applyWorkspaceEdit(text, action.edit, uri), UNATTRIBUTED.replace('he said.', 'he said.'));
  });

  it('answers nothing for a document that is not open', async () => {
    assert.deepEqual(await codeActions('file:///closed.isnad.md', { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }), []);
  });
});
