// Argument parsing for the subcommands, on node:util's parseArgs, with usage errors as CliError.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './output';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommandArgs<T extends Options>(command: string, args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs reports unknown options and missing values as TypeErrors with ERR_PARSE_ARGS_* codes;
    // the first sentence says it, the rest is advice about `--` or `--format=-XYZ` that only confuses.
    const code = (error as NodeJS.ErrnoException).code;
    if (code?.startsWith('ERR_PARSE_ARGS_')) throw new CliError((error as Error).message.split(/\.\s/)[0], helpFor(command));
    throw error;
  }
}

export function oneOf<T extends string>(command: string, option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new CliError(`${option} must be one of ${allowed.join(', ')}, not “${value}”`, helpFor(command));
}

export function helpFor(command: string): string {
  return `isnad ${command} --help`;
}
