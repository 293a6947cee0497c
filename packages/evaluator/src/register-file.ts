/**
 * Reading an individual-level register file (one row per person or decision, millions of rows) for
 * the register indicators, streaming: the CSV is parsed chunk by chunk, each row handed to the
 * reference interpreter's accumulator of every register indicator and then dropped, so memory
 * holds the counts per unit × stratum and never the rows.
 *
 * The header is checked against the register's declared columns first (a missing column is an
 * error naming it, an unknown column a warning, as for survey files); a row with another number of
 * fields than the header is an error naming its line. Nothing is written when there is an error.
 * What the engines hand on is `RegisterCounts`: the same structure from this engine and from
 * DuckDB (@oj/sql), in one canonical order, so that the result files are made by the same code.
 */
import * as fs from 'node:fs';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import {
    RegisterAccumulator,
    type RegisterCell,
    type RegisterCellRow,
    type RegisterIndicatorPlan,
    type RegisterSourcePlan,
} from '@oj/language';
import { type InputProblem, RegisterFileError, ResponseFileError, shown } from './responses.js';

/** What an engine counted for one register indicator. */
export interface RegisterIndicatorCounts {
    indicator: number;
    /**
     * The kommun-level cells as the reference interpreter's `RegisterAccumulator.cells()` gives
     * them: every unit with a counted row, in code order, its total first, then every stratum of
     * every stratification in the plan's order (zero counts where no row fell in it).
     */
    cells: RegisterCellRow[];
    /** Rows whose unit is blank or no known kommunkod (outside, reported). */
    unknownUnit: number;
    /** Per stratification: counted rows whose stratum value is blank, unknown or in no stratum (in the total only). */
    unstratified: Record<string, number>;
}

/** What an engine counted for the register indicators of one register file. */
export interface RegisterCounts {
    /** In the order the plans were given. */
    indicators: RegisterIndicatorCounts[];
    /** Data rows of the file (rows with no value at all are no rows). */
    rowsRead: number;
    warnings: string[];
}

/**
 * Collects counts as an engine that counts by itself (DuckDB) finds them, in any order, and gives
 * them in the order and shape of the reference interpreter's accumulator.
 */
export class RegisterCountsBuilder {
    private readonly cells = new Map<number, Map<string, Map<string, RegisterCell>>>();
    private readonly unknown = new Map<number, number>();
    private readonly unstratifiedRows = new Map<number, Record<string, number>>();

    constructor(private readonly plans: readonly RegisterIndicatorPlan[]) {
        for (const plan of plans) {
            this.cells.set(plan.number, new Map());
            this.unknown.set(plan.number, 0);
            this.unstratifiedRows.set(plan.number, Object.fromEntries(plan.stratifications.map((s) => [s.name, 0])));
        }
    }

    private static key(stratification: string | undefined, stratum: string): string {
        return `${stratification ?? ''}\u0000${stratum}`;
    }

    addCell(indicator: number, unit: string, stratification: string | undefined, stratum: string, cell: RegisterCell): void {
        const units = this.cells.get(indicator);
        if (!units) throw new Error(`no register indicator ${indicator}`);
        let strata = units.get(unit);
        if (!strata) units.set(unit, (strata = new Map()));
        const key = RegisterCountsBuilder.key(stratification, stratum);
        const sum = strata.get(key) ?? { numerator: 0, denominator: 0, missing: 0 };
        strata.set(key, {
            numerator: sum.numerator + cell.numerator,
            denominator: sum.denominator + cell.denominator,
            missing: sum.missing + cell.missing,
        });
    }

    addUnknownUnit(indicator: number, rows: number): void {
        this.unknown.set(indicator, (this.unknown.get(indicator) ?? 0) + rows);
    }

    addUnstratified(indicator: number, stratification: string, rows: number): void {
        const own = this.unstratifiedRows.get(indicator)!;
        own[stratification] = (own[stratification] ?? 0) + rows;
    }

    counts(): RegisterIndicatorCounts[] {
        return this.plans.map((plan) => {
            const units = this.cells.get(plan.number)!;
            const cells: RegisterCellRow[] = [];
            for (const unit of [...units.keys()].sort()) {
                const strata = units.get(unit)!;
                const cell = (stratification: string | undefined, stratum: string): RegisterCellRow => {
                    const found = strata.get(RegisterCountsBuilder.key(stratification, stratum));
                    const row: RegisterCellRow = {
                        level: 'kommun',
                        region: unit,
                        stratum,
                        numerator: found?.numerator ?? 0,
                        denominator: found?.denominator ?? 0,
                        missing: found?.missing ?? 0,
                    };
                    if (stratification !== undefined) row.stratification = stratification;
                    return row;
                };
                cells.push(cell(undefined, plan.totalCode));
                for (const s of plan.stratifications) for (const stratum of s.strata) cells.push(cell(s.name, stratum.code));
            }
            return {
                indicator: plan.number,
                cells,
                unknownUnit: this.unknown.get(plan.number)!,
                unstratified: { ...this.unstratifiedRows.get(plan.number)! },
            };
        });
    }
}

