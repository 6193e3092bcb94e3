// Finding and reading the documents named on the command line.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isUtf8 } from 'node:buffer';
import { describeError } from './output';
import { isArticleName, isSkippedFolder } from '../workspace/fileKinds';
import { withoutByteOrderMark } from '../workspace/diskText';
import { globBase, globToRegExp, isGlob } from './glob';

/** What `-` names for many tools; documents are read from files only (their path is their identity). */
const STANDARD_INPUT = '-';

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
    if (given === STANDARD_INPUT) {
      failures.push('cannot read standard input (-): name the files, folders or globs to read');
      continue;
    }
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
    } else if (isArticleName(entry.name) && (entry.isFile() || isLinkToFile(full, failures))) {
      found.push(full);
    }
  }
}

/** A link named as a document that leads nowhere (or round in a loop) is a document that cannot be read, not one to skip silently. */
function isLinkToFile(file: string, failures: string[]): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch (error) {
    failures.push(`cannot read ${file}: ${describeError(error)}`);
    return false;
  }
}

/** Locale-independent, so the order does not change with the machine's language. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The text as the editor holds it: without a leading byte-order mark, which the editor does not
 * show, so that the columns of the first line are counted as there. Isnad documents are UTF-8
 * (FORMAT.md §1): other bytes (Latin-1, UTF-16, a binary file) are refused naming the line, where
 * decoding them would silently check and export U+FFFD in their place.
 */
export function readDocument(file: string): string {
  const bytes = fs.readFileSync(file);
  if (!isUtf8(bytes)) throw new Error(`not UTF-8 text (line ${firstLineNotUtf8(bytes)})`);
  return withoutByteOrderMark(bytes.toString('utf8'));
}

/** A line feed byte is never part of a longer UTF-8 sequence, so the text splits into lines at it. */
function firstLineNotUtf8(bytes: Buffer): number {
  let line = 1;
  for (let start = 0; start < bytes.length; line++) {
    const feed = bytes.indexOf(0x0a, start);
    const end = feed < 0 ? bytes.length : feed;
    if (!isUtf8(bytes.subarray(start, end))) break;
    start = end + 1;
  }
  return line;
}

/** A path's status, links followed; undefined when nothing (reachable) is there. */
export function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}
