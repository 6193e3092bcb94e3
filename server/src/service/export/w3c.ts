// The `w3c` export (FORMAT.md §7): a W3C Web Annotation AnnotationCollection in JSON-LD.
// Every annotation and the page carry their own `@context`, so each stays a valid Web
// Annotation document when a consumer takes it out of the collection.
import { createHash } from 'node:crypto';
import type { IsnadDocument } from '../model';
import { annotationsOf, wellFormedJson, type AnnotationHeader, type AnnotationRecord } from './annotations';
import { isAnnotation, type AnnotationKind } from '../resolve';
import { cleanTextOf } from './cleanText';
import { wellFormed } from '../wellFormed';

const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** Where Isnad's own terms live. Not dereferenceable: it only keeps them apart from other vocabularies. */
const ISNAD_VOCABULARY = 'urn:isnad:';

// Nested Isnad values (speaker, entity, about, front matter) are JSON literals: the ids and
// names inside them are the markup's words, not IRIs for a JSON-LD processor to rewrite.
const ANNOTATION_TERMS = {
  isnad: ISNAD_VOCABULARY,
  'isnad:speaker': { '@type': '@json' },
  'isnad:entity': { '@type': '@json' },
  'isnad:about': { '@type': '@json' },
} as const;

const COLLECTION_TERMS = {
  isnad: ISNAD_VOCABULARY,
  offsetUnit: 'isnad:offsetUnit',
  sha256: 'isnad:sha256',
  cleanText: 'isnad:cleanText',
  frontMatter: { '@id': 'isnad:frontMatter', '@type': '@json' },
  meta: { '@id': 'isnad:meta', '@type': '@json' },
  headings: { '@id': 'isnad:headings', '@type': '@json' },
} as const;

/** The W3C motivation of each kind: a mention identifies; claims and quotes are there to be assessed. */
const MOTIVATIONS: Readonly<Record<AnnotationKind, string>> = {
  mention: 'identifying',
  claim: 'assessing',
  quote: 'assessing',
  note: 'commenting',
};

export function toW3c(doc: IsnadDocument): string {
  const { header, records } = annotationsOf(doc);
  const frontMatter = doc.frontMatter;
  const collectionIri = documentCollectionIri(doc);
  const collection = {
    '@context': [ANNOTATION_CONTEXT, COLLECTION_TERMS],
    id: collectionIri,
    type: 'AnnotationCollection',
    label: frontMatter?.title,
    total: records.length,
    offsetUnit: header.offsetUnit,
    sha256: header.sha256,
    cleanText: cleanTextOf(doc).text,
    frontMatter: frontMatter?.data ?? {},
    meta: frontMatter?.meta ?? {},
    headings: headingsOf(doc),
    first: {
      '@context': ANNOTATION_CONTEXT,
      id: nameBasedUrn('page', header.document),
      type: 'AnnotationPage',
      startIndex: 0,
      items: w3cAnnotations(doc),
    },
  };
  return wellFormedJson(collection, 2) + '\n';
}

/** The IRI of a document's own collection; its annotations' IRIs are this with their id as fragment. */
function documentCollectionIri(doc: IsnadDocument): string {
  return nameBasedUrn('collection', annotationsOf(doc).header.document);
}

/** A document's annotations as Web Annotations, with the IRIs they have in the document's own export. */
export function w3cAnnotations(doc: IsnadDocument): object[] {
  const { header, records } = annotationsOf(doc);
  const collectionIri = documentCollectionIri(doc);
  const names = doc.spans.filter(isAnnotation).map((span) => span.name?.value);
  return records.map((record, i) => annotation(collectionIri, header, record, names[i]));
}

/**
 * A corpus export: one collection whose annotations target each article, streamed as
 * `start`, then `article` per document, then `end`. Each article's clean text is left out (the
 * selectors keep each quote with its context) so the collection stays proportional to the
 * annotations; `isnad:articles` lists every article's target, SHA-256 and front matter.
 */
export class W3cCorpusWriter {
  private readonly articles: object[] = [];
  private total = 0;

