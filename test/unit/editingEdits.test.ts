// What the editing features write, applied to documents the other suites do not try: every edit
// must leave a well-formed document with exactly the intended change, and no new diagnostics.
import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { parseIsnad } from '../../server/src/service/parse/document';
import { computeDiagnostics } from '../../server/src/service/features/diagnostics';
import { computeCodeActions } from '../../server/src/service/features/codeActions/index';
import { computeCompletion } from '../../server/src/service/features/completion/index';
import { statementAt } from '../../server/src/service/features/statementAt';
import { markableSelections } from '../../server/src/service/features/markableSelections';
import { fixture, lines } from './fixture';
import { applyWorkspaceEdit } from './workspaceEdit';

const URI = 'file:///articles/audit.isnad.md';

/** The document, the diagnostics at the fixture's `$0`, and the code actions of kind `only` there. */
function actionsAt(marked: string, only: string[]): { text: string; diagnostics: Diagnostic[]; actions: CodeAction[] } {
  const f = fixture(marked);
  const doc = parseIsnad(f.text, URI, 1);
  // The editor passes the diagnostics whose range touches the cursor.
  const diagnostics = computeDiagnostics(doc, 'en').filter(
    ({ range }) => doc.lines.offsetAt(range.start) <= f.offset && f.offset <= doc.lines.offsetAt(range.end),
  );
  const cursor = { start: f.position, end: f.position };
  return { text: f.text, diagnostics, actions: computeCodeActions(doc, cursor, diagnostics, 'en', only) };
}

function titles(actions: readonly CodeAction[]): string[] {
  return actions.map(({ title }) => title);
}

function applied(text: string, actions: readonly CodeAction[], title: string): string {
  const action = actions.find((candidate) => candidate.title === title);
  assert.ok(action, `an action “${title}” among ${JSON.stringify(titles(actions))}`);
  return applyWorkspaceEdit(text, action.edit, URI);
}

function codesOf(text: string): string[] {
  return computeDiagnostics(parseIsnad(text, URI, 1), 'en').map(({ code }) => String(code));
}

