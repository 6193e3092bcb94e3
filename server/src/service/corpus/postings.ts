// One id's references across the corpus, packed contiguously in article URI order: what a
// references query walks. Each article's own ReferenceTable already holds them, but 10,000 tables
// scattered over a heap of hundreds of megabytes cost a chain of cache and TLB misses per article:
// walking the 392,852 references of an id named in every article of the bench corpus took 13 ms
// there and 1 ms here.
import type { Location, Range } from 'vscode-languageserver-types';
import { PACKED_STRIDE, forEachIdOf, type ArticleSummary, type RoleSet } from './summary';

/** An article's entry in an id's postings. */
export interface PostingSource {
  readonly article: ArticleSummary;
  /** The index of the id in the article's reference table, -1 when the article only defines it. */
  readonly idIndex: number;
  /** The number of the article's folder (FolderNumbers): articles of one folder resolve an id alike. */
  readonly folder: number;
}

/** Numbers for folders, shared by a corpus's postings and never reused, so that a query can resolve once per folder. */
export class FolderNumbers {
  private readonly numbers = new Map<string, number>();

  numberOf(folder: string): number {
    let number = this.numbers.get(folder);
    if (number === undefined) this.numbers.set(folder, (number = this.numbers.size));
    return number;
  }

  get count(): number {
    return this.numbers.size;
  }
}

export class Postings {
  private constructor(
    private readonly id: string,
    readonly folders: FolderNumbers,
    /** The articles that refer to the id or define it, in URI order: the slots. */
    private readonly articleSlots: ArticleSummary[],
    /** By slot: the roles the article refers to the id in. */
    private readonly presentRoles: Uint8Array,
    /** By slot: 1 when the article defines the id in its own front matter (and so resolves it there first). */
    private readonly ownDefinitions: Uint8Array,
    /** By slot: the number of the article's folder. */
    private readonly folderNumbers: Uint32Array,
    /** By slot: where the article's run starts in `packed`, in references; one more entry for the end. */
    private readonly runStarts: Uint32Array,
    private readonly packed: Uint32Array,
  ) {}

  /**
   * The postings of every id that `articles` (in URI order) refer to or define and `wanted`
   * accepts. Article by article, in two passes (sizes, then contents), so that each article's
   * table is read twice in all, where packing id by id would read every article once per id:
   * with 10,000 articles scattered over a large heap, those reads are what packing costs.
   */
  static ofEach(articles: readonly { readonly article: ArticleSummary; readonly folder: number }[], folders: FolderNumbers, wanted: (id: string) => boolean): Map<string, Postings> {
    const sizes = new Map<string, { slots: number; references: number }>();
    for (const { article } of articles) {
      forEachIdOf(article, (id, idIndex) => {
        if (!wanted(id)) return;
        let size = sizes.get(id);
        if (!size) sizes.set(id, (size = { slots: 0, references: 0 }));
        size.slots++;
        size.references += article.references.runLength(idIndex);
      });
    }
    const building = new Map<string, { postings: Postings; nextSlot: number }>();
    for (const [id, { slots, references }] of sizes) {
      const postings = new Postings(
        id,
        folders,
        new Array<ArticleSummary>(slots),
        new Uint8Array(slots),
        new Uint8Array(slots),
        new Uint32Array(slots),
        new Uint32Array(slots + 1),
        new Uint32Array(references * PACKED_STRIDE),
      );
      building.set(id, { postings, nextSlot: 0 });
    }
    for (const { article, folder } of articles) {
      forEachIdOf(article, (id, idIndex) => {
        const entry = building.get(id);
        if (!entry) return;
        const slot = entry.nextSlot++;
        const { runStarts } = entry.postings;
        runStarts[slot + 1] = runStarts[slot] + article.references.runLength(idIndex);
        entry.postings.fill(slot, { article, idIndex, folder });
      });
    }
    return new Map([...building].map(([id, { postings }]) => [id, postings]));
  }

  private fill(slot: number, { article, idIndex, folder }: PostingSource): void {
    const id = this.id;
    this.articleSlots[slot] = article;
    this.presentRoles[slot] = article.references.rolesOf(idIndex);
    this.ownDefinitions[slot] = article.sources.some((own) => own.id === id) || article.entities.some((own) => own.id === id) ? 1 : 0;
    this.folderNumbers[slot] = folder;
    article.references.copyRun(idIndex, this.packed, this.runStarts[slot] * PACKED_STRIDE);
  }

