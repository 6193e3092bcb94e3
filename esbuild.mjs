// Bundles the extension, the language server and the CLI into dist/.
// `--watch` rebuilds on change; `--dev` skips minification.
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const production = !process.argv.includes('--dev') && !watch;

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

const builds = [
  { ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'], plugins: [smallSemver] },
  { ...common, entryPoints: { server: 'server/src/main.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { cli: 'server/src/cli.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  // The in-editor suite runs inside VS Code's extension host, which supplies `vscode`.
  { ...common, minify: false, entryPoints: { index: 'test/vscode/index.ts' }, outdir: 'dist/test/vscode', external: ['vscode', 'mocha'] },
];

if (watch) {
  for (const build of builds) (await esbuild.context(build)).watch();
  console.log('esbuild: watching');
} else {
  await Promise.all(builds.map((build) => esbuild.build(build)));
}
