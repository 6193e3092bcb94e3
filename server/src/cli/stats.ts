// `isnad stats`: per-source and per-article counts of a corpus, as a table or as JSON.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseIsnad } from '../service/parse/document';
import { CorpusStats, type SourceStats } from '../service/features/stats';
import { helpFor, oneOf, parseCommandArgs } from './arguments';
import { findIsnadFiles, readDocument } from './files';
import { RegistryLoader } from './registries';
import { CliError, EXIT_FAILURE, EXIT_OK, describeError, type Output } from './output';

const STATS_HELP = `Usage: isnad stats <file, folder or glob>... [--format table|json] [--root <folder>]

Counts claims and quotes per source and per article, with the share of them
that is unattributed, resolving ids through the shared registries (isnad.yaml).

Options:
  --format table|json  table (default): two aligned tables, sources then articles;
                       json: { sources, articles, totals }
  --root <folder>      the highest folder whose isnad.yaml is read (default: the
                       current folder)
  -h, --help           show this help

Exit status: 0 counted, 2 usage error or a file that could not be read.
`;

const FORMATS = ['table', 'json'] as const;

export function stats(args: readonly string[], output: Output): number {
  const { values, positionals } = parseCommandArgs('stats', args, {
    format: { type: 'string', default: 'table' },
    root: { type: 'string', default: '.' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    output.out(STATS_HELP);
    return EXIT_OK;
  }
  const format = oneOf('stats', '--format', values.format, FORMATS);
  if (positionals.length === 0) throw new CliError('name at least one file, folder or glob', helpFor('stats'));

  const { files, failures } = findIsnadFiles(positionals);
  const registries = new RegistryLoader(values.root);
  const corpus = new CorpusStats();
  for (const file of files) {
    try {
      corpus.add(file, parseIsnad(readDocument(file), pathToFileURL(path.resolve(file)).href, 0, registries.scopeOf(file)));
    } catch (error) {
      failures.push(`cannot read ${file}: ${describeError(error)}`);
    }
  }
  const sources = corpus.sourceList();
  if (format === 'json') output.out(`${JSON.stringify({ sources: sources.map(withoutRegistryUri), articles: corpus.articles, totals: corpus.totals() }, null, 2)}\n`);
  else output.out(tables(corpus, sources));
  for (const failure of [...failures, ...registries.failures]) output.err(`isnad: ${failure}\n`);
  return failures.length > 0 || registries.failures.length > 0 ? EXIT_FAILURE : EXIT_OK;
}

/** A registry as the path a reader knows, relative to the current folder. */
function withoutRegistryUri({ registry, ...rest }: SourceStats): object {
  return registry ? { ...rest, registry: path.relative(process.cwd(), new URL(registry).pathname) } : rest;
}

function tables(corpus: CorpusStats, sources: readonly SourceStats[]): string {
  const totals = corpus.totals();
  const share = (value: number) => `${(value * 100).toFixed(1)}%`;
  return [
    table(['source', 'name', 'claims', 'quotes', 'articles'], sources.map((s) => [s.id, s.name, String(s.claims), String(s.quotes), String(s.articles)])),
    table(
      ['article', 'claims', 'quotes', 'unattributed', 'share'],
      [
        ...corpus.articles.map((a) => [a.file, String(a.claims), String(a.quotes), String(a.unattributed), share(a.unattributedShare)]),
        [`total (${totals.articles} articles)`, String(totals.claims), String(totals.quotes), String(totals.unattributed), share(totals.unattributedShare)],
      ],
    ),
  ].join('\n');
}

/** Left-aligned text, right-aligned numbers, two spaces between columns. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const numeric = header.map((_, column) => rows.length > 0 && rows.every((row) => /^[\d.]+%?$/.test(row[column])));
  const line = (cells: readonly string[]) =>
    cells.map((cell, column) => (numeric[column] ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ').trimEnd() + '\n';
  return line(header) + line(widths.map((width) => '-'.repeat(width))) + rows.map(line).join('');
}
