// `npm run bench:lsp`: the LSP benchmark (bench/lspBenchmark.ts) on 20 KB, 1 MB and 10 MB, printed
// as a Markdown table with the ratio Isnad/peer.
//
// Options: --runs N (5), --sizes 20KB,1MB,10MB, --keystrokes N (10 per run), --hovers N (1000 per run),
// --hints off (Isnad's attribution hints off), --json FILE (the medians as JSON).
import * as fs from 'node:fs';
import { SIZES, runLspBenchmark, table, type Options } from './lspBenchmark';

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

async function main(): Promise<void> {
  const options: Options = {
    runs: Number(option('runs', '5')),
    sizes: option('sizes', '20KB,1MB,10MB').split(','),
    keystrokes: Number(option('keystrokes', '10')),
    hovers: Number(option('hovers', '1000')),
    hints: option('hints', 'on') !== 'off',
  };
  const unknown = options.sizes.filter((size) => !(size in SIZES));
  if (unknown.length) throw new Error(`unknown size ${unknown.join(', ')}: use ${Object.keys(SIZES).join(', ')}`);
  const results = await runLspBenchmark(options);
  console.log(table(results, options));
  const json = option('json', '');
  if (json) fs.writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
