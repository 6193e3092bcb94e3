// "Export Annotations…" the way a user runs it: command palette, format quick pick, and
// code-server's own save dialog (a quick input holding the proposed path), then any confirmation.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { UiContext } from './sample';
import { UI_TIMEOUT_MS, focusEditor, pickQuickItem, runCommand, waitUntil } from './workbench';

const EXPORT_FILE = 'north-korea-russia.annotations.jsonl';

/** F1 → the command → the JSON Lines format → Enter in code-server's save dialog → any confirmation. */
export async function exportFromPalette({ page, workspace }: UiContext, file: 'new' | 'existing'): Promise<void> {
  const target = path.join(workspace, EXPORT_FILE);
  const stale = 'not yet replaced\n';
  if (file === 'existing') fs.writeFileSync(target, stale);
  else assert.equal(fs.existsSync(target), false, `${EXPORT_FILE} does not exist yet`);

  await focusEditor(page);
  await runCommand(page, 'Isnad: Export Annotations…');
  await pickQuickItem(page, 'JSON Lines');
  // code-server's save dialog is a quick input holding the proposed path.
  const input = page.locator('.quick-input-widget input.input');
  await waitUntil('the save dialog to propose the export file', async () => (await input.inputValue().catch(() => '')).endsWith(EXPORT_FILE));
  await page.keyboard.press('Enter');

  const confirmations: string[] = [];
  const content = await waitUntil(`${EXPORT_FILE} to be written`, async () => {
    const written = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
    if (written !== '' && written !== stale) return written;
    // Replacing a file: the save dialog's own question (OK in the quick input), and the extension's modal dialog, if it asks as well.
    const question = page.locator('.quick-input-widget', { hasText: `${EXPORT_FILE} already exists` });
    if (await question.isVisible().catch(() => false)) {
      confirmations.push('save dialog: OK');
      await question.locator('.monaco-button', { hasText: 'OK' }).click();
    }
    const overwrite = page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Overwrite' });
    if (await overwrite.count()) {
      confirmations.push('dialog: Overwrite');
      await overwrite.first().click();
    }
    return undefined;
  });
  const lines = content.split('\n').filter((line) => line !== '');
  assert.equal(lines.length, 228, 'one line per annotation');
  assert.equal(JSON.parse(lines[0]).exact, 'آسيا');
  // Once: the save dialog already asked, a second question is one too many.
  assert.deepEqual(confirmations, file === 'existing' ? ['save dialog: OK'] : [], 'how often the user was asked before writing');
  await page.locator('.notifications-toasts .notification-toast', { hasText: `Exported 228 annotations to “${EXPORT_FILE}”` }).first().waitFor({ timeout: UI_TIMEOUT_MS });
  console.log(`    export: ${confirmations.length ? `confirmed by ${confirmations.join(', ')}` : 'no confirmation asked'}`);
}
