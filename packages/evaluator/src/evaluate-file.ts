/**
 * `oj evaluate`: a survey export in, per-respondent statuses and published shares out
 * (units.csv, aggregates.csv, and what the caller's publisher adds: results.xlsx). Nothing is
 * written unless the whole file is valid.
 */
import * as path from 'node:path';
import {
    type Indicator, type IndicatorResult, type Model, type Status, codebookRows, evaluatePlan, lowerModels
} from '@oj/language';
import { writeFilesAtomically } from './atomic-write.js';
import { formatCsv } from './csv.js';
import { aggregate, type AggregateRow, type UnitResult } from './runtime/aggregate.js';
import { readResponseFile, unitRegisterOf, validateResponses } from './responses.js';

export interface EvaluateOptions {
    /** Called now and then with the number of respondents evaluated so far. */
    onProgress?: (done: number, total: number) => void;
    /**
     * Further result files made from the evaluated results (@oj/publishing's results.xlsx), written
     * with units.csv and aggregates.csv, all or none. The evaluator does not know how results are
     * published; the caller (the CLI, the extension) passes the publisher.
     */
    publish?: (evaluated: EvaluatedResponses) => Promise<Array<{ name: string; content: string | Buffer }>>;
}

/** What one evaluation produced, for a publisher. */
export interface EvaluatedResponses {
    models: Model[];
    responsesPath: string;
    respondents: Array<{ unit: string; name: string }>;
    results: Array<UnitResult & IndicatorResult>;
    aggregates: AggregateRow[];
}

export interface EvaluationSummary {
    respondentsRead: number;
    respondentsEvaluated: number;
    results: number;
    statuses: Record<Status, number>;
    warnings: string[];
    files: string[];
}

export function indicatorsOf(models: Model[]): Indicator[] {
    return models.flatMap(m => m.elements.filter((e): e is Indicator => e.$type === 'Indicator')).sort((a, b) => a.number - b.number);
}

export function evaluateRespondents(models: Model[], respondents: Array<{ unit: string; answers: Record<string, string> }>, options: EvaluateOptions = {}): Array<UnitResult & IndicatorResult> {
    const plans = lowerModels(models).flatMap(p => p.units);
    const results: Array<UnitResult & IndicatorResult> = [];
    respondents.forEach((respondent, index) => {
        for (const plan of plans) results.push({ ...evaluatePlan(plan, respondent.answers), unit: respondent.unit });
        if (options.onProgress && (index + 1) % 1000 === 0) options.onProgress(index + 1, respondents.length);
    });
    return results;
}

/** One row per respondent, indicator and group; a ratio indicator's row carries the respondent's own counts. */
export function unitsCsv(results: UnitResult[], names: ReadonlyMap<string, string> = new Map()): string {
    return formatCsv(['unit', 'name', 'indicator', 'group', 'status', 'numerator', 'denominator'],
        results.map(r => [r.unit, names.get(r.unit) ?? '', r.indicator, r.group ?? '', r.status, r.numerator ?? '', r.denominator ?? '']));
}

export function aggregatesCsv(rows: AggregateRow[]): string {
    return formatCsv(['indicator', 'group', 'level', 'region', 'numerator', 'denominator', 'share'],
        rows.map(r => [r.indicator, r.group ?? '', r.level, r.region, r.numerator, r.denominator, r.share === undefined ? '' : r.share.toFixed(4)]));
}

/**
 * Reads, validates and evaluates a response file and writes the three result files to `outDir`.
 * Throws ResponseFileError naming every problem (and writes nothing) when the input is not valid.
 */
export async function evaluateResponsesFile(models: Model[], responsesPath: string, outDir: string, options: EvaluateOptions = {}): Promise<EvaluationSummary> {
    const table = await readResponseFile(responsesPath);
    const { respondents, warnings } = validateResponses(table, codebookRows(models), unitRegisterOf(models));
    const results = evaluateRespondents(models, respondents, options);
    const aggregates = aggregate(results);
    const published = options.publish
        ? await options.publish({ models, responsesPath, respondents: respondents.map(r => ({ unit: r.unit, name: r.name })), results, aggregates })
        : [];
    const written = [
        { path: path.join(outDir, 'units.csv'), content: unitsCsv(results, new Map(respondents.map(r => [r.unit, r.name]))) },
        { path: path.join(outDir, 'aggregates.csv'), content: aggregatesCsv(aggregates) },
        ...published.map(f => ({ path: path.join(outDir, f.name), content: f.content }))
    ];
    const files = written.map(f => f.path);
    // All or none: a failure midway must not leave a cut-off file beside complete ones.
    writeFilesAtomically(written);
    const statuses = { met: 0, not_met: 0, excluded: 0, missing: 0 };
    for (const r of results) statuses[r.status]++;
    return { respondentsRead: table.rows.length, respondentsEvaluated: respondents.length, results: results.length, statuses, warnings, files };
}
