import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { CliError, EXIT_OK, describeError, type Output } from './output';
import { statOrUndefined } from './files';

export interface AtomicFile {
  write(text: string): void;
  /** Flushes and renames the temporary file over the target. */
  commit(): void;
  /** Removes the temporary file; the target stays as it was. */
  abort(): void;
}

/**
 * Writes through a temporary file in the same folder, then renames it over `target`: readers
 * see the old content or the new, never half of it, and a failed write leaves the old file
 * as it was. Written piece by piece, so an export of any size never sits whole in memory.
 * A symbolic link is written through (the link stays, its file is replaced); a device or a
 * pipe (`-o /dev/null`, a FIFO) is written to directly, since renaming a file over it would
 * replace the device itself.
 */
export function openAtomicFile(target: string): AtomicFile {
  const real = realPathOf(target);
  if (real.stat && !real.stat.isFile() && !real.stat.isDirectory()) return openDirectly(real.path);
  const temporary = path.join(path.dirname(real.path), `.${path.basename(real.path)}.${randomBytes(6).toString('hex')}.tmp`);
  // Replacing a file keeps its permissions; a new file gets the usual default.
  const fd = fs.openSync(temporary, 'wx', real.stat ? real.stat.mode & 0o7777 : 0o666);
  const close = closerOf(fd);
  return {
    write: (text) => void fs.writeSync(fd, text, null, 'utf8'),
    commit: () => {
      try {
        // Flush before the rename, or a crash could leave the new name pointing at empty blocks.
        fs.fsyncSync(fd);
        close();
        fs.renameSync(temporary, real.path);
      } catch (error) {
        close();
        fs.rmSync(temporary, { force: true });
        throw error;
      }
    },
    abort: () => {
      close();
      fs.rmSync(temporary, { force: true });
    },
  };
}

/** Nothing to replace atomically in a device or a pipe: what is written is gone already. */
function openDirectly(file: string): AtomicFile {
  const fd = fs.openSync(file, 'w');
  const close = closerOf(fd);
  return { write: (text) => void fs.writeSync(fd, text, null, 'utf8'), commit: close, abort: close };
}

/** Closes `fd` the first time it is called: commit and abort may both run. */
function closerOf(fd: number): () => void {
  let open = true;
  return () => {
    if (open) fs.closeSync(fd);
    open = false;
  };
}

/** The file a path names, links followed, with its status; the path as given when nothing is there yet. */
function realPathOf(target: string): { readonly path: string; readonly stat?: fs.Stats } {
  let real: string;
  try {
    real = fs.realpathSync(target);
  } catch {
    return { path: target };
  }
  const stat = statOrUndefined(real);
  return stat ? { path: real, stat } : { path: target };
}

/**
 * Refuses an output that is one of the inputs (`-o` naming the document itself, through any
 * link): the export would replace the document it was made from.
 */
export function ensureNotAnInput(target: string, inputs: readonly string[]): void {
  const output = statOrUndefined(target);
  if (!output?.isFile()) return;
  for (const input of inputs) {
    const stat = statOrUndefined(input);
    if (stat && stat.ino === output.ino && stat.dev === output.dev) {
      throw new CliError(`the output ${target} is the input ${input}: choose another file, or the export would replace it`);
    }
  }
}

export function writeFileAtomic(target: string, content: string): void {
  const file = openAtomicFile(target);
  try {
    file.write(content);
  } catch (error) {
    file.abort();
    throw error;
  }
  file.commit();
}

/** `-o -`: standard output, as most tools read it. */
export const STANDARD_OUTPUT = '-';

/** A command's result: to stdout, or atomically to the `-o` file when one is given. */
export function writeResult(output: Output, file: string | undefined, content: string): number {
  if (file === undefined || file === STANDARD_OUTPUT) {
    output.out(content);
    return EXIT_OK;
  }
  try {
    writeFileAtomic(file, content);
  } catch (error) {
    throw new CliError(`cannot write ${file}: ${describeError(error)}`);
  }
  return EXIT_OK;
}
