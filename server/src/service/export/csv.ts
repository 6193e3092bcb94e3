// The `csv` export (FORMAT.md §7): RFC 4180 for spreadsheets. UTF-8 with a byte-order mark,
// without which spreadsheet programs guess a legacy code page and garble Arabic.
import type { IsnadDocument } from '../model';
import { FLAT_FIELDS, HEADER_FIELDS, RECORD_FIELDS, annotationsOf } from './annotations';
import { wellFormed } from '../wellFormed';

const BYTE_ORDER_MARK = '\uFEFF';
const LINE_END = '\r\n';
/** Lists share one cell; ids cannot contain `;`. */
const LIST_SEPARATOR = ';';
/**
 * A cell starting with one of these would run as a formula when the file is opened; so would
 * one where white space comes first, in programs that trim cells when they read the file, as LibreOffice can.
 */
const FORMULA_START = /^\s*[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function toCsv(doc: IsnadDocument): string {
  return csvHead() + csvRows(doc);
}

/** The byte-order mark and the header row: what a CSV of any number of documents starts with. */
export function csvHead(): string {
  return BYTE_ORDER_MARK + FLAT_FIELDS.map(csvCell).join(',') + LINE_END;
}

/** One row per annotation of the document. */
export function csvRows(doc: IsnadDocument): string {
  const { header, records } = annotationsOf(doc);
  const headerCells = HEADER_FIELDS.map((field) => csvCell(header[field]));
  const rows = records.map((record) => [...RECORD_FIELDS.map((field) => csvCell(record[field])), ...headerCells]);
  // Made well-formed as a whole: a cell's unpaired surrogate cannot pair with its neighbour's across the `,`.
  return wellFormed(rows.map((cells) => cells.join(',') + LINE_END).join(''));
}

function csvCell(value: string | number | readonly string[] | null): string {
  const text = value === null ? '' : typeof value === 'object' ? value.join(LIST_SEPARATOR) : String(value);
  const inert = FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}
