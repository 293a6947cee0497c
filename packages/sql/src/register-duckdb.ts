/**
 * The embedded DuckDB engine for register indicators: the register file (CSV or Parquet) read by
 * DuckDB itself, streaming (it is never loaded into this process), its header checked as the
 * default engine checks it, and the counts of every unit × stratum taken from the register query
 * (register-emit.ts). What comes back is the default engine's `RegisterCounts`, so that levels,
 * suppression and the result files are made from either engine's counts by the same code.
 */
import * as path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import {
    evaluateRegisterFile,
    RegisterCountsBuilder,
    registerDelimiter,
    type RegisterCounts,
    RegisterFileError,
    ResponseFileError,
    shown,
    validateRegisterHeader,
} from '@oj/evaluator';
import type { RegisterIndicatorPlan } from '@oj/language';
import { openDuckDb } from './duckdb.js';
import { quoteIdentifier, stringLiteral } from './emit.js';
import { registerQuery } from './register-emit.js';

const q = (name: string) => quoteIdentifier(name, 'duckdb');

/** The DuckDB table function reading a register file: every CSV cell as text, exactly as written. */
export function registerSource(file: string): string {
    if (path.extname(file).toLowerCase() === '.parquet') return `read_parquet(${stringLiteral(file, 'duckdb')})`;
    // The delimiter the default engine reads from the header, so that DuckDB's sniffer cannot take
    // another (on a file with a ragged row it may); DuckDB then refuses what the default engine names.
    const delimiter = registerDelimiter(file);
    return `read_csv(${stringLiteral(file, 'duckdb')}, all_varchar = true, header = true, auto_detect = true${delimiter ? `, delim = ${stringLiteral(delimiter, 'duckdb')}, quote = '"'` : ''})`;
}

/**
 * The file's rows as the default engine reads them: a column whose header has spaces around it by
 * its trimmed name, and a row with no value at all (`,,,,`, as a spreadsheet saves an empty
 * formatted row) no row.
 */
function rowsOf(table: string, columns: readonly string[]): string {
    const renamed = columns.map((c) => `${q(c)} AS ${q(c.trim())}`).join(', ');
    const anyValue = columns.map((c) => `NULLIF(TRIM(CAST(${q(c)} AS VARCHAR)), '')`).join(', ');
    return `(SELECT ${renamed} FROM ${table} WHERE COALESCE(${anyValue}) IS NOT NULL)`;
}

type CellRow = [
    indicator: number,
    unit: string | null,
    stratification: string | null,
    stratum: string | null,
    numerator: number | bigint,
    denominator: number | bigint,
    missing: number | bigint,
    rows: number | bigint,
];

/** Runs the register query over `table` (a table or a table function) and returns the counts. */
export async function registerCountsFromTable(
    connection: DuckDBConnection,
    plans: readonly RegisterIndicatorPlan[],
    table: string,
): Promise<RegisterCounts['indicators']> {
    const sql = registerQuery(plans, { dialect: 'duckdb', from: table });
    const reader = await connection.runAndReadAll(sql);
    const builder = new RegisterCountsBuilder(plans);
    for (const [
        indicator,
        unit,
        stratification,
        stratum,
        numerator,
        denominator,
        missing,
        rows,
    ] of reader.getRowsJS() as unknown as CellRow[]) {
        const n = Number(numerator);
        const d = Number(denominator);
        const m = Number(missing);
        if (unit === null) {
            // Only the total of the rows without a known unit is read; they are in no stratum's cell.
            if (stratification === null) builder.addUnknownUnit(Number(indicator), Number(rows));
            continue;
        }
        if (stratification !== null && stratum === null) {
            builder.addUnstratified(Number(indicator), stratification, Number(rows));
            continue;
        }
        builder.addCell(Number(indicator), unit, stratification ?? undefined, stratum!, {
            numerator: n,
            denominator: d,
            missing: m,
        });
    }
    return builder.counts();
}

/**
 * Reads a register file with DuckDB and counts every register indicator of `plans` (all reading
 * this register). Throws ResponseFileError, in the default engine's words, when the header lacks a
 * declared column or the file cannot be read.
 */
export async function evaluateRegisterWithDuckDb(plans: readonly RegisterIndicatorPlan[], file: string): Promise<RegisterCounts> {
    if (plans.length === 0) throw new Error('no register indicators to evaluate');
    const source = plans[0].source;
    const connection = await openDuckDb();
    try {
        const table = registerSource(file);
        let columns: string[];
        let types: string[];
        let rowsRead: number;
        try {
            const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${table}`);
            const rows = described.getRowsJS() as unknown as Array<[string, string]>;
            columns = rows.map((r) => r[0]);
            types = rows.map((r) => r[1]);
            const counted = await connection.runAndReadAll(`SELECT COUNT(*) FROM ${rowsOf(table, columns)}`);
            rowsRead = Number((counted.getRowsJS() as unknown as Array<[bigint]>)[0][0]);
        } catch (error) {
            if (error instanceof ResponseFileError) throw error;
            const reason = shown((error as Error).message.split('\n')[0], 200);
            if (path.extname(file).toLowerCase() === '.parquet')
                throw new RegisterFileError([{ message: `Registerfilen ${file} kan inte läsas som Parquet: ${reason}` }]);
            // A CSV file DuckDB's reader refuses (another encoding than UTF-8, rows of unequal width,
            // a quote left open) is read by the default engine, which names every problem at its
            // row in the same words, or counts the file when it has none. Said so in a warning.
            const counts = await evaluateRegisterFile(plans, file);
            return {
                ...counts,
                warnings: [`DuckDB kunde inte läsa registerfilen (${reason}); den lästes av standardmotorn.`, ...counts.warnings],
            };
        }
        const { warnings } = validateRegisterHeader(
            columns.map((c) => c.trim()),
            source,
        );
        // Parquet may hold kommunkoder as numbers: 0114 is then 114, and every row would be of an unknown unit.
        const unitType = types[columns.findIndex((c) => c.trim() === source.unitColumn)];
        if (unitType !== undefined && unitType !== 'VARCHAR') {
            throw new RegisterFileError([
                {
                    variable: source.unitColumn,
                    message: `Kolumnen "${shown(source.unitColumn)}" har typen ${unitType} i filen, inte text: kommunkoder förlorar då sin inledande nolla (0114 blir 114). Spara kolumnen som text (VARCHAR).`,
                },
            ]);
        }
        if (rowsRead === 0) throw new RegisterFileError([{ message: 'Registerfilen har inga rader (bara en rubrikrad).' }]);
        const counts = await registerCountsFromTable(connection, plans, rowsOf(table, columns));
        return { indicators: counts, rowsRead, warnings };
    } finally {
        connection.closeSync();
    }
}

/**
 * A register CSV as Parquet, every column text (kommunkoder keep their leading zero), written by
 * DuckDB streaming: the synthetic register files of the benchmarks and tests in the other format
 * `--engine duckdb` reads.
 */
export async function registerCsvToParquet(csv: string, parquet: string): Promise<void> {
    const connection = await openDuckDb();
    try {
        await connection.run(
            `COPY (SELECT * FROM ${registerSource(csv)}) TO ${stringLiteral(parquet, 'duckdb')} (FORMAT parquet)`,
        );
    } finally {
        connection.closeSync();
    }
}