/** Most unknown columns named one by one. */
const MAX_LISTED_COLUMNS = 10;

/**
 * Checks a register file's header against the declared columns: every declared column must be
 * there, once (an error naming each missing or repeated one); a column the model does not declare
 * is skipped with a warning. Returns each declared column's index.
 */
export function validateRegisterHeader(
    columns: readonly string[],
    source: RegisterSourcePlan,
): { index: Map<string, number>; warnings: string[] } {
    const problems: InputProblem[] = [];
    const warnings: string[] = [];
    const index = new Map<string, number>();
    columns.forEach((c, i) => {
        if (!index.has(c)) index.set(c, i);
    });
    const declared = source.columns.map((c) => c.name);
    const missing = declared.filter((name) => !index.has(name));
    if (missing.length === declared.length && declared.length > 1) {
        const header = columns.filter((c) => c !== '');
        problems.push({
            message:
                `Rubrikraden (rad 1) har ingen av registrets kolumner${
                    header.length > 0
                        ? ` (den har ${header
                              .slice(0, 5)
                              .map((c) => `"${shown(c)}"`)
                              .join(', ')}${header.length > 5 ? ` och ${header.length - 5} till` : ''})`
                        : ''
                }. ` + `Registret ${shown(source.name)} har kolumnerna ${declared.join(', ')}.`,
        });
        throw new RegisterFileError(problems);
    }
    for (const name of missing)
        problems.push({
            variable: name,
            message: `Kolumnen saknas; registret ${shown(source.name)} deklarerar den${name === source.unitColumn ? ' som enhetens kommunkod' : ''}.`,
        });
    for (const column of new Set(columns.filter((c, i) => c !== '' && columns.indexOf(c) !== i)))
        problems.push({ variable: shown(column), message: 'Kolumnen finns mer än en gång.' });
    if (problems.length > 0) throw new RegisterFileError(problems);
    const known = new Set(declared);
    const extra = columns.filter((c) => c !== '' && !known.has(c));
    if (extra.length > 0)
        warnings.push(
            `Okända kolumner i registerfilen hoppas över: ${extra
                .slice(0, MAX_LISTED_COLUMNS)
                .map((c) => shown(c))
                .join(', ')}${extra.length > MAX_LISTED_COLUMNS ? ` och ${extra.length - MAX_LISTED_COLUMNS} till` : ''}.`,
        );
    return { index: new Map(declared.map((name) => [name, index.get(name)!])), warnings };
}

/** Row problems kept for the message; beyond them only counted, so that a broken 10-million-row file does not fill memory. */
const MAX_KEPT_PROBLEMS = 1000;

const SNIFF_BYTES = 64 * 1024;

/** The first bytes of the file, to choose the delimiter and the encoding before streaming. */
function sniff(file: string): Buffer {
    const fd = fs.openSync(file, 'r');
    try {
        const buffer = Buffer.alloc(SNIFF_BYTES);
        const read = fs.readSync(fd, buffer, 0, buffer.length, 0);
        return buffer.subarray(0, read);
    } finally {
        fs.closeSync(fd);
    }
}

/** `;`, `,` or a tab: whichever occurs most often outside quotes on the header line. */
function delimiterOf(headerLine: string): ';' | ',' | '\t' {
    const header = headerLine.replace(/"[^"]*"/g, '');
    const count = (c: string) => header.split(c).length - 1;
    const [semicolons, commas, tabs] = [count(';'), count(','), count('\t')];
    if (tabs > semicolons && tabs > commas) return '\t';
    return semicolons > commas ? ';' : ',';
}

/**
 * The delimiter of a register CSV as this reader takes it (from its header line), for another
 * engine's reader (DuckDB's), so that both split the file alike; undefined when it cannot be read.
 */
export function registerDelimiter(file: string): ';' | ',' | '\t' | undefined {
    try {
        const head = sniff(file)
            .toString('latin1')
            .replace(/^\u00EF\u00BB\u00BF/, '');
        return delimiterOf(head.split(/\r?\n/, 1)[0]);
    } catch {
        return undefined;
    }
}

function fileProblem(file: string, error: unknown): ResponseFileError {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
        code === 'ENOENT'
            ? 'filen finns inte'
            : code === 'EISDIR'
              ? 'det är en mapp'
              : code === 'EACCES' || code === 'EPERM'
                ? 'behörighet saknas'
                : (code ?? (error as Error).message);
    return new RegisterFileError([{ message: `Registerfilen ${file} kan inte läsas: ${shown(reason, 200)}.` }]);
}

export interface RegisterRowsRead {
    rowsRead: number;
    warnings: string[];
}

/**
 * Streams a register CSV (`,`, `;` or tab; UTF-8 with or without BOM, Windows-1252 recognised)
 * row by row: `onRow` gets each data row as a record of the declared columns (trimmed text, blank
 * as ''), and its line. Rows with no value at all are skipped. Throws ResponseFileError naming
 * every problem (a missing column, a row of another width, a CSV syntax error) after the whole
 * file is read, so that the user sees all of them at once; the caller writes nothing then.
 */
