// Front matter: YAML 1.2 between `---` fences, read with the `yaml` package so that every
// key and value keeps its exact range. Every problem becomes a `front-matter` or
// `duplicate-id` problem; whatever can be read is kept.
import { isAlias, isMap, type Alias, isScalar, isSeq, parseDocument, visit, type Document, type YAMLError, type Node, type Pair } from 'yaml';
import {
  DIRECTIONS,
  ENTITY_TYPES,
  SOURCE_KINDS,
  type Direction,
  type Entity,
  type EntityType,
  type FrontMatter,
  type IdReference,
  type Source,
  type SourceKind,
  type TextRange,
} from '../model';
import { problem, type Problem } from '../problems';
import type { MessageKey } from '../l10n';
import { isValidId, normalizeId } from '../ids';
import { SURROGATE, wellFormed } from '../wellFormed';
import { bidiControlCount } from './chars';
import { pushAll } from '../arrays';

export const MAX_ALIAS_COUNT = 50;

/**
 * `maxAliasCount` for the `yaml` package, which counts an anchor as one more use of it: with
 * 50 it already refuses 50 aliases of a scalar. One more lets exactly the 50 of FORMAT.md §2
 * through (deeper expansions multiply and are still caught).
 */
const YAML_MAX_ALIAS_COUNT = MAX_ALIAS_COUNT + 1;

/**
 * The `yaml` package reads about 0.7 MB a second: a longer front matter would hold up every
 * analysis of the document for seconds. Real ones are a few kilobytes; this is 50 times that.
 */
export const MAX_FRONT_MATTER_LENGTH = 256 * 1024;

export interface FrontMatterParse {
  readonly frontMatter?: FrontMatter;
  /** Where the article body starts. */
  readonly bodyStart: number;
  readonly problems: readonly Problem[];
}

const MERGE_KEY = '<<';

const FENCE_OPEN = /^---[ \t]*$/;
const FENCE_CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/** Reads the front matter that starts at `start` (after any byte-order mark), if there is one. */
export function parseFrontMatter(text: string, start: number): FrontMatterParse {
  const firstLine = readLine(text, start);
  if (!FENCE_OPEN.test(text.slice(start, firstLine.contentEnd))) return { bodyStart: start, problems: [] };

  let line = readLine(text, firstLine.next);
  while (line.start < text.length) {
    if (FENCE_CLOSE.test(text.slice(line.start, line.contentEnd))) {
      const contentRange = { start: firstLine.next, end: line.start };
      const range = { start, end: line.contentEnd };
      return { ...readYaml(text, range, contentRange), bodyStart: line.next };
    }
    line = readLine(text, line.next);
  }
  return {
    bodyStart: firstLine.next,
    problems: [problem('front-matter', { start, end: firstLine.contentEnd }, 'unclosedFrontMatter')],
  };
}

function readLine(text: string, start: number): { start: number; contentEnd: number; next: number } {
  let end = start;
  while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  let next = end;
  if (text.charCodeAt(next) === 13) next++;
  if (text.charCodeAt(next) === 10) next++;
  return { start, contentEnd: end, next };
}

export type YamlDocument = Document.Parsed;

/** Walks the YAML syntax tree; ranges are shifted by `offset` into document offsets. */
export class FrontMatterReader {
  readonly problems: Problem[] = [];
  readonly sources = new Map<string, Source>();
  readonly entities = new Map<string, Entity>();
  /**
   * Keys written twice in one mapping, with their first pair: the one the model keeps. `path` is
   * where the mapping is in the data (`[]` for the top level, `['sources', 'm']` for a source's fields).
   */
  readonly repeatedKeys: { readonly path: readonly string[]; readonly key: string; readonly first: Pair<Node, Node | null> }[] = [];

