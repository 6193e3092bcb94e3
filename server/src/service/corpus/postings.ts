// One id's references across the corpus, packed contiguously in article URI order: what a
// references query walks. Each article's own ReferenceTable already holds them, but 10,000 tables
// scattered over a heap of hundreds of megabytes cost a chain of cache and TLB misses per article:
// walking the 392,852 references of an id named in every article of the bench corpus took 13 ms
// there and 1 ms here.
import type { Location, Range } from 'vscode-languageserver-types';
import { PACKED_STRIDE, type ArticleSummary, type RoleSet } from './summary';

export class Postings {
  private constructor(
    private readonly id: string,
    /** The articles that refer to the id or define it, in URI order: the slots. */
    private readonly articleSlots: ArticleSummary[],
    /** By slot: the index of the id in the article's reference table, -1 when the article only defines it. */
    private readonly idIndexes: Int32Array,
    /** By slot: the roles the article refers to the id in. */
    private readonly presentRoles: Uint8Array,
    /** By slot: 1 when the article defines the id in its own front matter (and so resolves it there first). */
    private readonly ownDefinitions: Uint8Array,
    /** By slot: the index of the article's folder in `folders` (shared with copies: slots keep their URIs). */
    private readonly folderIndexes: Uint32Array,
    readonly folders: readonly string[],
    /** By slot: where the article's run starts in `packed`, in references; one more entry for the end. */
    private readonly runStarts: Uint32Array,
    private readonly packed: Uint32Array,
    private readonly slotByUri: ReadonlyMap<string, number>,
  ) {}

  /** The postings of `id` over `articles` (in URI order), each with the index of the id in its table and its folder. */
  static of(id: string, articles: readonly { readonly article: ArticleSummary; readonly idIndex: number; readonly folder: string }[]): Postings {
    const count = articles.length;
    const runStarts = new Uint32Array(count + 1);
    for (let slot = 0; slot < count; slot++) runStarts[slot + 1] = runStarts[slot] + articles[slot].article.references.runLength(articles[slot].idIndex);
    const folders: string[] = [];
    const folderIndexOf = new Map<string, number>();
    const postings = new Postings(
      id,
      new Array<ArticleSummary>(count),
      new Int32Array(count),
      new Uint8Array(count),
      new Uint8Array(count),
      new Uint32Array(count),
      folders,
      runStarts,
      new Uint32Array(runStarts[count] * PACKED_STRIDE),
      new Map(articles.map(({ article }, slot) => [article.uri, slot])),
    );
    articles.forEach(({ article, idIndex, folder }, slot) => {
      let folderIndex = folderIndexOf.get(folder);
      if (folderIndex === undefined) folderIndexOf.set(folder, (folderIndex = folders.push(folder) - 1));
      postings.folderIndexes[slot] = folderIndex;
      postings.fill(slot, article, idIndex);
    });
    return postings;
  }

  private fill(slot: number, article: ArticleSummary, idIndex: number): void {
    const id = this.id;
    this.articleSlots[slot] = article;
    this.idIndexes[slot] = idIndex;
    this.presentRoles[slot] = article.references.rolesOf(idIndex);
    this.ownDefinitions[slot] = article.sources.some((own) => own.id === id) || article.entities.some((own) => own.id === id) ? 1 : 0;
    article.references.copyRun(idIndex, this.packed, this.runStarts[slot] * PACKED_STRIDE);
  }

  /**
   * The postings with a re-indexed article (one of its slots) taken in: these, updated in place,
   * when it still refers to the id as many times (text typed elsewhere in it moves its references
   * without adding or removing any); else a copy, the other slots' runs copied block by block,
   * which costs far less than gathering them again from every article. Undefined when the article
   * is not one of the slots.
   */
  withArticle(article: ArticleSummary, idIndex: number): Postings | undefined {
    const slot = this.slotByUri.get(article.uri);
    if (slot === undefined) return undefined;
    const oldStart = this.runStarts[slot];
    const oldEnd = this.runStarts[slot + 1];
    const delta = article.references.runLength(idIndex) - (oldEnd - oldStart);
    if (delta === 0) {
      this.fill(slot, article, idIndex);
      return this;
    }
    const runStarts = this.runStarts.slice();
    for (let next = slot + 1; next < runStarts.length; next++) runStarts[next] += delta;
    const packed = new Uint32Array(runStarts[runStarts.length - 1] * PACKED_STRIDE);
    packed.set(this.packed.subarray(0, oldStart * PACKED_STRIDE));
    packed.set(this.packed.subarray(oldEnd * PACKED_STRIDE), runStarts[slot + 1] * PACKED_STRIDE);
    const copy = new Postings(
      this.id,
      this.articleSlots.slice(),
      this.idIndexes.slice(),
      this.presentRoles.slice(),
      this.ownDefinitions.slice(),
      this.folderIndexes,
      this.folders,
      runStarts,
      packed,
      this.slotByUri,
    );
    copy.fill(slot, article, idIndex);
    return copy;
  }

  get slotCount(): number {
    return this.articleSlots.length;
  }

  article(slot: number): ArticleSummary {
    return this.articleSlots[slot];
  }

  rolesAt(slot: number): RoleSet {
    return this.presentRoles[slot];
  }

  definesItself(slot: number): boolean {
    return this.ownDefinitions[slot] === 1;
  }

  folderIndexAt(slot: number): number {
    return this.folderIndexes[slot];
  }

  /** How many of the slot's references have one of `roles`. */
  count(slot: number, roles: RoleSet): number {
    const start = this.runStarts[slot];
    const end = this.runStarts[slot + 1];
    if ((this.presentRoles[slot] & ~roles) === 0) return end - start;
    let count = 0;
    for (let at = start * PACKED_STRIDE; at < end * PACKED_STRIDE; at += PACKED_STRIDE) if (roles & (1 << this.packed[at])) count++;
    return count;
  }

  /**
   * Writes the slot's references that have one of `roles` into `locations` from index `at`, in
   * document order; returns the index after the last one written. Each range is taken from
   * `ranges`, shared by the query.
   */
  writeLocations(slot: number, roles: RoleSet, ranges: SharedRanges, locations: Location[], at: number): number {
    const packed = this.packed;
    const uri = this.articleSlots[slot].uri;
    let next = at;
    for (let from = this.runStarts[slot] * PACKED_STRIDE, end = this.runStarts[slot + 1] * PACKED_STRIDE; from < end; from += PACKED_STRIDE) {
      if (roles & (1 << packed[from])) locations[next++] = { uri, range: ranges.rangeOf(packed[from + 1], packed[from + 2], packed[from + 3], packed[from + 4]) };
    }
    return next;
  }
}

/**
 * The ranges of one query's result, one object per distinct range: an id sits at the same line
 * and character in many articles (a template, a dateline, the same paragraph syndicated), and a
 * result's ranges are only read (serialised, or copied into edits), never changed. Allocating a
 * range and its two positions is most of the cost of a location.
 */
export class SharedRanges {
  /** By start line, then start character: the range last handed out that starts there. */
  private readonly byStart: Range[][] = [];

  rangeOf(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
    const row = (this.byStart[startLine] ??= []);
    const known = row[startCharacter];
    if (known !== undefined && known.end.line === endLine && known.end.character === endCharacter) return known;
    return (row[startCharacter] = { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } });
  }
}
