// The edits the editing audit fixed, asked of the bundled server as the editor asks: on a document
// whose lines end with CR alone, "Attribute to …" on a claim whose note is not closed, and
// source.fixAll.isnad on problems that uncover more problems once fixed. Each edit, applied,
// leaves the intended text; the server, given that text, reports nothing the edit should have fixed.
import * as assert from 'node:assert/strict';
import { CodeActionRequest, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { applyWorkspaceEdit } from '../unit/workspaceEdit';
import { useServer } from './serverSession';

const URI = 'file:///articles/edits.isnad.md';
const TEXT = [
  '---',
  'sources:',
  '  ali: Ali',
  'entities:',
  '  e1: E1',
  '---',
  '[The port reopens.]{claim note="unfinished',
  '',
  'x[\u2066]{claim}y and [ []{@e1} ]{claim by=ali} [Ali]{quote by=ali}',
].join('\r');

describe('edits of the editing features over the protocol', () => {
  const server = useServer();
  const textDocument = { uri: URI };

  before(async () => {
    await server().open(URI, TEXT);
  });

  const actions = async (range: Diagnostic['range'], diagnostics: Diagnostic[], only: string[]) =>
    (await server().connection.sendRequest(CodeActionRequest.type, { textDocument, range, context: { diagnostics, only } })) as CodeAction[];

  it('reads the CR front matter and attributes the claim before its open note', async () => {
    const { diagnostics } = await server().diagnostics(URI);
    assert.deepEqual(
      diagnostics.map(({ code }) => code),
      ['span-syntax', 'unattributed-claim', 'unattributed-claim', 'bidi-control', 'empty-span'],
    );
    const claim = diagnostics.find(({ code }) => code === 'unattributed-claim')!;
    const fixes = await actions(claim.range, [claim], ['quickfix']);
    assert.deepEqual(fixes.map(({ title }) => title), ['Attribute to Ali', 'Add a new source…']);
    assert.equal(applyWorkspaceEdit(TEXT, fixes[0].edit, URI), TEXT.replace('{claim note=', '{claim by=ali note='));
  });

  it('fixes all in one edit, leaving no empty span and no unused definition behind', async () => {
    const start = { line: 0, character: 0 };
    const [fixAll] = await actions({ start, end: start }, [], ['source.fixAll.isnad']);
    const fixed = applyWorkspaceEdit(TEXT, fixAll.edit, URI);
    assert.equal(fixed, ['---', 'sources:', '  ali: Ali', 'entities:', '---', '[The port reopens.]{claim note="unfinished', '', 'xy and [Ali]{quote by=ali}'].join('\r'));
    await server().change(URI, fixed, 2);
    const { diagnostics } = await server().diagnostics(URI, ({ version }) => version === 2);
    assert.deepEqual(diagnostics.map(({ code }) => code), ['span-syntax', 'unattributed-claim']);
  });
});
