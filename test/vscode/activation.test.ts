// Opening an Isnad document activates the extension (no other activation event is declared)
// and starts the language server. Runs first: it measures activation from a cold start.
import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { ARABIC_SAMPLE, LANGUAGE_ID, isnadDiagnostics, isnadExtension, sampleUri, waitFor } from './support';

export function activationTests(): void {
  describe('activation', () => {
    it('activates on opening an .isnad.md file, which gets the isnad language id', async () => {
      const extension = isnadExtension();
      assert.equal(extension.isActive, false, 'the extension must not be active before an Isnad document opens');

      const started = performance.now();
      const document = await vscode.workspace.openTextDocument(sampleUri(ARABIC_SAMPLE));
      await vscode.window.showTextDocument(document);
      await waitFor('the extension to activate', () => extension.isActive);
      const active = performance.now();
      await extension.exports.ready;
      const ready = performance.now();
      await isnadDiagnostics(document.uri);
      const diagnosed = performance.now();

      assert.equal(document.languageId, LANGUAGE_ID);
      assert.equal(extension.exports.client.isRunning(), true);
      const ms = (time: number) => `${Math.round(time - started)} ms`;
      const { activationMs } = extension.exports;
      console.log(
        // Reported, not asserted: issue #8's 50 ms budget is not met yet (README, "Client bundle and activation").
        `    activation: modules run + activate() ${activationMs.toFixed(1)} ms; extension active ${ms(active)}, server ready ${ms(ready)}, first diagnostics ${ms(diagnosed)} after opening the first Isnad document`,
      );
    });
  });
}
