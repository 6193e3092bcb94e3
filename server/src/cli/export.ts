// `isnad export`: a document's annotations as W3C Web Annotations, JSON Lines or CSV.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseIsnad } from '../service/parse/document';
import { EXPORT_FORMATS, exportDocument, type ExportFormat } from '../service/export/index';
import { helpFor, oneOf, parseCommandArgs } from './arguments';
import { readDocument } from './files';
import { writeResult } from './atomicWrite';
import { CliError, EXIT_OK, describeError, type Output } from './output';

const EXPORT_HELP = `Usage: isnad export <file> --format w3c|jsonl|csv [-o <out>]

Exports the annotations of an Isnad document (FORMAT.md §7).

Options:
  --format w3c|jsonl|csv  w3c: a W3C Web Annotation collection (JSON-LD);
                          jsonl: one JSON object per annotation;
                          csv: one row per annotation (UTF-8 with a byte-order mark)
  -o, --output <out>      write to <out> instead of stdout; <out> is replaced
                          atomically, so a failed export leaves it as it was
  -h, --help              show this help

Exit status: 0 exported, 2 usage error or a file that could not be read or written.
`;

export function exportCommand(args: readonly string[], output: Output): number {
  const { values, positionals } = parseCommandArgs('export', args, {
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    output.out(EXPORT_HELP);
    return EXIT_OK;
  }
  if (values.format === undefined) throw new CliError(`choose a format: --format ${EXPORT_FORMATS.join('|')}`, helpFor('export'));
  const format = oneOf<ExportFormat>('export', '--format', values.format, EXPORT_FORMATS);
  if (positionals.length !== 1) throw new CliError('name exactly one file to export', helpFor('export'));

  const [file] = positionals;
  let text: string;
  try {
    text = readDocument(file);
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${describeError(error)}`);
  }
  // The file's URI is what the annotations target when the front matter gives no url.
  const exported = exportDocument(parseIsnad(text, pathToFileURL(path.resolve(file)).href), format);
  return writeResult(output, values.output, exported);
}