  constructor(
    private readonly doc: YamlDocument,
    /** The YAML text `doc` was read from, which starts at `offset` in the file. */
    private readonly yamlText: string,
    private readonly offset: number,
    private readonly fallbackRange: TextRange,
    /** The registry file being read; undefined for a document's front matter. */
    private readonly uri?: string,
  ) {}

  /** What every definition read here carries besides its own fields. */
  private get definedIn(): { uri?: string } {
    return this.uri === undefined ? {} : { uri: this.uri };
  }

  rangeOf(node: Node | null | undefined): TextRange {
    const range = node?.range;
    if (!range) return this.fallbackRange;
    return { start: this.offset + range[0], end: this.offset + range[1] };
  }

  report(node: Node | null | undefined, message: MessageKey, args: readonly string[] = []): void {
    // An alias to no anchor is reported once, as such (reportUnresolvedAliases), not as a wrong value.
    if (isAlias(node) && this.unresolvedAliases.has(node)) return;
    this.problems.push(problem('front-matter', this.rangeOf(node), message, args));
  }

  private readonly unresolvedAliases = new Set<Alias>();

  /**
   * Each alias whose anchor is not set before it (`*x` alone): YAML itself raises no error for it
   * until the data is converted. One walk in document order, keeping the anchors met so far, which
   * is YAML's own rule (`Alias.resolve` walks the whole document for each alias, quadratic in their
   * number). The text is searched first: no alias, no walk. Returns how many were reported.
   */
  reportUnresolvedAliases(): number {
    if (!this.yamlText.includes('*')) return 0;
    const anchors = new Set<string>();
    try {
      visit(this.doc, {
        Node: (_, node) => {
          if (!isAlias(node)) {
            if (node.anchor) anchors.add(node.anchor);
          } else if (!anchors.has(node.source)) {
            this.unresolvedAliases.add(node);
            this.problems.push(problem('front-matter', this.rangeOf(node), 'unresolvedAlias', [node.source]));
          }
        },
      });
    } catch (error) {
      // A nesting deeper than the stack is already reported as a YAML error.
      if (!(error instanceof RangeError)) throw error;
    }
    return this.unresolvedAliases.size;
  }

  /** Follows aliases a bounded number of times, so a chain of them cannot loop. */
  resolve(node: unknown): Node | null {
    let current = node;
    for (let hops = 0; isAlias(current) && hops < MAX_ALIAS_COUNT; hops++) {
      current = current.resolve(this.doc) ?? null;
    }
    return isAlias(current) ? null : ((current as Node | null) ?? null);
  }

  string(node: Node | null, label: string): string | undefined {
    const value = this.resolve(node);
    if (isScalar(value) && typeof value.value === 'string') return this.wellFormedString(node, value.value, label);
    if (isScalar(value) && value.value === null) return undefined;
    this.report(node, 'expectedString', [label]);
    return undefined;
  }

  /**
   * A YAML escape can write what the file itself cannot hold (`"\uD800"`), or a bidi control
   * (`"\u202E"`) that the scan of the file's characters does not see.
   */
  wellFormedString(node: Node | null, value: string, label: string): string {
    if (SURROGATE.test(value) && wellFormed(value) !== value) this.problems.push(problem('invalid-character', this.rangeOf(node), 'loneSurrogateEscaped', [label]));
    const controls = bidiControlCount(value);
    if (controls > 0 && node?.range && controls > bidiControlCount(this.yamlText.slice(node.range[0], node.range[1]))) {
      this.problems.push(problem('bidi-control', this.rangeOf(node), 'bidiControlEscaped', [label]));
    }
    return value;
  }

  matching(node: Node | null, label: string, pattern: (value: string) => boolean, message: MessageKey): string | undefined {
    const value = this.string(node, label);
    if (value === undefined) return undefined;
    if (pattern(value)) return value;
    this.report(node, message, [label]);
    return undefined;
  }

  url(node: Node | null, label: string): string | undefined {
    return this.matching(node, label, isHttpUrl, 'invalidUrl');
  }

