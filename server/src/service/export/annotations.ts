// One flat record per span: what every export format says about an annotation (FORMAT.md §7).
import { createHash } from 'node:crypto';
import type { EntityType, IsnadDocument, SourceKind, Span } from '../model';
import { findEntity, isAnnotation, isStatement, speakerName, speakerOf, type AnnotationKind } from '../resolve';
import { cleanTextOf, sectionTitle, type CleanText } from './cleanText';
import { wellFormed } from '../wellFormed';
import { oncePer } from '../memo';


/** What the W3C model asks of a TextQuoteSelector: enough context to find the quote again. */
const CONTEXT_CODE_POINTS = 32;

/**
 * Every field is always there, `null` where the markup says nothing: corpus tools like a fixed
 * schema. The fields are built in the order of `RECORD_FIELDS`, which the flat formats follow.
 */
export interface AnnotationRecord {
  /** The span's `id=`, or `span-<n>` (n counts every span from 1 in document order); unique in the document. */
  readonly id: string;
  readonly kind: AnnotationKind;
  /** Exactly `cleanText[start:end]` by code points. */
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
  /** Clean-text code points, zero-based, half-open. */
  readonly start: number;
  readonly end: number;
  readonly entityId: string | null;
  readonly entityName: string | null;
  readonly entityType: EntityType | null;
  readonly speakerId: string | null;
  readonly speakerName: string | null;
  readonly speakerKind: SourceKind | null;
  readonly speakerRole: string | null;
  readonly speakerAffiliation: string | null;
  readonly speakerVia: string | null;
  readonly speakerUrl: string | null;
  readonly speakerDate: string | null;
  /** The id of the enclosing annotation the speaker was inherited from. */
  readonly inheritedFrom: string | null;
  readonly status: string | null;
  readonly note: string | null;
  readonly aboutIds: readonly string[];
  /** Parallel to `aboutIds`; empty where the id names no entity. */
  readonly aboutNames: readonly string[];
  /** The clean title of the innermost section the span is in. */
  readonly section: string | null;
  /** Where the span's `[` is in the document, as the editor counts (zero-based, UTF-16). */
  readonly line: number;
  readonly character: number;
}

export interface AnnotationHeader {
  readonly offsetUnit: 'codepoint';
  /** Hex SHA-256 of the clean text's UTF-8. */
  readonly sha256: string;
  /** What the annotations target: the article's `url`, else the document's URI, as a valid URI. */
  readonly target: string;
  /** The annotated file's URI. */
  readonly document: string;
}

export interface Annotations {
  readonly header: AnnotationHeader;
  readonly records: readonly AnnotationRecord[];
}

export const RECORD_FIELDS = [
  'id',
  'kind',
  'exact',
  'prefix',
  'suffix',
  'start',
  'end',
  'entityId',
  'entityName',
  'entityType',
  'speakerId',
  'speakerName',
  'speakerKind',
  'speakerRole',
  'speakerAffiliation',
  'speakerVia',
  'speakerUrl',
  'speakerDate',
  'inheritedFrom',
  'status',
  'note',
  'aboutIds',
  'aboutNames',
  'section',
  'line',
  'character',
] as const satisfies readonly (keyof AnnotationRecord)[];

export const HEADER_FIELDS = ['offsetUnit', 'sha256', 'target', 'document'] as const satisfies readonly (keyof AnnotationHeader)[];

/** The columns of the flat formats: each record's fields, then the document-wide ones repeated on every row. */
export const FLAT_FIELDS = [...RECORD_FIELDS, ...HEADER_FIELDS] as const;

// Each export format, and the server's count of them, reads the same annotations.
export const annotationsOf: (doc: IsnadDocument) => Annotations = oncePer(buildAnnotations);

/** What every record of a document is built from. */
interface Context {
  readonly doc: IsnadDocument;
  readonly clean: CleanText;
  /** Each span's annotation id, by span index. */
  readonly ids: readonly string[];
  readonly sectionTitles: readonly string[];
}

function buildAnnotations(doc: IsnadDocument): Annotations {
  const clean = cleanTextOf(doc);
  const context: Context = {
    doc,
    clean,
    ids: annotationIds(doc.spans),
    sectionTitles: doc.sections.map((section) => sectionTitle(doc, section)),
  };
  const records = doc.spans.filter(isAnnotation).map((span) => record(context, span));
  const header: AnnotationHeader = {
    offsetUnit: 'codepoint',
    sha256: createHash('sha256').update(clean.text, 'utf8').digest('hex'),
    target: asUri(doc.frontMatter?.url ?? doc.uri),
    document: doc.uri,
  };
  return { header, records };
}