  /**
   * The postings with an article re-indexed, or newly referring to the id or defining it: these,
   * updated in place, when it keeps its slot and refers to the id as many times (text typed
   * elsewhere in it moves its references without adding or removing any); else a copy, the
   * other slots' data copied block by block, which costs far less than gathering it again from
   * every article.
   */
  withArticle(source: PostingSource): Postings {
    const { found, slot } = this.slotOf(source.article.uri);
    if (found && source.article.references.runLength(source.idIndex) === this.runStarts[slot + 1] - this.runStarts[slot]) {
      this.fill(slot, source);
      return this;
    }
    return this.spliced(slot, found ? 1 : 0, source);
  }

  /** The postings without an article (a copy); undefined when it was the only one. */
  withoutArticle(uri: string): Postings | undefined {
    const { found, slot } = this.slotOf(uri);
    if (!found) return this;
    return this.articleSlots.length === 1 ? undefined : this.spliced(slot, 1);
  }

  /** Where the article with `uri` sits, or would sit, in URI order. */
  private slotOf(uri: string): { found: boolean; slot: number } {
    let low = 0;
    let high = this.articleSlots.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.articleSlots[middle].uri < uri) low = middle + 1;
      else high = middle;
    }
    return { found: low < this.articleSlots.length && this.articleSlots[low].uri === uri, slot: low };
  }

  /** A copy with `removed` slots at `slot` taken out and, when there is one, `inserted` put there. */
  private spliced(slot: number, removed: 0 | 1, inserted?: PostingSource): Postings {
    const insertedCount = inserted ? 1 : 0;
    const run = inserted ? inserted.article.references.runLength(inserted.idIndex) : 0;
    const oldStart = this.runStarts[slot];
    const oldEnd = this.runStarts[slot + removed];
    const runStarts = spliceArray(this.runStarts, slot + 1, removed, insertedCount);
    if (inserted) runStarts[slot + 1] = oldStart + run;
    const delta = run - (oldEnd - oldStart);
    for (let next = slot + 1 + insertedCount; next < runStarts.length; next++) runStarts[next] += delta;
    const packed = new Uint32Array(runStarts[runStarts.length - 1] * PACKED_STRIDE);
    packed.set(this.packed.subarray(0, oldStart * PACKED_STRIDE));
    packed.set(this.packed.subarray(oldEnd * PACKED_STRIDE), (oldStart + run) * PACKED_STRIDE);
    const articleSlots = this.articleSlots.slice();
    if (inserted) articleSlots.splice(slot, removed, inserted.article);
    else articleSlots.splice(slot, removed);
    const copy = new Postings(
      this.id,
      this.folders,
      articleSlots,
      spliceArray(this.presentRoles, slot, removed, insertedCount),
      spliceArray(this.ownDefinitions, slot, removed, insertedCount),
      spliceArray(this.folderNumbers, slot, removed, insertedCount),
      runStarts,
      packed,
    );
    if (inserted) copy.fill(slot, inserted);
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

  folderNumberAt(slot: number): number {
    return this.folderNumbers[slot];
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
   * Writes the references of every slot that have that slot's `roles` into `locations` from
   * index `at`, by slot and in document order within each, their ranges shared through one
   * SharedRanges. One loop over all slots: a first query runs before V8 has optimised anything,
   * and a loop of hundreds of thousands of iterations in one call is optimised while it runs,
   * where ten thousand short calls would each start in the interpreter.
   */
  writeLocations(roles: Uint8Array, locations: Location[], at: number): void {
    const packed = this.packed;
    const ranges = new SharedRanges();
    let next = at;
    for (let slot = 0; slot < roles.length; slot++) {
      const slotRoles = roles[slot];
      if (slotRoles === 0) continue;
      const uri = this.articleSlots[slot].uri;
      for (let from = this.runStarts[slot] * PACKED_STRIDE, end = this.runStarts[slot + 1] * PACKED_STRIDE; from < end; from += PACKED_STRIDE) {
        if (slotRoles & (1 << packed[from])) locations[next++] = { uri, range: ranges.rangeOf(packed[from + 1], packed[from + 2], packed[from + 3], packed[from + 4]) };
      }
    }
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

/** A copy of `array` with `removed` entries at `at` replaced by `inserted` zeros. */
function spliceArray<T extends Uint8Array | Uint32Array>(array: T, at: number, removed: number, inserted: number): T {
  const copy = new (array.constructor as new (length: number) => T)(array.length - removed + inserted);
  copy.set(array.subarray(0, at));
  copy.set(array.subarray(at + removed), at + inserted);
  return copy;
}
