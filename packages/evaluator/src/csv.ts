/**
 * CSV output that Excel opens safely: a cell starting with =, +, - or @ (or a tab or carriage
 * return) would be read as a formula, so it is prefixed with an apostrophe, as OWASP recommends.
 * Numbers are written as numbers and never prefixed.
 */
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | undefined | null;

const FORMULA_START = /^[=+\-@\t\r]/;

/** Makes a text cell inert for spreadsheet programs. */
export function neutralizeFormula(value: string): string {
    return FORMULA_START.test(value) ? `'${value}` : value;
}

export function toCsvCell(value: CsvCell): string {
    if (value === undefined || value === null) return '';
    if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
    return neutralizeFormula(value);
}

/** A CSV document with a header row, comma separated, CRLF-free (LF) and UTF-8 without BOM. */
export function formatCsv(columns: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
    return stringify([columns.map(toCsvCell), ...rows.map((row) => row.map(toCsvCell))], { record_delimiter: 'unix' });
}
