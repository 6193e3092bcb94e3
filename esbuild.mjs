// Bundles the extension, the language server and the CLI into dist/.
// `--watch` rebuilds on change; `--dev` skips minification.
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

const builds = [
  { ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...common, entryPoints: { server: 'server/src/main.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { cli: 'server/src/cli.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
];

const existing = [];
for (const build of builds) {
  const entry = Object.values(build.entryPoints)[0];
  try {
    await import('node:fs').then((fs) => fs.promises.access(entry));
    existing.push(build);
  } catch {
    console.warn(`esbuild: skipping ${entry} (not written yet)`);
  }
}

if (watch) {
  for (const build of existing) (await esbuild.context(build)).watch();
  console.log('esbuild: watching');
} else {
  await Promise.all(existing.map((build) => esbuild.build(build)));
}
