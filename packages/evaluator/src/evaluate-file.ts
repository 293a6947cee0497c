/**
 * `oj evaluate`: a survey export in, per-respondent statuses and published shares out
 * (units.csv, aggregates.csv, indicators.csv, and what the caller's publisher adds: results.xlsx).
 * Nothing is written unless the whole file is valid.
 */
import * as path from 'node:path';
import {
    type Indicator,
    type IndicatorResult,
    type MeasureResult,
    type Model,
    type Status,
    codebookRows,
    evaluateMeasurePlan,
    evaluatePlan,
    isRegisterIndicator,
    lowerIndicator,
} from '@oj/language';
import { writeFilesAtomically } from './atomic-write.js';
import { formatCsv } from './csv.js';
import { aggregate, type AggregateRow, type Level, type UnitResult } from './runtime/aggregate.js';
import { aggregateMeasures, type MeasureAggregateRow, type MeasureUnitResult } from './runtime/measures.js';
import { inPopulation } from './runtime/population.js';
import { readResponseFile, type ResponseTable, unitRegisterOf, validateResponses } from './responses.js';
import { type ImplausibleValue, withPlausibleCounts } from './plausibility.js';
import { registerAggregateRows, registerPlansOf, type RegisterIndicatorResult, registerUnitRows } from './register-results.js';

export interface EvaluateOptions {
    /** Called now and then with the number of respondents evaluated so far. */
    onProgress?: (done: number, total: number) => void;
    /**
     * Further result files made from the evaluated results (@oj/publishing's results.xlsx), written
     * with the CSV files, all or none. The evaluator does not know how results are published; the
     * caller (the CLI, the extension) passes the publisher.
     */
    publish?: (evaluated: EvaluatedResponses) => Promise<Array<{ name: string; content: string | Buffer }>>;
    /**
     * Another engine's reader of the response file (@oj/sql's DuckDB reads CSV and Parquet); its
     * table passes the same validation. `readResponseFile` when not given.
     */
    readTable?: (file: string) => Promise<ResponseTable>;
    /** Another engine's evaluation of the validated respondents (@oj/sql's DuckDB); `evaluateSurvey` when not given. */
    evaluate?: (
        models: Model[],
        respondents: Array<{ unit: string; answers: Record<string, string> }>,
    ) => Promise<SurveyEvaluation>;
    /**
     * Each respondent's status last year for an indicator comparable with it (@oj/publishing reads
     * last year's results folder); when given, units.csv gains a `previous_status` column.
     */
    previousStatus?: (result: UnitResult) => string | undefined;
    /**
     * The register indicators' results (`registerResults` over an engine's counts of the register
     * files), written into the same files as the survey's; counted before, so that a bad register
     * file stops everything before anything is written.
     */
    registerResults?: RegisterIndicatorResult[];
}

/** What one evaluation produced, for a publisher. */
export interface EvaluatedResponses {
    models: Model[];
    responsesPath: string;
    respondents: Array<{ unit: string; name: string }>;
    results: Array<UnitResult & IndicatorResult>;
    aggregates: AggregateRow[];
    measures: Array<MeasureUnitResult & MeasureResult>;
    measureAggregates: MeasureAggregateRow[];
    /** The register indicators' results, when register files were given. */
    registers?: RegisterIndicatorResult[];
}

export interface EvaluationSummary {
    respondentsRead: number;
    respondentsEvaluated: number;
    results: number;
    statuses: Record<Status, number>;
    /** Background measures: values given, and those excluded or missing. */
    measures: Record<'measured' | 'excluded' | 'missing', number>;
    /** Respondent × indicator pairs not evaluated because the respondent is outside the indicator's population. */
    outside: number;
    warnings: string[];
    /** Units whose counts cannot be right (a part larger than its whole): treated as missing. */
    implausible: ImplausibleValue[];
    files: string[];
}

