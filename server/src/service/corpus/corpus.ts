// The workspace as the language service sees it: the summaries of its articles and its parsed
// registries, keyed by URI. Pure and synchronous: the server reads the files and feeds it; every
// query resolves ids against the registries current at that moment.
import type { Registry, RegistryScope } from '../model';
import { REGISTRY_FILE_NAME } from '../parse/registry';
import { REFERENCE_ROLES, forEachIdOf, roleBit, type ArticleSummary, type ReferenceRole } from './summary';
import { FolderNumbers, Postings } from './postings';

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
  /**
   * The inverted index: for each id, the articles that refer to it or define it (the candidates
   * of a references query), each with the index of the id in its reference table (-1 when it only
   * defines it). Kept current article by article, never rebuilt whole.
   */
  private readonly articlesById = new Map<string, Map<string, number>>();
  /**
   * The postings of every id (a second copy of the references, 20 bytes each), packed in one pass
   * when a bulk load ends so that no query waits for them, then kept current article by article.
   * While a bulk load adds articles by the thousand they are dropped as their ids change instead
   * (keeping them current would copy each id's postings once per article added), and made again
   * when asked for or when the load ends.
   */
  private readonly postingsById = new Map<string, Postings>();
  private readonly folderNumbers = new FolderNumbers();
  private bulkLoads = 0;
  /** Scopes by folder, rebuilt when a registry changes; the same object while nothing changes, so models can be cached on it. */
  private readonly scopes = new Map<string, RegistryScope>();
  /** The same by article, so that a query over thousands of articles does not cut and hash their folders again. */
  private readonly articleScopes = new Map<string, RegistryScope>();

  /** The workspace folders' URIs. */
  setRoots(roots: readonly string[]): void {
    this.roots = roots.map((root) => root.replace(/\/+$/, ''));
    this.forgetScopes();
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
    const { uri } = summary;
    const old = this.articleMap.get(uri);
    this.articleMap.set(uri, summary);
    const ids = idsOf(summary);
    if (old) for (const id of idsOf(old)) if (!ids.has(id)) this.unlink(id, uri);
    const folder = this.folderNumbers.numberOf(folderOf(uri));
    for (const id of ids) {
      let articles = this.articlesById.get(id);
      if (!articles) this.articlesById.set(id, (articles = new Map()));
      const idIndex = summary.references.indexOf(id);
      articles.set(uri, idIndex);
      const postings = this.postingsById.get(id);
      if (!postings) continue;
      if (this.bulkLoads > 0) this.postingsById.delete(id);
      else this.postingsById.set(id, postings.withArticle({ article: summary, idIndex, folder }));
    }
  }

  removeArticle(uri: string): void {
    const old = this.articleMap.get(uri);
    if (!old) return;
    this.articleMap.delete(uri);
    this.articleScopes.delete(uri);
    for (const id of idsOf(old)) this.unlink(id, uri);
  }

  private unlink(id: string, uri: string): void {
    const articles = this.articlesById.get(id);
    if (!articles?.delete(uri)) return;
    if (articles.size === 0) this.articlesById.delete(id);
    const postings = this.bulkLoads === 0 ? this.postingsById.get(id)?.withoutArticle(uri) : undefined;
    if (postings) this.postingsById.set(id, postings);
    else this.postingsById.delete(id);
  }

  /**
   * Many articles are about to be set (a workspace folder's first scan): postings are packed once
   * when `endBulkLoad` has been called as many times, not kept current meanwhile.
   */
  beginBulkLoad(): void {
    this.bulkLoads++;
  }

  endBulkLoad(): void {
    if (--this.bulkLoads === 0) this.packAll();
  }

  private postingSource(uri: string): { article: ArticleSummary; folder: number } {
    return { article: this.articleMap.get(uri)!, folder: this.folderNumbers.numberOf(folderOf(uri)) };
  }

  /** Packs the postings of every id that has none. */
  private packAll(): void {
    const articles = [...this.articleMap.keys()].sort().map((uri) => this.postingSource(uri));
    for (const [id, postings] of Postings.ofEach(articles, this.folderNumbers, (id) => !this.postingsById.has(id))) this.postingsById.set(id, postings);
  }

  private forgetScopes(): void {
    this.scopes.clear();
    this.articleScopes.clear();
  }

  setRegistry(registry: Registry): void {
    this.registryMap.set(registry.uri, registry);
    this.forgetScopes();
  }

  removeRegistry(uri: string): void {
    if (this.registryMap.delete(uri)) this.forgetScopes();
  }

  /** The articles that refer to `id` or define it themselves. */
  *articlesWith(id: string): Iterable<ArticleSummary> {
    for (const uri of this.articlesById.get(id)?.keys() ?? []) yield this.articleMap.get(uri)!;
  }

  /** The postings of `id` over the same articles, in URI order; undefined when none refers to it or defines it. */
  postingsOf(id: string): Postings | undefined {
    const articles = this.articlesById.get(id);
    if (!articles) return undefined;
    let postings = this.postingsById.get(id);
    if (!postings) {
      const sources = [...articles.keys()].sort().map((uri) => this.postingSource(uri));
      postings = Postings.ofEach(sources, this.folderNumbers, (candidate) => candidate === id).get(id)!;
      this.postingsById.set(id, postings);
    }
    return postings;
  }

  /** The registries an article sees: its folder's `isnad.yaml`, then each parent's up to its workspace folder. */
  scopeOf(articleUri: string): RegistryScope {
    let scope = this.articleScopes.get(articleUri);
    if (!scope) this.articleScopes.set(articleUri, (scope = this.scopeOfFolder(folderOf(articleUri))));
    return scope;
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
    for (const [uri, idIndex] of this.articlesById.get(id) ?? []) {
      const article = this.articleMap.get(uri)!;
      const roles = article.references.rolesOf(idIndex);
      if (REFERENCE_ROLES.some((role) => roles & roleBit(role) && this.resolve(article, id, role)?.uri === registryUri)) return true;
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
  forEachIdOf(summary, (id) => ids.add(id));
  return ids;
}