describe('edits of the editing features on untried documents', () => {
  describe('attributing a claim whose quoted note is not closed', () => {
    const OPEN_NOTE = lines('---', 'sources:', '  ali: Ali Hassan', '---', '[The port reopens.]{claim no$0te="unfinished', '', 'Next paragraph.');

    it('writes by= before the open note, where it is read as an attribute, not inside the note', () => {
      const { text, actions } = actionsAt(OPEN_NOTE, ['quickfix']);
      const result = applied(text, actions, 'Attribute to Ali Hassan');
      assert.equal(result, text.replace('{claim note=', '{claim by=ali note='));
      assert.deepEqual(codesOf(result), ['span-syntax']);
    });

    it('Add a new source… attributes the claim to the source it adds', () => {
      const { text, actions } = actionsAt(OPEN_NOTE, ['quickfix']);
      const result = applied(text, actions, 'Add a new source…');
      assert.equal(result, text.replace('  ali: Ali Hassan\n', '  ali: Ali Hassan\n  new-source:\n    name: New source\n').replace('{claim note=', '{claim by=new-source note='));
      assert.deepEqual(codesOf(result), ['unused-definition', 'span-syntax'], 'ali is still unused; new-source is used');
    });

    it('Attribute Claim to… (isnad/statementAt) inserts there too', () => {
      const f = fixture(OPEN_NOTE);
      assert.deepEqual(statementAt(parseIsnad(f.text, URI, 1), f.offset)?.insertAt, { line: 4, character: 25 });
    });
  });

  describe('an empty by= or @', () => {
    it('offers no “Change to” an arbitrary short id (which replaced the key itself: `by=` became `e`)', () => {
      const doc = lines('---', 'sources:', '  ali: Ali', 'entities:', '  e: E', '---', '[x]{claim b$0y=} [y]{@} [z]{claim by=ali about=e}');
      assert.deepEqual(titles(actionsAt(doc, ['quickfix']).actions), []);
      assert.deepEqual(titles(actionsAt(doc.replace('b$0y=', 'by=""').replace('{@}', '{$0@}'), ['quickfix']).actions), []);
    });
  });

  describe('an id that is not valid (reported on its key) is never written into the body', () => {
    const INVALID = lines(
      '---',
      'sources:',
      '  ali: Ali',
      '  "c d": Carla Diaz',
      'entities:',
      '  "x y": {name: Xavier}',
      '  port: {name: Port}',
      '---',
      '[Xavier and the Port]{claim$0} said [Port]{@port} and [Ali]{quote by=ali}.',
    );

    it('Attribute to … leaves the source out', () => {
      assert.deepEqual(titles(actionsAt(INVALID, ['quickfix']).actions), ['Attribute to Ali', 'Add a new source…']);
    });

    it('completion after by= and @ leaves it out', () => {
      const labels = (marked: string) => {
        const f = fixture(marked);
        return computeCompletion(parseIsnad(f.text, URI, 1), f.position, 'en').map(({ label }) => label);
      };
      assert.deepEqual(labels(INVALID.replace('{claim$0}', '{claim by=$0}')), ['ali', 'port']);
      assert.deepEqual(labels(INVALID.replace('{claim$0}', '{@$0}')), ['port']);
    });

    it('Annotate this mention is not offered for its implicit mentions', () => {
      const { actions } = actionsAt(INVALID.replace('[Xavier and', '[Xav$0ier and').replace('{claim$0}', '{claim}'), ['refactor']);
      assert.deepEqual(titles(actions), []);
    });
  });

  describe('Remove an unused definition', () => {
    it('is not offered for an entry holding an anchor that an alias elsewhere reads', () => {
      const doc = lines('---', 'entities:', '  e$0: &shared Example', '  f: *shared', '---', '[Example]{@f}');
      assert.deepEqual(codesOf(fixture(doc).text), ['unused-definition']);
      assert.deepEqual(titles(actionsAt(doc, ['quickfix', 'source.fixAll']).actions), []);
    });

    it('takes the comments indented under the entry with it, not those at the entries’ level', () => {
      const doc = lines('---', 'sources:', '  ali: Ali # the man', '  b$0ob:', '    name: Bob', '    # about Bob', '  # about the sources', '---', '[x]{claim by=ali}');
      const { text, actions } = actionsAt(doc, ['quickfix']);
      const result = applied(text, actions, 'Remove “bob” from the front matter');
      assert.equal(result, lines('---', 'sources:', '  ali: Ali # the man', '  # about the sources', '---', '[x]{claim by=ali}'));
      assert.deepEqual(codesOf(result), []);
    });

    it('is offered when the alias is inside the entry itself', () => {
      const doc = lines('---', 'entities:', '  e$0: {name: &shared Example, description: *shared}', '  f: F', '---', '[F]{@f}');
      const { text, actions } = actionsAt(doc, ['quickfix']);
      assert.equal(applied(text, actions, 'Remove “e” from the front matter'), lines('---', 'entities:', '  f: F', '---', '[F]{@f}'));
    });
  });

  describe('source.fixAll.isnad', () => {
    it('leaves the document clean in one edit: spans holding only bidi controls or emptied spans go, and the ids only they used', () => {
      const doc = lines(
        '---',
        'sources:',
        '  ali: Ali',
        'entities:',
        '  e1: E1',
        '  e2: E2 # kept: [x]{@e2} uses it',
        '---',
        '$0x[\u2066]{claim}y and [ \u202B ]{quote by=ali} [ []{@e1} ]{claim by=ali} [x]{@e2} [Ali]{quote by=ali}',
      );
      const { text, actions } = actionsAt(doc, ['source.fixAll']);
      assert.equal(actions.length, 1);
      const result = applied(text, actions, 'Fix all safely fixable Isnad problems');
      assert.equal(result, lines('---', 'sources:', '  ali: Ali', 'entities:', '  e2: E2 # kept: [x]{@e2} uses it', '---', 'xy and [x]{@e2} [Ali]{quote by=ali}'));
      assert.deepEqual(codesOf(result), []);
    });

    it('Fix all “empty-span” alone leaves a span holding a bidi control (it is not empty while the control stays)', () => {
      const doc = lines('A [ ]{cla$0im} and []{quote} x[\u2066]{claim}y');
      const { text, actions } = actionsAt(doc, ['quickfix']);
      assert.equal(applied(text, actions, 'Fix all “empty-span” problems in the document'), 'A and x[\u2066]{claim}y');
    });
  });

  describe('Mark Selection as Claim / Quote / Entity Mention (isnad/markableSelections)', () => {
    it('refuses a selection that would cut a span, a comment or an escape, or leave its paragraph; gives the direction of the others', () => {
      const f = fixture(
        lines(
          '---',
          'title: T',
          '⟦---',
          '# ⟧⟦Port⟧ news',
          '',
          '[Put⟦in]{@putin} said⟧ it. ⟦[Putin]{@putin} said⟧ ⟦a<!-- c⟧ -->b \\⟦[1\\]⟧ ⟦\\[1\\]⟧',
          '',
          '⟦قال⟧ مورتازين',
          '',
          '⟦One',
          '',
          'two⟧',
        ),
      );
      const doc = parseIsnad(f.text, URI, 1);
      assert.deepEqual(markableSelections(doc, f.ranges), { version: 1, directions: [null, 'ltr', null, 'ltr', null, null, 'ltr', 'rtl', null] });
    });
  });

  describe('a document whose lines end with CR alone (FORMAT.md §1)', () => {
    const CR = '---\rsources:\r  ali: Ali\r  bob: Bob\r---\r[x]{claim by=ali} [y]{@z$0ed}';

    it('reads its front matter as the same document with LF', () => {
      const text = fixture(CR).text;
      assert.deepEqual(codesOf(text), codesOf(text.replace(/\r/g, '\n')));
      assert.deepEqual(codesOf(text), ['unused-definition', 'unknown-entity']);
    });

    it('defines an entity with CR line ends at the section’s indentation, and removes an entry by its lines', () => {
      const { text, actions } = actionsAt(CR, ['quickfix']);
      const defined = applied(text, actions, 'Define entity “zed” in the front matter');
      assert.equal(defined, '---\rsources:\r  ali: Ali\r  bob: Bob\rentities:\r  zed:\r    name: zed\r---\r[x]{claim by=ali} [y]{@zed}');
      const unused = actionsAt(CR.replace('$0', '').replace('  bob', '  b$0ob'), ['quickfix']);
      assert.equal(applied(unused.text, unused.actions, 'Remove “bob” from the front matter'), '---\rsources:\r  ali: Ali\r---\r[x]{claim by=ali} [y]{@zed}');
    });
  });
});
