/**
 * DuckDB as the engine of `oj evaluate --engine duckdb`: the response file read by DuckDB (CSV or
 * Parquet; XLSX by the default reader, which DuckDB does not read), validated by the evaluator as
 * every file is, and the validated respondents decided by the survey query.
 */
import * as path from 'node:path';
import { type EvaluateOptions, indicatorsOf, readResponseFile, ResponseFileError, shown } from '@oj/evaluator';
import { lowerIndicator } from '@oj/language';
import { evaluateSurveyWithDuckDb, readResponseTableWithDuckDb } from './duckdb.js';

export type EngineName = 'standard' | 'duckdb';

export const ENGINE_NAMES: readonly EngineName[] = ['standard', 'duckdb'];

/** The reader and the evaluation `evaluateResponsesFile` takes for DuckDB. */
export function duckdbEvaluateOptions(): Required<Pick<EvaluateOptions, 'readTable' | 'evaluate'>> {
    return {
        async readTable(file) {
            if (path.extname(file).toLowerCase() === '.xlsx') return readResponseFile(file);
            try {
                return await readResponseTableWithDuckDb(file);
            } catch (error) {
                throw new ResponseFileError([{ message: `Filen ${file} kan inte läsas med DuckDB: ${shown((error as Error).message, 200)}` }]);
            }
        },
        evaluate: (models, respondents) => evaluateSurveyWithDuckDb(indicatorsOf(models).map(lowerIndicator), respondents)
    };
}
