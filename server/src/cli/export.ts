// `isnad export`: a document's annotations, or a whole corpus's in one file, as W3C Web
// Annotations, JSON Lines or CSV. A corpus is read, exported and written one document at a time.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseIsnad } from '../service/parse/document';
import { EXPORT_FORMATS, exportDocument, type ExportFormat } from '../service/export/index';
import { CorpusExport } from '../service/export/corpus';
import { helpFor, oneOf, parseCommandArgs } from './arguments';
import { findIsnadFiles, readDocument, statOrUndefined } from './files';
import { STANDARD_OUTPUT, ensureNotAnInput, openAtomicFile } from './atomicWrite';
import { RegistryLoader } from './registries';
import { CliError, EXIT_FAILURE, EXIT_OK, describeError, type Output } from './output';

const EXPORT_HELP = `Usage: isnad export <file, folder or glob>... --format w3c|jsonl|csv [-o <out>] [--root <folder>]

Exports the annotations of Isnad documents (FORMAT.md §7), with ids resolved
through the shared registries (isnad.yaml) as isnad check does.
One file gives that document's export; several, a folder or a glob give one
export of the whole corpus, written one document at a time:
w3c: one collection whose annotations target each article; jsonl and csv:
every document's lines or rows after one another (csv with one header row).

Options:
  --format w3c|jsonl|csv  w3c: a W3C Web Annotation collection (JSON-LD);
                          jsonl: one JSON object per annotation;
                          csv: one row per annotation (UTF-8 with a byte-order mark)
  -o, --output <out>      write to <out> instead of stdout (- is stdout); <out> is
                          replaced atomically, so a failed export leaves it as
                          it was; it may not be one of the documents exported
  --root <folder>         the highest folder whose isnad.yaml is read (default: the
                          current folder)
  -h, --help              show this help

Exit status: 0 exported, 2 usage error or a file that could not be read or written.
`;

export function exportCommand(args: readonly string[], output: Output): number {
  const { values, positionals } = parseCommandArgs('export', args, {
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    root: { type: 'string', default: '.' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    output.out(EXPORT_HELP);
    return EXIT_OK;
  }
  if (values.format === undefined) throw new CliError(`choose a format: --format ${EXPORT_FORMATS.join('|')}`, helpFor('export'));
  const format = oneOf<ExportFormat>('export', '--format', values.format, EXPORT_FORMATS);
  if (positionals.length === 0) throw new CliError('name a file, folder or glob to export', helpFor('export'));

  const registries = new RegistryLoader(values.root);
  const parse = (file: string) => {
    let text: string;
    try {
      text = readDocument(file);
    } catch (error) {
      throw new CliError(`cannot read ${file}: ${describeError(error)}`);
    }
    // The file's URI is what the annotations target when the front matter gives no url.
    return parseIsnad(text, pathToFileURL(path.resolve(file)).href, 0, registries.scopeOf(file));
  };
  const single = positionals.length === 1 && (statOrUndefined(positionals[0])?.isFile() ?? false);
  const { files, failures } = single ? { files: positionals, failures: [] } : findIsnadFiles(positionals);
  if (failures.length > 0) throw new CliError(failures.join('\nisnad: '));
  if (values.output !== undefined) ensureNotAnInput(values.output, files);

  const sink = openSink(values.output, output);
  try {
    if (single) sink.write(exportDocument(parse(files[0]), format));
    else {
      const corpus = new CorpusExport(format);
      sink.write(corpus.start(positionals.join(' ')));
      for (const file of files) sink.write(corpus.article(parse(file)));
      sink.write(corpus.end());
    }
  } catch (error) {
    sink.abort();
    throw error;
  }
  sink.commit();
  for (const failure of registries.failures) output.err(`isnad: ${failure}\n`);
  return registries.failures.length > 0 ? EXIT_FAILURE : EXIT_OK;
}

/** Standard output, or the atomically replaced output file. */
function openSink(target: string | undefined, output: Output): { write(text: string): void; commit(): void; abort(): void } {
  if (target === undefined || target === STANDARD_OUTPUT) return { write: (text) => output.out(text), commit: () => undefined, abort: () => undefined };
  const fail = (error: unknown) => new CliError(`cannot write ${target}: ${describeError(error)}`);
  let file;
  try {
    file = openAtomicFile(target);
  } catch (error) {
    throw fail(error);
  }
  const opened = file;
  const guard = (action: () => void) => {
    try {
      action();
    } catch (error) {
      throw error instanceof CliError ? error : fail(error);
    }
  };
  return { write: (text) => guard(() => opened.write(text)), commit: () => guard(() => opened.commit()), abort: () => opened.abort() };
}
