// Which files and folders the workspace index and the command line read: one rule for both.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { REGISTRY_FILE_NAME } from '../service/parse/registry';

const ARTICLE_EXTENSIONS = ['.isnad.md', '.isnad'];

/** The globs the server asks the client to watch: articles and registries. */
export const WATCHED_GLOBS = ['**/*.isnad.md', '**/*.isnad', `**/${REGISTRY_FILE_NAME}`] as const;

/**
 * Folders created and deleted, which the globs above never report: VS Code reports a folder
 * deleted, moved or renamed as one event for the folder alone, and only to a watcher whose glob
 * matches the folder itself (microsoft/vscode#109754, #60813). Files match it too: the index
 * tells them apart.
 */
export const FOLDER_GLOB = '**/*';

export function isArticleName(name: string): boolean {
  const lower = name.toLowerCase();
  return ARTICLE_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

export function isRegistryName(name: string): boolean {
  return name === REGISTRY_FILE_NAME;
}

/** node_modules and dot-folders (.git, .vscode…) hold no articles of the workspace. */
export function isSkippedFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** Whether a file lies in a skipped folder below its workspace folder `root`: such a file is no part of the workspace. */
export function isInSkippedFolder(uri: string, root: string): boolean {
  return uri.slice(root.length + 1).split('/').slice(0, -1).some(isSkippedFolder);
}

export function baseName(uriOrPath: string): string {
  return uriOrPath.slice(uriOrPath.lastIndexOf('/') + 1);
}

/**
 * One spelling per file: editors and Node percent-encode different characters (`(`, `!`, `'`…),
 * so a file URI is keyed by the path it names, spelt as Node spells it.
 */
export function canonicalUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}
