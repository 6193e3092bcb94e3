// One flat record per span: what every export format says about an annotation (FORMAT.md §7).
import { createHash } from 'node:crypto';
import type { IsnadDocument, SourceKind, EntityType, Span } from '../model';
import { findEntity, isStatement, speakerName, speakerOf } from '../resolve';
import { cleanTextOf, sectionTitle, wellFormed, type CleanText } from './cleanText';

export type AnnotationKind = 'claim' | 'quote' | 'mention' | 'note';

/** What the W3C model asks of a TextQuoteSelector: enough context to find the quote again. */
const CONTEXT_CODE_POINTS = 32;

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
  readonly entityId?: string;
  readonly entityName?: string;
  readonly entityType?: EntityType;
  readonly speakerId?: string;
  readonly speakerName?: string;
  readonly speakerKind?: SourceKind;
  readonly speakerRole?: string;
  readonly speakerAffiliation?: string;
  readonly speakerVia?: string;
  readonly speakerUrl?: string;
  readonly speakerDate?: string;
  /** The id of the enclosing annotation the speaker was inherited from. */
  readonly inheritedFrom?: string;
  readonly status?: string;
  readonly note?: string;
  readonly aboutIds: readonly string[];
  /** Parallel to `aboutIds`; empty where the id names no entity. */
  readonly aboutNames: readonly string[];
  /** The clean title of the innermost section the span is in. */
  readonly section?: string;
  /** Where the span's `[` is in the document, as the editor counts (zero-based, UTF-16). */
  readonly line: number;
  readonly character: number;
}

export interface AnnotationHeader {
  readonly offsetUnit: 'codepoint';
  /** Hex SHA-256 of the clean text's UTF-8. */
  readonly sha256: string;
  /** What the annotations target: the article's `url`, else the document's URI. */
  readonly target: string;
  /** The annotated file's URI. */
  readonly document: string;
}

export interface Annotations {
  readonly header: AnnotationHeader;
  readonly records: readonly AnnotationRecord[];
}

// Each export format, and the server's count of them, reads the same annotations.
const cache = new WeakMap<IsnadDocument, Annotations>();

export function annotationsOf(doc: IsnadDocument): Annotations {
  let annotations = cache.get(doc);
  if (!annotations) {
    annotations = buildAnnotations(doc);
    cache.set(doc, annotations);
  }
  return annotations;
}

function buildAnnotations(doc: IsnadDocument): Annotations {
  const clean = cleanTextOf(doc);
  const ids = annotationIds(doc.spans);
  const records = doc.spans.filter(isAnnotation).map((span) => record(doc, clean, span, ids));
  const header: AnnotationHeader = {
    offsetUnit: 'codepoint',
    sha256: createHash('sha256').update(clean.text, 'utf8').digest('hex'),
    target: asUri(doc.frontMatter?.url ?? doc.uri),
    document: doc.uri,
  };
  return { header, records };
}

/** A span that annotates nothing is an error, not an annotation. */
function isAnnotation(span: Span): span is Span & { kind: AnnotationKind } {
  return span.kind !== 'invalid';
}

function record(doc: IsnadDocument, clean: CleanText, span: Span & { kind: AnnotationKind }, ids: readonly string[]): AnnotationRecord {
  const start = clean.offsetAt(span.contentRange.start);
  const end = clean.offsetAt(span.contentRange.end);
  const entity = span.entity && findEntity(doc, span.entity.id);
  // Attribution flows down to nested statements only; a mention or note has a speaker only if it names one.
  const speaker = isStatement(span) || span.by ? speakerOf(doc, span) : undefined;
  const source = speaker?.source;
  const section = span.section === undefined ? undefined : doc.sections[span.section];
  const position = doc.lines.positionAt(span.range.start);
  return {
    id: ids[span.index],
    kind: span.kind,
    exact: clean.text.slice(start, end),
    prefix: clean.codePointsBefore(start, CONTEXT_CODE_POINTS),
    suffix: clean.codePointsAfter(end, CONTEXT_CODE_POINTS),
    start: clean.codePointOffset(start),
    end: clean.codePointOffset(end),
    entityId: span.entity?.id,
    entityName: entity?.name,
    entityType: entity?.type,
    speakerId: speaker?.id,
    speakerName: speaker && speakerName(speaker),
    speakerKind: source?.kind,
    speakerRole: source?.role,
    speakerAffiliation: source?.affiliation,
    speakerVia: source?.via,
    speakerUrl: source?.url,
    speakerDate: source?.date,
    inheritedFrom: speaker?.inheritedFrom && ids[speaker.inheritedFrom.index],
    status: span.status?.value,
    note: span.note?.value,
    aboutIds: span.about.map((about) => about.id),
    aboutNames: span.about.map((about) => findEntity(doc, about.id)?.name ?? ''),
    section: section && sectionTitle(doc, section),
    line: position.line,
    character: position.character,
  };
}