function record({ doc, clean, ids, sectionTitles }: Context, span: Span & { kind: AnnotationKind }): AnnotationRecord {
  const start = clean.offsetAt(span.contentRange.start);
  const end = clean.offsetAt(span.contentRange.end);
  const entity = span.entity && findEntity(doc, span.entity.id);
  // Attribution flows down to nested statements only; a mention or note has a speaker only if it names one.
  const attribution = isStatement(span) || span.by ? span.attributedBy : undefined;
  const speaker = attribution === undefined ? undefined : speakerOf(doc, span);
  const source = speaker?.source;
  const position = doc.lines.positionAt(span.range.start);
  return {
    id: ids[span.index],
    kind: span.kind,
    exact: clean.text.slice(start, end),
    prefix: clean.codePointsBefore(start, CONTEXT_CODE_POINTS),
    suffix: clean.codePointsAfter(end, CONTEXT_CODE_POINTS),
    start: clean.codePointOffset(start),
    end: clean.codePointOffset(end),
    entityId: span.entity?.id ?? null,
    entityName: entity?.name ?? null,
    entityType: entity?.type ?? null,
    speakerId: speaker?.id ?? null,
    speakerName: speaker ? speakerName(speaker) : null,
    speakerKind: source?.kind ?? null,
    speakerRole: source?.role ?? null,
    speakerAffiliation: source?.affiliation ?? null,
    speakerVia: source?.via ?? null,
    speakerUrl: source?.url ?? null,
    speakerDate: source?.date ?? null,
    inheritedFrom: attribution === undefined || attribution === span.index ? null : ids[attribution],
    status: span.status?.value ?? null,
    note: span.note?.value ?? null,
    aboutIds: span.about.map((about) => about.id),
    aboutNames: span.about.map((about) => findEntity(doc, about.id)?.name ?? ''),
    section: span.section === undefined ? null : sectionTitles[span.section],
    line: position.line,
    character: position.character,
  };
}

/**
 * Each span's annotation id. Written `id=` names are kept (the first use of a name wins);
 * the rest are `span-<n>`, with `-2`, `-3`… added when that is taken, so ids stay unique.
 */
function annotationIds(spans: readonly Span[]): string[] {
  return uniqueAnnotationIds(spans.map((span) => span.name?.value));
}

/** The annotation ids of spans with these written names (undefined where none is written), in document order. */
export function uniqueAnnotationIds(names: readonly (string | undefined)[]): string[] {
  const taken = new Set<string>();
  const kept = names.map((name) => {
    if (!name || taken.has(name)) return undefined;
    taken.add(name);
    return name;
  });
  return names.map((name, index) => {
    const given = kept[index];
    if (given !== undefined) return given;
    const base = name || `span-${index + 1}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  });
}

/** Characters RFC 3986 does not allow as they are, and a `%` that starts no escape. */
const NOT_URI = /%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$&'()*+,;=:@/?#%[\]]/gu;
/** A scheme and an authority: the only place `[` and `]` may stand (around an IP literal). */
const SCHEME_AND_AUTHORITY = /^(?:[A-Za-z][A-Za-z0-9+.-]*:(?:\/\/[^/?#]*)?)?/;
/** What RFC 3986 allows in an authority but not after it; `#` is allowed once, to start the fragment. */
const NOT_AFTER_AUTHORITY = /[[\]#]/g;

/**
 * An http(s) URL or a document URI as a valid URI, which the W3C model requires of a target:
 * an Arabic path or a space in an untitled document's name is percent-encoded, and so are a
 * second `#` and brackets outside the host, which the WHATWG parser leaves as they are.
 */
function asUri(text: string): string {
  let canonical = text;
  try {
    canonical = new URL(text).href;
  } catch {
    // Not a URL the WHATWG parser knows: escape it as written.
  }
  const uri = wellFormed(canonical).replace(NOT_URI, encodeURIComponent);
  const head = SCHEME_AND_AUTHORITY.exec(uri)![0];
  const [beforeFragment, ...fragment] = uri.slice(head.length).split('#');
  const escaped = (part: string) => part.replace(NOT_AFTER_AUTHORITY, encodeURIComponent);
  return head + escaped(beforeFragment) + (fragment.length > 0 ? `#${escaped(fragment.join('#'))}` : '');
}

/** How JSON.stringify writes an unpaired surrogate (in lower case); also matches an escaped backslash followed by such text. */
const SURROGATE_ESCAPE = /\\ud[89a-f][0-9a-f]{2}/g;

/**
 * JSON whose strings are all well-formed: unpaired surrogates become U+FFFD, as in the clean
 * text and its SHA-256, so a consumer never meets a string UTF-8 cannot hold. Mending the
 * serialised text, rather than each value on the way in, keeps large exports fast.
 */
export function wellFormedJson(value: unknown, indent?: number): string {
  const json = JSON.stringify(value, null, indent);
  if (!json.includes('\\ud')) return json;
  return json.replace(SURROGATE_ESCAPE, (escape: string, offset: number) => (startsEscape(json, offset) ? '\uFFFD' : escape));
}

/** Whether the backslash at `offset` starts an escape, rather than being the second of a `\\` (one literal backslash). */
function startsEscape(json: string, offset: number): boolean {
  let backslashes = 0;
  while (json.charCodeAt(offset - 1 - backslashes) === 0x5c) backslashes++;
  return backslashes % 2 === 0;
}
