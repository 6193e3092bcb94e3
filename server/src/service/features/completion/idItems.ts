// Completion items for source and entity ids, shared by attribute blocks and the front matter.
import { CompletionItemKind, type CompletionItem, type TextEdit } from 'vscode-languageserver-types';
import type { Entity, EntityType, IsnadDocument, Source } from '../../model';
import { localize, type Locale } from '../../l10n';
import { KIND_LABELS } from '../hover';
import { visibleEntities, visibleSources } from '../../resolve';

/** The icon of an entity follows its type, as its semantic token does. */
export const ENTITY_ITEM_KINDS: Readonly<Record<EntityType, CompletionItemKind>> = {
  person: CompletionItemKind.Variable,
  organization: CompletionItemKind.Module,
  country: CompletionItemKind.Class,
  place: CompletionItemKind.Struct,
  event: CompletionItemKind.Event,
  other: CompletionItemKind.Value,
};

/** What an id completes to: `edit` replaces the partial id (its range runs from where the id starts). */
export function sourceItems(doc: IsnadDocument, edit: (id: string) => TextEdit, locale: Locale, group = 0): CompletionItem[] {
  return [...visibleSources(doc).values()].map((source, index) => idItem(source, sourceDetail(source, locale), [source.role, source.affiliation], CompletionItemKind.Function, edit, group, index));
}

/** Entities, leaving out the ids in `except` (already offered as sources). */
export function entityItems(doc: IsnadDocument, edit: (id: string) => TextEdit, locale: Locale, group = 0, except: ReadonlySet<string> = new Set()): CompletionItem[] {
  return [...visibleEntities(doc).values()]
    .filter((entity) => !except.has(entity.id))
    .map((entity, index) => idItem(entity, entityDetail(entity, locale), [entity.description], ENTITY_ITEM_KINDS[entity.type], edit, group, index));
}

function idItem(
  definition: Source | Entity,
  detail: string,
  documentation: readonly (string | undefined)[],
  kind: CompletionItemKind,
  edit: (id: string) => TextEdit,
  group: number,
  index: number,
): CompletionItem {
  return {
    label: definition.id,
    kind,
    detail,
    documentation: documentation.filter(Boolean).join('\n') || undefined,
    // Typing part of the name finds the id too.
    filterText: `${definition.id} ${definition.name}`,
    // Sources before entities; the article's own definitions before shared (isnad.yaml) ones,
    // which an article about something else may never use; then the order they are written in.
    sortText: `${group}${definition.uri === undefined ? 0 : 1}${String(index).padStart(5, '0')}`,
    textEdit: edit(definition.id),
  };
}

function sourceDetail(source: Source, locale: Locale): string {
  return [source.name, localize(locale, KIND_LABELS[source.kind]), source.role].filter(Boolean).join(' · ');
}

function entityDetail(entity: Entity, locale: Locale): string {
  return [entity.name, localize(locale, KIND_LABELS[entity.type])].filter(Boolean).join(' · ');
}