/**
 * Each span's annotation id. Written `id=` names are kept (the first use of a name wins);
 * the rest are `span-<n>`, with `-2`, `-3`… added when that is taken, so ids stay unique.
 */
function annotationIds(spans: readonly Span[]): string[] {
  const taken = new Set<string>();
  const ids = spans.map((span) => {
    const name = span.name?.value;
    if (!name || taken.has(name)) return undefined;
    taken.add(name);
    return name;
  });
  return spans.map((span, index) => {
    const given = ids[index];
    if (given !== undefined) return given;
    const base = span.name?.value || `span-${index + 1}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  });
}

/** Characters RFC 3986 does not allow as they are, and a `%` that starts no escape. */
const NOT_URI = /%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$&'()*+,;=:@/?#%[\]]/gu;

/**
 * An http(s) URL or a document URI as a valid URI, which the W3C model requires of a target:
 * an Arabic path or a space in an untitled document's name is percent-encoded.
 */
function asUri(text: string): string {
  let canonical = text;
  try {
    canonical = new URL(text).href;
  } catch {
    // Not a URL the WHATWG parser knows: escape it as written.
  }
  return wellFormed(canonical).replace(NOT_URI, encodeURIComponent);
}

/** The columns of the flat formats, in order: the record's fields and then the header's. */
export const FLAT_FIELDS = [
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
  'offsetUnit',
  'sha256',
  'target',
  'document',
] as const satisfies readonly (keyof AnnotationRecord | keyof AnnotationHeader)[];

export type FlatField = (typeof FLAT_FIELDS)[number];
export type FlatValue = string | number | readonly string[] | null;
export type FlatRow = Readonly<Record<FlatField, FlatValue>>;

/** Every column present, `null` where the markup says nothing: corpus tools like a fixed schema. */
export function flatRows({ header, records }: Annotations): FlatRow[] {
  return records.map((record) => {
    const row = {} as Record<FlatField, FlatValue>;
    for (const field of FLAT_FIELDS) row[field] = (field in header ? header[field as keyof AnnotationHeader] : record[field as keyof AnnotationRecord]) ?? null;
    return row;
  });
}

/** A `\uD800`–`\uDFFF` escape: JSON.stringify writes an unpaired surrogate so, and nothing else. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F][0-9a-fA-F]{2}/;
/** The same escape where its backslash is not itself escaped (preceded by an even run of backslashes). */
const UNPAIRED_SURROGATE_ESCAPE = /(?<=(?:^|[^\\])(?:\\\\)*)\\u[dD][89a-fA-F][0-9a-fA-F]{2}/g;

/**
 * JSON whose strings are all well-formed: unpaired surrogates become U+FFFD, as in the clean
 * text and its SHA-256, so a consumer never meets a string UTF-8 cannot hold. Mending the
 * serialised text, rather than each value on the way in, keeps large exports fast.
 */
export function wellFormedJson(value: unknown, indent?: number): string {
  const json = JSON.stringify(value, null, indent);
  return SURROGATE_ESCAPE.test(json) ? json.replace(UNPAIRED_SURROGATE_ESCAPE, '\uFFFD') : json;
}
