// The diagnostics of a shared registry (`isnad.yaml`), reported in the registry file itself: its
// YAML and entry errors, `entity:` links to no entity, hidden bidi controls in ids, and entries
// that no article in the workspace uses (the caller knows the workspace; this stays pure).
import type { Diagnostic } from 'vscode-languageserver-types';
import type { IsnadDocument, Registry, RegistryScope } from '../model';
import { problem, type Problem } from '../problems';
import type { Locale } from '../l10n';
import { findEntity, findSource, sharedEntity } from '../resolve';
import { bidiControlsIn, definitionIdRanges, problemToDiagnostic, unusedProblems, usedIds } from './diagnostics';
import { pushAll } from '../arrays';

/**
 * `farther`: the registries of the parent folders, nearest first, where the entries' `entity:`
 * links may also point. `used`: the ids that articles resolve to this registry's entries (an id
 * naming both a source and an entity counts as used when either is); without it, no entry is
 * reported unused (the workspace is not known yet).
 */
export function computeRegistryProblems(registry: Registry, farther: RegistryScope, used?: ReadonlySet<string>): Problem[] {
  const scope: RegistryScope = { layers: [registry, ...farther.layers] };
  const problems = [...registry.problems];
  for (const source of registry.sources.values()) {
    if (source.entity && !sharedEntity(scope, source.entity.id)) {
      problems.push(problem('unknown-entity', source.entity.range, 'unknownRegistryEntity', [source.entity.id]));
    }
  }
  if (used) pushAll(problems, unusedProblems(registry, used, 'unusedSharedSource', 'unusedSharedEntity'));
  pushAll(problems, bidiControlsIn(registry.lines.text, () => definitionIdRanges(registry).sort((a, b) => a.start - b.start)));
  return problems.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
}

export function computeRegistryDiagnostics(registry: Registry, farther: RegistryScope, locale: Locale, used?: ReadonlySet<string>): Diagnostic[] {
  return computeRegistryProblems(registry, farther, used).map((item) => problemToDiagnostic(registry.lines, item, locale));
}

/**
 * The registry entries a document uses, as `[registry uri, id]` pairs: the ids its spans name
 * that resolve to a registry rather than to its own front matter. Whoever checks many documents
 * gathers these to tell which registry entries no document uses.
 */
export function registryUsesOf(doc: IsnadDocument): [uri: string, id: string][] {
  const uses: [string, string][] = [];
  for (const id of usedIds(doc)) {
    for (const definition of [findSource(doc, id), findEntity(doc, id)]) if (definition?.uri !== undefined) uses.push([definition.uri, id]);
  }
  return uses;
}
