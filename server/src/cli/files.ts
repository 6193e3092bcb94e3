// Finding and reading the documents named on the command line.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeError } from './output';
import { isArticleName, isSkippedFolder } from '../workspace/fileKinds';
import { globBase, globToRegExp, isGlob } from './glob';

export interface FileSearch {
  /** Named files as given, then the documents found in named folders; no path twice. */
  readonly files: string[];
  /** One line per path that could not be read, ready for stderr. */
  readonly failures: string[];
}

/**
 * Files are taken as named, whatever their extension; folders are searched recursively for
 * Isnad documents, skipping node_modules and dot-folders (.git, .vscode…), in sorted order so
 * the output is the same on every machine. A name that is no file or folder but holds glob
 * characters is a pattern: the Isnad documents under its base folder that it matches.
 */
export function findIsnadFiles(paths: readonly string[]): FileSearch {
  const files: string[] = [];
  const failures: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = path.resolve(file);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(file);
    }
  };
  for (const given of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(given);
    } catch (error) {
      if (isGlob(given)) addMatches(given, add, failures);
      else failures.push(`cannot read ${given}: ${describeError(error)}`);
      continue;
    }
    if (!stat.isDirectory()) {
      add(given);
      continue;
    }
    const found: string[] = [];
    searchFolder(given, found, failures);
    if (found.length === 0) failures.push(`no *.isnad.md or *.isnad files in ${given}`);
    for (const file of found.sort(byCodeUnits)) add(file);
  }
  return { files, failures };
}

function addMatches(pattern: string, add: (file: string) => void, failures: string[]): void {
  const base = globBase(pattern);
  const matcher = globToRegExp(path.posix.normalize(pattern.replace(/\\/g, '/')));
  const found: string[] = [];
  searchFolder(base, found, []);
  const matched = found.filter((file) => matcher.test(path.posix.normalize(file.split(path.sep).join('/'))));
  if (matched.length === 0) failures.push(`no *.isnad.md or *.isnad files match ${pattern}`);
  for (const file of matched.sort(byCodeUnits)) add(file);
}

function searchFolder(folder: string, found: string[], failures: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    failures.push(`cannot read ${folder}: ${describeError(error)}`);
    return;
  }
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    // Symbolic links to folders are not followed: they could loop.
    if (entry.isDirectory()) {
      if (!isSkippedFolder(entry.name)) searchFolder(full, found, failures);
    } else if (isArticleName(entry.name) && (entry.isFile() || isLinkToFile(full))) {
      found.push(full);
    }
  }
}

function isLinkToFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Locale-independent, so the order does not change with the machine's language. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Fails on bytes that are not UTF-8, instead of reading each as U+FFFD; drops a byte-order mark. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The text as the editor holds it: without the byte-order mark, which VS Code drops (kept, it
 * would shift the first line's columns by one). Isnad files are UTF-8 (FORMAT.md §1): a file in
 * another encoding is an error, not text whose exports and hashes would silently hold
 * replacement characters.
 */
export function readDocument(file: string): string {
  const bytes = fs.readFileSync(file);
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new Error('not valid UTF-8 (Isnad files must be UTF-8)');
  }
}
