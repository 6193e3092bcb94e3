import * as assert from 'node:assert/strict';
import type { CodeAction, TextDocumentEdit } from 'vscode-languageserver-types';
import { parseIsnad } from '../../server/src/service/parse/document';
import { computeDiagnostics } from '../../server/src/service/features/diagnostics';
import { annotateMentions as annotateMentionActions } from '../../server/src/service/features/codeActions/annotateMentions';
import { attributionHintFixes as attributionFixActions } from '../../server/src/service/features/codeActions/attributionFixes';
import type { IsnadDocument } from '../../server/src/service/model';
import { fixture, lines } from './fixture';
import { applyWorkspaceEdit } from './workspaceEdit';

/** The document text after applying an action's edits, all made for the document's own version. */
function applied(doc: IsnadDocument, action: CodeAction): string {
  const [change] = action.edit!.documentChanges as TextDocumentEdit[];
  assert.deepEqual(change.textDocument, { uri: doc.uri, version: doc.version });
  return applyWorkspaceEdit(doc.text, action.edit, doc.uri);
}

const ENTITIES = ['---', 'entities:', '  putin: {name: فلاديمير بوتين, type: person, aliases: [بوتين]}', '  china: {name: الصين, type: country}', '---'];

describe('code actions for implicit mentions', () => {
  it('annotates the mention at the cursor, or all unmarked mentions of its entity, as markMention does', () => {
    const f = fixture(lines(...ENTITIES, 'قال وبو$0تين إن الصين و[بوتين]{@putin} وفلاديمير بوتين.'));
    const doc = parseIsnad(f.text, 'file:///a.isnad.md', 4);
    const actions = annotateMentionActions(doc, { start: f.position, end: f.position }, [], 'en');
    assert.deepEqual(
      actions.map((action) => [action.title, action.kind]),
      [
        ['Annotate this mention of فلاديمير بوتين', 'refactor.rewrite'],
        ['Annotate all 2 unmarked mentions of فلاديمير بوتين', 'refactor.rewrite'],
      ],
    );
    const body = (text: string) => text.split('\n').pop();
    assert.equal(body(applied(doc, actions[0])), 'قال و[بوتين]{@putin} إن الصين و[بوتين]{@putin} وفلاديمير بوتين.');
    assert.equal(body(applied(doc, actions[1])), 'قال و[بوتين]{@putin} إن الصين و[بوتين]{@putin} و[فلاديمير بوتين]{@putin}.');
  });

  it('offers the actions with the cursor right after a name, not one character further', () => {
    const f = fixture(lines(...ENTITIES, 'قال بوتين$0، إن الصين'));
    const doc = parseIsnad(f.text);
    const at = (offset: number) => doc.lines.positionAt(offset);
    assert.deepEqual(
      annotateMentionActions(doc, { start: f.position, end: f.position }, [], 'en').map((action) => action.title),
      ['Annotate this mention of فلاديمير بوتين'],
    );
    assert.deepEqual(annotateMentionActions(doc, { start: at(f.offset + 1), end: at(f.offset + 1) }, [], 'en'), []);
  });

  it('offers one action for a lone mention, titled in Arabic, and none away from mentions', () => {
    const f = fixture(lines(...ENTITIES, 'إن $0الصين ⟦قالت⟧'));
    const doc = parseIsnad(f.text);
    assert.deepEqual(
      annotateMentionActions(doc, { start: f.position, end: f.position }, [], 'ar').map((action) => action.title),
      ['وسم هذا الذِّكر لـالصين'],
    );
    assert.deepEqual(annotateMentionActions(doc, f.range, [], 'en'), []);
  });
});

