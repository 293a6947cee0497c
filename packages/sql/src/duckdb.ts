/**
 * The embedded DuckDB engine: response rows loaded into an in-memory DuckDB table of text columns,
 * decided by the survey query of emit.ts, and the result read back as the evaluator's results
 * (the interpreter's statuses, sums and values; no traces: SQL gives the decision, not the answers
 * that decided it). Response files are read by DuckDB's own CSV and Parquet readers.
 */
import * as path from 'node:path';
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { inPopulation, MAX_KEPT_ROWS, ResponseFileError, type ResponseTable, type SurveyEvaluation } from '@oj/evaluator';
import type { IndicatorPlan, IndicatorResult, MeasureResult, Status } from '@oj/language';
import { quoteIdentifier, stringLiteral, surveyQuery, variablesOf } from './emit.js';

export interface SqlRespondent {
    unit: string;
    answers: Readonly<Record<string, string | number | null | undefined>>;
}

/** One connection to a fresh in-memory database; close it when done. */
export async function openDuckDb(): Promise<DuckDBConnection> {
    const instance = await DuckDBInstance.create(':memory:');
    return instance.connect();
}

const q = (name: string) => quoteIdentifier(name, 'duckdb');

/** Loads respondents into `table` (row_number, unit and a VARCHAR column per variable; blank → NULL). */
export async function loadRespondents(
    connection: DuckDBConnection,
    variables: readonly string[],
    respondents: readonly SqlRespondent[],
    table = 'responses',
): Promise<void> {
    await connection.run(
        `CREATE OR REPLACE TABLE ${q(table)} (${q('row_number')} BIGINT, ${q('unit')} VARCHAR${variables.map((v) => `, ${q(v)} VARCHAR`).join('')})`,
    );
    const appender = await connection.createAppender(table);
    respondents.forEach((respondent, index) => {
        appender.appendBigInt(BigInt(index));
        appender.appendVarchar(respondent.unit);
        for (const variable of variables) {
            const answer = respondent.answers[variable];
            if (answer === undefined || answer === null) appender.appendNull();
            else appender.appendVarchar(String(answer));
        }
        appender.endRow();
    });
    appender.closeSync();
}

type ResultRow = [
    row: bigint | number,
    unit: string,
    indicator: number,
    group: string | null,
    stratum: string | null,
    kind: string,
    status: string,
    numerator: number | null,
    denominator: number | null,
    value: number | null,
];

/** The results of the survey query, as the interpreter gives them (without traces), in its order. */
export async function runSurveyQuery(
    connection: DuckDBConnection,
    plans: readonly IndicatorPlan[],
    table = 'responses',
): Promise<{
    results: Array<IndicatorResult & { unit: string; row: number }>;
    measures: Array<MeasureResult & { unit: string; row: number }>;
}> {
    const reader = await connection.runAndReadAll(surveyQuery(plans, { dialect: 'duckdb', table }));
    const results: Array<IndicatorResult & { unit: string; row: number }> = [];
    const measures: Array<MeasureResult & { unit: string; row: number }> = [];
    for (const [
        row,
        unit,
        indicator,
        group,
        stratum,
        kind,
        status,
        numerator,
        denominator,
        value,
    ] of reader.getRowsJS() as unknown as ResultRow[]) {
        const result: {
            unit: string;
            row: number;
            indicator: number;
            group?: string;
            stratum?: string;
            numerator?: number;
            denominator?: number;
            value?: number;
        } = {
            unit,
            row: Number(row),
            indicator: Number(indicator),
            group: group ?? undefined,
        };
        if (stratum !== null) result.stratum = stratum;
        if (kind === 'measure') {
            if (value !== null) result.value = value;
            if (numerator !== null) {
                result.numerator = numerator;
                result.denominator = denominator!;
            }
            measures.push({ ...result, status: status as MeasureResult['status'], trace: [] });
        } else {
            if (numerator !== null) {
                result.numerator = numerator;
                result.denominator = denominator!;
            }
            results.push({ ...result, status: status as Status, trace: [] });
        }
    }
    return { results, measures };
}

/**
 * Evaluates respondents through DuckDB, giving what the default engine's `evaluateSurvey` gives
 * (results and measures in the same order, the same count of respondent × indicator pairs outside
 * a population).
 */
export async function evaluateSurveyWithDuckDb(
    plans: readonly IndicatorPlan[],
    respondents: readonly SqlRespondent[],
): Promise<SurveyEvaluation> {
    const connection = await openDuckDb();
    try {
        await loadRespondents(connection, variablesOf(plans), respondents);
        const { results, measures } = await runSurveyQuery(connection, plans);
        let outside = 0;
        for (const respondent of respondents)
            for (const plan of plans) if (!inPopulation(respondent.unit, plan.population)) outside++;
        return { results: results.map(strip), measures: measures.map(strip), outside };
    } finally {
        connection.closeSync();
    }

    function strip<T extends { row: number }>(r: T): Omit<T, 'row'> {
        const { row: _row, ...rest } = r;
        return rest;
    }
}

/**
 * A response file (CSV or Parquet) read by DuckDB as a response table of text cells, for the
 * evaluator's validation (the same checks and messages as for the default reader). Cells are
 * text exactly as written (all_varchar), blank cells empty; lines count the header as 1.
 */
export async function readResponseTableWithDuckDb(file: string): Promise<ResponseTable> {
    const connection = await openDuckDb();
    try {
        const parquet = path.extname(file).toLowerCase() === '.parquet';
        const source = parquet
            ? `read_parquet(${stringLiteral(file, 'duckdb')})`
            : `read_csv(${stringLiteral(file, 'duckdb')}, all_varchar = true, header = true, auto_detect = true, null_padding = false)`;
        // As the default reader: rows past MAX_KEPT_ROWS are counted, not read (a file far larger than a survey is refused for its size).
        const counted = await connection.runAndReadAll(`SELECT COUNT(*) FROM ${source}`);
        const total = Number((counted.getRowsJS() as unknown as Array<[bigint]>)[0][0]);
        const reader = await connection.runAndReadAll(`SELECT * FROM ${source} LIMIT ${MAX_KEPT_ROWS}`);
        const columns = reader.columnNames().map((c) => c.trim());
        // A Parquet file may hold the respondents' codes as numbers: 0114 is then 114, and no
        // validation of codes can tell why. Said before anything else.
        const unit = columns.indexOf('unit');
        const unitType = unit >= 0 ? String(reader.columnType(unit)) : undefined;
        if (parquet && unitType !== undefined && unitType !== 'VARCHAR') {
            throw new ResponseFileError([
                {
                    variable: 'unit',
                    message: `Kolumnen "unit" har typen ${unitType} i Parquet-filen, inte text: kommunkoder förlorar då sin inledande nolla (0114 blir 114). Spara kolumnen som text (VARCHAR).`,
                },
            ]);
        }
        const rows = (reader.getRowsJS() as unknown[][]).map((cells, i) => ({
            line: i + 2,
            cells: cells.map((c) => (c === null || c === undefined ? '' : String(c))),
        }));
        // As the default reader: a row with no value holds no respondent.
        return {
            columns,
            rows: rows.filter((r) => r.cells.some((c) => c.trim() !== '')),
            notes: [],
            ...(total > MAX_KEPT_ROWS ? { omittedRows: total - MAX_KEPT_ROWS } : {}),
        };
    } finally {
        connection.closeSync();
    }
}
