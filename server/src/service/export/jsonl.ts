// The `jsonl` export (FORMAT.md §7): one flat JSON object per annotation per line, for corpus
// pipelines. There is no header line: every line carries the document-wide fields itself,
// so lines can be filtered, split and concatenated across documents.
import type { IsnadDocument } from '../model';
import { annotationsOf, wellFormedJson } from './annotations';

export function toJsonl(doc: IsnadDocument): string {
  const { header, records } = annotationsOf(doc);
  // The document-wide fields are spliced onto each record's JSON as text: copying every record
  // into a merged object first costs more than serialising it.
  const headerFields = wellFormedJson(header).slice(1);
  return records.map((record) => `${wellFormedJson(record).slice(0, -1)},${headerFields}\n`).join('');
}
