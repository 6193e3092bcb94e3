// What the workspace index keeps of an article: enough to answer workspace symbols, cross-file
// references and renames, hover counts, the who-said-what view and statistics without keeping the
// text or the model. Ids stay unresolved here: the corpus resolves them against the registries
// current at query time, so a registry edit needs no article re-read.
import type { Range } from 'vscode-languageserver-types';
import { STATUSES, type IsnadDocument, type Status, type TextRange } from '../model';
import { isAnnotation, isStatement } from '../resolve';
import { sectionTitle } from '../export/cleanText';
import { spanTitle } from '../features/symbols';

/** How an article refers to an id: as a speaker (`by=`), or to an entity (`@`, `about=`, a source's `entity:`). */
export type ReferenceRole = 'speaker' | 'mention' | 'about' | 'sourceEntity';

export const REFERENCE_ROLES: readonly ReferenceRole[] = ['speaker', 'mention', 'about', 'sourceEntity'];

/** A set of roles, one bit per index in REFERENCE_ROLES. */
export type RoleSet = number;

export function roleBit(role: ReferenceRole): RoleSet {
  return 1 << REFERENCE_ROLES.indexOf(role);
}

/** The roles that mention an entity in the text: `@ID` and `about=`. */
export const MENTIONING: RoleSet = roleBit('mention') | roleBit('about');

/** Per reference: its role's index, then start line, start character, end line, end character. */
export const PACKED_STRIDE = 5;

/**
 * An article's references, grouped by id and in document order within each id, packed in one
 * typed array: a corpus holds hundreds of thousands of them, and one id's run is read (or copied
 * into the corpus's postings of that id, see Postings) without touching the others.
 */
export class ReferenceTable {
  private constructor(
    /** The distinct ids referred to, each once. */
    readonly ids: readonly string[],
    /** Where each id's run starts in `packed`, in references; one more entry for the end. */
    private readonly runStarts: Uint32Array,
    private readonly packed: Uint32Array,
    /** For each id, the roles it is referred to in. */
    private readonly roleSets: Uint8Array,
  ) {}

  static of(references: readonly { readonly id: string; readonly role: ReferenceRole; readonly range: Range }[]): ReferenceTable {
    const byId = new Map<string, { role: ReferenceRole; range: Range }[]>();
    for (const { id, role, range } of references) {
      let run = byId.get(id);
      if (!run) byId.set(id, (run = []));
      run.push({ role, range });
    }
    const ids = [...byId.keys()];
    const runStarts = new Uint32Array(ids.length + 1);
    const packed = new Uint32Array(references.length * PACKED_STRIDE);
    const roleSets = new Uint8Array(ids.length);
    let at = 0;
    ids.forEach((id, index) => {
      runStarts[index] = at;
      const run = byId.get(id)!.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
      for (const { role, range } of run) {
        const offset = at++ * PACKED_STRIDE;
        packed[offset] = REFERENCE_ROLES.indexOf(role);
        packed[offset + 1] = range.start.line;
        packed[offset + 2] = range.start.character;
        packed[offset + 3] = range.end.line;
        packed[offset + 4] = range.end.character;
        roleSets[index] |= roleBit(role);
      }
    });
    runStarts[ids.length] = at;
    return new ReferenceTable(ids, runStarts, packed, roleSets);
  }

  /** The index of `id` in `ids`, or -1. */
  indexOf(id: string): number {
    return this.ids.indexOf(id);
  }

  rolesOf(idIndex: number): RoleSet {
    return idIndex < 0 ? 0 : this.roleSets[idIndex];
  }

  /** How many references of the id at `idIndex` have one of `roles`. */
  count(idIndex: number, roles: RoleSet): number {
    let count = 0;
    for (let at = this.runStarts[idIndex]; at < this.runStarts[idIndex + 1]; at++) if (roles & (1 << this.packed[at * PACKED_STRIDE])) count++;
    return count;
  }

  /** The range of the first reference of the id at `idIndex` that has one of `roles`, in document order. */
  firstRange(idIndex: number, roles: RoleSet): Range | undefined {
    const packed = this.packed;
    for (let at = this.runStarts[idIndex] * PACKED_STRIDE, end = this.runStarts[idIndex + 1] * PACKED_STRIDE; at < end; at += PACKED_STRIDE) {
      if (roles & (1 << packed[at])) return rangeAt(packed, at);
    }
    return undefined;
  }

  /** How many references the id at `idIndex` has (none for -1). */
  runLength(idIndex: number): number {
    return idIndex < 0 ? 0 : this.runStarts[idIndex + 1] - this.runStarts[idIndex];
  }

