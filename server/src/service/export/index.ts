// The export formats, shared by the command-line tool, the server and the client.
import type { IsnadDocument } from '../model';
import { toCsv } from './csv';
import { toJsonl } from './jsonl';
import { toW3c } from './w3c';

export const EXPORT_FORMATS = ['w3c', 'jsonl', 'csv'] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What an export of `article.isnad.md` is named: `article` plus this. */
export const EXPORT_EXTENSIONS: Readonly<Record<ExportFormat, string>> = {
  w3c: '.annotations.jsonld',
  jsonl: '.annotations.jsonl',
  csv: '.annotations.csv',
};

const EXPORTERS: Readonly<Record<ExportFormat, (doc: IsnadDocument) => string>> = {
  w3c: toW3c,
  jsonl: toJsonl,
  csv: toCsv,
};

export function exportDocument(doc: IsnadDocument, format: ExportFormat): string {
  return EXPORTERS[format](doc);
}
