// The workspace as the language service sees it: the summaries of its articles and its parsed
// registries, keyed by URI. Pure and synchronous: the server reads the files and feeds it; every
// query resolves ids against the registries current at that moment.
import type { Registry, RegistryScope } from '../model';
import { REGISTRY_FILE_NAME } from '../parse/registry';
import type { ArticleSummary, ReferenceRole } from './summary';

export type DefinitionKind = 'source' | 'entity';

/** A definition anywhere in the workspace: in a registry file, or in an article's own front matter. */
export interface DefinitionTarget {
  /** The file that defines it. */
  readonly uri: string;
  readonly kind: DefinitionKind;
  readonly id: string;
}

export function sameTarget(a: DefinitionTarget, b: DefinitionTarget): boolean {
  return a.uri === b.uri && a.kind === b.kind && a.id === b.id;
}

/** The folder part of a URI, without the trailing slash. */
export function folderOf(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/'));
}

const NO_REGISTRY: RegistryScope = { layers: [] };

export class Corpus {
  private roots: string[] = [];
  private readonly articleMap = new Map<string, ArticleSummary>();
  private readonly registryMap = new Map<string, Registry>();
  /** For each id, the articles that refer to it or define it: the candidates of a references query. */
  private readonly articlesById = new Map<string, Set<string>>();
  /** Scopes by folder, rebuilt when a registry changes; the same object while nothing changes, so models can be cached on it. */
  private readonly scopes = new Map<string, RegistryScope>();

  /** The workspace folders' URIs. */
  setRoots(roots: readonly string[]): void {
    this.roots = roots.map((root) => root.replace(/\/+$/, ''));
    this.scopes.clear();
  }

  get rootUris(): readonly string[] {
    return this.roots;
  }

  /** The workspace folder an article or registry is in, if any: the deepest that contains it. */
  rootOf(uri: string): string | undefined {
    let found: string | undefined;
    for (const root of this.roots) if (uri.startsWith(`${root}/`) && (found === undefined || root.length > found.length)) found = root;
    return found;
  }

  get articles(): ReadonlyMap<string, ArticleSummary> {
    return this.articleMap;
  }

  get registries(): ReadonlyMap<string, Registry> {
    return this.registryMap;
  }

  setArticle(summary: ArticleSummary): void {
    this.removeArticle(summary.uri);
    this.articleMap.set(summary.uri, summary);
    for (const id of idsOf(summary)) {
      let uris = this.articlesById.get(id);
      if (!uris) this.articlesById.set(id, (uris = new Set()));
      uris.add(summary.uri);
    }
  }

  removeArticle(uri: string): void {
    const old = this.articleMap.get(uri);
    if (!old) return;
    this.articleMap.delete(uri);
    for (const id of idsOf(old)) {
      const uris = this.articlesById.get(id);
      uris?.delete(uri);
      if (uris?.size === 0) this.articlesById.delete(id);
    }
  }

  setRegistry(registry: Registry): void {
    this.registryMap.set(registry.uri, registry);
    this.scopes.clear();
  }

  removeRegistry(uri: string): void {
    if (this.registryMap.delete(uri)) this.scopes.clear();
  }

  /** The articles that refer to `id` or define it themselves. */
  *articlesWith(id: string): Iterable<ArticleSummary> {
    for (const uri of this.articlesById.get(id) ?? []) yield this.articleMap.get(uri)!;
  }

  /** The registries an article sees: its folder's `isnad.yaml`, then each parent's up to its workspace folder. */
  scopeOf(articleUri: string): RegistryScope {
    return this.scopeOfFolder(folderOf(articleUri));
  }

  /** The registries of the folders above a registry's own, nearest first. */
  fartherScopeOf(registryUri: string): RegistryScope {
    const folder = folderOf(registryUri);
    const root = this.rootOf(registryUri);
    return root === undefined || folder === root ? NO_REGISTRY : this.scopeOfFolder(folderOf(folder));
  }

  private scopeOfFolder(folder: string): RegistryScope {
    let scope = this.scopes.get(folder);
    if (scope) return scope;
    const root = this.rootOf(`${folder}/`) ?? (this.roots.includes(folder) ? folder : undefined);
    const layers: Registry[] = [];
    if (root !== undefined) {
      for (let current = folder; ; current = folderOf(current)) {
        const registry = this.registryMap.get(`${current}/${REGISTRY_FILE_NAME}`);
        if (registry) layers.push(registry);
        if (current === root || !current.startsWith(`${root}/`)) break;
      }
    }
    scope = layers.length === 0 ? NO_REGISTRY : { layers };
    this.scopes.set(folder, scope);
    return scope;
  }

  /**
   * What an id written in an article names, as `findSource`/`findEntity` resolve it: `by=` a
   * source (the article's own, else the nearest registry's), or else an entity; the other roles
   * an entity.
   */
  resolve(article: ArticleSummary, id: string, role: ReferenceRole): DefinitionTarget | undefined {
    const scope = this.scopeOf(article.uri);
    if (role === 'speaker') return this.resolveIn(article, scope, 'source', id) ?? this.resolveIn(article, scope, 'entity', id);
    return this.resolveIn(article, scope, 'entity', id);
  }

  private resolveIn(article: ArticleSummary, scope: RegistryScope, kind: DefinitionKind, id: string): DefinitionTarget | undefined {
    const own = kind === 'source' ? article.sources : article.entities;
    if (own.some((definition) => definition.id === id)) return { uri: article.uri, kind, id };
    return registryTarget(scope, kind, id);
  }

  /**
   * The ids that articles resolve to a registry's entries: what its `unused-definition` reads.
   * An id naming both a source and an entity there counts once for both.
   */
  registryUsage(registryUri: string): Set<string> {
    const used = new Set<string>();
    const registry = this.registryMap.get(registryUri);
    if (!registry) return used;
    for (const id of new Set([...registry.sources.keys(), ...registry.entities.keys()])) {
      if (this.isUsed(registryUri, id)) used.add(id);
    }
    return used;
  }

  private isUsed(registryUri: string, id: string): boolean {
    for (const article of this.articlesWith(id)) {
      for (const reference of article.references) {
        if (reference.id === id && this.resolve(article, id, reference.role)?.uri === registryUri) return true;
      }
    }
    return false;
  }
}

/** The nearest registry of `scope` that defines `id` as a `kind`. */
export function registryTarget(scope: RegistryScope, kind: DefinitionKind, id: string): DefinitionTarget | undefined {
  for (const layer of scope.layers) {
    if ((kind === 'source' ? layer.sources : layer.entities).has(id)) return { uri: layer.uri, kind, id };
  }
  return undefined;
}

function idsOf(summary: ArticleSummary): Set<string> {
  const ids = new Set<string>();
  for (const reference of summary.references) ids.add(reference.id);
  for (const definition of summary.sources) ids.add(definition.id);
  for (const definition of summary.entities) ids.add(definition.id);
  return ids;
}