  date(node: Node | null, label: string): string | undefined {
    return this.matching(node, label, isIsoDate, 'invalidDate');
  }

  oneOf<T extends string>(node: Node | null, label: string, values: readonly T[]): T | undefined {
    const value = this.string(node, label);
    if (value === undefined) return undefined;
    if ((values as readonly string[]).includes(value)) return value as T;
    this.report(node, 'invalidEnum', [label, values.join(', ')]);
    return undefined;
  }

  stringList(node: Node | null, label: string): string[] {
    const value = this.resolve(node);
    if (isScalar(value) && value.value === null) return [];
    if (!isSeq(value)) {
      this.report(node, 'expectedStringList', [label]);
      return [];
    }
    const strings: string[] = [];
    for (const item of value.items) {
      const text = this.string(item as Node, label);
      if (text !== undefined) strings.push(text);
    }
    return strings;
  }

  idReference(node: Node | null, label: string): IdReference | undefined {
    const value = this.string(node, label);
    return value === undefined ? undefined : { id: normalizeId(value), range: this.rangeOf(this.resolve(node)) };
  }

  /**
   * Whether `key` comes first in its mapping (`seen`, at `path` in the data); a repeat is reported
   * on its key as `label` and ignored: YAML wants a mapping's keys unique, and the first counts.
   */
  isFirstKey(seen: Map<string, Pair<Node, Node | null>>, path: readonly string[], key: string, pair: Pair<Node, Node | null>, label: string): boolean {
    const first = seen.get(key);
    if (!first) {
      seen.set(key, pair);
      return true;
    }
    this.report(pair.key, 'repeatedKey', [label]);
    this.repeatedKeys.push({ path, key, first });
    return false;
  }

  /** The entries of `sources:` or `entities:`, each read by `readEntry` (`path`: where it is in the data); repeats are `duplicate-id`. */
  definitions<T>(node: Node | null, label: string, into: Map<string, T>, readEntry: (id: string, pair: Pair<Node, Node | null>, path: readonly string[]) => T): void {
    const value = this.resolve(node);
    if (isScalar(value) && value.value === null) return;
    if (!isMap(value)) {
      this.report(node, 'expectedMapping', [label]);
      return;
    }
    const firstPairs = new Map<string, Pair<Node, Node | null>>();
    for (const pair of value.items as Pair<Node, Node | null>[]) {
      const key = this.resolve(pair.key);
      const rawId = isScalar(key) ? String(key.value ?? '') : '';
      const id = normalizeId(rawId);
      const first = firstPairs.get(rawId);
      if (first) this.repeatedKeys.push({ path: [label], key: rawId, first });
      else firstPairs.set(rawId, pair);
      if (into.has(id)) {
        const message = label === 'sources' ? 'duplicateSource' : 'duplicateEntity';
        this.problems.push(problem('duplicate-id', this.rangeOf(pair.key), message, [id]));
        continue;
      }
      if (!isValidId(id)) this.report(pair.key, 'invalidId', [rawId]);
      into.set(id, readEntry(id, pair, [label, rawId]));
    }
  }

  entryRange(pair: Pair<Node, Node | null>): TextRange {
    const key = this.rangeOf(pair.key);
    const value = pair.value ? this.rangeOf(pair.value) : key;
    return { start: key.start, end: Math.max(key.end, value.end) };
  }

