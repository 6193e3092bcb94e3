import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { CliError, EXIT_OK, describeError, type Output } from './output';

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
 */
export function openAtomicFile(target: string): AtomicFile {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = fs.openSync(temporary, 'wx', existingMode(target));
  let open = true;
  const close = () => {
    if (open) fs.closeSync(fd);
    open = false;
  };
  return {
    write: (text) => void fs.writeSync(fd, text, null, 'utf8'),
    commit: () => {
      try {
        // Flush before the rename, or a crash could leave the new name pointing at empty blocks.
        fs.fsyncSync(fd);
        close();
        fs.renameSync(temporary, target);
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

/** Replacing a file keeps its permissions; a new file gets the usual default. */
function existingMode(file: string): number {
  try {
    return fs.statSync(file).mode & 0o7777;
  } catch {
    return 0o666;
  }
}

/** A command's result: to stdout, or atomically to the `-o` file when one is given. */
export function writeResult(output: Output, file: string | undefined, content: string): number {
  if (file === undefined) {
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
