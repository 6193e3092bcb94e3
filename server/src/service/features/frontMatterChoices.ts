// The sources and entities a user can pick from when annotating: the document's own and those of
// the shared registries it sees (an own definition replaces a registry's of the same id).
import type { EntityChoice, SourceChoice } from '../../protocol';
import type { IsnadDocument } from '../model';
import { visibleEntities, visibleSources } from '../resolve';

export function sourceChoices(doc: IsnadDocument): SourceChoice[] {
  return [...visibleSources(doc).values()].map(({ id, name, kind, role }) => ({ id, name: name || id, kind, role }));
}

export function entityChoices(doc: IsnadDocument): EntityChoice[] {
  return [...visibleEntities(doc).values()].map(({ id, name, type, description }) => ({ id, name: name || id, type, description }));
}
