// Dispatch to the subcommands; every failure becomes a message on stderr and an exit status.
import { version } from '../../../package.json';
import { check } from './check';
import { exportCommand } from './export';
import { stats } from './stats';
import { importCommand } from './import';
import { CliError, EXIT_FAILURE, EXIT_OK, type Output } from './output';

const HELP = `Usage: isnad <command> [options]

Commands:
  check <file, folder or glob>...   report the diagnostics of Isnad documents
                                    (text, json or sarif)
  export <file, folder or glob>...  export the annotations of a document or of a
                                    whole corpus (w3c, jsonl, csv)
  import <export.jsonld>            rebuild a document from its w3c export
  stats <file, folder or glob>...   count claims and quotes per source and article

Options:
  -h, --help     show this help; isnad <command> --help shows a command's options
  -v, --version  show the version
`;

type Command = (args: readonly string[], output: Output) => number;

const COMMANDS: ReadonlyMap<string, Command> = new Map([
  ['check', check],
  ['export', exportCommand],
  ['stats', stats],
  ['import', importCommand],
]);

/** Runs the command line and returns the exit status. */
export function runCli(args: readonly string[], output: Output): number {
  const [first, ...rest] = args;
  try {
    if (first === '-h' || first === '--help') {
      output.out(HELP);
      return EXIT_OK;
    }
    if (first === '-v' || first === '--version') {
      output.out(`${version}\n`);
      return EXIT_OK;
    }
    if (first === undefined) throw new CliError('no command given', 'isnad --help');
    const command = COMMANDS.get(first);
    if (!command) throw new CliError(`unknown command “${first}”`, 'isnad --help');
    return command(rest, output);
  } catch (error) {
    // A crash must not exit with 1, which `check` uses to say the documents have errors.
    if (!(error instanceof CliError)) {
      output.err(`isnad: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
      return EXIT_FAILURE;
    }
    output.err(`isnad: ${error.message}\n${error.usageHint ? `Run ${error.usageHint} for usage.\n` : ''}`);
    return EXIT_FAILURE;
  }
}
