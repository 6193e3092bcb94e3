// A workspace that holds Isnad articles or a registry activates the extension at start (the
// workspace index and the who-said-what view need it before any article is opened); opening an
// article then gets the isnad language id and diagnostics. Runs first: it measures a cold start.
import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { ClientCapabilities } from 'vscode-languageclient';
import { ARABIC_SAMPLE, LANGUAGE_ID, isnadDiagnostics, isnadExtension, sampleUri, waitFor } from './support';

export function activationTests(): void {
  describe('activation', () => {
    it('activates in a workspace with articles; an opened .isnad.md file gets the isnad language id', async () => {
      const extension = isnadExtension();
      const started = performance.now();
      await waitFor('the extension to activate (workspaceContains)', () => extension.isActive);
      const document = await vscode.workspace.openTextDocument(sampleUri(ARABIC_SAMPLE));
      await vscode.window.showTextDocument(document);
      const active = performance.now();
      await extension.exports.ready;
      const ready = performance.now();
      await isnadDiagnostics(document.uri);
      const diagnosed = performance.now();

      assert.equal(document.languageId, LANGUAGE_ID);
      assert.equal(extension.exports.client.isRunning(), true);
      const ms = (time: number) => `${Math.round(time - started)} ms`;
      const { activationMs, moduleLoadMs } = extension.exports;
      console.log(
        // Reported, not asserted: issue #8's 50 ms budget is met only when the host is not preempted (README, "Client bundle and activation").
        `    activation: modules run + activate() ${activationMs.toFixed(1)} ms (modules ${moduleLoadMs.toFixed(1)} ms); extension active ${ms(active)}, server ready ${ms(ready)}, first diagnostics ${ms(diagnosed)} from the start of the suite`,
      );
    });

    it('offers the server the client features it uses, and none of those the bundle leaves out (client/src/bundle/absentFeatures.json)', () => {
      // The capabilities the client sends in `initialize`; the method is private to the language client.
      const client = isnadExtension().exports.client as unknown as { computeClientCapabilities(): ClientCapabilities };
      const capabilities = client.computeClientCapabilities();
      const { textDocument, workspace, window } = capabilities;
      assert.deepEqual(Object.keys(capabilities).sort(), ['general', 'textDocument', 'window', 'workspace']);
      assert.deepEqual(Object.keys(textDocument!).sort(), [
        'codeAction', 'codeLens', 'completion', 'definition', 'documentHighlight', 'documentSymbol', 'filters', 'foldingRange',
        'hover', 'inlayHint', 'publishDiagnostics', 'references', 'rename', 'semanticTokens', 'synchronization',
      ]);
      assert.deepEqual(Object.keys(workspace!).sort(), [
        'applyEdit', 'codeLens', 'configuration', 'didChangeConfiguration', 'didChangeWatchedFiles', 'foldingRange',
        'inlayHint', 'semanticTokens', 'symbol', 'workspaceEdit', 'workspaceFolders',
      ]);
      assert.deepEqual(Object.keys(window!).sort(), ['showDocument', 'showMessage', 'workDoneProgress']);
    });
  });
}
