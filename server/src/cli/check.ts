// `isnad check`: the editor's diagnostics, for CI and pre-commit hooks. Documents are read, checked
// and reported one at a time, so memory stays bounded however large the corpus.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { version } from '../../../package.json';
import { parseIsnad } from '../service/parse/document';
import { computeDiagnostics } from '../service/features/diagnostics';
import { computeRegistryDiagnostics, registryUsesOf } from '../service/features/registryDiagnostics';
import type { Locale } from '../service/l10n';
import { helpFor, oneOf, parseCommandArgs } from './arguments';
import { findIsnadFiles, readDocument } from './files';
import { RegistryLoader } from './registries';
import { CHECK_FORMATS, diagnosticsWriter, toFileDiagnostic, type FileDiagnostic } from './diagnosticsOutput';
import { CliError, EXIT_FAILURE, EXIT_OK, EXIT_PROBLEMS, describeError, type Output } from './output';

const CHECK_HELP = `Usage: isnad check <file, folder or glob>... [--format text|json|sarif] [--locale en|ar] [--root <folder>]

Reports the diagnostics of Isnad documents, as the editor shows them.
Folders are searched recursively for *.isnad.md and *.isnad files
(node_modules and folders whose name starts with a dot are skipped); a quoted
glob such as 'articles/**/*.isnad.md' is expanded by isnad itself.

Shared registries: the isnad.yaml of each document's folder and of every
parent folder up to the root define sources and entities for it (its own front
matter overrides them id by id). Their errors, and entries that no checked
document uses, are reported in the registry files.

Options:
  --format text|json|sarif  text (default): one "path:line:col: severity code: message"
                            line per diagnostic, line and column 1-based, the column
                            in UTF-16 units as in the editor's links and Go to
                            (an emoji counts 2, an Arabic mark 1); json: an array of
                            { file, range, severity, code, message } with 0-based LSP
                            ranges; sarif: a SARIF 2.1.0 log for code-scanning services
  --locale en|ar            language of the messages (default en)
  --root <folder>           the highest folder whose isnad.yaml is read (default: the
                            current folder)
  -h, --help                show this help

Exit status: 0 no errors (warnings and hints allowed), 1 at least one error,
2 usage error or a file that could not be read.
`;

const LOCALES: readonly Locale[] = ['en', 'ar'];

export function check(args: readonly string[], output: Output): number {
  const { values, positionals } = parseCommandArgs('check', args, {
    format: { type: 'string', default: 'text' },
    locale: { type: 'string', default: 'en' },
    root: { type: 'string', default: '.' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    output.out(CHECK_HELP);
    return EXIT_OK;
  }
  const format = oneOf('check', '--format', values.format, CHECK_FORMATS);
  const locale = oneOf('check', '--locale', values.locale, LOCALES);
  if (positionals.length === 0) throw new CliError('name at least one file or folder to check', helpFor('check'));

  const { files, failures } = findIsnadFiles(positionals);
  const registries = new RegistryLoader(values.root);
  const writer = diagnosticsWriter(format, version, process.cwd());
  let written = 0;
  let errors = false;
  const report = (diagnostic: FileDiagnostic) => {
    output.out(writer.diagnostic(diagnostic, written === 0));
    written++;
    errors ||= diagnostic.severity === 'error';
  };
  /** Registry uri → the ids documents resolved to its entries. */
  const used = new Map<string, Set<string>>();

  output.out(writer.start());
  for (const file of files) {
    let text: string;
    try {
      text = readDocument(file);
    } catch (error) {
      failures.push(`cannot read ${file}: ${describeError(error)}`);
      continue;
    }
    const doc = parseIsnad(text, pathToFileURL(path.resolve(file)).href, 0, registries.scopeOf(file));
    for (const diagnostic of computeDiagnostics(doc, locale)) report(toFileDiagnostic(file, diagnostic));
    for (const [uri, id] of registryUsesOf(doc)) (used.get(uri) ?? used.set(uri, new Set()).get(uri)!).add(id);
  }
  for (const { registry, file } of registries.read.values()) {
    const diagnostics = computeRegistryDiagnostics(registry, registries.fartherScopeOf(registry), locale, used.get(registry.uri) ?? new Set());
    for (const diagnostic of diagnostics) report(toFileDiagnostic(file, diagnostic));
  }
  output.out(writer.end(written > 0));

  for (const failure of [...failures, ...registries.failures]) output.err(`isnad: ${failure}\n`);
  if (failures.length > 0 || registries.failures.length > 0) return EXIT_FAILURE;
  return errors ? EXIT_PROBLEMS : EXIT_OK;
}