  /**
   * A source or entity written as a name alone, or as a mapping (at `path` in the data); calls
   * `field` for each key of a mapping.
   */
  entry(id: string, pair: Pair<Node, Node | null>, path: readonly string[], field: (key: string, value: Node | null) => void): string {
    const value = this.resolve(pair.value);
    if (isScalar(value) && typeof value.value === 'string') return this.named(id, pair, this.wellFormedString(pair.value, value.value, id));
    if (!isMap(value)) {
      // `id:` with nothing after it is an empty value with an empty range: the key shows where.
      this.report(isEmptyRange(pair.value) ? pair.key : pair.value, 'expectedEntry', [id]);
      return '';
    }
    let name = '';
    const seen = new Map<string, Pair<Node, Node | null>>();
    for (const item of value.items as Pair<Node, Node | null>[]) {
      const key = this.resolve(item.key);
      const keyText = isScalar(key) ? String(key.value) : '';
      if (!this.isFirstKey(seen, path, keyText, item, `${id}.${keyText}`)) continue;
      // YAML 1.1's merge key is no key of YAML 1.2: said, as "has no name" alone would puzzle.
      if (keyText === MERGE_KEY) this.report(item.key, 'mergeKey', [id]);
      if (keyText === 'name') name = this.string(item.value, `${id}.name`) ?? '';
      else field(keyText, item.value);
    }
    return this.named(id, pair, name);
  }

  /** `name`, reported on the entry's key when it is empty or only white space: it would show nothing. */
  private named(id: string, pair: Pair<Node, Node | null>, name: string): string {
    if (!name.trim()) this.report(pair.key, 'missingName', [id]);
    return name;
  }

  source(id: string, pair: Pair<Node, Node | null>, path: readonly string[]): Source {
    let kind: SourceKind = 'person';
    const optional: { -readonly [K in keyof Source]?: Source[K] } = {};
    const name = this.entry(id, pair, path, (key, value) => {
      const label = `${id}.${key}`;
      switch (key) {
        case 'kind':
          kind = this.oneOf(value, label, SOURCE_KINDS) ?? kind;
          break;
        case 'role':
        case 'affiliation':
        case 'via':
          optional[key] = this.string(value, label);
          break;
        case 'url':
          optional.url = this.url(value, label);
          break;
        case 'date':
          optional.date = this.date(value, label);
          break;
        case 'entity':
          optional.entity = this.idReference(value, label);
          break;
      }
    });
    return { ...optional, id, ...this.definedIn, keyRange: this.rangeOf(pair.key), range: this.entryRange(pair), name, kind };
  }

  entity(id: string, pair: Pair<Node, Node | null>, path: readonly string[]): Entity {
    let type: EntityType = 'other';
    let aliases: string[] = [];
    const optional: { description?: string; wikidata?: string; url?: string } = {};
    const name = this.entry(id, pair, path, (key, value) => {
      const label = `${id}.${key}`;
      switch (key) {
        case 'type':
          type = this.oneOf(value, label, ENTITY_TYPES) ?? type;
          break;
        case 'aliases':
          aliases = this.stringList(value, label);
          break;
        case 'description':
          optional.description = this.string(value, label);
          break;
        case 'wikidata':
          optional.wikidata = this.matching(value, label, (text) => /^Q[1-9][0-9]*$/.test(text), 'invalidWikidata');
          break;
        case 'url':
          optional.url = this.url(value, label);
          break;
      }
    });
    return { ...optional, id, ...this.definedIn, keyRange: this.rangeOf(pair.key), range: this.entryRange(pair), name, type, aliases };
  }
}

export function parseYaml(source: string): YamlDocument {
  // A key is text: a mapping, list or alias as a key is an error (NON_STRING_KEY), and such keys
  // are left out of the data (see `withTextKeysOnly`).
  // The yaml package breaks lines at LF only: a lone CR (FORMAT.md §1 allows it; YAML 1.2 does too)
  // becomes LF, one character for one, so every range still points into `source`.
  return parseDocument(source.replace(/\r(?!\n)/g, '\n'), { uniqueKeys: false, prettyErrors: false, logLevel: 'error', stringKeys: true });
}

/** What YAML's own message for a key that is not text would say in terms of an option the user never set. */
const NON_STRING_KEY_MESSAGE = 'a key must be plain text, not a mapping, a list or an alias';

