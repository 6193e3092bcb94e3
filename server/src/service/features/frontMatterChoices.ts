// The sources and entities a user can pick from when annotating, in front-matter order.
import type { EntityChoice, SourceChoice } from '../../protocol';
import type { IsnadDocument } from '../model';

export function sourceChoices(doc: IsnadDocument): SourceChoice[] {
  return [...(doc.frontMatter?.sources.values() ?? [])].map(({ id, name, kind, role }) => ({ id, name: name || id, kind, role }));
}

export function entityChoices(doc: IsnadDocument): EntityChoice[] {
  return [...(doc.frontMatter?.entities.values() ?? [])].map(({ id, name, type, description }) => ({ id, name: name || id, type, description }));
}
