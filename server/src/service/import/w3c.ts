// `isnad import`: a `w3c` export (FORMAT.md §7) back to an Isnad document. The export carries
// the clean text, the front matter, the headings and every annotation with its attributes; the
// markup is rebuilt around the clean text, then parsed again and checked against the input, so
// an import either reads back as the same annotations or fails saying which one it could not write.
import { createHash } from 'node:crypto';
import { parseIsnad } from '../parse/document';
import { annotationsOf, type AnnotationRecord } from '../export/annotations';
import { cleanTextOf } from '../export/cleanText';
import { headingsOf } from '../export/w3c';
import { LONE_SURROGATE } from '../wellFormed';
import type { AnnotationKind } from '../resolve';
import { ImportError } from './importError';
import { writeMarkup, type Heading, type MarkupAnnotation } from './markup';
import { uniqueAnnotationIds } from '../export/annotations';

const KINDS: readonly AnnotationKind[] = ['claim', 'quote', 'mention', 'note'];

/** An annotation as the export states it, offsets still in code points. */
interface Stated extends Omit<MarkupAnnotation, 'by' | 'name' | 'inheritedFrom'> {
  /** The written `id=` when the export gave the annotation another id (a name two spans share). */
  readonly writtenName?: string;
  readonly speakerId?: string;
  readonly inheritedFrom?: string;
}

type Json = Record<string, unknown>;

const BLANK_LINE = /\n[ \t\v\f]*\n/;

/** The `.isnad.md` text of a `w3c` export; throws ImportError when the input is not one or cannot be written as markup. */
export function importW3c(json: string): string {
  const collection = parseJson(json);
  if (collection.type !== 'AnnotationCollection') throw new ImportError('not a W3C Web Annotation collection: "type" is not "AnnotationCollection"');
  if (collection.offsetUnit !== undefined && collection.offsetUnit !== 'codepoint') {
    throw new ImportError(`offsetUnit is ${JSON.stringify(collection.offsetUnit)}: only "codepoint" offsets can be imported`);
  }
  const cleanText = collection.cleanText;
  if (typeof cleanText !== 'string') throw new ImportError('not an Isnad export: it carries no "cleanText", the article the annotations point into');
  if (collection.sha256 !== undefined && collection.sha256 !== createHash('sha256').update(cleanText, 'utf8').digest('hex')) {
    throw new ImportError('"cleanText" does not match its "sha256": the file was edited or cut short');
  }
  const frontMatter = collection.frontMatter ?? {};
  if (!isObject(frontMatter)) throw new ImportError('"frontMatter" must be an object');
  checkMeta(collection.meta, frontMatter);

  const offsets = new CodePointOffsets(cleanText);
  const stated = inDocumentOrder(annotationsIn(collection, offsets));
  const ids = new Set(stated.map((annotation) => annotation.id));
  const names = idNames(stated);
  const annotations: MarkupAnnotation[] = stated.map(({ speakerId, inheritedFrom, writtenName, ...annotation }, index) => {
    // A speaker inherited from a span the export does not hold (one that annotates nothing) is written out.
    const inherits = inheritedFrom !== undefined && ids.has(inheritedFrom);
    return {
      ...annotation,
      start: offsets.utf16(annotation.start),
      end: offsets.utf16(annotation.end),
      by: inherits ? undefined : speakerId,
      inheritedFrom: inherits ? inheritedFrom : undefined,
      name: names[index],
    };
  });
  const codePointHeadings = headingsIn(collection, cleanText, offsets);
  const headings = codePointHeadings.map(({ level, start }) => ({ level, start: offsets.utf16(start) }));
  const direction = typeof frontMatter.direction === 'string' ? frontMatter.direction : undefined;
  const markup = writeMarkup({ frontMatter, direction, cleanText, headings, annotations });
  const halfCharacter = markup.search(LONE_SURROGATE);
  if (halfCharacter >= 0) {
    throw new ImportError(`the markup would hold half a character (an unpaired surrogate such as \\ud800 in the JSON) on its line ${lineOf(markup, halfCharacter)}, which a UTF-8 file cannot store`);
  }
  verify(markup, { cleanText, frontMatter, headings: codePointHeadings }, stated);
  return markup;
}

