/** Evaluating a response file and publishing its results in one step, as `oj evaluate` does. */
import * as path from 'node:path';
import { type EvaluatedResponses, type EvaluateOptions, type EvaluationSummary, evaluateResponsesFile } from '@oj/evaluator';
import type { Model } from '@oj/language';
import { resultsOf, stadsdelarOf } from './results.js';
import { resultsWorkbook, type WorkbookOptions } from './workbook.js';

/** The publisher `evaluateResponsesFile` calls: results.xlsx from the evaluated results. */
export function workbookPublisher(options: WorkbookOptions = {}): NonNullable<EvaluateOptions['publish']> {
    return async (evaluated: EvaluatedResponses) => {
        // A respondent is listed when it has a result: a row outside every indicator's population
        // (Stockholm's own row when its stadsdelar answer) has none, as in units.csv, so the workbook
        // is the same whether made here or from the results folder.
        const evaluatedUnits = new Set([...evaluated.results, ...evaluated.measures].map(r => r.unit));
        const respondents = evaluated.respondents.filter(r => evaluatedUnits.has(r.unit));
        const results = resultsOf(respondents, evaluated.results, evaluated.aggregates, stadsdelarOf(evaluated.models));
        const bytes = await resultsWorkbook(evaluated.models, results, { ...options, responseFile: options.responseFile ?? path.basename(evaluated.responsesPath) });
        return [{ name: 'results.xlsx', content: bytes }];
    };
}

/** units.csv, aggregates.csv and results.xlsx from a response file; nothing is written unless it is valid. */
export function evaluateAndPublish(models: Model[], responsesPath: string, outDir: string, options: EvaluateOptions & WorkbookOptions = {}): Promise<EvaluationSummary> {
    const { publisher, responseFile, ...evaluate } = options;
    return evaluateResponsesFile(models, responsesPath, outDir, { ...evaluate, publish: workbookPublisher({ publisher, responseFile }) });
}
