// The `csv` export (FORMAT.md §7): RFC 4180 for spreadsheets. UTF-8 with a byte-order mark,
// without which spreadsheet programs guess a legacy code page and garble Arabic.
import type { IsnadDocument } from '../model';
import { FLAT_FIELDS, annotationsOf, flatRows, type FlatValue } from './annotations';
import { wellFormed } from './cleanText';

const BYTE_ORDER_MARK = '\uFEFF';
const LINE_END = '\r\n';
/** Lists share one cell; ids cannot contain `;`. */
const LIST_SEPARATOR = ';';
/** A cell starting with one of these would run as a formula when the file is opened. */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function toCsv(doc: IsnadDocument): string {
  const rows = flatRows(annotationsOf(doc)).map((row) => FLAT_FIELDS.map((field) => cellText(row[field])));
  // Made well-formed as a whole: a cell's unpaired surrogate cannot pair with its neighbour's across the `,`.
  return BYTE_ORDER_MARK + wellFormed([[...FLAT_FIELDS], ...rows].map((cells) => cells.map(csvCell).join(',') + LINE_END).join(''));
}

function cellText(value: FlatValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  return value.join(LIST_SEPARATOR);
}

function csvCell(text: string): string {
  const inert = FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}