/** `meta` repeats the front matter's keys the format does not define: a value it disagrees on would be lost. */
function checkMeta(meta: unknown, frontMatter: Json): void {
  if (meta === undefined) return;
  if (!isObject(meta)) throw new ImportError('"meta" must be an object');
  for (const [key, value] of Object.entries(meta)) {
    if (!Object.hasOwn(frontMatter, key) || JSON.stringify(frontMatter[key]) !== JSON.stringify(value)) {
      throw new ImportError(`"meta" holds ${JSON.stringify(key)}, which "frontMatter" does not hold with the same value: meta only repeats the front matter's other keys`);
    }
  }
}

/**
 * The annotations by start, as an export lists them; for a hand-made collection, annotations
 * with the same start that annotate something go enclosing first (longest first). An empty one
 * keeps its place among them: before or inside its neighbour, only the input's order tells.
 */
function inDocumentOrder(stated: Stated[]): Stated[] {
  const ordered = stated.sort((a, b) => a.start - b.start);
  for (let first = 0; first < ordered.length; ) {
    let last = first;
    while (last < ordered.length && ordered[last].start === ordered[first].start) last++;
    const slots = [];
    for (let i = first; i < last; i++) if (ordered[i].end > ordered[i].start) slots.push(i);
    const longestFirst = slots.map((i) => ordered[i]).sort((a, b) => b.end - a.end);
    slots.forEach((slot, i) => (ordered[slot] = longestFirst[i]));
    first = last;
  }
  return ordered;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * The `id=` to write on each annotation. Unnamed spans get `span-<n>` from their place, so a name
 * is written only where that differs; a name the export had to change (two spans wrote it) is
 * written as the markup had it, when the names then read back as the exported ids. The span that
 * kept that name writes it too, even where it is its generated id: a written name is kept before
 * any id is generated.
 */
function idNames(stated: readonly Stated[]): (string | undefined)[] {
  const ids = stated.map((annotation, index) => (annotation.id === `span-${index + 1}` ? undefined : annotation.id));
  const shared = new Set(stated.map((annotation) => annotation.writtenName));
  const written = stated.map((annotation, index) => annotation.writtenName ?? (shared.has(annotation.id) ? annotation.id : ids[index]));
  const readBack = uniqueAnnotationIds(written);
  return stated.every((annotation, index) => readBack[index] === annotation.id) ? written : ids;
}

function parseJson(json: string): Json {
  let value: unknown;
  try {
    value = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ImportError(`not valid JSON: ${(error as Error).message}`);
  }
  if (!isObject(value)) throw new ImportError('not a W3C Web Annotation collection: the JSON is not an object');
  return value;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function annotationsIn(collection: Json, offsets: CodePointOffsets): Stated[] {
  const page = collection.first;
  const total = collection.total;
  if (total !== undefined && !Number.isSafeInteger(total)) throw new ImportError('"total" must be a whole number');
  if (page === undefined) {
    if (total !== undefined && total !== 0) throw new ImportError(`"total" is ${total as number}, but the collection has no "first" page of annotations`);
    return [];
  }
  if (!isObject(page)) throw new ImportError('"first" must be the annotation page itself, not a link to it');
  if (page.next !== undefined) throw new ImportError('the collection has more than one page: only single-page exports can be imported');
  if (!Array.isArray(page.items)) throw new ImportError('"first.items" must be an array of annotations');
  if (total !== undefined && total !== page.items.length) {
    throw new ImportError(`"total" is ${total as number}, but "first.items" holds ${page.items.length} annotations: the export was cut short or edited`);
  }
  const stated = page.items.map((item, index) => statedAnnotation(item, `first.items[${index}]`, offsets));
  const indexOfId = new Map<string, number>();
  for (const [index, { id }] of stated.entries()) {
    if (id === '') throw new ImportError(`first.items[${index}].body["isnad:id"] is empty: an annotation id names it`);
    const first = indexOfId.get(id);
    if (first !== undefined) throw new ImportError(`first.items[${index}].body["isnad:id"] is “${id}”, as is first.items[${first}]'s: annotation ids are unique`);
    indexOfId.set(id, index);
  }
  return stated;
}

function statedAnnotation(item: unknown, at: string, offsets: CodePointOffsets): Stated {
  if (!isObject(item) || item.type !== 'Annotation') throw new ImportError(`${at} is not an Annotation`);
  const body = item.body;
  if (!isObject(body)) throw new ImportError(`${at}.body must be an object`);
  const id = stringField(body, 'isnad:id', at);
  const kind = body['isnad:kind'];
  if (!KINDS.includes(kind as AnnotationKind)) throw new ImportError(`${at}.body["isnad:kind"] must be one of ${KINDS.join(', ')}`);
  const { start, end } = position(item, at, offsets);
  const speaker = optionalObject(body, 'isnad:speaker', at);
  const entity = optionalObject(body, 'isnad:entity', at);
  const about = body['isnad:about'] ?? [];
  if (!Array.isArray(about)) throw new ImportError(`${at}.body["isnad:about"] must be an array`);
  const annotation: Stated = {
    id,
    writtenName: optionalString(body, 'isnad:name', at),
    kind: kind as AnnotationKind,
    start,
    end,
    entityId: entity && stringField(entity, 'id', `${at}.body["isnad:entity"]`),
    speakerId: speaker && stringField(speaker, 'id', `${at}.body["isnad:speaker"]`),
    inheritedFrom: speaker && optionalString(speaker, 'inheritedFrom', `${at}.body["isnad:speaker"]`),
    status: optionalString(body, 'isnad:status', at),
    note: optionalString(body, 'isnad:note', at),
    about: about.map((entry, index) => {
      if (!isObject(entry)) throw new ImportError(`${at}.body["isnad:about"][${index}] must be an object with an id`);
      return stringField(entry, 'id', `${at}.body["isnad:about"][${index}]`);
    }),
  };
  if (kind === 'mention' && annotation.entityId === undefined) throw new ImportError(`${at}: a mention needs "isnad:entity"`);
  if (kind === 'note' && annotation.note === undefined) throw new ImportError(`${at}: a note needs "isnad:note"`);
  return annotation;
}

/** The TextPositionSelector's range, checked against the clean text and against the TextQuoteSelector's `exact`. */
function position(item: Json, at: string, offsets: CodePointOffsets): { start: number; end: number } {
  const target = item.target;
  const selectors: unknown[] = isObject(target) ? [target.selector].flat() : [];
  const find = (type: string) => selectors.find((selector): selector is Json => isObject(selector) && selector.type === type);
  const position = find('TextPositionSelector');
  if (!position) throw new ImportError(`${at}.target has no TextPositionSelector`);
  const { start, end } = position;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || (start as number) < 0 || (start as number) > (end as number) || (end as number) > offsets.length) {
    throw new ImportError(`${at}: the TextPositionSelector must have whole numbers 0 ≤ start ≤ end ≤ ${offsets.length} (the clean text's length in code points)`);
  }
  const quote = find('TextQuoteSelector');
  if (quote) checkQuote(quote, start as number, end as number, at, offsets);
  return { start: start as number, end: end as number };
}

/** The TextQuoteSelector's `exact`, `prefix` and `suffix` against the clean text at, before and after the position. */
function checkQuote(quote: Json, start: number, end: number, at: string, offsets: CodePointOffsets): void {
  const { exact, prefix, suffix } = quote;
  if (exact !== undefined && exact !== offsets.slice(start, end)) {
    throw new ImportError(`${at}: the TextQuoteSelector's "exact" is not the clean text at ${start}–${end}`);
  }
  const prefixLength = typeof prefix === 'string' ? codePointCount(prefix) : 0;
  if (prefix !== undefined && (prefixLength > start || prefix !== offsets.slice(start - prefixLength, start))) {
    throw new ImportError(`${at}: the TextQuoteSelector's "prefix" is not the clean text before ${start}`);
  }
  const suffixLength = typeof suffix === 'string' ? codePointCount(suffix) : 0;
  if (suffix !== undefined && (end + suffixLength > offsets.length || suffix !== offsets.slice(end, end + suffixLength))) {
    throw new ImportError(`${at}: the TextQuoteSelector's "suffix" is not the clean text after ${end}`);
  }
}

function codePointCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

function stringField(object: Json, key: string, at: string): string {
  const value = object[key];
  if (typeof value !== 'string') throw new ImportError(`${at}${key.includes(':') ? `.body["${key}"]` : `.${key}`} must be a string`);
  return value;
}

function optionalString(object: Json, key: string, at: string): string | undefined {
  return object[key] === undefined ? undefined : stringField(object, key, at);
}

function optionalObject(object: Json, key: string, at: string): Json | undefined {
  const value = object[key];
  if (value === undefined) return undefined;
  if (!isObject(value)) throw new ImportError(`${at}.body["${key}"] must be an object`);
  return value;
}

/** The headings, with code-point starts. */
function headingsIn(collection: Json, cleanText: string, offsets: CodePointOffsets): Heading[] {
  const headings = collection.headings ?? [];
  if (!Array.isArray(headings)) throw new ImportError('"headings" must be an array');
  let previous = -1;
  return headings.map((heading, index) => {
    const at = `headings[${index}]`;
    if (!isObject(heading) || !Number.isInteger(heading.level) || (heading.level as number) < 1 || (heading.level as number) > 6) {
      throw new ImportError(`${at} must have a level from 1 to 6`);
    }
    const { start } = heading;
    if (!Number.isSafeInteger(start) || (start as number) <= previous || (start as number) > offsets.length) {
      throw new ImportError(`${at}.start must be a code-point offset into the clean text, after the previous heading's`);
    }
    previous = start as number;
    const offset = offsets.utf16(start as number);
    if (offset > 0 && cleanText[offset - 1] !== '\n') throw new ImportError(`${at}.start is not at the start of a line of the clean text`);
    return { level: heading.level as number, start: start as number };
  });
}

interface Said {
  readonly cleanText: string;
  readonly frontMatter: Json;
  /** With code-point starts, as the export gives them. */
  readonly headings: readonly Heading[];
}

/**
 * Parses the markup and compares what it says with what the export said: annotation by
 * annotation, every attribute the export carries (first, as its messages are the most precise),
 * then the clean text, the front matter and the headings.
 */
function verify(markup: string, said: Said, stated: readonly Stated[]): void {
  const doc = parseIsnad(markup, 'untitled:import');
  const { records } = annotationsOf(doc);
  const ids = new Set(stated.map((annotation) => annotation.id));
  for (const [index, annotation] of stated.entries()) {
    const record = records[index];
    const mismatch = record ? firstMismatch(annotation, record, ids) : 'it is missing';
    if (mismatch) throw new ImportError(`annotation “${annotation.id}” cannot be written as markup that reads back the same: ${whyNot(annotation, said, mismatch)}`);
  }
  if (records.length !== stated.length) throw new ImportError(`the markup reads back as ${records.length} annotations, not ${stated.length}`);
  const cleanText = cleanTextOf(doc).text;
  if (cleanText !== said.cleanText) {
    let at = 0;
    while (cleanText[at] === said.cleanText[at]) at++;
    const why = said.cleanText[at] === '\r' ? 'it holds a carriage return, and a clean text ends its lines with "\\n" alone' : 'the markup reads it back differently';
    throw new ImportError(`"cleanText" cannot be written as markup that reads back the same, from its line ${lineOf(said.cleanText, at)}: ${why}`);
  }
  const frontMatter: Json = doc.frontMatter?.data ?? {};
  for (const key of new Set([...Object.keys(said.frontMatter), ...Object.keys(frontMatter)])) {
    if (JSON.stringify(frontMatter[key]) !== JSON.stringify(said.frontMatter[key])) {
      throw new ImportError(`"frontMatter" key ${JSON.stringify(key)} cannot be written as YAML that reads back the same`);
    }
  }
  if (JSON.stringify(headingsOf(doc)) !== JSON.stringify(said.headings)) throw new ImportError('"headings" cannot be written as markup that reads back the same');
}

/** Why an annotation did not read back: the markup's limits (FORMAT.md §3) when it meets them, else what differs. */
function whyNot(annotation: Stated, said: Said, mismatch: string): string {
  const { start, end } = annotation;
  const values = { id: annotation.id, by: annotation.speakerId, about: annotation.about.join(','), status: annotation.status, note: annotation.note };
  const withBlankLine = Object.entries(values).find(([, value]) => value !== undefined && BLANK_LINE.test(value));
  if (withBlankLine) return `its ${withBlankLine[0]} holds a blank line, which would end the paragraph its span is in`;
  const codePoints = [...said.cleanText];
  for (const heading of said.headings) {
    const lineEnd = codePoints.indexOf('\n', heading.start);
    const headingEnd = lineEnd < 0 ? codePoints.length : lineEnd;
    if ((start < heading.start && end >= heading.start) || (start >= heading.start && start <= headingEnd && end > headingEnd)) {
      return 'it crosses a heading’s line, and a span must stay inside its heading or its paragraph';
    }
  }
  return mismatch;
}

function firstMismatch(annotation: Stated, record: AnnotationRecord, ids: ReadonlySet<string>): string | undefined {
  const inheritedFrom = annotation.inheritedFrom !== undefined && ids.has(annotation.inheritedFrom) ? annotation.inheritedFrom : null;
  const expected: Partial<Record<keyof AnnotationRecord, unknown>> = {
    id: annotation.id,
    kind: annotation.kind,
    start: annotation.start,
    end: annotation.end,
    entityId: annotation.entityId ?? null,
    speakerId: annotation.speakerId ?? null,
    inheritedFrom,
    status: annotation.status ?? null,
    note: annotation.note ?? null,
    aboutIds: annotation.about,
  };
  for (const [field, value] of Object.entries(expected)) {
    const actual = record[field as keyof AnnotationRecord];
    if (JSON.stringify(actual) !== JSON.stringify(value)) return `its ${field} reads back as ${JSON.stringify(actual)}, not ${JSON.stringify(value)}`;
  }
  return undefined;
}

/** Code-point offsets (the export's unit) to UTF-16 offsets (JavaScript's), by binary search over the astral characters. */
class CodePointOffsets {
  /** The code-point index of each character outside the Basic Multilingual Plane, ascending. */
  private readonly astral: number[] = [];
  readonly length: number;

  constructor(private readonly text: string) {
    let codePoints = 0;
    for (let i = 0; i < text.length; i++, codePoints++) {
      const code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          this.astral.push(codePoints);
          i++;
        }
      }
    }
    this.length = codePoints;
  }

  utf16(codePoint: number): number {
    let low = 0;
    let high = this.astral.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.astral[mid] < codePoint) low = mid + 1;
      else high = mid;
    }
    return codePoint + low;
  }

  slice(start: number, end: number): string {
    return this.text.slice(this.utf16(start), this.utf16(end));
  }
}
