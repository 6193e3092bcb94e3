// Quick fixes for an id that names nothing (`unknown-source`, `unknown-entity`): change it to the
// defined id it most likely meant, or define it in the front matter.
import { CodeActionKind, type CodeAction } from 'vscode-languageserver-types';
import type { IdReference, IsnadDocument, TextRange } from '../../model';
import { isValidId } from '../../ids';
import { localize } from '../../l10n';
import type { CodeActionProvider } from './provider';
import { codeAction, isnadDiagnostics, offsetRange, sameRange } from './edits';
import { defineEntry, yamlString } from './frontMatterEdits';
import { closestIds } from './similarity';
import { visibleEntities, visibleSources } from '../../resolve';
import { pushAll } from '../../arrays';

export const unknownIdFixes: CodeActionProvider = (doc, _range, diagnostics, locale) => {
  const actions: CodeAction[] = [];
  for (const diagnostic of isnadDiagnostics(diagnostics, ['unknown-source', 'unknown-entity'])) {
    const isSource = diagnostic.code === 'unknown-source';
    const reference = referenceAt(doc, offsetRange(doc, diagnostic.range), isSource);
    if (!reference) continue;
    const sources = visibleSources(doc).keys();
    const entities = visibleEntities(doc).keys();
    // `by=` may name an entity when no source has its id (FORMAT.md §4).
    // An empty `by=` or `@` resembles every short id: no guess is offered for it.
    const closest = reference.id ? closestIds(reference.id, new Set(isSource ? [...sources, ...entities] : entities)) : [];
    // An id in the front matter (a source's `entity:`) is a YAML scalar.
    const written = (id: string) => (reference.range.start < doc.bodyStart ? yamlString(id) : id);
    for (const id of closest) {
      actions.push(
        codeAction(doc, localize(locale, 'actionChangeTo', [id]), CodeActionKind.QuickFix, [{ range: reference.range, newText: written(id) }], {
          diagnostics: [diagnostic],
          isPreferred: closest.length === 1,
        }),
      );
    }
    const definition = isValidId(reference.id) && defineEntry(doc, isSource ? 'sources' : 'entities', reference.id, nameFromId(reference.id));
    if (definition) {
      const title = localize(locale, isSource ? 'actionDefineSource' : 'actionDefineEntity', [reference.id]);
      actions.push(codeAction(doc, title, CodeActionKind.QuickFix, definition, { diagnostics: [diagnostic] }));
    }
  }
  return actions;
};

/** A first guess at the name an id stands for: `الحكومة_الأميركية` → `الحكومة الأميركية`. */
export function nameFromId(id: string): string {
  return id.replace(/_/g, ' ');
}

/** The `by=` (for an unknown source) or the `@`, `about=` or `entity:` reference (for an unknown entity) written at `range`. */
function referenceAt(doc: IsnadDocument, range: TextRange, isSource: boolean): IdReference | undefined {
  const references: (IdReference | undefined)[] = [];
  for (const span of doc.spans) {
    if (span.range.start > range.start) break;
    if (isSource) references.push(span.by);
    else {
      references.push(span.entity);
      pushAll(references, span.about);
    }
  }
  if (!isSource) for (const source of doc.frontMatter?.sources.values() ?? []) references.push(source.entity);
  return references.find((reference) => reference && sameRange(reference.range, range));
}
