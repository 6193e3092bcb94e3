// The stand-in for the language client's feature modules that the extension bundle leaves out
// (client/src/bundle/absentFeatures.*): it must answer every name the client reads from them,
// and the features it gives must advertise nothing and accept no registration.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import absentFeatures = require('../../client/src/bundle/absentFeatures');
import ABSENT from '../../client/src/bundle/absentFeatures.json';

const ROOT = path.resolve(__dirname, '../..');
const CLIENT_LIBRARY = path.join(ROOT, 'node_modules', 'vscode-languageclient', 'lib', 'common');

/** For each of the library's files, the names it reads from `require("./<module>")`. */
function namesReadFrom(module: string): Map<string, Set<string>> {
  const readers = new Map<string, Set<string>>();
  for (const file of fs.readdirSync(CLIENT_LIBRARY).filter((name) => name.endsWith('.js'))) {
    const source = fs.readFileSync(path.join(CLIENT_LIBRARY, file), 'utf8');
    const bindings = [...source.matchAll(new RegExp(`(\\w+) = (?:__importStar\\()?require\\("\\./${module}"\\)`, 'g'))].map((match) => match[1]);
    const names = new Set(bindings.flatMap((binding) => [...source.matchAll(new RegExp(`\\b${binding}\\.(\\w+)`, 'g'))].map((match) => match[1])));
    if (names.size > 0) readers.set(file, names);
  }
  return readers;
}

describe('the language client features left out of the extension bundle', () => {
  const modules = Object.keys(ABSENT);

  it('are modules the language client has', () => {
    for (const module of modules) assert.ok(fs.existsSync(path.join(CLIENT_LIBRARY, `${module}.js`)), module);
  });

  it('are answered with every name the client reads from them', () => {
    const missing = modules.flatMap((module) =>
      [...namesReadFrom(module)]
        // api.js re-exports the pull-diagnostics API for extensions; the next test keeps ours off it.
        .filter(([file]) => file !== 'api.js')
        .flatMap(([file, names]) => [...names].filter((name) => !(name in absentFeatures)).map((name) => `${file}: ${module}.${name}`)),
    );
    assert.deepEqual(missing, []);
    assert.deepEqual([...namesReadFrom('fileOperations').get('client.js')!].sort(), ['DidCreateFilesFeature', 'DidDeleteFilesFeature', 'DidRenameFilesFeature', 'WillCreateFilesFeature', 'WillDeleteFilesFeature', 'WillRenameFilesFeature']);
  });

  it('leave out public names that our client does not use', () => {
    const publicNames = modules.flatMap((module) => [...(namesReadFrom(module).get('api.js') ?? [])]);
    assert.deepEqual(publicNames.sort(), ['DiagnosticPullMode', 'vsdiag']);
    const clientSources = fs.readdirSync(path.join(ROOT, 'client', 'src'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    const users = clientSources.filter((file) => publicNames.some((name) => new RegExp(`\\b${name}\\b`).test(fs.readFileSync(path.join(ROOT, 'client', 'src', file), 'utf8'))));
    assert.deepEqual(users, []);
  });

  it('advertise no client capability, accept no registration and keep the notebook cell scheme', () => {
    for (const [name, Feature] of Object.entries(absentFeatures)) {
      const feature = new Feature();
      const capabilities = {};
      feature.fillClientCapabilities(capabilities);
      feature.initialize();
      assert.deepEqual(capabilities, {}, name);
      assert.equal('registrationType' in feature, false, name);
      assert.deepEqual(feature.getState(), { kind: 'static' }, name);
    }
    assert.equal(absentFeatures.NotebookDocumentSyncFeature.CellScheme, 'vscode-notebook-cell');
  });
});