  /** Copies the packed references of the id at `idIndex` into `target` from index `at`. */
  copyRun(idIndex: number, target: Uint32Array, at: number): void {
    if (idIndex < 0) return;
    // A run is a few dozen numbers: a loop, where `set` would first make a subarray view of each.
    const packed = this.packed;
    for (let from = this.runStarts[idIndex] * PACKED_STRIDE, end = this.runStarts[idIndex + 1] * PACKED_STRIDE, to = at; from < end; ) target[to++] = packed[from++];
  }
}

function rangeAt(packed: Uint32Array, at: number): Range {
  return { start: { line: packed[at + 1], character: packed[at + 2] }, end: { line: packed[at + 3], character: packed[at + 4] } };
}

export interface DefinitionSummary {
  readonly id: string;
  readonly name: string;
  /** A source's kind or an entity's type. */
  readonly detail: string;
  readonly keyRange: Range;
}

export interface StatementSummary {
  readonly kind: 'claim' | 'quote';
  /** Its first words, as the outline names it. */
  readonly title: string;
  /** The `by=` id that attributes it (its own or inherited); undefined when unattributed. */
  readonly speakerId?: string;
  readonly status?: Status;
  /** Between `[` and `]`: where the editor goes to show it. */
  readonly contentRange: Range;
}

export interface SectionSummary {
  readonly title: string;
  readonly level: number;
  readonly range: Range;
}

export interface ArticleSummary {
  readonly uri: string;
  /** The front matter's title, else the first heading, else empty. */
  readonly title: string;
  readonly sources: readonly DefinitionSummary[];
  readonly entities: readonly DefinitionSummary[];
  readonly references: ReferenceTable;
  readonly statements: readonly StatementSummary[];
  readonly sections: readonly SectionSummary[];
  /** Spans that annotate something (claims, quotes, mentions, notes). */
  readonly annotationCount: number;
}

/** Calls `visit` with each id the article refers to (and its index in its reference table) or only defines (-1), each once. */
export function forEachIdOf(article: ArticleSummary, visit: (id: string, idIndex: number) => void): void {
  const { ids } = article.references;
  ids.forEach(visit);
  for (const { id } of article.sources) if (!ids.includes(id)) visit(id, -1);
  for (const { id } of article.entities) if (!ids.includes(id) && !article.sources.some((source) => source.id === id)) visit(id, -1);
}

/**
 * A copy of `text` that does not keep the document alive: strings cut from the text (ids, names,
 * titles) may point into the whole of it, and a workspace index would then hold every article.
 */
function detached(text: string): string {
  return text.length < 13 ? text : (text + ' ').slice(0, -1);
}

/** Ids repeat across thousands of articles: one detached copy of each. */
const ids = new Map<string, string>();

function internId(id: string): string {
  let interned = ids.get(id);
  if (interned === undefined) ids.set(id, (interned = detached(id)));
  return interned;
}

export function summarizeArticle(doc: IsnadDocument): ArticleSummary {
  const range = doc.lines.rangeOf.bind(doc.lines);
  const references: { id: string; role: ReferenceRole; range: Range }[] = [];
  const front = doc.frontMatter;
  const reference = (id: string, role: ReferenceRole, at: TextRange) => references.push({ id: internId(id), role, range: range(at) });
  for (const source of front?.sources.values() ?? []) if (source.entity) reference(source.entity.id, 'sourceEntity', source.entity.range);
  const statements: StatementSummary[] = [];
  for (const span of doc.spans) {
    if (span.by) reference(span.by.id, 'speaker', span.by.range);
    if (span.entity) reference(span.entity.id, 'mention', span.entity.range);
    for (const about of span.about) reference(about.id, 'about', about.range);
    if (!isStatement(span)) continue;
    const speakerId = span.attributedBy === undefined ? undefined : doc.spans[span.attributedBy].by?.id;
    const status = STATUSES.find((known) => known === span.status?.value);
    statements.push({
      kind: span.kind === 'quote' ? 'quote' : 'claim',
      title: detached(spanTitle(doc, span)),
      ...(speakerId === undefined ? {} : { speakerId: internId(speakerId) }),
      ...(status === undefined ? {} : { status }),
      contentRange: range(span.contentRange),
    });
  }
  const sections = doc.sections.map((section) => ({ title: detached(sectionTitle(doc, section)), level: section.level, range: range(section.headingRange) }));
  const definition = ({ id, name, keyRange }: { id: string; name: string; keyRange: TextRange }, detail: string): DefinitionSummary => ({
    id: internId(id),
    name: detached(name),
    detail,
    keyRange: range(keyRange),
  });
  return {
    uri: doc.uri,
    title: front?.title === undefined ? (sections[0]?.title ?? '') : detached(front.title),
    sources: [...(front?.sources.values() ?? [])].map((source) => definition(source, source.kind)),
    entities: [...(front?.entities.values() ?? [])].map((entity) => definition(entity, entity.type)),
    references: ReferenceTable.of(references),
    statements,
    sections,
    annotationCount: doc.spans.filter(isAnnotation).length,
  };
}
