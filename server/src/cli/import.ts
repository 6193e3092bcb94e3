// `isnad import`: a W3C Web Annotation export (what `isnad export --format w3c` writes) back to
// an Isnad document.
import { importW3c } from '../service/import/w3c';
import { ImportError } from '../service/import/importError';
import { helpFor, parseCommandArgs } from './arguments';
import { readDocument } from './files';
import { ensureNotAnInput, writeResult } from './atomicWrite';
import { CliError, EXIT_OK, describeError, type Output } from './output';

const IMPORT_HELP = `Usage: isnad import <export.jsonld> [-o <out.isnad.md>]

Rebuilds an Isnad document from its W3C Web Annotation export (isnad export
--format w3c): the front matter, the headings and every annotation, written as
markup around the article's clean text. Comments are not in the export and do
not come back. The result is checked by reading it back: it holds the same
clean text, front matter, headings and annotations, or the import fails naming
the annotation or field it could not write. An edited or cut export (its
sha256, total, exact, prefix or suffix disagreeing) is refused.

Options:
  -o, --output <out>  write to <out> instead of stdout (- is stdout); <out> is
                      replaced atomically, so a failed import leaves it as it
                      was; it may not be the export itself
  -h, --help          show this help

Exit status: 0 imported, 2 usage error, a file that could not be read or
written, or input that is not an Isnad W3C export.
`;

export function importCommand(args: readonly string[], output: Output): number {
  const { values, positionals } = parseCommandArgs('import', args, {
    output: { type: 'string', short: 'o' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    output.out(IMPORT_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new CliError('name exactly one export to import', helpFor('import'));

  const [file] = positionals;
  let json: string;
  try {
    // JSON is UTF-8 (RFC 8259): other bytes would be imported as U+FFFD.
    json = readDocument(file);
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${describeError(error)}`);
  }
  let markup: string;
  try {
    markup = importW3c(json);
  } catch (error) {
    if (error instanceof ImportError) throw new CliError(`cannot import ${file}: ${error.message}`);
    throw error;
  }
  if (values.output !== undefined) ensureNotAnInput(values.output, [file]);
  return writeResult(output, values.output, markup);
}
