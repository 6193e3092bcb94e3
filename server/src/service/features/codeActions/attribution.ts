// Quick fixes for a claim or quote nobody said (`unattributed-claim`, `unattributed-quote`):
// "Attribute to <source>" for each source, the ones named nearest the statement first, and
// "Add a new source…", which defines a placeholder source and attributes the statement to it.
import { CodeActionKind, type CodeAction } from 'vscode-languageserver-types';
import type { IsnadDocument, Source, Span } from '../../model';
import { findEntity, findSource, isStatement } from '../../resolve';
import { localize } from '../../l10n';
import { attributionTarget } from '../statementAt';
import { blockIndexAt, directionAt } from '../direction';
import type { CodeActionProvider } from './provider';
import { codeAction, insertion, isnadDiagnostics, offsetRange, sameRange } from './edits';
import { defineEntry } from './frontMatterEdits';
import { visibleSources } from '../../resolve';

/** The placeholder a new source gets, in the language of the statement's paragraph (so an Arabic line stays free of Latin letters). */
const NEW_SOURCE = {
  ltr: { id: 'new-source', name: 'New source' },
  rtl: { id: 'مصدر_جديد', name: 'مصدر جديد' },
} as const;

export const attributionFixes: CodeActionProvider = (doc, _range, diagnostics, locale) => {
  const actions: CodeAction[] = [];
  for (const diagnostic of isnadDiagnostics(diagnostics, ['unattributed-claim', 'unattributed-quote'])) {
    const range = offsetRange(doc, diagnostic.range);
    const span = doc.spans.find((candidate) => sameRange(candidate.range, range) && isStatement(candidate) && candidate.attributedBy === undefined);
    if (!span) continue;
    const target = attributionTarget(doc, span);
    const attribute = (id: string) => insertion(target.insertAt, ` ${target.byKey}=${id}`);
    const ranked = rankedSources(doc, span);
    for (const { source, tier } of ranked) {
      const obvious = tier === Tier.SameParagraph && ranked.filter((other) => other.tier === Tier.SameParagraph).length === 1;
      actions.push(
        codeAction(doc, localize(locale, 'actionAttributeTo', [source.name || source.id]), CodeActionKind.QuickFix, [attribute(source.id)], {
          diagnostics: [diagnostic],
          isPreferred: obvious,
        }),
      );
    }
    const placeholder = NEW_SOURCE[directionAt(doc, span.range.start)];
    const id = unusedId(doc, placeholder.id);
    const definition = defineEntry(doc, 'sources', id, placeholder.name);
    if (definition) {
      actions.push(codeAction(doc, localize(locale, 'actionAddSource'), CodeActionKind.QuickFix, [...definition, attribute(id)], { diagnostics: [diagnostic] }));
    }
  }
  return actions;
};

/** How near a source is named to the statement; lower is nearer. */
const enum Tier {
  /** A span attributed to it, or mentioning it or its entity, in the statement's paragraph, outside the statement: "X said that […]". */
  SameParagraph,
  /** Only inside the statement, where it is more likely what the statement is about. */
  InsideStatement,
  /** Elsewhere in the document. */
  Elsewhere,
  NotNamed,
}

interface RankedSource {
  readonly source: Source;
  readonly tier: Tier;
  /** Characters between the statement and the nearest span naming the source. */
  readonly distance: number;
}

/** Every source, nearest first; equally near ones in front-matter order. */
export function rankedSources(doc: IsnadDocument, statement: Span): RankedSource[] {
  const sources = [...visibleSources(doc).values()];
  const block = doc.blocks[blockIndexAt(doc, statement.range.start)];
  // The ids whose spans name a source: its own (a `by=`, or a mention of an entity with the same id) and its entity's.
  const sourcesNamedBy = new Map<string, Source[]>();
  for (const source of sources) {
    for (const id of new Set([source.id, source.entity?.id])) {
      if (id !== undefined) sourcesNamedBy.set(id, [...(sourcesNamedBy.get(id) ?? []), source]);
    }
  }
  const nearest = new Map<Source, RankedSource>();
  for (const span of doc.spans) {
    if (span === statement) continue;
    const inside = statement.range.start <= span.range.start && span.range.end <= statement.range.end;
    const sameParagraph = block !== undefined && block.range.start <= span.range.start && span.range.end <= block.range.end;
    const tier = inside ? Tier.InsideStatement : sameParagraph ? Tier.SameParagraph : Tier.Elsewhere;
    const distance = Math.max(0, span.range.start - statement.range.end, statement.range.start - span.range.end);
    for (const id of [span.by?.id, span.entity?.id]) {
      if (id === undefined) continue;
      for (const source of sourcesNamedBy.get(id) ?? []) {
        const known = nearest.get(source);
        if (!known || tier < known.tier || (tier === known.tier && distance < known.distance)) nearest.set(source, { source, tier, distance });
      }
    }
  }
  return sources
    .map((source) => nearest.get(source) ?? { source, tier: Tier.NotNamed, distance: Infinity })
    .sort((a, b) => a.tier - b.tier || a.distance - b.distance);
}

/** `id`, or `id-2`, `id-3` … : the first that names no source and no entity yet. */
function unusedId(doc: IsnadDocument, id: string): string {
  const taken = (candidate: string) => findSource(doc, candidate) !== undefined || findEntity(doc, candidate) !== undefined;
  let candidate = id;
  for (let n = 2; taken(candidate); n++) candidate = `${id}-${n}`;
  return candidate;
}
