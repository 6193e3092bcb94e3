// The document model every feature reads. Offsets are UTF-16 code-unit indices into the
// document text, half-open, which is how the editor counts columns (LSP positions).
import type { Position, Range } from 'vscode-languageserver-types';
import type { LineIndex } from './lineIndex';
import type { Problem } from './problems';

export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** A value read from the document together with where it was written. */
export interface Located<T> {
  readonly value: T;
  readonly range: TextRange;
}

/** A reference to a source or entity id (`@ID`, `by=ID`, `about=ID`, `entity: ID`). */
export interface IdReference {
  /** NFC-normalised id. */
  readonly id: string;
  readonly range: TextRange;
}

export const SOURCE_KINDS = ['person', 'organization', 'government', 'media', 'document', 'anonymous'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const ENTITY_TYPES = ['person', 'organization', 'country', 'place', 'event', 'other'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const STATUSES = ['unverified', 'supported', 'disputed', 'false', 'misleading', 'opinion'] as const;
export type Status = (typeof STATUSES)[number];

export const DIRECTIONS = ['rtl', 'ltr', 'auto'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/**
 * Where a source or entity is defined. The maps of `FrontMatter` hold only what the document
 * itself defines (`uri` undefined); `IsnadDocument.registry` holds what the shared registries
 * (`isnad.yaml` files) define, each definition with the `uri` of its file. `findSource` and
 * `findEntity` (resolve.ts) look in both, the document first: that is how every feature
 * resolves an id. Ranges are offsets into the text of the file that defines it.
 */
interface Definition {
  readonly id: string;
  /** The registry file (`isnad.yaml`) that defines it; undefined when it is the document's own front matter. */
  readonly uri?: string;
}

/** Whoever a statement is attributed to. */
export interface Source extends Definition {
  /** The key under `sources:`. */
  readonly keyRange: TextRange;
  /** The whole entry (key and value). */
  readonly range: TextRange;
  /** Empty when the entry is missing its name (reported once; the id still counts as defined). */
  readonly name: string;
  readonly kind: SourceKind;
  readonly role?: string;
  readonly affiliation?: string;
  readonly via?: string;
  readonly url?: string;
  readonly date?: string;
  readonly entity?: IdReference;
}

/** A person, organization, country, place or event the article is about. */
export interface Entity extends Definition {
  readonly keyRange: TextRange;
  readonly range: TextRange;
  readonly name: string;
  readonly type: EntityType;
  readonly aliases: readonly string[];
  readonly description?: string;
  readonly wikidata?: string;
  readonly url?: string;
}

export interface FrontMatter {
  /** From the opening `---` through the closing `---` or `...`. */
  readonly range: TextRange;
  /** The YAML text between the fences. */
  readonly contentRange: TextRange;
  readonly title?: string;
  readonly outlet?: string;
  readonly url?: string;
  readonly published?: string;
  readonly language?: string;
  readonly direction: Direction;
  readonly authors: readonly string[];
  readonly sources: ReadonlyMap<string, Source>;
  readonly entities: ReadonlyMap<string, Entity>;
  /** Every top-level key as plain JSON, in document order: the export keeps all of it. */
  readonly data: Readonly<Record<string, unknown>>;
  /** Top-level keys the format does not define; kept and exported under `meta`. */
  readonly meta: Readonly<Record<string, unknown>>;
}

export type SpanKind = 'claim' | 'quote' | 'mention' | 'note' | 'invalid';

export interface Span {
  /** Position in `IsnadDocument.spans` (document order of the opening `[`). */
  readonly index: number;
  /** From `[` through the closing `}` (or as far as the attribute block was read). */
  readonly range: TextRange;
  /** Between `[` and `]`. */
  readonly contentRange: TextRange;
  /** Between `{` and `}`. */
  readonly attributesRange: TextRange;
  readonly kind: SpanKind;
  readonly entity?: IdReference;
  readonly by?: IdReference;
  readonly about: readonly IdReference[];
  readonly status?: Located<string>;
  readonly note?: Located<string>;
  readonly name?: Located<string>;
  /** Index of the innermost enclosing span. */
  readonly parent?: number;
  /** Index of the span whose `by=` attributes this one: itself, else the nearest enclosing span with one. */
  readonly attributedBy?: number;
  readonly children: readonly number[];
  /** The section (index into `IsnadDocument.sections`) the span is in; undefined before the first heading. */
  readonly section?: number;
}

export interface Section {
  readonly index: number;
  /** 1–6. */
  readonly level: number;
  /** The heading text, trimmed, without the closing `#` run, markup included. */
  readonly title: string;
  /** The heading line. */
  readonly headingRange: TextRange;
  /** From the heading through the last line before the next heading of the same or a higher level. */
  readonly range: TextRange;
  readonly parent?: number;
}

/** A maximal run of non-blank, non-heading lines, or a heading's text. */
export interface Block {
  readonly range: TextRange;
  readonly isHeading: boolean;
}

/**
 * Stretches of the document that the clean text leaves out or rewrites, in document order,
 * non-overlapping: markup characters, comments, escape backslashes, heading prefixes and the
 * `\r` of line ends. `replacement` is what stands in the clean text instead (usually nothing).
 */
export interface Elision {
  readonly start: number;
  readonly end: number;
  readonly replacement: string;
}

/** One parsed shared registry: an `isnad.yaml` holding `sources:` and `entities:` as front matter does. */
export interface Registry {
  readonly uri: string;
  readonly lines: LineIndex;
  /** Every definition carries `uri`: this registry's. */
  readonly sources: ReadonlyMap<string, Source>;
  readonly entities: ReadonlyMap<string, Entity>;
  /** Ranges are offsets into the registry's text. */
  readonly problems: readonly Problem[];
}

/**
 * The registries an article sees: the `isnad.yaml` of its folder, then of each parent folder up
 * to its workspace folder's root. A nearer registry overrides a farther one id by id, and the
 * article's own front matter overrides them all.
 */
export interface RegistryScope {
  /** Nearest folder first. */
  readonly layers: readonly Registry[];
}

export interface IsnadDocument {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly lines: LineIndex;
  /** Where the body starts: after the byte-order mark and the front matter. */
  readonly bodyStart: number;
  /** What the document defines itself. */
  readonly frontMatter?: FrontMatter;
  /** The shared definitions the document sees besides its own; undefined when it sees none. */
  readonly registry?: RegistryScope;
  readonly sections: readonly Section[];
  readonly blocks: readonly Block[];
  readonly spans: readonly Span[];
  readonly comments: readonly TextRange[];
  readonly elisions: readonly Elision[];
  /** Problems found while parsing; features add the semantic ones. */
  readonly problems: readonly Problem[];
}

export type { Position, Range };
