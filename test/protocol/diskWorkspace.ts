// A workspace on disk for protocol tests: a temporary folder, its files written by relative path.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export class DiskWorkspace {
  readonly dir: string;

  constructor(prefix: string) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  }

  file(relative: string): string {
    return path.join(this.dir, relative);
  }

  uri(relative: string): string {
    return pathToFileURL(this.file(relative)).href;
  }

  /** Writes `text` at `relative`, making its folders. */
  write(relative: string, text: string): void {
    fs.mkdirSync(path.dirname(this.file(relative)), { recursive: true });
    fs.writeFileSync(this.file(relative), text);
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
