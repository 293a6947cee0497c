/**
 * Reading a survey export as Excel and survey tools save it: CSV with `,`, `;` or tabs, UTF-8 with
 * or without BOM (Windows-1252 as Swedish Excel saves "CSV (semikolonavgränsad)", and UTF-16 as it
 * saves "Unicode-text", are recognised too), CRLF or LF; or XLSX (first sheet: merged cells read as
 * Excel reads them, formulas by their saved value). Every problem is collected before anything is
 * evaluated, so the user gets one message naming them all; a file that does not look like a
 * response table at all is said to be so first.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { CodebookRow, Model } from '@oj/language';
import {
    isUnitCodeError,
    kommun,
    kommuner,
    parseUnitCode,
    REGISTER_VALID_FROM,
    REGISTER_VALID_THROUGH,
    registerHolds,
} from '@oj/regions';

export interface ResponseTable {
    columns: string[];
    /** Data rows with their line (CSV) or row number (XLSX) in the file, 1-based, header = 1. */
    rows: Array<{ line: number; cells: string[] }>;
    notes: string[];
    /**
     * Data rows beyond the first MAX_KEPT_ROWS, counted but not kept: a survey has a few hundred
     * respondents, and a file of 200,000 rows (a register extract given as a response file) must
     * be refused for its size without holding every row and a problem per row.
     */
    omittedRows?: number;
}

/** Rows of a response file kept for validation; far above the respondents a survey can have (290 kommuner and its stadsdelar). */
export const MAX_KEPT_ROWS = 5000;

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

/** The problems of a register file (one row per person): the same problems, said of the register file. */
export class RegisterFileError extends ResponseFileError {
    constructor(problems: InputProblem[]) {
        super(problems);
        this.message = formatProblems(problems, 'Registerfilen', 'kolumn');
    }
}

/** Problems listed in the message; all of them stay on the error (and in `--json`). */
const MAX_LISTED_PROBLEMS = 100;

export function formatProblems(problems: InputProblem[], file = 'Svarsfilen', field = 'variabel'): string {
    const lines = problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => {
        const where = [
            p.row !== undefined ? `rad ${p.row}` : undefined,
            p.unit ? `enhet ${shown(p.unit)}` : undefined,
            p.variable ? `${field} ${shown(p.variable)}` : undefined,
        ]
            .filter(Boolean)
            .join(', ');
        return `  - ${where ? `${where}: ` : ''}${p.message}`;
    });
    if (problems.length > MAX_LISTED_PROBLEMS)
        lines.push(`  … och ${problems.length - MAX_LISTED_PROBLEMS} problem till (--json listar alla).`);
    return `${file} kan inte utvärderas (${problems.length} problem):\n${lines.join('\n')}`;
}

/** Longest text from the file quoted whole in a message; a 1 MB cell is named by its start. */
const MAX_QUOTED = 80;

/**
 * Text from the file as a message shows it: control characters (ESC, line breaks, bidi overrides)
 * as U+XXXX, so that nothing from the file steers the terminal, and at most 80 characters.
 */
