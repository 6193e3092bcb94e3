// The `jsonl` export (FORMAT.md §7): one flat JSON object per annotation per line, for corpus
// pipelines. There is no header line: every line carries the document-wide fields itself,
// so lines can be filtered, split and concatenated across documents.
import type { IsnadDocument } from '../model';
import { annotationsOf, flatRows, wellFormedJson } from './annotations';

export function toJsonl(doc: IsnadDocument): string {
  return flatRows(annotationsOf(doc))
    .map((row) => wellFormedJson(row) + '\n')
    .join('');
}