  start(label: string): string {
    const head = {
      '@context': [ANNOTATION_CONTEXT, { ...COLLECTION_TERMS, articles: { '@id': 'isnad:articles', '@type': '@json' } }],
      id: nameBasedUrn('corpus', label),
      type: 'AnnotationCollection',
      label,
      offsetUnit: 'codepoint',
      first: { '@context': ANNOTATION_CONTEXT, id: nameBasedUrn('corpus-page', label), type: 'AnnotationPage', startIndex: 0, items: [] },
    };
    // Reopen the page's items to stream the annotations into them.
    return `${wellFormedJson(head).slice(0, -3)}
`;
  }

  article(doc: IsnadDocument): string {
    const { header } = annotationsOf(doc);
    const items = w3cAnnotations(doc);
    this.articles.push({
      document: header.document,
      target: header.target,
      sha256: header.sha256,
      title: doc.frontMatter?.title,
      total: items.length,
      frontMatter: doc.frontMatter?.data ?? {},
    });
    const text = items.map((item) => `${this.total++ === 0 ? '' : ',\n'}${wellFormedJson(item)}`).join('');
    return text;
  }

  end(): string {
    return `\n]},\n"total":${this.total},\n"articles":${wellFormedJson(this.articles)}}\n`;
  }
}

/**
 * Which clean-text lines were headings, and of which level: the clean text drops the `#` run,
 * and without this an import could not tell a heading from a paragraph. `start` is the code-point
 * offset of the heading's text, which always starts a line of the clean text.
 */
export function headingsOf(doc: IsnadDocument): { level: number; start: number }[] {
  const clean = cleanTextOf(doc);
  return doc.sections.map((section) => ({ level: section.level, start: clean.codePointAt(section.headingRange.start) }));
}

/**
 * An annotation's IRI is the collection's with the annotation id as its fragment: readable,
 * unique in the document, and stable while the span keeps its `id=`.
 */
function annotation(collectionIri: string, header: AnnotationHeader, record: AnnotationRecord, name: string | undefined): object {
  return {
    '@context': [ANNOTATION_CONTEXT, ANNOTATION_TERMS],
    id: `${collectionIri}#${encodeURIComponent(wellFormed(record.id))}`,
    type: 'Annotation',
    motivation: MOTIVATIONS[record.kind],
    body: body(record, name),
    target: {
      source: header.target,
      selector: [
        { type: 'TextQuoteSelector', exact: record.exact, prefix: record.prefix, suffix: record.suffix },
        { type: 'TextPositionSelector', start: record.start, end: record.end },
      ],
    },
  };
}

// What the markup does not say is left out (`?? undefined`), as Web Annotations do, rather
// than written as the flat formats' `null`.
function body(record: AnnotationRecord, name: string | undefined): object {
  const speaker = record.speakerId === null ? undefined : {
    id: record.speakerId,
    name: record.speakerName ?? undefined,
    kind: record.speakerKind ?? undefined,
    role: record.speakerRole ?? undefined,
    affiliation: record.speakerAffiliation ?? undefined,
    via: record.speakerVia ?? undefined,
    url: record.speakerUrl ?? undefined,
    date: record.speakerDate ?? undefined,
    inheritedFrom: record.inheritedFrom ?? undefined,
  };
  const entity = record.entityId === null ? undefined : { id: record.entityId, name: record.entityName ?? undefined, type: record.entityType ?? undefined };
  return {
    type: 'TextualBody',
    // What a plain Web Annotation client shows: the annotator's note, else who or what the span names.
    value: record.note ?? (record.kind === 'mention' ? record.entityName ?? record.entityId : record.speakerName) ?? '',
    format: 'text/plain',
    'isnad:id': record.id,
    // A written `id=` the annotation could not take (another span has it): still the markup's word.
    'isnad:name': name === record.id ? undefined : name,
    'isnad:kind': record.kind,
    'isnad:speaker': speaker,
    'isnad:status': record.status ?? undefined,
    'isnad:note': record.note ?? undefined,
    'isnad:entity': entity,
    'isnad:about': record.aboutIds.map((id, i) => ({ id, name: record.aboutNames[i] })),
    'isnad:section': record.section ?? undefined,
  };
}

/**
 * A UUID (version 8, name-based on SHA-256, RFC 9562 appendix B.2) as a URN: the same
 * document gives the same IRI in every export, whatever its URI looks like.
 */
function nameBasedUrn(...name: string[]): string {
  const bytes = createHash('sha256').update(name.join('\u0000'), 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x80;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
