// What package.json shows in the palette and the settings UI: every command titled and in the
// Isnad category, every setting described, in English and Arabic; no command offered where it
// can do nothing.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const read = (name: string) => JSON.parse(fs.readFileSync(path.join(ROOT, name), 'utf8'));
const manifest = read('package.json');
const catalogues = [read('package.nls.json'), read('package.nls.ar.json')];
const key = (placeholder: string) => /^%(.+)%$/.exec(placeholder)?.[1];

describe('the manifest', () => {
  it('titles every command and puts it in the Isnad category, in English and Arabic', () => {
    for (const { command, title, category } of manifest.contributes.commands) {
      for (const text of [title, category]) {
        assert.ok(key(text) && catalogues.every((catalogue) => catalogue[key(text)!]), `${command}: ${text} in both languages`);
      }
      assert.equal(category, '%command.category%', command);
    }
  });

  it('describes every setting in English and Arabic', () => {
    for (const [name, setting] of Object.entries<{ markdownDescription?: string }>(manifest.contributes.configuration.properties)) {
      const description = key(setting.markdownDescription ?? '');
      assert.ok(description && catalogues.every((catalogue) => catalogue[description]), name);
    }
  });

  it('offers Who Said What: Clear Filters in the palette only while a filter is set', () => {
    const entry = manifest.contributes.menus.commandPalette.find(({ command }: { command: string }) => command === 'isnad.whoSaidWhat.clearFilters');
    assert.equal(entry.when, 'isnad.active && isnad.whoSaidWhat.filtered');
  });
});
