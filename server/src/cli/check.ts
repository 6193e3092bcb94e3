// `isnad check`: the editor's diagnostics, for CI and pre-commit hooks.
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { parseIsnad } from '../service/parse/document';
import { computeDiagnostics } from '../service/features/diagnostics';
import type { Locale } from '../service/l10n';
import { helpFor, oneOf, parseCommandArgs } from './arguments';
import { findIsnadFiles, readDocument } from './files';
import { CliError, EXIT_FAILURE, EXIT_OK, EXIT_PROBLEMS, describeError, type Output } from './output';
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';

const CHECK_HELP = `Usage: isnad check <file or folder>... [--format text|json] [--locale en|ar]

Reports the diagnostics of Isnad documents, as the editor shows them.
Folders are searched recursively for *.isnad.md and *.isnad files
(node_modules and folders whose name starts with a dot are skipped).

Options:
  --format text|json  text (default): one "path:line:col: severity code: message" line
                      per diagnostic; json: an array of
                      { file, range, severity, code, message } with 0-based LSP ranges
  --locale en|ar      language of the messages (default en)
  -h, --help          show this help

Exit status: 0 no errors (warnings and hints allowed), 1 at least one error,
2 usage error or a file that could not be read.
`;

const FORMATS = ['text', 'json'] as const;
const LOCALES: readonly Locale[] = ['en', 'ar'];

/** LSP's numeric severities (1–4), by name. */
const SEVERITY_NAMES = ['error', 'warning', 'information', 'hint'] as const;
type SeverityName = (typeof SEVERITY_NAMES)[number];

interface FileDiagnostic {
  readonly file: string;
  readonly range: Range;
  readonly severity: SeverityName;
  readonly code: string;
  readonly message: string;
}

export function check(args: readonly string[], output: Output): number {
  const { values, positionals } = parseCommandArgs('check', args, {
    format: { type: 'string', default: 'text' },
    locale: { type: 'string', default: 'en' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    output.out(CHECK_HELP);
    return EXIT_OK;
  }
  const format = oneOf('check', '--format', values.format, FORMATS);
  const locale = oneOf('check', '--locale', values.locale, LOCALES);
  if (positionals.length === 0) throw new CliError('name at least one file or folder to check', helpFor('check'));

  const { files, failures } = findIsnadFiles(positionals);
  const diagnostics: FileDiagnostic[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readDocument(file);
    } catch (error) {
      failures.push(`cannot read ${file}: ${describeError(error)}`);
      continue;
    }
    const doc = parseIsnad(text, pathToFileURL(path.resolve(file)).href);
    for (const diagnostic of computeDiagnostics(doc, locale)) diagnostics.push(toFileDiagnostic(file, diagnostic));
  }

  output.out(format === 'json' ? `${JSON.stringify(diagnostics, null, 2)}\n` : diagnostics.map(toTextLine).join(''));
  for (const failure of failures) output.err(`isnad: ${failure}\n`);
  if (failures.length > 0) return EXIT_FAILURE;
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error') ? EXIT_PROBLEMS : EXIT_OK;
}

function toFileDiagnostic(file: string, diagnostic: Diagnostic): FileDiagnostic {
  return {
    file,
    range: diagnostic.range,
    severity: SEVERITY_NAMES[(diagnostic.severity ?? 1) - 1],
    code: String(diagnostic.code),
    message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
  };
}

/**
 * The compiler-style line that editors and terminals turn into links: 1-based, UTF-16 columns
 * like the editor, and always one line (a message can quote an id written with a line break).
 */
function toTextLine({ file, range, severity, code, message }: FileDiagnostic): string {
  return `${file}:${range.start.line + 1}:${range.start.character + 1}: ${severity} ${code}: ${message.replace(LINE_BREAKS, ' ')}\n`;
}

const LINE_BREAKS = /\r\n?|[\n\u2028\u2029]/g;
