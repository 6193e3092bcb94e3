// The `jsonl` export (FORMAT.md §7): one flat JSON object per annotation per line, for corpus
// pipelines. There is no header line: every line carries the document-wide fields itself,
// so lines can be filtered, split and concatenated across documents.
import type { IsnadDocument } from '../model';
import { annotationsOf, wellFormedJson } from './annotations';

/**
 * Line breaks JSON leaves raw in strings: NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR. Tools
 * that split on Unicode line boundaries (Python's `splitlines`, editors) would cut a record there.
 */
const RAW_LINE_BREAKS = /[\u0085\u2028\u2029]/g;

export function toJsonl(doc: IsnadDocument): string {
  const { header, records } = annotationsOf(doc);
  // The document-wide fields are spliced onto each record's JSON as text: copying every record
  // into a merged object first costs more than serialising it.
  const headerFields = jsonLine(header).slice(1);
  return records.map((record) => `${jsonLine(record).slice(0, -1)},${headerFields}\n`).join('');
}

/** JSON on one line by any reckoning: the breaks JSON allows in strings are written as escapes. */
function jsonLine(value: unknown): string {
  return wellFormedJson(value).replace(RAW_LINE_BREAKS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
