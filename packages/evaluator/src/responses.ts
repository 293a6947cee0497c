/**
 * Reading a survey export as Excel and survey tools save it: CSV with `,` or `;`, UTF-8 with or
 * without BOM (Windows-1252 as Swedish Excel saves "CSV (semikolonavgränsad)" is recognised too),
 * CRLF or LF; or XLSX (first sheet). Every problem is collected before anything is evaluated, so the
 * user gets one message naming them all.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { CodebookRow } from '@oj/language';
import { kommunkod } from './runtime/aggregate.js';

export interface ResponseTable {
    columns: string[];
    /** Data rows with their line (CSV) or row number (XLSX) in the file, 1-based, header = 1. */
    rows: Array<{ line: number; cells: string[] }>;
    notes: string[];
}

export interface InputProblem {
    row?: number;
    unit?: string;
    variable?: string;
    message: string;
}

export class ResponseFileError extends Error {
    constructor(readonly problems: InputProblem[]) {
        super(formatProblems(problems));
    }
}

export function formatProblems(problems: InputProblem[]): string {
    const lines = problems.map(p => {
        const where = [p.row !== undefined ? `rad ${p.row}` : undefined, p.unit ? `enhet ${p.unit}` : undefined, p.variable ? `variabel ${p.variable}` : undefined].filter(Boolean).join(', ');
        return `  - ${where ? `${where}: ` : ''}${p.message}`;
    });
    return `Svarsfilen kan inte utvärderas (${problems.length} problem):\n${lines.join('\n')}`;
}

function decode(buffer: Buffer, notes: string[]): string {
    try {
        return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
    } catch {
        notes.push('Filen är inte UTF-8; den lästes som Windows-1252 (Excels vanliga CSV-format i Sverige).');
        return new TextDecoder('windows-1252').decode(buffer);
    }
}

/** `;` or `,`: whichever occurs more often outside quotes on the header line. */
function detectDelimiter(text: string): ';' | ',' {
    const header = text.split(/\r?\n/, 1)[0].replace(/"[^"]*"/g, '');
    const semicolons = (header.match(/;/g) ?? []).length;
    const commas = (header.match(/,/g) ?? []).length;
    return semicolons > commas ? ';' : ',';
}

export function parseCsv(buffer: Buffer): ResponseTable {
    const notes: string[] = [];
    const text = decode(buffer, notes).replace(/^\uFEFF/, '');
    if (text.trim() === '') throw new ResponseFileError([{ message: 'Filen är tom.' }]);
    let records: string[][];
    try {
        // Empty lines are kept so that row numbers are those a spreadsheet shows (a quoted line break stays in its row).
        records = parse(text, { delimiter: detectDelimiter(text), relax_column_count: true, skip_empty_lines: false, bom: true, relax_quotes: false });
    } catch (error) {
        const e = error as { message: string; lines?: number };
        throw new ResponseFileError([{ row: e.lines, message: `Filen kan inte läsas som CSV: ${e.message}` }]);
    }
    const [header, ...data] = records;
    return { columns: header.map(c => c.trim()), rows: withoutBlankRows(data.map((cells, i) => ({ line: i + 2, cells })), notes), notes };
}

/**
 * Rows with no value at all (an empty line, or ";;;;" as Excel saves a formatted but empty row) hold
 * no respondent and are skipped; those between respondents are named in a note, those after the
 * last respondent are just the end of the file.
 */
function withoutBlankRows(rows: ResponseTable['rows'], notes: string[]): ResponseTable['rows'] {
    const kept: ResponseTable['rows'] = [];
    const skipped: number[] = [];
    let pending: number[] = [];
    for (const row of rows) {
        if (row.cells.every(c => c.trim() === '')) {
            pending.push(row.line);
            continue;
        }
        skipped.push(...pending);
        pending = [];
        kept.push(row);
    }
    if (skipped.length > 0) {
        const shown = skipped.length > 10 ? `${skipped.slice(0, 10).join(', ')} …` : skipped.join(', ');
        notes.push(`${skipped.length === 1 ? 'En tom rad' : `${skipped.length} tomma rader`} hoppades över (rad ${shown}).`);
    }
    return kept;
}

function cellText(value: ExcelJS.CellValue): string {
    if (value === null || value === undefined) return '';
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (typeof value === 'string') return value;
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'object' && 'result' in value) return cellText((value as { result?: ExcelJS.CellValue }).result);
    if (typeof value === 'object' && 'richText' in value) return (value as ExcelJS.CellRichTextValue).richText.map(r => r.text).join('');
    if (typeof value === 'object' && 'text' in value) return String((value as { text: unknown }).text);
    return String(value);
}