/**
 * Removes the pairs whose key is not text. Converting one to JSON writes the key out as a string
 * at every level of its nesting, a time that grows with the cube of the depth: a few kilobytes of
 * `{{` pasted into the front matter took minutes (found by the fuzzer).
 */
function withTextKeysOnly(doc: YamlDocument): void {
  if (!doc.errors.some((error) => error.code === 'NON_STRING_KEY')) return;
  visit(doc, { Pair: (_, pair) => (isScalar(pair.key) ? undefined : visit.REMOVE) });
}

/** The YAML syntax errors of `source` (which starts at `offset` in the file) as `front-matter` problems. */
export function yamlErrors(doc: YamlDocument, source: string, offset: number, message: MessageKey): Problem[] {
  // `yaml` places an error found at the end of the input just past it: keep such an error on the
  // last character written, not on the closing fence.
  const written = source.trimEnd().length;
  // Running out of stack in a deep nesting is caught at several of its levels, collections' and
  // scalars' alike (how many depends on the machine and on what ran before), each reporting it:
  // once is enough.
  const firstExhaustion = doc.errors.find(isStackExhaustion);
  return doc.errors.filter((error) => error === firstExhaustion || !isStackExhaustion(error)).map((error) => {
    const start = offset + Math.min(error.pos[0], Math.max(0, written - 1));
    const end = offset + Math.min(Math.max(error.pos[1], error.pos[0] + 1), written);
    const detail = error.code === 'NON_STRING_KEY' ? NON_STRING_KEY_MESSAGE : error.message.split('\n')[0];
    return problem('front-matter', { start, end: Math.max(end, start) }, message, [detail]);
  });
}

function isStackExhaustion(error: YAMLError): boolean {
  return error.code === 'RESOURCE_EXHAUSTION' || error.message.startsWith('Maximum call stack size exceeded');
}

function readYaml(text: string, range: TextRange, contentRange: TextRange): { frontMatter: FrontMatter; problems: Problem[] } {
  if (contentRange.end - contentRange.start > MAX_FRONT_MATTER_LENGTH) {
    const frontMatter: FrontMatter = { range, contentRange, direction: 'auto', authors: [], sources: new Map(), entities: new Map(), data: {}, meta: {} };
    return { frontMatter, problems: [problem('front-matter', { start: range.start, end: range.start + 3 }, 'frontMatterTooLong', [String(MAX_FRONT_MATTER_LENGTH)])] };
  }
  const source = text.slice(contentRange.start, contentRange.end);
  const doc = parseYaml(source);
  const reader = new FrontMatterReader(doc, source, contentRange.start, { start: range.start, end: range.start + 3 });
  pushAll(reader.problems, yamlErrors(doc, source, contentRange.start, 'yamlError'));
  const unresolvedAliases = reader.reportUnresolvedAliases();

  let data: Record<string, unknown> = {};
  withTextKeysOnly(doc);
  try {
    const json = doc.toJS({ maxAliasCount: YAML_MAX_ALIAS_COUNT });
    // An alias inside the node it names (`&a {x: *a}`) reads as an object that contains itself:
    // no export could write it.
    if (containsItself(json)) reader.problems.push(problem('front-matter', { start: range.start, end: range.start + 3 }, 'aliasCycle'));
    else if (json && typeof json === 'object' && !Array.isArray(json)) data = json as Record<string, unknown>;
  } catch {
    // An unresolved alias throws here too; it is already reported where it is written.
    if (unresolvedAliases === 0) reader.problems.push(problem('front-matter', { start: range.start, end: range.start + 3 }, 'aliasLimit', [String(MAX_ALIAS_COUNT)]));
  }

  const fields: { -readonly [K in keyof FrontMatter]?: FrontMatter[K] } = {};
  let direction: Direction = 'auto';
  let authors: string[] = [];
  const meta: Record<string, unknown> = {};
  const contents = doc.contents;
  if (contents && !(isScalar(contents) && contents.value === null) && !isMap(contents)) {
    reader.report(contents, 'frontMatterNotMapping');
  }
  const seen = new Map<string, Pair<Node, Node | null>>();
  for (const pair of isMap(contents) ? (contents.items as Pair<Node, Node | null>[]) : []) {
    const keyNode = reader.resolve(pair.key);
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    if (!reader.isFirstKey(seen, [], key, pair, key)) continue;
    const value = pair.value;
    switch (key) {
      case 'title':
      case 'outlet':
        fields[key] = reader.string(value, key);
        break;
      case 'url':
        fields.url = reader.url(value, key);
        break;
      case 'published':
        fields.published = reader.date(value, key);
        break;
      case 'language':
        fields.language = reader.matching(value, key, (tag) => /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(tag), 'invalidLanguage');
        break;
      case 'direction':
        direction = reader.oneOf(value, key, DIRECTIONS) ?? direction;
        break;
      case 'authors':
        authors = reader.stringList(value, key);
        break;
      case 'sources':
        reader.definitions(value, key, reader.sources, (id, entry, path) => reader.source(id, entry, path));
        break;
      case 'entities':
        reader.definitions(value, key, reader.entities, (id, entry, path) => reader.entity(id, entry, path));
        break;
      default:
        if (Object.hasOwn(data, key)) meta[key] = data[key];
    }
  }

  keepFirstValues(data, reader, doc);

  const frontMatter: FrontMatter = {
    ...fields,
    range,
    contentRange,
    direction,
    authors,
    sources: reader.sources,
    entities: reader.entities,
    data,
    meta,
  };
  return { frontMatter, problems: reader.problems };
}