describe('quick fixes for attribution hints', () => {
  function fixesFor(text: string, locale: 'en' | 'ar' = 'en') {
    const doc = parseIsnad(text, 'file:///a.isnad.md', 2);
    const diagnostics = computeDiagnostics(doc, locale).filter((d) => d.code === 'possible-attribution' || d.code === 'vague-source');
    assert.equal(diagnostics.length, 1, 'one hint');
    const actions = attributionFixActions(doc, diagnostics[0].range, diagnostics, locale);
    for (const action of actions) assert.deepEqual(action.diagnostics, diagnostics);
    return { doc, actions };
  }

  it('marks an Arabic sentence as a claim by the source of the entity nearest the cue, with the Arabic keywords', () => {
    const text = lines(
      '---',
      'sources:',
      '  mortazin: {name: أندريه مورتازين, entity: مورتازين}',
      'entities:',
      '  مورتازين: {name: أندريه مورتازين, aliases: [مورتازين]}',
      '  الصين: {name: الصين}',
      '---',
      'وأكد مورتازين أن الصين ستساعد، ثم غادر.',
    );
    const { doc, actions } = fixesFor(text, 'ar');
    assert.deepEqual(
      actions.map((action) => [action.title, action.kind, action.isPreferred]),
      [['وسم الجملة ادعاءً قائله أندريه مورتازين', 'quickfix', true]],
    );
    assert.equal(applied(doc, actions[0]).split('\n').pop(), '[وأكد مورتازين أن الصين ستساعد]{ادعاء قائل=mortazin}، ثم غادر.');
  });

  it('takes the nearest entity after a comma when the sentence names none, and by= with an entity id when no source stands for it', () => {
    const text = lines('---', 'entities:', '  putin: {name: Vladimir Putin, aliases: [Putin]}', '---', 'According to the Kremlin; Putin agreed.');
    const { doc, actions } = fixesFor(text);
    assert.deepEqual(
      actions.map((action) => action.title),
      ['Mark the sentence as a claim by Vladimir Putin'],
    );
    assert.equal(applied(doc, actions[0]).split('\n').pop(), '[According to the Kremlin]{claim by=putin}; Putin agreed.');
  });

  it('of two entities as near the cue, takes the one where its speaker is written: after قال, before said', () => {
    const front = ['---', 'entities:', '  putin: {name: Vladimir Putin, aliases: [بوتين, Putin]}', '  china: {name: الصين, aliases: [China]}', '---'];
    const arabic = fixesFor(lines(...front, '[الصين]{@china} قال بوتين إن الميناء مغلق.'), 'ar');
    assert.equal(applied(arabic.doc, arabic.actions[0]).split('\n').pop(), '[[الصين]{@china} قال بوتين إن الميناء مغلق]{ادعاء قائل=putin}.');
    const english = fixesFor(lines(...front, 'Putin said [China]{@china} would pay.'));
    assert.deepEqual(
      english.actions.map((action) => action.title),
      ['Mark the sentence as a claim by Vladimir Putin'],
    );
    assert.equal(applied(english.doc, english.actions[0]).split('\n').pop(), '[Putin said [China]{@china} would pay]{claim by=putin}.');
  });

  it('offers no fix for a sentence with an unpaired bracket, which the new span’s would pair with', () => {
    assert.deepEqual(fixesFor('قال الوزير [إن الميناء مغلق.').actions, []);
    assert.deepEqual(fixesFor('Officials said ] the port [1] is closed.').actions, []);
  });

  it('marks the sentence as an unattributed claim when nothing is mentioned', () => {
    const { doc, actions } = fixesFor('The minister said the port is closed.');
    assert.deepEqual(
      actions.map((action) => action.title),
      ['Mark the sentence as a claim'],
    );
    assert.equal(applied(doc, actions[0]), '[The minister said the port is closed]{claim}.');
  });

  describe('vague-source', () => {
    it('adds an anonymous source after the last one, at its indentation, and attributes the sentence to it', () => {
      const text = lines('---', 'sources:', '  a:', '    name: A', '  anonymous: B', '---', 'Officials said the port is closed.');
      const { doc, actions } = fixesFor(text);
      assert.deepEqual(
        actions.map((action) => action.title),
        ['Add the anonymous source “Officials” and attribute the sentence to it'],
      );
      assert.equal(
        applied(doc, actions[0]),
        lines('---', 'sources:', '  a:', '    name: A', '  anonymous: B', '  anonymous_2:', '    name: Officials', '    kind: anonymous', '---', '[Officials said the port is closed]{claim by=anonymous_2}.'),
      );
      const added = parseIsnad(applied(doc, actions[0]));
      assert.equal(added.frontMatter?.sources.get('anonymous_2')?.kind, 'anonymous');
      assert.deepEqual(
        computeDiagnostics(added, 'en').map((d) => [d.code, added.text.slice(added.lines.offsetAt(d.range.start), added.lines.offsetAt(d.range.end))]),
        [
          ['unused-definition', 'a'],
          ['unused-definition', 'anonymous'],
        ],
      );
    });

    it('adds sources: to a front matter without it, and a front matter to a document without one, in Arabic', () => {
      const withoutSources = fixesFor(lines('---', 'title: t', '---', 'وقالت مصادر إن الميناء مغلق.'), 'ar');
      assert.equal(
        applied(withoutSources.doc, withoutSources.actions[0]),
        lines('---', 'title: t', 'sources:', '  مصدر_مجهول:', '    name: مصادر', '    kind: anonymous', '---', '[وقالت مصادر إن الميناء مغلق]{ادعاء قائل=مصدر_مجهول}.'),
      );
      const withoutFrontMatter = fixesFor('وقالت مصادر إن الميناء مغلق.', 'ar');
      assert.deepEqual(
        withoutFrontMatter.actions.map((action) => action.title),
        ['إضافة المصدر المجهول «مصادر» ونسبة الجملة إليه'],
      );
      const fixed = applied(withoutFrontMatter.doc, withoutFrontMatter.actions[0]);
      assert.equal(fixed, lines('---', 'sources:', '  مصدر_مجهول:', '    name: مصادر', '    kind: anonymous', '---', '[وقالت مصادر إن الميناء مغلق]{ادعاء قائل=مصدر_مجهول}.'));
      assert.deepEqual(computeDiagnostics(parseIsnad(fixed), 'en'), []);
    });

    it('attributes to an anonymous source the front matter already has', () => {
      const { doc, actions } = fixesFor(lines('---', 'sources:', '  unnamed: {name: Unnamed officials, kind: anonymous}', '---', 'Officials said so.'));
      assert.deepEqual(
        actions.map((action) => action.title),
        ['Mark the sentence as a claim by the anonymous source Unnamed officials'],
      );
      assert.equal(applied(doc, actions[0]).split('\n').pop(), '[Officials said so]{claim by=unnamed}.');
    });

    it('adds the source to a flow mapping of sources as a flow mapping', () => {
      const { doc, actions } = fixesFor(lines('---', 'sources: {a: A}', '---', 'Officials said so.'));
      assert.equal(applied(doc, actions[0]), lines('---', 'sources: {a: A, anonymous: {name: Officials, kind: anonymous}}', '---', '[Officials said so]{claim by=anonymous}.'));
      assert.equal(parseIsnad(applied(doc, actions[0])).frontMatter?.sources.get('anonymous')?.kind, 'anonymous');
    });
  });
});