export function shown(text: string, max = MAX_QUOTED): string {
    const characters = [...text];
    const visible = (characters.length > max ? characters.slice(0, max) : characters)
        .map((c) =>
            /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(c) ? `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : c,
        )
        .join('');
    return characters.length > max ? `${visible}…` : visible;
}

const quoted = (text: string) => `"${shown(text)}"`;

function decode(buffer: Buffer, notes: string[]): string {
    // Excel's "Unicode-text" is UTF-16 LE with a BOM (and tabs between the cells).
    if (buffer.length >= 2 && ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff))) {
        const littleEndian = buffer[0] === 0xff;
        notes.push(
            `Filen är UTF-16 (${littleEndian ? 'little' : 'big'} endian), som Excel sparar "Unicode-text"; den lästes som sådan.`,
        );
        return new TextDecoder(littleEndian ? 'utf-16le' : 'utf-16be').decode(buffer);
    }
    if (looksLikeUtf16WithoutBom(buffer)) {
        throw new ResponseFileError([
            {
                message:
                    'Filen ser ut att vara UTF-16 utan byte order mark (var annan byte är 0). Spara den som CSV UTF-8 (kommaavgränsad) eller som XLSX.',
            },
        ]);
    }
    if (buffer.subarray(0, 4096).includes(0)) {
        throw new ResponseFileError([
            {
                message:
                    'Filen innehåller NUL-tecken och är ingen textfil; en svarsfil är CSV (UTF-8 eller Windows-1252) eller XLSX.',
            },
        ]);
    }
    try {
        return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
    } catch {
        notes.push('Filen är inte UTF-8; den lästes som Windows-1252 (Excels vanliga CSV-format i Sverige).');
        return new TextDecoder('windows-1252').decode(buffer);
    }
}

/** Every other byte zero in the first kilobyte: UTF-16 text saved without a BOM. */
function looksLikeUtf16WithoutBom(buffer: Buffer): boolean {
    const sample = buffer.subarray(0, 1024);
    if (sample.length < 8) return false;
    let zeros = 0;
    for (let i = 0; i < sample.length; i++) if (sample[i] === 0) zeros++;
    return zeros >= sample.length * 0.3;
}

/** `;`, `,` or a tab: whichever occurs most often outside quotes on the header line. */
function detectDelimiter(text: string): ';' | ',' | '\t' {
    const header = text.split(/\r?\n/, 1)[0].replace(/"[^"]*"/g, '');
    const count = (c: string) => header.split(c).length - 1;
    const [semicolons, commas, tabs] = [count(';'), count(','), count('\t')];
    if (tabs > semicolons && tabs > commas) return '\t';
    return semicolons > commas ? ';' : ',';
}

export function parseCsv(buffer: Buffer): ResponseTable {
    const notes: string[] = [];
    const text = decode(buffer, notes).replace(/^\uFEFF/, '');
    if (text.trim() === '') throw new ResponseFileError([{ message: 'Filen är tom.' }]);
    let records: string[][];
    let omitted: number;
    const delimiter = detectDelimiter(text);
    if (delimiter === '\t') notes.push('Filen är tabbavgränsad; den lästes som sådan.');
    try {
        // Empty lines are kept so that row numbers are those a spreadsheet shows (a quoted line break stays in its row).
        // Records past the kept ones are only counted (on_record returning null drops them).
        let seen = 0;
        records = parse(text, {
            delimiter,
            relax_column_count: true,
            skip_empty_lines: false,
            bom: true,
            relax_quotes: false,
            on_record: (record: string[]) => (seen++ <= MAX_KEPT_ROWS ? record : null),
        });
        omitted = Math.max(0, seen - 1 - MAX_KEPT_ROWS);
    } catch (error) {
        const e = error as { message: string; lines?: number };
        throw new ResponseFileError([{ row: e.lines, message: `Filen kan inte läsas som CSV: ${shown(e.message, 200)}` }]);
    }
    const [header, ...data] = records;
    return {
        columns: header.map((c) => c.trim()),
        rows: withoutBlankRows(
            data.map((cells, i) => ({ line: i + 2, cells })),
            notes,
        ),
        notes,
        ...(omitted > 0 ? { omittedRows: omitted } : {}),
    };
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
        if (row.cells.every((c) => c.trim() === '')) {
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

/** A cell's value as text, or why it has none that can be read. */
function cellText(value: ExcelJS.CellValue): { text: string } | { problem: string } {
    if (value === null || value === undefined) return { text: '' };
    if (typeof value === 'number' || typeof value === 'boolean') return { text: String(value) };
    if (typeof value === 'string') return { text: value };
    if (value instanceof Date) return { text: value.toISOString().slice(0, 10) };
    if (typeof value !== 'object') return { text: String(value) };
    if ('error' in value) return { problem: `cellen har felvärdet ${String((value as ExcelJS.CellErrorValue).error)}` };
    if ('formula' in value || 'sharedFormula' in value) {
        // Excel saves each formula's last result beside it: that is what the respondent saw.
        const result = (value as ExcelJS.CellFormulaValue).result;
        if (result === undefined || result === null) {
            const formula =
                'formula' in value
                    ? (value as ExcelJS.CellFormulaValue).formula
                    : (value as ExcelJS.CellSharedFormulaValue).sharedFormula;
            return {
                problem: `cellen har formeln =${shown(String(formula), 40)} utan sparat värde; öppna filen i Excel och spara den igen, eller ersätt formeln med dess värde`,
            };
        }
        return cellText(result as ExcelJS.CellValue);
    }
    if ('richText' in value) return { text: (value as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('') };
    if ('text' in value) return cellText((value as { text: ExcelJS.CellValue }).text);
    return { problem: 'cellens värde kan inte läsas som text' };
}

export async function parseXlsx(buffer: Buffer): Promise<ResponseTable> {
    const workbook = new ExcelJS.Workbook();
    try {
        await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    } catch (error) {
        throw new ResponseFileError([{ message: `Filen kan inte läsas som XLSX: ${shown((error as Error).message, 200)}` }]);
    }
    const sheet = workbook.worksheets[0];
    const hasData = (ws: ExcelJS.Worksheet) => {
        let found = false;
        ws.eachRow((row) =>
            row.eachCell((cell) => {
                const result = cellText(cell.value);
                if (!('text' in result) || result.text.trim() !== '') found = true;
            }),
        );
        return found;
    };
    if (!sheet || !hasData(sheet)) {
        const others = workbook.worksheets
            .slice(1)
            .filter(hasData)
            .map((ws) => `"${shown(ws.name)}"`);
        const first = sheet
            ? `Det första bladet ("${shown(sheet.name)}") i arbetsboken har inga data`
            : 'Arbetsboken har inga blad';
        const elsewhere =
            others.length === 0
                ? ''
                : others.length === 1
                  ? ` Bladet ${others[0]} har data: flytta det först, eller spara det som en egen fil.`
                  : ` Bladen ${others.join(', ')} har data: flytta det som har svaren först.`;
        throw new ResponseFileError([{ message: `${first}; svaren läses från det första bladet.${elsewhere}` }]);
    }
    const width = sheet.columnCount;
    const problems: InputProblem[] = [];
    const merged = new Map<string, string[]>();
    const read = (rowNumber: number) => {
        const row = sheet.getRow(rowNumber);
        return Array.from({ length: width }, (_, i) => {
            const cell = row.getCell(i + 1);
            // A cell covered by a merge holds nothing of its own: Excel reads it as blank (exceljs
            // would copy the merged value into it, inventing answers the respondent never gave).
            if (cell.type === ExcelJS.ValueType.Merge && cell.master !== cell) {
                const covered = merged.get(cell.master.address) ?? [];
                covered.push(cell.address);
                merged.set(cell.master.address, covered);
                return '';
            }
            const result = cellText(cell.value);
            if ('problem' in result) {
                problems.push({ row: rowNumber, message: `Cell ${cell.address}: ${result.problem}.` });
                return '';
            }
            return result.text;
        });
    };
    const columns = read(1).map((c) => c.trim());
    const rows: ResponseTable['rows'] = [];
    for (let r = 2; r <= sheet.rowCount; r++) rows.push({ line: r, cells: read(r) });
    if (problems.length > 0) throw new ResponseFileError(problems);
    const notes: string[] = [];
    if (merged.size > 0) {
        const ranges = [...merged].map(([master, covered]) => `${master}:${covered[covered.length - 1]}`);
        notes.push(
            `Sammanfogade celler lästes som Excel läser dem, med värdet bara i den första cellen och övriga tomma: ${ranges.slice(0, 10).join(', ')}${ranges.length > 10 ? ` och ${ranges.length - 10} till` : ''}.`,
        );
    }
    return { columns, rows: withoutBlankRows(rows, notes), notes };
}

/**
 * Reading holds the file several times over (bytes, text, cells; XLSX also its unzipped XML and
 * exceljs's cell objects), and V8 ends the process without a word when the heap is exhausted. So a
 * file too large for the heap is refused before it is read. Measured with --max-old-space-size on
 * 152 columns: a 19 MB CSV (60,000 rows) parses in 150 MB and not in 140 (×8); a 2.1 MB XLSX
 * (6,000 rows) in 300 MB and not in 275 (×140). The factors leave a margin above those.
 */
const MEMORY_FACTOR = { csv: 10, xlsx: 160 } as const;

export function checkMemoryFor(size: number, kind: 'csv' | 'xlsx', file: string): void {
    const heap = v8.getHeapStatistics();
    const available = heap.heap_size_limit - heap.used_heap_size;
    const needed = size * MEMORY_FACTOR[kind];
    if (needed > available * 0.8) {
        const mb = (bytes: number) => `${Math.ceil(bytes / 1024 / 1024)} MB`;
        throw new ResponseFileError([
            {
                message:
                    `Filen ${file} är ${mb(size)}; att läsa den kräver ungefär ${mb(needed)} minne, men bara ${mb(available)} är ledigt. ` +
                    `En svarsfil har en rad per kommun och stadsdel (några hundra rader); kontrollera att det är rätt fil, eller ge Node mer minne (NODE_OPTIONS=--max-old-space-size=${Math.ceil((needed / 0.8 + heap.used_heap_size) / 1024 / 1024)}).`,
            },
        ]);
    }
}

export async function readResponseFile(file: string): Promise<ResponseTable> {
    let buffer: Buffer;
    try {
        const size = fs.statSync(file).isFile() ? fs.statSync(file).size : 0;
        const isXlsx = path.extname(file).toLowerCase() === '.xlsx';
        checkMemoryFor(size, isXlsx ? 'xlsx' : 'csv', file);
        buffer = fs.readFileSync(file);
    } catch (error) {
        if (error instanceof ResponseFileError) throw error;
        const code = (error as NodeJS.ErrnoException).code;
        const reason =
            code === 'ENOENT'
                ? 'filen finns inte'
                : code === 'EISDIR'
                  ? 'det är en mapp'
                  : code === 'EACCES' || code === 'EPERM'
                    ? 'behörighet saknas'
                    : (code ?? (error as Error).message);
        throw new ResponseFileError([{ message: `Filen ${file} kan inte läsas: ${reason}.` }]);
    }
    if (buffer.length === 0) throw new ResponseFileError([{ message: 'Filen är tom.' }]);
    const isZip = buffer.length > 3 && buffer[0] === 0x50 && buffer[1] === 0x4b;
    if (isZip) checkMemoryFor(buffer.length, 'xlsx', file);
    try {
        if (path.extname(file).toLowerCase() === '.xlsx' || isZip) return await parseXlsx(buffer);
        return parseCsv(buffer);
    } catch (error) {
        // A string or buffer beyond V8's limits is a RangeError, not the silent end of the process.
        if (error instanceof RangeError) {
            throw new ResponseFileError([
                {
                    message: `Filen ${file} är för stor för att läsas (${shown(error.message, 120)}); en svarsfil har en rad per kommun och stadsdel.`,
                },
            ]);
        }
        throw error;
    }
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

/** What the respondents' unit codes are checked against: the kommun register and the survey's stadsdelar. */
export interface UnitRegister {
    /** The declared stadsdelar by code ("0180-01" → "Rinkeby-Kista"). */
    stadsdelar: ReadonlyMap<string, string>;
    /** The survey year, checked against the years the register holds for. */
    year?: number;
}

/** The stadsdelar and year the models' surveys declare. */
export function unitRegisterOf(models: Model[]): UnitRegister {
    const stadsdelar = new Map<string, string>();
    let year: number | undefined;
    for (const model of models) {
        const survey = model.header?.survey;
        if (!survey) continue;
        year ??= survey.year;
        for (const district of survey.districts ?? []) if (district.code) stadsdelar.set(district.code, district.name ?? '');
    }
    return { stadsdelar, year };
}

/** A name as exports write it, for comparison: "Upplands-Väsby kommun" → "upplands väsby". */
function normalName(name: string): string {
    return name
        .toLocaleLowerCase('sv')
        .replace(/[-–]/g, ' ')
        .replace(/\s+(kommun|stad|stadsdel|stadsdelsområde|stadsdelsnämnd)$/, '')
        .replace(/\s+/g, ' ')
        .trim();
}

let namesInRegister: Map<string, string> | undefined;

/**
 * A code typed wrong can land on another valid unit (0115 for 0114); the name column then still
 * says which was meant. Names vary too much to require them, but a name that is exactly another
 * unit's says the code is wrong.
 */
function nameOfAnother(unit: string, name: string, register: UnitRegister | undefined): string | undefined {
    if (name === '' || unit === '') return undefined;
    namesInRegister ??= new Map(kommuner().map((k) => [normalName(k.namn), k.kod]));
    const normal = normalName(name);
    const stadsdelar = register?.stadsdelar ?? new Map<string, string>();
    const declared = [...stadsdelar].find(([, n]) => normalName(n) === normal)?.[0];
    const other = declared ?? namesInRegister.get(normal);
    // A stadsdel may be named by its city.
    if (other === undefined || other === unit || unit.startsWith(`${other}-`) || !(kommun(unit) || stadsdelar.has(unit)))
        return undefined;
    const own = kommun(unit)?.namn ?? stadsdelar.get(unit);
    return `${quoted(name)} är ${other} men koden är ${unit}${own ? ` (${own})` : ''}`;
}

/** Most column problems listed one by one; beyond that a count. */
const MAX_LISTED_COLUMNS = 10;

/**
 * Checks the table against the codebook and every unit code against the register and the survey's
 * stadsdelar (without `register`, a stadsdel's shape and kommun only); throws one error naming
 * every problem.
 */
export function validateResponses(table: ResponseTable, codebook: CodebookRow[], register?: UnitRegister): ValidatedResponses {
    const problems: InputProblem[] = [];
    const warnings = [...table.notes];
    const index = new Map(table.columns.map((c, i) => [c, i]));
    const missing = codebook.filter((row) => !index.has(row.variable));
    if (!index.has('unit') && missing.length === codebook.length && codebook.length > 1) {
        // Nothing of the header is what the model expects: say what the file looks like, not 150 missing columns.
        const header = table.columns.filter((c) => c !== '');
        const looks =
            header.length === 0
                ? 'Rubrikraden (rad 1) är tom'
                : header.length === 1 && header[0].length > 20
                  ? `Rubrikraden (rad 1) är en enda kolumn: ${quoted(header[0])}; är filen avgränsad med något annat än komma, semikolon eller tabb?`
                  : `Rubrikraden (rad 1) har ingen av modellens kolumner: ${header.slice(0, 5).map(quoted).join(', ')}${header.length > 5 ? ` och ${header.length - 5} till` : ''}`;
        problems.push({
            message: `${looks}. En svarsfil har kolumnerna unit, name och en kolumn per variabel i modellens kodbok (${codebook.length} st., t.ex. ${codebook[0].variable}).`,
        });
        throw new ResponseFileError(problems);
    }
    if (!index.has('unit'))
        problems.push({ variable: 'unit', message: 'Kolumnen "unit" (kommunkod eller stadsdelskod) saknas.' });
    for (const row of missing.slice(0, missing.length > MAX_LISTED_COLUMNS ? MAX_LISTED_COLUMNS - 1 : MAX_LISTED_COLUMNS)) {
        problems.push({ variable: row.variable, message: 'Kolumnen saknas.' });
    }
    if (missing.length > MAX_LISTED_COLUMNS) {
        const rest = missing.slice(MAX_LISTED_COLUMNS - 1);
        problems.push({
            message: `Ytterligare ${rest.length} av modellens ${codebook.length} variabler saknas som kolumner: ${rest
                .slice(0, 5)
                .map((r) => r.variable)
                .join(', ')} …`,
        });
    }
    const known = new Set(['unit', 'name', ...codebook.map((r) => r.variable)]);
    const extra = table.columns.filter((c) => c !== '' && !known.has(c));
    if (extra.length > 0)
        warnings.push(
            `Okända kolumner hoppas över: ${extra
                .slice(0, MAX_LISTED_COLUMNS)
                .map((c) => shown(c))
                .join(', ')}${extra.length > MAX_LISTED_COLUMNS ? ` och ${extra.length - MAX_LISTED_COLUMNS} till` : ''}.`,
        );
    const duplicateColumns = table.columns.filter((c, i) => c !== '' && table.columns.indexOf(c) !== i);
    for (const column of new Set(duplicateColumns))
        problems.push({ variable: shown(column), message: 'Kolumnen finns mer än en gång.' });
    if (table.rows.length === 0) problems.push({ message: 'Filen har inga svarande (bara en rubrikrad).' });
    const possible = kommuner().length + (register?.stadsdelar.size ?? 0);
    const rowCount = table.rows.length + (table.omittedRows ?? 0);
    if ((register && rowCount > possible) || table.omittedRows) {
        problems.unshift({
            message: `Filen har ${rowCount} rader med svar, men det finns bara ${possible} möjliga svarande (${kommuner().length} kommuner och ${register?.stadsdelar.size ?? 0} stadsdelar); varje enhet får finnas en gång.${rowCount > MAX_KEPT_ROWS ? ` Raderna granskades inte var för sig. Är det en registerfil (en rad per person)? Den anges med --register.` : ''}`,
        });
        // Far more rows than respondents: the file is not a response file, and a problem per row would only bury that.
        if (rowCount > MAX_KEPT_ROWS) throw new ResponseFileError(problems);
    }
    if (register?.year !== undefined && !registerHolds(register.year)) {
        problems.push({
            message: `Enkäten gäller ${register.year}, men kommunregistret gäller åren ${REGISTER_VALID_FROM}–${REGISTER_VALID_THROUGH}; enhetskoderna kan inte kontrolleras.`,
        });
    }

    const seen = new Map<string, number>();
    const respondents: Respondent[] = [];
    const misnamed: string[] = [];
    for (const { line, cells } of table.rows) {
        if (cells.length !== table.columns.length) {
            problems.push({ row: line, message: `Raden har ${cells.length} fält men rubrikraden ${table.columns.length}.` });
        }
        const unit = (cells[index.get('unit') ?? -1] ?? '').trim();
        const unitShown = shown(unit);
        if (index.has('unit')) {
            const parsed = unit === '' ? undefined : parseUnitCode(unit, register?.stadsdelar);
            if (parsed === undefined) problems.push({ row: line, message: 'Enhetskod (unit) saknas.' });
            else if (isUnitCodeError(parsed)) problems.push({ row: line, unit: unitShown, message: parsed.error });
            else if (seen.has(unit))
                problems.push({ row: line, unit: unitShown, message: `Enheten finns redan på rad ${seen.get(unit)}.` });
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
                if (!/^\d+$/.test(value))
                    problems.push({
                        row: line,
                        unit: unitShown,
                        variable: variable.variable,
                        message: `${quoted(value)} är inget antal (ett heltal ≥ 0).`,
                    });
            } else if (!variable.codes.map(String).includes(value)) {
                problems.push({
                    row: line,
                    unit: unitShown,
                    variable: variable.variable,
                    message: `${quoted(value)} är ingen kod i ${variable.answerSet} (${variable.codes.join(', ')}).`,
                });
            }
        }
        const name = (cells[index.get('name') ?? -1] ?? '').trim();
        const mismatch = nameOfAnother(unit, name, register);
        if (mismatch) misnamed.push(`rad ${line}: ${mismatch}`);
        respondents.push({ unit, name, line, answers });
    }
    if (misnamed.length > 0) {
        warnings.push(
            `Namnet hör till en annan enhet än koden på ${misnamed.length === 1 ? 'en rad' : `${misnamed.length} rader`}; kontrollera koderna (${misnamed.slice(0, 5).join('; ')}${misnamed.length > 5 ? ` och ${misnamed.length - 5} till` : ''}).`,
        );
    }
    if (problems.length > 0) throw new ResponseFileError(problems);
    return { respondents, warnings };
}
