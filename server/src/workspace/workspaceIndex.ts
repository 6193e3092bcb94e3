// The workspace index: every article and registry of the workspace folders, read from disk in the
// background at start (with progress in the editor) and kept current from file events and from
// the editor (an open document's text wins over the file's). It feeds the pure `Corpus`.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FileChangeType, type FileEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Corpus } from '../service/corpus/corpus';
import { summarizeArticle } from '../service/corpus/summary';
import type { IsnadDocument } from '../service/model';
import { parseIsnad } from '../service/parse/document';
import { parseRegistry } from '../service/parse/registry';
import { readDiskText } from './diskText';
import { baseName, canonicalUri, isArticleName, isInSkippedFolder, isRegistryName, isSkippedFolder } from './fileKinds';

export interface IndexProgress {
  report(done: number, total: number): void;
  done(): void;
}

/** What the index needs from the server around it. */
export interface IndexHost {
  /** The document open in the editor under this (canonical) URI, if any. */
  openDocument(uri: string): TextDocument | undefined;
  startProgress(): Promise<IndexProgress>;
  /** After any change: which kinds of files changed. */
  changed(what: { readonly registries: boolean; readonly articles: boolean }): void;
  log(message: string): void;
}

/** Progress is reported at most this often (in files), so a large workspace does not flood the client. */
const PROGRESS_STEP = 50;

export class WorkspaceIndex {
  readonly corpus = new Corpus();
  /** Whether the first scan of every folder has finished: until then usage counts are partial. */
  complete = false;
  private scanning: Promise<void> = Promise.resolve();

  constructor(private readonly host: IndexHost) {}

  /** Sets the workspace folders and (re)reads what is in them; resolves when the scan is done. */
  setFolders(folderUris: readonly string[]): Promise<void> {
    const roots = folderUris.map(canonicalUri).map((uri) => uri.replace(/\/+$/, ''));
    const added = roots.filter((root) => !this.corpus.rootUris.includes(root));
    const removed = this.corpus.rootUris.filter((root) => !roots.includes(root));
    this.corpus.setRoots(roots);
    for (const root of removed) this.dropUnder(root);
    this.scanning = this.scanning.then(() => this.scan(added));
    return this.scanning;
  }

  /** Settles once every scan asked for so far has finished. */
  whenScanned(): Promise<void> {
    return this.scanning;
  }

  /** A workspace folder was removed: forget its files, unless another folder still holds them. */
  private dropUnder(root: string): void {
    this.removeUnder(new Set([root]), (uri) => !this.corpus.rootOf(uri));
    this.host.changed({ registries: true, articles: true });
  }

  /**
   * Removes the articles and registries under any of `folders` that `also` accepts, in one pass
   * over each (a clean deleting thousands of files reports each, and each may be a folder);
   * which kinds lost any.
   */
  private removeUnder(folders: ReadonlySet<string>, also: (uri: string) => boolean): { articles: boolean; registries: boolean } {
    const doomed = (files: ReadonlyMap<string, unknown>) => [...files.keys()].filter((uri) => isUnderAny(uri, folders) && also(uri));
    const articles = doomed(this.corpus.articles);
    const registries = doomed(this.corpus.registries);
    for (const uri of articles) this.corpus.removeArticle(uri);
    for (const uri of registries) this.corpus.removeRegistry(uri);
    return { articles: articles.length > 0, registries: registries.length > 0 };
  }

  /** Reads every article and registry under `folders`: workspace folders, or folders that appeared in one. */
  private async scan(folders: readonly string[]): Promise<void> {
    if (folders.length === 0) return;
    const started = performance.now();
    const articles: string[] = [];
    const registries: string[] = [];
    for (const folder of folders) {
      if (!folder.startsWith('file:')) continue;
      await this.walk(fileURLToPath(folder), articles, registries);
    }
    // A folder created or renamed without articles in it changes nothing: no progress, no refresh.
    if (this.complete && articles.length === 0 && registries.length === 0) return;
    const progress = await this.host.startProgress();
    this.corpus.beginBulkLoad();
    try {
      // Registries first: every article read after them is summarised against its scope.
      for (const file of registries) await this.readRegistry(pathToFileURL(file).href);
      // The next file is read while this one is parsed.
      const uris = articles.map((file) => pathToFileURL(file).href);
      let next = uris.length > 0 ? this.readText(uris[0]) : undefined;
      for (let i = 0; i < uris.length; i++) {
        const text = await next;
        next = i + 1 < uris.length ? this.readText(uris[i + 1]) : undefined;
        this.setArticleText(uris[i], text);
        if (i % PROGRESS_STEP === 0) progress.report(i, uris.length);
      }
    } finally {
      this.corpus.endBulkLoad();
      progress.done();
    }
    this.complete = true;
    this.host.log(`Indexed ${articles.length} articles and ${registries.length} registries in ${Math.round(performance.now() - started)} ms.`);
    this.host.changed({ registries: true, articles: true });
  }