/** The survey's indicators (rules, shares, background measures), by number; register indicators are `registerIndicatorsOf`'s. */
export function indicatorsOf(models: Model[]): Indicator[] {
    return models
        .flatMap((m) => m.elements.filter((e): e is Indicator => e.$type === 'Indicator' && !isRegisterIndicator(e)))
        .sort((a, b) => a.number - b.number);
}

export interface SurveyEvaluation {
    /** Indicators (rules and shares of counts), respondent by respondent. */
    results: Array<UnitResult & IndicatorResult>;
    /** Background measures, respondent by respondent. */
    measures: Array<MeasureUnitResult & MeasureResult>;
    /** Respondent × indicator pairs outside the indicator's population (not evaluated). */
    outside: number;
}

/**
 * Evaluates every indicator for the respondents in its population. A respondent outside an
 * indicator's population gets no result for it: it is not evaluated and not counted anywhere.
 */
export function evaluateSurvey(
    models: Model[],
    respondents: Array<{ unit: string; answers: Record<string, string> }>,
    options: EvaluateOptions = {},
): SurveyEvaluation {
    const plans = indicatorsOf(models).map(lowerIndicator);
    const results: SurveyEvaluation['results'] = [];
    const measures: SurveyEvaluation['measures'] = [];
    let outside = 0;
    respondents.forEach((respondent, index) => {
        for (const plan of plans) {
            if (!inPopulation(respondent.unit, plan.population, plan.dividedKommuner)) {
                outside++;
                continue;
            }
            for (const unit of plan.units) {
                if (plan.kind === 'measure')
                    measures.push({ ...evaluateMeasurePlan(unit, respondent.answers), unit: respondent.unit });
                else results.push({ ...evaluatePlan(unit, respondent.answers), unit: respondent.unit });
            }
        }
        if (options.onProgress && (index + 1) % 1000 === 0) options.onProgress(index + 1, respondents.length);
    });
    return { results, measures, outside };
}

/** The indicators' results (background measures and respondents outside a population left out). */
export function evaluateRespondents(
    models: Model[],
    respondents: Array<{ unit: string; answers: Record<string, string> }>,
    options: EvaluateOptions = {},
): Array<UnitResult & IndicatorResult> {
    return evaluateSurvey(models, respondents, options).results;
}

const LEVEL_OF: Record<string, Level | undefined> = { riket: 'riket', län: 'lan', storstad: 'storstad' };

/** The aggregate levels each indicator is published at (riket, län, storstad), by number. */
export function publishedLevels(models: Model[]): (indicator: number) => Level[] | undefined {
    const levels = new Map(
        indicatorsOf(models)
            .map(lowerIndicator)
            .map((p) => [p.number, p.levels.flatMap((l) => LEVEL_OF[l] ?? [])]),
    );
    return (indicator) => levels.get(indicator);
}

/** A share or value as the result files write it: whole numbers as they are, others to four decimals. */
function figure(value: number | undefined, decimals = false): string {
    if (value === undefined) return '';
    return decimals || !Number.isInteger(value) ? value.toFixed(4) : String(value);
}

/**
 * One row per respondent, indicator and area or group. A share of counts carries the respondent's
 * own counts and share; a background measure its value (status "measured"); for a quotient also
 * the two sums.
 */
