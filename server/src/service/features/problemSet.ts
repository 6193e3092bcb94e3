// The diagnostics' problems kept from one version to the next: after a paragraph is re-read,
// only its problems are computed again; the later ones move with the text, and the front
// matter's (unused definitions) are redone from a count of the ids the spans use. Attribution
// hints are kept the same way: a sentence never crosses a paragraph, so a paragraph's hints are
// found from its text alone. The result equals `computeProblems` of the new model (the randomized
// test checks it).
import type { IsnadDocument, Span } from '../model';
import type { Problem } from '../problems';
import type { ParagraphChange } from '../parse/incremental';
import { bodyProblems, frontMatterProblems, forEachReferencedId, withHints, type DiagnosticsOptions } from './diagnostics';
import { attributionHintProblems } from './attributionHints';
import { replaceParagraphResults } from './paragraphResults';

export interface ProblemSet {
  readonly options: DiagnosticsOptions;
  /** Sorted, before the body. */
  readonly frontMatter: readonly Problem[];
  /** Sorted, the attribution hints included (after the problems with the same range); their ranges are their own, so they can be moved in place. */
  readonly body: Problem[];
  /** How many references each id has in the spans. */
  readonly uses: Map<string, number>;
}

export function problemSet(doc: IsnadDocument, options: DiagnosticsOptions): ProblemSet {
  const uses = new Map<string, number>();
  countUses(uses, doc.spans, 1);
  const parsed = doc.problems.filter((item) => item.range.start >= doc.bodyStart);
  const problems = bodyProblems(doc, options, doc.spans, parsed, { start: doc.bodyStart, end: doc.text.length });
  const body = owned(withHints(problems, attributionHintProblems(doc, options)));
  return { options, frontMatter: frontMatterProblems(doc, uses), body, uses };
}

/** The set of `doc`, the model `change` made from the one `previous` describes. `previous` is consumed. */
export function updateProblemSet(previous: ProblemSet, doc: IsnadDocument, change: ParagraphChange): ProblemSet {
  const { body, uses, options } = previous;
  const problems = bodyProblems(doc, options, change.spans, change.problems, { start: change.start, end: change.newEnd });
  const hints = attributionHintProblems(doc, options, { blocks: [change.block], spans: change.spans });
  replaceParagraphResults(body, change, rangeOf, owned(withHints(problems, hints)));
  countUses(uses, change.removedSpans, -1);
  countUses(uses, change.spans, 1);
  return { options, frontMatter: frontMatterProblems(doc, uses), body, uses };
}

const rangeOf = (item: Problem) => item.range;

/** Copies with ranges of their own: a problem may share its range with a span, which a re-parse shifts in place too. */
function owned(problems: readonly Problem[]): Problem[] {
  return problems.map((item) => ({ ...item, range: { start: item.range.start, end: item.range.end } }));
}

/** The problems of the model the set was last brought up to date with, in the order `computeProblems` gives. */
export function problemsOf(set: ProblemSet): Problem[] {
  return set.frontMatter.concat(set.body);
}

export function sameOptions(a: DiagnosticsOptions, b: DiagnosticsOptions): boolean {
  return a.unattributedClaims === b.unattributedClaims && a.possibleAttribution === b.possibleAttribution && a.vagueSource === b.vagueSource;
}

function countUses(uses: Map<string, number>, spans: readonly Span[], step: 1 | -1): void {
  const count = (id: string) => {
    const next = (uses.get(id) ?? 0) + step;
    if (next > 0) uses.set(id, next);
    else uses.delete(id);
  };
  for (const span of spans) forEachReferencedId(span, count);
}
