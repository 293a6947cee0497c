/**
 * DuckDB as the engine of `oj evaluate --engine duckdb`: the response file read by DuckDB (CSV or
 * Parquet; XLSX by the default reader, which DuckDB does not read), validated by the evaluator as
 * every file is, and the validated respondents decided by the survey query.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
    type EvaluateOptions,
    indicatorsOf,
    readResponseFile,
    ResponseFileError,
    type ResponseTable,
    shown,
} from '@oj/evaluator';
import { lowerIndicator } from '@oj/language';
import { evaluateSurveyWithDuckDb, readResponseTableWithDuckDb } from './duckdb.js';

export type EngineName = 'standard' | 'duckdb';

export const ENGINE_NAMES: readonly EngineName[] = ['standard', 'duckdb'];

/**
 * Whether DuckDB's table of a CSV file is the one the default reader gives, so that the
 * validation names the same rows: DuckDB skips blank lines (the rows after one would be numbered
 * wrongly) and, on rows of unequal length, may take another line for the header. The file is a
 * survey export of a few hundred rows; reading its bytes once more costs nothing.
 */
function sameAsDefaultReader(file: string, table: ResponseTable): boolean {
    const text = fs.readFileSync(file, 'utf-8').replace(/^\uFEFF/, '');
    if (/\n[ \t,;]*\r?\n[^]*\S/.test(text)) return false;
    const header = text.split(/\r?\n/, 1)[0];
    return [',', ';', '\t'].some(
        (delimiter) =>
            header
                .split(delimiter)
                .map((c) => c.trim())
                .join('\u0000') === table.columns.join('\u0000'),
    );
}

/** The reader and the evaluation `evaluateResponsesFile` takes for DuckDB. */
export function duckdbEvaluateOptions(): Required<Pick<EvaluateOptions, 'readTable' | 'evaluate'>> {
    return {
        async readTable(file) {
            const extension = path.extname(file).toLowerCase();
            if (extension === '.xlsx') return readResponseFile(file);
            if (extension === '.parquet') {
                try {
                    return await readResponseTableWithDuckDb(file);
                } catch (error) {
                    if (error instanceof ResponseFileError) throw error;
                    throw new ResponseFileError([
                        {
                            message: `Filen ${file} kan inte läsas som Parquet: ${shown((error as Error).message.split('\n')[0], 200)}`,
                        },
                    ]);
                }
            }
            // A CSV file DuckDB does not read as the default reader does (another encoding than
            // UTF-8, blank lines, rows of unequal length) is read by the default reader, saying so,
            // so that every problem is named at the same row with the same words.
            let reason: string;
            try {
                const table = await readResponseTableWithDuckDb(file);
                if (sameAsDefaultReader(file, table)) return table;
                reason = 'filen har tomma rader eller rader med olika många fält';
            } catch {
                reason = 'DuckDB:s CSV-läsare avvisade den, t.ex. för en annan teckenkodning än UTF-8';
            }
            const table = await readResponseFile(file);
            return {
                ...table,
                notes: [
                    `DuckDB läste inte filen som standardläsaren gör (${reason}); den lästes av standardläsaren.`,
                    ...table.notes,
                ],
            };
        },
        evaluate: (models, respondents) => evaluateSurveyWithDuckDb(indicatorsOf(models).map(lowerIndicator), respondents),
    };
}
