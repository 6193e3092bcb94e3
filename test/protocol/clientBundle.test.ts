// The extension bundle leaves out the language client's features for capabilities our server
// never declares (client/src/bundle/absentFeatures.json): the bundled server must declare none
// of them, statically or by registering them, and the bundle must really leave them out.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ServerCapabilities } from 'vscode-languageserver-protocol/node';
import ABSENT from '../../client/src/bundle/absentFeatures.json';
import { ServerSession, buildOnce } from './serverSession';

const ROOT = path.resolve(__dirname, '../..');
const WORKSPACE = path.join(ROOT, 'samples');

/** The capabilities (dotted paths) among `capabilities` whose client side the bundle leaves out, with the module serving each. */
function absentCapabilitiesDeclared(capabilities: ServerCapabilities): string[] {
  const valueAt = (dottedPath: string) => dottedPath.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], capabilities);
  return Object.entries(ABSENT).flatMap(([module, { serverCapabilities }]) =>
    serverCapabilities.filter((capability) => valueAt(capability) !== undefined && valueAt(capability) !== false).map((capability) => `${capability} (${module})`),
  );
}

describe('client features left out of the extension bundle (dist/extension.js)', () => {
  let session: ServerSession | undefined;

  before(() => buildOnce());
  afterEach(async () => {
    await session?.dispose();
    session = undefined;
  });

  it('are not declared by the bundled server, at initialize or by registration', async () => {
    session = new ServerSession();
    const { capabilities } = await session.initialize({ workspaceFolders: [{ uri: `file://${WORKSPACE}`, name: 'samples' }] });
    const uri = `file://${path.join(WORKSPACE, 'north-korea-russia.isnad.md')}`;
    await session.open(uri, fs.readFileSync(path.join(WORKSPACE, 'north-korea-russia.isnad.md'), 'utf8'));
    await session.diagnostics(uri);
    await session.until('the file watchers registration', () => session!.registrations.length > 0);
    assert.deepEqual(absentCapabilitiesDeclared(capabilities), []);
    const absentMethods = new Set(Object.values(ABSENT).flatMap(({ methods }) => methods));
    assert.deepEqual(session.registrations.map(({ method }) => method).filter((method) => absentMethods.has(method)), []);
  });

  it('would be caught if the server declared one', () => {
    assert.deepEqual(absentCapabilitiesDeclared({ hoverProvider: true, documentFormattingProvider: false, callHierarchyProvider: true, workspace: { fileOperations: { didRename: { filters: [] } } } }), [
      'callHierarchyProvider (callHierarchy)',
      'workspace.fileOperations (fileOperations)',
    ]);
  });

  it('are not in the bundle, nor the glob matcher that only they use', () => {
    const { sources } = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'extension.js.map'), 'utf8')) as { sources: string[] };
    const bundled = sources.map((source) => path.relative(ROOT, path.resolve(ROOT, 'dist', source)).split(path.sep).join('/'));
    const libraryFeatures = bundled.filter((source) => source.startsWith('node_modules/vscode-languageclient/lib/common/'));
    assert.deepEqual(
      libraryFeatures.filter((source) => Object.keys(ABSENT).includes(path.basename(source, '.js'))),
      [],
    );
    assert.deepEqual(bundled.filter((source) => /node_modules\/(minimatch|brace-expansion|balanced-match)\//.test(source)), []);
    assert.ok(bundled.includes('client/src/bundle/absentFeatures.ts'));
    assert.ok(libraryFeatures.includes('node_modules/vscode-languageclient/lib/common/hover.js'));
  });
});
