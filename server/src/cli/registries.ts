// The shared registries for the command line: the `isnad.yaml` of each document's folder and of
// every parent folder up to the root (the current folder unless --root says otherwise), read once.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Registry, RegistryScope } from '../service/model';
import { parseRegistry, REGISTRY_FILE_NAME } from '../service/parse/registry';
import { CliError, describeError } from './output';
import { readDocument, statOrUndefined } from './files';

export class RegistryLoader {
  private readonly root: string;
  private readonly byFolder = new Map<string, Registry | undefined>();
  private readonly scopes = new Map<string, RegistryScope>();
  /** Registries that could not be read, one line each for stderr. */
  readonly failures: string[] = [];
  /** Each registry read, with the file name to report it under (as the user would write it). */
  readonly read = new Map<string, { readonly registry: Registry; readonly file: string }>();

  constructor(root: string) {
    this.root = path.resolve(root);
    // A mistyped --root would silently read no registry above the documents' own folders.
    if (!statOrUndefined(this.root)?.isDirectory()) throw new CliError(`--root ${root} is not a folder`);
  }

  /** The registries a document sees, nearest folder first. */
  scopeOf(file: string): RegistryScope {
    return this.scopeOfFolder(path.dirname(path.resolve(file)));
  }

  /** The registries of the folders above a registry's own, nearest first: where its `entity:` links may also point. */
  fartherScopeOf(registry: Registry): RegistryScope {
    const folder = path.dirname(this.read.get(registry.uri)!.file);
    const parent = path.dirname(path.resolve(folder));
    return this.isInsideRoot(path.resolve(folder)) && path.resolve(folder) !== this.root ? this.scopeOfFolder(parent) : { layers: [] };
  }

  private isInsideRoot(folder: string): boolean {
    const relative = path.relative(this.root, folder);
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  }

  private scopeOfFolder(folder: string): RegistryScope {
    let scope = this.scopes.get(folder);
    if (scope) return scope;
    const layers: Registry[] = [];
    // A document outside the root sees its own folder's registry only.
    for (let current = folder; ; current = path.dirname(current)) {
      const registry = this.registryIn(current);
      if (registry) layers.push(registry);
      if (current === this.root || !this.isInsideRoot(current) || path.dirname(current) === current) break;
    }
    scope = { layers };
    this.scopes.set(folder, scope);
    return scope;
  }

  private registryIn(folder: string): Registry | undefined {
    if (this.byFolder.has(folder)) return this.byFolder.get(folder);
    const file = path.join(folder, REGISTRY_FILE_NAME);
    let registry: Registry | undefined;
    try {
      registry = parseRegistry(readDocument(file), pathToFileURL(file).href);
      this.read.set(registry.uri, { registry, file: path.relative(process.cwd(), file) || file });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.failures.push(`cannot read ${file}: ${describeError(error)}`);
    }
    this.byFolder.set(folder, registry);
    return registry;
  }
}
