/** Evaluating a response file and publishing its results in one step, as `oj evaluate` does. */
import * as path from 'node:path';
import { type EvaluatedResponses, type EvaluateOptions, type EvaluationSummary, evaluateResponsesFile } from '@oj/evaluator';
import type { Model } from '@oj/language';
import { type PreviousYear, readPreviousYear } from './previous.js';
import { resultsOf, stadsdelarOf } from './results.js';
import { resultsWorkbook, type WorkbookOptions } from './workbook.js';

/** The publisher `evaluateResponsesFile` calls: results.xlsx from the evaluated results. */
export function workbookPublisher(options: WorkbookOptions = {}): NonNullable<EvaluateOptions['publish']> {
    return async (evaluated: EvaluatedResponses) => {
        // A respondent is listed when it has a result: a row outside every indicator's population
        // (Stockholm's own row when its stadsdelar answer) has none, as in units.csv, so the workbook
        // is the same whether made here or from the results folder.
        const evaluatedUnits = new Set([...evaluated.results, ...evaluated.measures].map((r) => r.unit));
        const respondents = evaluated.respondents.filter((r) => evaluatedUnits.has(r.unit));
        const results = resultsOf(
            respondents,
            evaluated.results,
            evaluated.aggregates,
            stadsdelarOf(evaluated.models),
            evaluated.measures,
            evaluated.measureAggregates,
        );
        const bytes = await resultsWorkbook(evaluated.models, results, {
            ...options,
            responseFile: options.responseFile ?? (evaluated.responsesPath ? path.basename(evaluated.responsesPath) : undefined),
            ...(evaluated.registers ? { registers: evaluated.registers, surveyEvaluated: evaluated.responsesPath !== '' } : {}),
        });
        return [{ name: 'results.xlsx', content: bytes }];
    };
}

export interface PublishOptions extends EvaluateOptions, Omit<WorkbookOptions, 'previous'> {
    /** Last year's results folder (what `oj evaluate --out` wrote then): previous statuses and change per level. */
    previous?: string;
}

export interface PublishSummary extends EvaluationSummary {
    /** With `previous`: which indicators were compared with last year and which not. */
    previous?: { folder: string; comparable: number[]; notComparable: number[] };
}

/**
 * units.csv, aggregates.csv, indicators.csv and results.xlsx from a response file; nothing is
 * written unless it is valid. Last year's folder is read first, so a bad one stops before anything
 * is evaluated (ResultsFolderError).
 */
export async function evaluateAndPublish(
    models: Model[],
    /** Undefined when only register files are evaluated (`registerResults` in the options). */
    responsesPath: string | undefined,
    outDir: string,
    options: PublishOptions = {},
): Promise<PublishSummary> {
    const { publisher, responseFile, previous: folder, ...evaluate } = options;
    const previous: PreviousYear | undefined = folder !== undefined ? readPreviousYear(folder, models) : undefined;
    const summary: PublishSummary = await evaluateResponsesFile(models, responsesPath, outDir, {
        ...evaluate,
        ...(previous ? { previousStatus: previous.status } : {}),
        publish: workbookPublisher({ publisher, responseFile, previous }),
    });
    if (previous) {
        const matches = [...previous.matches.values()];
        summary.previous = {
            folder: previous.folder,
            comparable: matches.filter((m) => m.comparable).map((m) => m.indicator),
            notComparable: matches.filter((m) => !m.comparable).map((m) => m.indicator),
        };
    }
    return summary;
}