  private async walk(folder: string, articles: string[], registries: string[]): Promise<void> {
    let entries;
    try {
      entries = await fs.readdir(folder, { withFileTypes: true });
    } catch (error) {
      this.host.log(`Cannot read the folder ${folder}: ${String(error)}`);
      return;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!isSkippedFolder(entry.name)) await this.walk(full, articles, registries);
      } else if (isArticleName(entry.name) || isRegistryName(entry.name)) {
        // A link to a file is read as the file, as the command line does; links to folders are not
        // followed (they could loop).
        if (entry.isFile() || (entry.isSymbolicLink() && (await isFile(full)))) (isArticleName(entry.name) ? articles : registries).push(full);
      }
    }
  }

  /**
   * Whether a file is part of the workspace: in a workspace folder, and not in a folder the scan
   * skips (node_modules, .git…), whether the watchers report it or the editor opens it.
   */
  private holds(uri: string): boolean {
    const root = this.corpus.rootOf(uri);
    return root !== undefined && !isInSkippedFolder(uri, root);
  }

  /** The watched files changed on disk. Open documents are left to the editor's text. */
  async filesChanged(events: readonly FileEvent[]): Promise<void> {
    let registries = false;
    let articles = false;
    const createdFolders: string[] = [];
    // A deleted folder is reported as itself alone: what was under it goes, but what the editor
    // still holds. Removed in one pass, before any later event of the batch reads a file again.
    const deletedFolders = new Set<string>();
    const removeDeleted = () => {
      if (deletedFolders.size === 0) return;
      const removed = this.removeUnder(deletedFolders, (key) => !this.host.openDocument(key));
      articles ||= removed.articles;
      registries ||= removed.registries;
      deletedFolders.clear();
    };
    for (const event of events) {
      const uri = canonicalUri(event.uri);
      if (!this.holds(uri)) continue;
      const name = baseName(uri);
      if (event.type !== FileChangeType.Deleted) removeDeleted();
      if (isRegistryName(name)) {
        registries = true;
        if (event.type === FileChangeType.Deleted && !this.host.openDocument(uri)) this.corpus.removeRegistry(uri);
        else await this.readRegistry(uri);
      } else if (isArticleName(name)) {
        articles = true;
        if (event.type === FileChangeType.Deleted && !this.host.openDocument(uri)) this.corpus.removeArticle(uri);
        else await this.readArticle(uri);
      } else if (isSkippedFolder(name)) {
        // node_modules or .git appearing or going: nothing in them is the workspace's.
        continue;
      } else if (event.type === FileChangeType.Deleted) {
        deletedFolders.add(uri);
      } else if (event.type === FileChangeType.Created && (await isFolder(uri))) {
        // So is a folder created, moved or renamed: read what is in it.
        createdFolders.push(uri);
      }
    }
    removeDeleted();
    if (registries || articles) this.host.changed({ registries, articles });
    if (createdFolders.length > 0) await (this.scanning = this.scanning.then(() => this.scan(createdFolders)));
  }

  /** An open article's current model: its summary replaces what was read from disk. */
  articleEdited(model: IsnadDocument): void {
    if (!this.holds(model.uri)) return;
    this.corpus.setArticle(summarizeArticle(model));
    this.host.changed({ registries: false, articles: true });
  }

  /** A registry's text changed in the editor, or it was opened or closed there. */
  async registryEdited(uri: string): Promise<void> {
    const key = canonicalUri(uri);
    if (!this.holds(key)) return;
    await this.readRegistry(key);
    this.host.changed({ registries: true, articles: false });
  }

  /** An article was closed: the file on disk is the truth again. */
  async articleClosed(uri: string): Promise<void> {
    const key = canonicalUri(uri);
    if (!this.holds(key)) return;
    await this.readArticle(key);
    this.host.changed({ registries: false, articles: true });
  }

  private async readText(uri: string): Promise<string | undefined> {
    return this.host.openDocument(uri)?.getText() ?? readDiskText(uri);
  }

  private async readRegistry(uri: string): Promise<void> {
    const text = await this.readText(uri);
    if (text === undefined) this.corpus.removeRegistry(uri);
    else this.corpus.setRegistry(parseRegistry(text, uri));
  }

  private async readArticle(uri: string): Promise<void> {
    this.setArticleText(uri, await this.readText(uri));
  }

  private setArticleText(uri: string, text: string | undefined): void {
    if (text === undefined) {
      this.corpus.removeArticle(uri);
      return;
    }
    // Parsed and summarised, then dropped: the index keeps summaries, never whole models.
    this.corpus.setArticle(summarizeArticle(parseIsnad(text, uri)));
  }
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

/** Not through a link: a linked folder is not followed (it could loop). */
async function isFolder(uri: string): Promise<boolean> {
  try {
    return (await fs.lstat(fileURLToPath(uri))).isDirectory();
  } catch {
    return false;
  }
}

/** Whether `uri` lies in one of `folders` (at any depth): its parent folders looked up, one by one. */
function isUnderAny(uri: string, folders: ReadonlySet<string>): boolean {
  for (let slash = uri.lastIndexOf('/'); slash > 0; slash = uri.lastIndexOf('/', slash - 1)) {
    if (folders.has(uri.slice(0, slash))) return true;
  }
  return false;
}