export function unitsCsv(
    results: UnitResult[],
    measures: MeasureUnitResult[] = [],
    names: ReadonlyMap<string, string> = new Map(),
    previousStatus?: (result: UnitResult) => string | undefined,
    registers: readonly RegisterIndicatorResult[] = [],
): string {
    const rows = [
        ...results.map((r) => ({
            r,
            value: r.numerator !== undefined && r.denominator ? r.numerator / r.denominator : undefined,
            share: true,
        })),
        ...measures.map((r) => ({ r, value: r.value, share: false })),
    ];
    // Respondent by respondent as evaluated, indicators by number (a stable sort keeps areas in order).
    const order = new Map<string, number>();
    [...results, ...measures].forEach((r) => {
        if (!order.has(r.unit)) order.set(r.unit, order.size);
    });
    rows.sort((a, b) => order.get(a.r.unit)! - order.get(b.r.unit)! || a.r.indicator - b.r.indicator);
    const header = ['unit', 'name', 'indicator', 'group', 'stratum', 'status', 'numerator', 'denominator', 'value'];
    const line = ({ r, value, share }: (typeof rows)[number]) => [
        r.unit,
        names.get(r.unit) ?? '',
        r.indicator,
        r.group ?? '',
        r.stratum ?? '',
        r.status,
        r.numerator ?? '',
        r.denominator ?? '',
        figure(value, share),
    ];
    // Register indicators' cells after the respondents: one row per kommun and stratum.
    const registerRows = registerUnitRows(registers);
    // The column only when last year is given, so that a year on its own keeps its bytes.
    if (!previousStatus) return formatCsv(header, [...rows.map(line), ...registerRows]);
    return formatCsv(
        [...header, 'previous_status'],
        [
            ...rows.map((row) => [...line(row), row.share ? (previousStatus(row.r as UnitResult) ?? '') : '']),
            ...registerRows.map((row) => [...row, '']),
        ],
    );
}

/** Shares per level, and background measures' values per level (numerator, denominator and share empty), by indicator. */
export function aggregatesCsv(
    rows: AggregateRow[],
    measures: MeasureAggregateRow[] = [],
    registers: readonly RegisterIndicatorResult[] = [],
): string {
    const lines = [
        ...rows.map((r) => ({
            indicator: r.indicator,
            cells: [
                r.indicator,
                r.group ?? '',
                r.stratum ?? '',
                r.level,
                r.region,
                r.numerator,
                r.denominator,
                r.share === undefined ? '' : r.share.toFixed(4),
                '',
                r.respondents,
            ],
        })),
        ...measures.map((r) => ({
            indicator: r.indicator,
            cells: [r.indicator, r.group ?? '', r.stratum ?? '', r.level, r.region, '', '', '', figure(r.value), r.respondents],
        })),
        ...registerAggregateRows(registers),
    ].sort((a, b) => a.indicator - b.indicator);
    return formatCsv(
        ['indicator', 'group', 'stratum', 'level', 'region', 'numerator', 'denominator', 'share', 'value', 'respondents'],
        lines.map((l) => l.cells),
    );
}

const KIND_TEXT = { rule: 'indikator', ratio: 'andel', measure: 'bakgrundsmått', register: 'registerindikator' } as const;

/**
 * What each published figure is: kind, population, levels, how a measure is aggregated, and
 * whether it can be compared with an earlier year and why.
 */
export function indicatorsCsv(models: Model[]): string {
    const comparable = (c: { comparable?: boolean } | undefined) =>
        c?.comparable === undefined ? '' : c.comparable ? 'ja' : 'nej';
    return formatCsv(
        ['indicator', 'name', 'kind', 'population', 'levels', 'aggregation', 'earlier_year', 'comparable', 'comparability'],
        [
            ...indicatorsOf(models)
                .map(lowerIndicator)
                .map((plan) => ({
                    number: plan.number,
                    cells: [
                        plan.number,
                        plan.name,
                        KIND_TEXT[plan.kind],
                        (plan.population ?? ['kommun', 'stadsdel']).join(' '),
                        plan.levels.join(' '),
                        plan.aggregation ?? '',
                        plan.comparability?.year ?? '',
                        comparable(plan.comparability),
                        plan.comparability?.reason ?? '',
                    ],
                })),
            // A register indicator's population is the register's rows its population condition takes.
            ...registerPlansOf(models).map((plan) => ({
                number: plan.number,
                cells: [
                    plan.number,
                    plan.name,
                    KIND_TEXT.register,
                    `register ${plan.source.name}`,
                    plan.levels.join(' '),
                    '',
                    plan.comparability?.year ?? '',
                    comparable(plan.comparability),
                    plan.comparability?.reason ?? '',
                ],
            })),
        ]
            .sort((a, b) => a.number - b.number)
            .map((r) => r.cells),
    );
}

