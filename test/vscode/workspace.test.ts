// The workspace as VS Code sees it with samples/ open: the shared registry's definitions found by
// the symbol search, and a rename of a registry id that edits the registry and every article.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openSample, positionIn, sampleUri, waitFor } from './support';

const REGISTRY = 'isnad.yaml';
const DREDGING = 'valmora-dredging.isnad.md';
const REOPENING = 'port-reopening.isnad.md';

export function workspaceTests(): void {
  describe('workspace (samples/ and its isnad.yaml)', () => {
    after(closeAllEditors);

    it('finds the registry’s source, entity and the articles’ claims with the symbol search', async () => {
      await openSample(DREDGING);
      const symbols = await waitFor('workspace symbols for "okafor"', async () => {
        const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Lena Okafor');
        return found.length >= 2 && found;
      });
      const registry = sampleUri(REGISTRY).toString();
      assert.deepEqual(
        symbols
          .filter((symbol) => symbol.location.uri.toString() === registry)
          .map((symbol) => [symbol.name, symbol.location.range.start.line]),
        [
          ['Lena Okafor (okafor)', 6],
          ['Lena Okafor (okafor)', 22],
        ],
      );
      const claims = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'emergency dredging');
      assert.deepEqual(
        claims.map((symbol) => [symbol.name, symbol.location.uri.toString()]),
        [['The emergency dredging contract awarded after Storm Adela…', sampleUri(DREDGING).toString()]],
      );
    });

    it('renames a registry source in the registry and in both articles that quote it', async () => {
      const { editor } = await openSample(DREDGING);
      const position = positionIn(editor.document, 'by=gazette', 'by='.length + 2);
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', editor.document.uri, position, 'coast-gazette');
      const edits = edit.entries().map(([uri, textEdits]) => [uri.path.split('/').pop(), textEdits.map((textEdit) => [textEdit.range.start.line, textEdit.newText])]);
      assert.deepEqual(
        edits.sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
        [
          [REGISTRY, [[17, 'coast-gazette']]],
          [REOPENING, [[33, 'coast-gazette'], [35, 'coast-gazette']]],
          [DREDGING, [[25, 'coast-gazette']]],
        ],
      );
    });

    it('adds the workspace’s counts to the hover of a shared source', async () => {
      const { editor } = await openSample(DREDGING);
      const position = positionIn(editor.document, 'by=gazette', 'by='.length + 2);
      const text = await waitFor('a hover with workspace counts', async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
        const value = hovers.map((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value)).join('\n')).join('\n');
        return /2\\; /.test(value) && value;
      });
      assert.match(text, /The Coast Gazette/);
    });
  });
}
