// Find-all-references and rename across the workspace: the definition under the cursor (in an
// article or in a registry) and every place that resolves to it, in any article or registry.
// An article's own definition is seen by that article alone; a registry's by every article in
// its folder tree that does not define the id itself.
import type { Location, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { IsnadDocument, Registry, TextRange } from '../model';
import { findEntity, findSource } from '../resolve';
import { isValidId, normalizeId } from '../ids';
import { Corpus, registryTarget, sameTarget, type DefinitionTarget } from '../corpus/corpus';
import { REFERENCE_ROLES, roleBit, type ArticleSummary, type ReferenceRole, type RoleSet } from '../corpus/summary';
import type { Postings } from '../corpus/postings';
import { innermostSpanAt, referenceAt, within } from './hover';

export interface TargetAt {
  readonly target: DefinitionTarget;
  /** The id under the cursor. */
  readonly range: TextRange;
}

/** The definition named at `offset` in an article: a front-matter key, a source's `entity:`, or an id in an attribute block. */
export function targetInArticle(doc: IsnadDocument, offset: number): TargetAt | undefined {
  const front = doc.frontMatter;
  if (front && within(front.contentRange, offset)) {
    for (const [kind, definitions] of [['source', front.sources], ['entity', front.entities]] as const) {
      for (const definition of definitions.values()) {
        if (within(definition.keyRange, offset)) return { target: { uri: doc.uri, kind, id: definition.id }, range: definition.keyRange };
      }
    }
    for (const source of front.sources.values()) {
      if (source.entity && within(source.entity.range, offset)) return entityTarget(doc, source.entity.id, source.entity.range);
    }
    return undefined;
  }
  const span = innermostSpanAt(doc, offset);
  const reference = span && referenceAt(span, offset);
  if (!span || !reference) return undefined;
  if (reference === span.by) {
    const source = findSource(doc, reference.id);
    if (source) return { target: { uri: source.uri ?? doc.uri, kind: 'source', id: reference.id }, range: reference.range };
  }
  return entityTarget(doc, reference.id, reference.range);
}

function entityTarget(doc: IsnadDocument, id: string, range: TextRange): TargetAt | undefined {
  const entity = findEntity(doc, id);
  return entity && { target: { uri: entity.uri ?? doc.uri, kind: 'entity', id }, range };
}

/** The definition named at `offset` in a registry: one of its keys, or a source's `entity:`. */
export function targetInRegistry(corpus: Corpus, registry: Registry, offset: number): TargetAt | undefined {
  for (const [kind, definitions] of [['source', registry.sources], ['entity', registry.entities]] as const) {
    for (const definition of definitions.values()) {
      if (within(definition.keyRange, offset)) return { target: { uri: registry.uri, kind, id: definition.id }, range: definition.keyRange };
    }
  }
  for (const source of registry.sources.values()) {
    if (!source.entity || !within(source.entity.range, offset)) continue;
    const target = registryTarget({ layers: [registry, ...corpus.fartherScopeOf(registry.uri).layers] }, 'entity', source.entity.id);
    return target && { target, range: source.entity.range };
  }
  return undefined;
}

/** Every place that names `target`: its definition first (when asked for), then the others by file and position. */
export function referencesTo(corpus: Corpus, target: DefinitionTarget, includeDeclaration: boolean): Location[] {
  const declaration = includeDeclaration ? declarationOf(corpus, target) : undefined;
  const links = registryLinksTo(corpus, target);
  const uses = articleUsesOf(corpus, target);
  // The count is known before any location is built: one array of the exact size, filled in order.
  const locations = new Array<Location>((declaration ? 1 : 0) + links.length + (uses?.count ?? 0));
  let at = 0;
  if (declaration) locations[at++] = declaration;
  for (const link of links) locations[at++] = link;
  // The only step that allocates per reference; locations at the same place share their range object (see SharedRanges).
  if (uses) uses.postings.writeLocations(uses.roles, locations, at);
  return locations;
}

/** Registries' sources whose `entity:` names the target entity. */
function registryLinksTo(corpus: Corpus, target: DefinitionTarget): Location[] {
  const locations: Location[] = [];
  if (target.kind !== 'entity') return locations;
  for (const registry of [...corpus.registries.values()].sort((a, b) => (a.uri < b.uri ? -1 : 1))) {
    const scope = { layers: [registry, ...corpus.fartherScopeOf(registry.uri).layers] };
    for (const source of registry.sources.values()) {
      const link = source.entity;
      const resolved = link?.id === target.id ? registryTarget(scope, 'entity', link.id) : undefined;
      if (link && resolved && sameTarget(resolved, target)) locations.push({ uri: registry.uri, range: registry.lines.rangeOf(link.range) });
    }
  }
  return locations;
}

/** The articles' references to the target, by slot of the id's postings (in URI order). */
export interface ArticleUses {
  readonly postings: Postings;
  /** By slot: the roles of the article's references that resolve to the target there, 0 for none. */
  readonly roles: Uint8Array;
  /** How many references that makes. */
  readonly count: number;
}

/**
 * The articles whose references resolve to the target, found through the id's postings without
 * building a location. Articles that do not define the id themselves resolve it through their
 * folder's registries alone, so each role is resolved once per folder.
 */
export function articleUsesOf(corpus: Corpus, target: DefinitionTarget): ArticleUses | undefined {
  const postings = corpus.postingsOf(target.id);
  if (!postings) return undefined;
  const roles = new Uint8Array(postings.slotCount);
  const byFolder: (RoleSet | undefined)[] = new Array(postings.folders.count).fill(undefined);
  let count = 0;
  for (let slot = 0; slot < roles.length; slot++) {
    const present = postings.rolesAt(slot);
    if (present === 0) continue;
    const resolving = postings.definesItself(slot)
      ? resolvingRoles(corpus, postings.article(slot), target, present)
      : (byFolder[postings.folderNumberAt(slot)] ??= resolvingRoles(corpus, postings.article(slot), target, ALL_ROLES));
    roles[slot] = resolving & present;
    if (roles[slot] !== 0) count += postings.count(slot, roles[slot]);
  }
  return { postings, roles, count };
}

const ALL_ROLES: RoleSet = REFERENCE_ROLES.reduce((roles, role) => roles | roleBit(role), 0);

/** Of `roles`, those in which the id written in `article` names the target. */
function resolvingRoles(corpus: Corpus, article: ArticleSummary, target: DefinitionTarget, roles: RoleSet): RoleSet {
  let resolving = 0;
  for (const role of REFERENCE_ROLES) {
    if (!(roles & roleBit(role))) continue;
    const resolved = corpus.resolve(article, target.id, role);
    if (resolved && sameTarget(resolved, target)) resolving |= roleBit(role);
  }
  return resolving;
}

/** Where `target` is defined: the key in its registry or in its article's front matter. */
export function declarationOf(corpus: Corpus, { uri, kind, id }: DefinitionTarget): Location | undefined {
  const registry = corpus.registries.get(uri);
  if (registry) {
    const definition = (kind === 'source' ? registry.sources : registry.entities).get(id);
    return definition && { uri, range: registry.lines.rangeOf(definition.keyRange) };
  }
  const article = corpus.articles.get(uri);
  const definition = (kind === 'source' ? article?.sources : article?.entities)?.find((own) => own.id === id);
  return definition && { uri, range: definition.keyRange };
}

export type RenameResult =
  | { readonly edit: WorkspaceEdit }
  | { readonly error: 'invalidId' | 'taken'; readonly id: string }
  /** `uri`: an article where the new id would name another definition (its own, or a nearer registry's). */
  | { readonly error: 'captured'; readonly id: string; readonly uri: string };

/** The edit that renames `target` and every reference to it, or why it cannot. */
export function renameTarget(corpus: Corpus, target: DefinitionTarget, newName: string): RenameResult {
  const id = normalizeId(newName.trim());
  if (!isValidId(id)) return { error: 'invalidId', id: newName };
  if (id !== target.id && isDefinedBeside(corpus, target, id)) return { error: 'taken', id };
  const capturing = id === target.id ? undefined : articleCapturing(corpus, target, id);
  if (capturing) return { error: 'captured', id, uri: capturing };
  const changes: Record<string, TextEdit[]> = {};
  for (const { uri, range } of referencesTo(corpus, target, true)) (changes[uri] ??= []).push({ range, newText: id });
  return { edit: { changes } };
}

/** Whether the file that defines `target` already defines `id` as the same kind. */
function isDefinedBeside(corpus: Corpus, { uri, kind }: DefinitionTarget, id: string): boolean {
  const registry = corpus.registries.get(uri);
  if (registry) return (kind === 'source' ? registry.sources : registry.entities).has(id);
  const article = corpus.articles.get(uri);
  return ((kind === 'source' ? article?.sources : article?.entities) ?? []).some((own) => own.id === id);
}

/**
 * The first article (in URI order) using the target where `id`, once the target is called so,
 * would name another definition: the article's own, or a nearer registry's. Renaming there would
 * silently re-attribute its statements.
 */
function articleCapturing(corpus: Corpus, target: DefinitionTarget, id: string): string | undefined {
  const uses = articleUsesOf(corpus, target);
  for (let slot = 0; uses && slot < uses.roles.length; slot++) {
    const article = uses.postings.article(slot);
    if (REFERENCE_ROLES.some((role) => uses.roles[slot] & roleBit(role) && !resolvesToRenamed(corpus, article, role, target, id))) return article.uri;
  }
  return undefined;
}

/** Whether `id` written in `article` in `role` would name the target once the target is called `id`: `Corpus.resolve`'s order, the target counted under its new id. */
function resolvesToRenamed(corpus: Corpus, article: ArticleSummary, role: ReferenceRole, target: DefinitionTarget, id: string): boolean {
  const layers = corpus.scopeOf(article.uri).layers;
  for (const kind of role === 'speaker' ? (['source', 'entity'] as const) : (['entity'] as const)) {
    const isTarget = (uri: string) => uri === target.uri && kind === target.kind;
    if (isTarget(article.uri) || (kind === 'source' ? article.sources : article.entities).some((own) => own.id === id)) return isTarget(article.uri);
    for (const layer of layers) {
      if (isTarget(layer.uri) || (kind === 'source' ? layer.sources : layer.entities).has(id)) return isTarget(layer.uri);
    }
  }
  return false;
}