/** How each background measure is aggregated per level, by number. */
export function measureAggregations(models: Model[]): (indicator: number) => 'summa' | 'medelvärde' | 'median' {
    const ways = new Map(
        indicatorsOf(models)
            .map(lowerIndicator)
            .flatMap((p) => (p.aggregation ? [[p.number, p.aggregation] as const] : [])),
    );
    return (indicator) => ways.get(indicator) ?? 'summa';
}

/**
 * Reads, validates and evaluates a response file and writes the three result files to `outDir`.
 * Throws ResponseFileError naming every problem (and writes nothing) when the input is not valid.
 */
export async function evaluateResponsesFile(
    models: Model[],
    responsesPath: string | undefined,
    outDir: string,
    options: EvaluateOptions = {},
): Promise<EvaluationSummary> {
    // Without a response file (only register files given) the survey's indicators are not evaluated.
    const table: ResponseTable =
        responsesPath === undefined
            ? { columns: [], rows: [], notes: [] }
            : await (options.readTable ?? readResponseFile)(responsesPath);
    const { respondents, warnings } =
        responsesPath === undefined
            ? { respondents: [], warnings: [] }
            : validateResponses(table, codebookRows(models), unitRegisterOf(models));
    const evaluated =
        responsesPath === undefined
            ? { results: [], measures: [], outside: 0 }
            : options.evaluate
              ? await options.evaluate(models, respondents)
              : evaluateSurvey(models, respondents, options);
    const { measures, outside } = evaluated;
    // A part larger than its whole is listed and made missing before anything is summed.
    const { results, implausible } = withPlausibleCounts(models, respondents, evaluated.results);
    const levels = publishedLevels(models);
    const aggregates = aggregate(results, levels);
    const measureAggregates = aggregateMeasures(measures, measureAggregations(models), levels);
    const names = new Map(respondents.map((r) => [r.unit, r.name]));
    // A respondent outside every indicator's population (Stockholm's own row in a survey it answers by
    // its stadsdelar) has no result anywhere: it is not listed as a respondent either, as in units.csv.
    const inSomePopulation = new Set([...results, ...measures].map((r) => r.unit));
    const published = options.publish
        ? await options.publish({
              models,
              responsesPath: responsesPath ?? '',
              respondents: respondents.filter((r) => inSomePopulation.has(r.unit)).map((r) => ({ unit: r.unit, name: r.name })),
              results,
              aggregates,
              measures,
              measureAggregates,
              ...(options.registerResults ? { registers: options.registerResults } : {}),
          })
        : [];
    const registers = options.registerResults ?? [];
    const written = [
        { path: path.join(outDir, 'units.csv'), content: unitsCsv(results, measures, names, options.previousStatus, registers) },
        { path: path.join(outDir, 'aggregates.csv'), content: aggregatesCsv(aggregates, measureAggregates, registers) },
        { path: path.join(outDir, 'indicators.csv'), content: indicatorsCsv(models) },
        ...published.map((f) => ({ path: path.join(outDir, f.name), content: f.content })),
    ];
    // All or none: a failure midway must not leave a cut-off file beside complete ones.
    writeFilesAtomically(written);
    const statuses = { met: 0, not_met: 0, excluded: 0, missing: 0 };
    for (const r of results) statuses[r.status]++;
    const measured = { measured: 0, excluded: 0, missing: 0 };
    for (const r of measures) measured[r.status]++;
    return {
        respondentsRead: table.rows.length,
        respondentsEvaluated: respondents.length,
        results: results.length + measures.length,
        statuses,
        measures: measured,
        outside,
        warnings,
        implausible,
        files: written.map((f) => f.path),
    };
}