export async function parseXlsx(buffer: Buffer): Promise<ResponseTable> {
    const workbook = new ExcelJS.Workbook();
    try {
        await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    } catch (error) {
        throw new ResponseFileError([{ message: `Filen kan inte läsas som XLSX: ${(error as Error).message}` }]);
    }
    const sheet = workbook.worksheets[0];
    if (!sheet || sheet.rowCount === 0) throw new ResponseFileError([{ message: 'Det första bladet i arbetsboken är tomt.' }]);
    const width = sheet.columnCount;
    const read = (rowNumber: number) => Array.from({ length: width }, (_, i) => cellText(sheet.getRow(rowNumber).getCell(i + 1).value));
    const columns = read(1).map(c => c.trim());
    const rows: ResponseTable['rows'] = [];
    for (let r = 2; r <= sheet.rowCount; r++) rows.push({ line: r, cells: read(r) });
    const notes: string[] = [];
    return { columns, rows: withoutBlankRows(rows, notes), notes };
}

export async function readResponseFile(file: string): Promise<ResponseTable> {
    let buffer: Buffer;
    try {
        buffer = fs.readFileSync(file);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const reason = code === 'ENOENT' ? 'filen finns inte' : code === 'EISDIR' ? 'det är en mapp' : code === 'EACCES' || code === 'EPERM' ? 'behörighet saknas' : (code ?? (error as Error).message);
        throw new ResponseFileError([{ message: `Filen ${file} kan inte läsas: ${reason}.` }]);
    }
    if (buffer.length === 0) throw new ResponseFileError([{ message: 'Filen är tom.' }]);
    const isZip = buffer.length > 3 && buffer[0] === 0x50 && buffer[1] === 0x4b;
    if (path.extname(file).toLowerCase() === '.xlsx' || isZip) return parseXlsx(buffer);
    return parseCsv(buffer);
}

export interface Respondent {
    unit: string;
    name: string;
    line: number;
    answers: Record<string, string>;
}

export interface ValidatedResponses {
    respondents: Respondent[];
    warnings: string[];
}

/** Checks the table against the codebook; throws one error naming every problem. */
export function validateResponses(table: ResponseTable, codebook: CodebookRow[]): ValidatedResponses {
    const problems: InputProblem[] = [];
    const warnings = [...table.notes];
    const index = new Map(table.columns.map((c, i) => [c, i]));
    if (!index.has('unit')) problems.push({ variable: 'unit', message: 'Kolumnen "unit" (kommunkod eller stadsdelskod) saknas.' });
    for (const row of codebook) {
        if (!index.has(row.variable)) problems.push({ variable: row.variable, message: 'Kolumnen saknas.' });
    }
    const known = new Set(['unit', 'name', ...codebook.map(r => r.variable)]);
    const extra = table.columns.filter(c => c !== '' && !known.has(c));
    if (extra.length > 0) warnings.push(`Okända kolumner hoppas över: ${extra.join(', ')}.`);
    const duplicateColumns = table.columns.filter((c, i) => c !== '' && table.columns.indexOf(c) !== i);
    for (const column of new Set(duplicateColumns)) problems.push({ variable: column, message: 'Kolumnen finns mer än en gång.' });
    if (table.rows.length === 0) problems.push({ message: 'Filen har inga svarande (bara en rubrikrad).' });

    const seen = new Map<string, number>();
    const respondents: Respondent[] = [];
    for (const { line, cells } of table.rows) {
        if (cells.length !== table.columns.length) {
            problems.push({ row: line, message: `Raden har ${cells.length} fält men rubrikraden ${table.columns.length}.` });
        }
        const unit = (cells[index.get('unit') ?? -1] ?? '').trim();
        if (index.has('unit')) {
            if (unit === '') problems.push({ row: line, message: 'Enhetskod (unit) saknas.' });
            else if (!kommunkod(unit)) problems.push({ row: line, unit, message: 'Enhetskoden börjar inte med en fyrsiffrig kommunkod.' });
            else if (seen.has(unit)) problems.push({ row: line, unit, message: `Enheten finns redan på rad ${seen.get(unit)}.` });
            else seen.set(unit, line);
        }
        const answers: Record<string, string> = {};
        for (const variable of codebook) {
            const column = index.get(variable.variable);
            if (column === undefined) continue;
            const value = (cells[column] ?? '').trim();
            answers[variable.variable] = value;
            if (value === '') continue;
            if (variable.numeric) {
                if (!/^\d+$/.test(value)) problems.push({ row: line, unit, variable: variable.variable, message: `"${value}" är inget antal (ett heltal ≥ 0).` });
            } else if (!variable.codes.map(String).includes(value)) {
                problems.push({ row: line, unit, variable: variable.variable, message: `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}" är ingen kod i ${variable.answerSet} (${variable.codes.join(', ')}).` });
            }
        }
        respondents.push({ unit, name: (cells[index.get('name') ?? -1] ?? '').trim(), line, answers });
    }
    if (problems.length > 0) throw new ResponseFileError(problems);
    return { respondents, warnings };
}