export async function readRegisterRows(
    file: string,
    source: RegisterSourcePlan,
    onRow: (row: Record<string, string>, line: number) => void,
): Promise<RegisterRowsRead> {
    let head: Buffer;
    try {
        head = sniff(file);
    } catch (error) {
        throw fileProblem(file, error);
    }
    if (head.length === 0) throw new RegisterFileError([{ message: 'Registerfilen är tom.' }]);
    if (head.subarray(0, 4096).includes(0))
        throw new RegisterFileError([
            {
                message:
                    'Registerfilen innehåller NUL-tecken och är ingen textfil; en registerfil är CSV (UTF-8 eller Windows-1252).',
            },
        ]);
    const warnings: string[] = [];
    let utf8 = true;
    try {
        // A sample shorter than asked for is the whole file; a full one may end inside a character (stream: true allows that).
        new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: head.length === SNIFF_BYTES });
    } catch {
        utf8 = false;
        warnings.push('Registerfilen är inte UTF-8; den lästes som Windows-1252.');
    }
    const headText = (utf8 ? head.toString('utf-8') : new TextDecoder('windows-1252').decode(head)).replace(/^\uFEFF/, '');
    const delimiter = delimiterOf(headText.split(/\r?\n/, 1)[0]);

    const problems: InputProblem[] = [];
    let moreProblems = 0;
    const problem = (p: InputProblem) => {
        if (problems.length < MAX_KEPT_PROBLEMS) problems.push(p);
        else moreProblems++;
    };
    let header: string[] | undefined;
    let index: Map<string, number> | undefined;
    let rowsRead = 0;
    const names = source.columns.map((c) => c.name);
    const handle = (cells: string[], line: number) => {
        if (!header) {
            header = cells.map((c) => c.trim());
            const checked = validateRegisterHeader(header, source);
            index = checked.index;
            warnings.push(...checked.warnings);
            return;
        }
        if (cells.every((c) => c.trim() === '')) return;
        rowsRead++;
        if (cells.length !== header.length) {
            problem({ row: line, message: `Raden har ${cells.length} fält men rubrikraden ${header.length}.` });
            return;
        }
        const row: Record<string, string> = {};
        for (const name of names) row[name] = cells[index!.get(name)!].trim();
        onRow(row, line);
    };

    await new Promise<void>((resolve, reject) => {
        const parser = parse({
            delimiter,
            bom: true,
            relax_column_count: true,
            skip_empty_lines: true,
            info: true,
        });
        parser.on('readable', () => {
            let record: { record: string[]; info: { lines: number } } | null;
            try {
                while ((record = parser.read() as typeof record) !== null) handle(record.record, record.info.lines);
            } catch (error) {
                parser.destroy();
                reject(error);
            }
        });
        parser.on('error', (error: Error & { lines?: number }) => {
            if (error instanceof ResponseFileError) return reject(error);
            reject(
                new RegisterFileError([
                    ...problems,
                    { row: error.lines, message: `Filen kan inte läsas som CSV: ${shown(error.message, 200)}` },
                ]),
            );
        });
        parser.on('end', () => resolve());
        const stream = fs.createReadStream(file);
        stream.on('error', (error) => reject(fileProblem(file, error)));
        if (utf8) stream.pipe(parser);
        else
            Readable.fromWeb(
                (Readable.toWeb(stream) as ReadableStream<Uint8Array>).pipeThrough(
                    new TextDecoderStream('windows-1252'),
                ) as never,
            ).pipe(parser);
    });
    if (!header) throw new RegisterFileError([{ message: 'Registerfilen är tom.' }]);
    if (problems.length > 0) {
        if (moreProblems > 0) problems.push({ message: `… och ${moreProblems} rader till med fel.` });
        throw new RegisterFileError(problems);
    }
    if (rowsRead === 0) throw new RegisterFileError([{ message: 'Registerfilen har inga rader (bara en rubrikrad).' }]);
    return { rowsRead, warnings };
}

/**
 * The default engine: streams the register file once and counts every register indicator of
 * `plans` (all reading this register) with the reference interpreter's accumulator; memory holds
 * the counts per unit × stratum, never the rows.
 */
export async function evaluateRegisterFile(
    plans: readonly RegisterIndicatorPlan[],
    file: string,
    /** Called every 100,000 rows with the number of rows read so far. */
    options: { onProgress?: (rows: number) => void } = {},
): Promise<RegisterCounts> {
    if (plans.length === 0) throw new Error('no register indicators to evaluate');
    const accumulators = plans.map((plan) => new RegisterAccumulator(plan));
    let rows = 0;
    const { rowsRead, warnings } = await readRegisterRows(file, plans[0].source, (row) => {
        for (const accumulator of accumulators) accumulator.add(row);
        if (options.onProgress && ++rows % 100_000 === 0) options.onProgress(rows);
    });
    return {
        indicators: accumulators.map((a) => ({
            indicator: a.plan.number,
            cells: a.cells(),
            unknownUnit: a.outcomes.unknownUnit,
            unstratified: { ...a.unstratified },
        })),
        rowsRead,
        warnings,
    };
}
