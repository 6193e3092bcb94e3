// Bundles the extension, the language server and the CLI into dist/.
// `--watch` rebuilds on change; `--dev` skips minification; `--analyze` lists what each module
// costs the extension's bundle.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const production = !process.argv.includes('--dev') && !watch;
const analyze = process.argv.includes('--analyze');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  minify: production,
  logLevel: 'warning',
};

/** The language client's two `semver` calls, answered by a small module (client/src/bundle/semver.ts). */
const SEMVER_FUNCTIONS = { parse: 'semverParse.ts', satisfies: 'semverSatisfies.ts' };
const smallSemver = {
  name: 'small-semver',
  setup(build) {
    build.onResolve({ filter: /^semver\/functions\/(parse|satisfies)$/ }, ({ path: module }) => ({
      path: path.resolve('client/src/bundle', SEMVER_FUNCTIONS[module.split('/').pop()]),
    }));
  },
};

/**
 * The language client's feature modules for capabilities our server never declares
 * (client/src/bundle/absentFeatures.json), answered by features that do nothing and advertise
 * nothing (client/src/bundle/absentFeatures.ts).
 */
const ABSENT_FEATURES = Object.keys(JSON.parse(fs.readFileSync('client/src/bundle/absentFeatures.json', 'utf8')));
const absentFeatures = {
  name: 'absent-features',
  setup(build) {
    build.onResolve({ filter: new RegExp(`^\\./(${ABSENT_FEATURES.join('|')})$`) }, ({ importer }) =>
      importer.includes(path.join('vscode-languageclient', 'lib', 'common')) ? { path: path.resolve('client/src/bundle/absentFeatures.ts') } : undefined,
    );
  },
};

/**
 * Importing a CommonJS module as a namespace copies its every export into a new object, once per
 * importing module: esbuild's `__toESM` for our `import * as vscode from 'vscode'` and
 * TypeScript's `__importStar` for the language client's own. VS Code's API has some 450 names
 * and 28 modules imported it so (16 of ours): 28 copies, about 13 ms of loading the bundle in
 * plain Node. Now our modules share one ES module re-exporting it, and the language client's
 * `require('vscode')` gets the API behind an object that says it is an ES module, which
 * `__importStar` returns as it is.
 */
const sharedVscode = {
  name: 'shared-vscode',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, ({ kind, namespace }) => {
      if (namespace !== 'file') return undefined;
      if (kind === 'import-statement') return { path: 'vscode-namespace', namespace: 'shared-vscode' };
      return kind === 'require-call' ? { path: 'vscode-as-es-module', namespace: 'shared-vscode' } : undefined;
    });
    build.onLoad({ filter: /.*/, namespace: 'shared-vscode' }, ({ path: module }) => ({
      contents:
        module === 'vscode-namespace'
          ? `export * from 'vscode';`
          : `module.exports = Object.create(require('vscode'), { __esModule: { value: true } });`,
      loader: 'js',
    }));
  },
};

const builds = [
  { ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'], plugins: [smallSemver, absentFeatures, sharedVscode], metafile: analyze },
  { ...common, entryPoints: { server: 'server/src/main.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { cli: 'server/src/cli.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  // The in-editor suite runs inside VS Code's extension host, which supplies `vscode`.
  { ...common, minify: false, entryPoints: { index: 'test/vscode/index.ts' }, outdir: 'dist/test/vscode', external: ['vscode', 'mocha'] },
];

if (watch) {
  for (const build of builds) (await esbuild.context(build)).watch();
  console.log('esbuild: watching');
} else {
  const [extension] = await Promise.all(builds.map((build) => esbuild.build(build)));
  if (analyze) console.log(await esbuild.analyzeMetafile(extension.metafile));
}