/** Whether a value read from YAML reaches itself; iterative, as deeply nested YAML would overflow a recursive walk. */
function containsItself(root: unknown): boolean {
  const onPath = new Set<object>();
  const stack: { value: object; children: Iterator<unknown> }[] = [];
  const enter = (value: unknown): boolean => {
    if (typeof value !== 'object' || value === null) return false;
    if (onPath.has(value)) return true;
    onPath.add(value);
    const children = value instanceof Map ? [...value.keys(), ...value.values()] : value instanceof Set ? [...value] : Object.values(value);
    stack.push({ value, children: children[Symbol.iterator]() });
    return false;
  };
  if (enter(root)) return true;
  while (stack.length) {
    const top = stack[stack.length - 1];
    const next = top.children.next();
    if (next.done) {
      onPath.delete(top.value);
      stack.pop();
    } else if (enter(next.value)) {
      return true;
    }
  }
  return false;
}

/**
 * YAML's conversion to JSON keeps the last of a repeated key, but the first one counts (the repeat
 * is the error): the data the exports carry says what the model says. Outer mappings first, as
 * putting back an outer value replaces what was put back inside it.
 */
function keepFirstValues(data: Record<string, unknown>, reader: FrontMatterReader, doc: YamlDocument): void {
  const outerFirst = [...reader.repeatedKeys].sort((a, b) => a.path.length - b.path.length);
  for (const { path, key, first } of outerFirst) {
    let container: unknown = data;
    for (const step of path) container = typeof container === 'object' && container !== null ? (container as Record<string, unknown>)[step] : undefined;
    if (typeof container !== 'object' || container === null) continue;
    try {
      const value: unknown = first.value ? first.value.toJS(doc, { maxAliasCount: YAML_MAX_ALIAS_COUNT }) : null;
      // Defined, not assigned: an id such as `__proto__` must become a key, not a prototype.
      Object.defineProperty(container, key, { value, enumerable: true, writable: true, configurable: true });
    } catch {
      // An alias bomb was reported when the whole front matter was converted.
    }
  }
}

function isEmptyRange(node: Node | null): boolean {
  return !node?.range || node.range[0] === node.range[1];
}

export function isHttpUrl(value: string): boolean {
  // `new URL` reads `http:example.com` as `http://example.com/`: a URL typed without its `//` is not what was meant.
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
