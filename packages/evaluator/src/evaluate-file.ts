/**
 * `oj evaluate`: a survey export in, per-respondent statuses and published shares out
 * (units.csv, aggregates.csv, indicators.csv, results.xlsx). Nothing is written unless the whole file is valid.
 */
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import {
    type Indicator, type IndicatorResult, type MeasureResult, type Model, type ReportingUnit, codebookRows, evaluateMeasurePlan,
    evaluatePlan, lowerIndicator, unitsOfIndicator
} from '@oj/language';
import { writeFilesAtomically } from './atomic-write.js';
import { formatCsv } from './csv.js';
import { aggregate, type AggregateRow, type Level, STORSTADER, type UnitResult } from './runtime/aggregate.js';
import { aggregateMeasures, type MeasureAggregateRow, type MeasureUnitResult } from './runtime/measures.js';
import { inPopulation } from './runtime/population.js';
import { readResponseFile, validateResponses } from './responses.js';

export interface EvaluateOptions {
    /** Called now and then with the number of respondents evaluated so far. */
    onProgress?: (done: number, total: number) => void;
}

export interface EvaluationSummary {
    respondentsRead: number;
    respondentsEvaluated: number;
    results: number;
    statuses: Record<'met' | 'not_met' | 'excluded' | 'missing', number>;
    /** Background measures: values given, and those excluded or missing. */
    measures: Record<'measured' | 'excluded' | 'missing', number>;
    /** Respondent × indicator pairs not evaluated because the respondent is outside the indicator's population. */
    outside: number;
    warnings: string[];
    files: string[];
}

/** The counties (län) by their two-digit code, as the published result files name them. */
export const COUNTIES: Readonly<Record<string, string>> = {
    '01': 'Stockholms län', '03': 'Uppsala län', '04': 'Södermanlands län', '05': 'Östergötlands län', '06': 'Jönköpings län',
    '07': 'Kronobergs län', '08': 'Kalmar län', '09': 'Gotlands län', '10': 'Blekinge län', '12': 'Skåne län', '13': 'Hallands län',
    '14': 'Västra Götalands län', '17': 'Värmlands län', '18': 'Örebro län', '19': 'Västmanlands län', '20': 'Dalarnas län',
    '21': 'Gävleborgs län', '22': 'Västernorrlands län', '23': 'Jämtlands län', '24': 'Västerbottens län', '25': 'Norrbottens län'
};

export function indicatorsOf(models: Model[]): Indicator[] {
    return models.flatMap(m => m.elements.filter((e): e is Indicator => e.$type === 'Indicator')).sort((a, b) => a.number - b.number);
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
export function evaluateSurvey(models: Model[], respondents: Array<{ unit: string; answers: Record<string, string> }>, options: EvaluateOptions = {}): SurveyEvaluation {
    const plans = indicatorsOf(models).map(lowerIndicator);
    const results: SurveyEvaluation['results'] = [];
    const measures: SurveyEvaluation['measures'] = [];
    let outside = 0;
    respondents.forEach((respondent, index) => {
        for (const plan of plans) {
            if (!inPopulation(respondent.unit, plan.population)) { outside++; continue; }
            for (const unit of plan.units) {
                if (plan.kind === 'measure') measures.push({ ...evaluateMeasurePlan(unit, respondent.answers), unit: respondent.unit });
                else results.push({ ...evaluatePlan(unit, respondent.answers), unit: respondent.unit });
            }
        }
        if (options.onProgress && (index + 1) % 1000 === 0) options.onProgress(index + 1, respondents.length);
    });
    return { results, measures, outside };
}

/** The indicators' results (background measures and respondents outside a population left out). */
export function evaluateRespondents(models: Model[], respondents: Array<{ unit: string; answers: Record<string, string> }>, options: EvaluateOptions = {}): Array<UnitResult & IndicatorResult> {
    return evaluateSurvey(models, respondents, options).results;
}

const LEVEL_OF: Record<string, Level | undefined> = { riket: 'riket', län: 'lan', storstad: 'storstad' };

/** The aggregate levels each indicator is published at (riket, län, storstad), by number. */
export function publishedLevels(models: Model[]): (indicator: number) => Level[] | undefined {
    const levels = new Map(indicatorsOf(models).map(lowerIndicator).map(p => [p.number, p.levels.flatMap(l => LEVEL_OF[l] ?? [])]));
    return indicator => levels.get(indicator);
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
export function unitsCsv(results: UnitResult[], measures: MeasureUnitResult[] = []): string {
    const rows = [
        ...results.map(r => ({ r, value: r.numerator !== undefined && r.denominator ? r.numerator / r.denominator : undefined, share: true })),
        ...measures.map(r => ({ r, value: r.value, share: false }))
    ];
    // Respondent by respondent as evaluated, indicators by number (a stable sort keeps areas in order).
    const order = new Map<string, number>();
    [...results, ...measures].forEach(r => { if (!order.has(r.unit)) order.set(r.unit, order.size); });
    rows.sort((a, b) => order.get(a.r.unit)! - order.get(b.r.unit)! || a.r.indicator - b.r.indicator);
    return formatCsv(['unit', 'indicator', 'group', 'stratum', 'status', 'numerator', 'denominator', 'value'],
        rows.map(({ r, value, share }) => [r.unit, r.indicator, r.group ?? '', r.stratum ?? '', r.status, r.numerator ?? '', r.denominator ?? '', figure(value, share)]));
}

/** Shares per level, and background measures' values per level (numerator, denominator and share empty), by indicator. */
export function aggregatesCsv(rows: AggregateRow[], measures: MeasureAggregateRow[] = []): string {
    const lines = [
        ...rows.map(r => ({ indicator: r.indicator, cells: [r.indicator, r.group ?? '', r.stratum ?? '', r.level, r.region, r.numerator, r.denominator, r.share === undefined ? '' : r.share.toFixed(4), '', r.respondents] })),
        ...measures.map(r => ({ indicator: r.indicator, cells: [r.indicator, r.group ?? '', r.stratum ?? '', r.level, r.region, '', '', '', figure(r.value), r.respondents] }))
    ].sort((a, b) => a.indicator - b.indicator);
    return formatCsv(['indicator', 'group', 'stratum', 'level', 'region', 'numerator', 'denominator', 'share', 'value', 'respondents'], lines.map(l => l.cells));
}

const KIND_TEXT = { rule: 'indikator', ratio: 'andel', measure: 'bakgrundsmått' } as const;

/**
 * What each published figure is: kind, population, levels, how a measure is aggregated, and
 * whether it can be compared with an earlier year and why.
 */
export function indicatorsCsv(models: Model[]): string {
    return formatCsv(['indicator', 'name', 'kind', 'population', 'levels', 'aggregation', 'earlier_year', 'comparable', 'comparability'],
        indicatorsOf(models).map(lowerIndicator).map(plan => {
            const comparability = plan.comparability;
            return [
                plan.number, plan.name, KIND_TEXT[plan.kind], (plan.population ?? ['kommun', 'stadsdel']).join(' '), plan.levels.join(' '),
                plan.aggregation ?? '', comparability?.year ?? '',
                comparability?.comparable === undefined ? '' : comparability.comparable ? 'ja' : 'nej', comparability?.reason ?? ''
            ];
        }));
}

interface Sheet { title: string; entries: Array<{ indicator: Indicator; group?: string }> }

/** One sheet per area or group: grouped indicators under their groups, the others under their areas. */
function sheetsOf(indicators: Indicator[]): Sheet[] {
    const sheets = new Map<string, Sheet>();
    const add = (key: string, title: string, indicator: Indicator, group?: string) => {
        if (!sheets.has(key)) sheets.set(key, { title, entries: [] });
        sheets.get(key)!.entries.push({ indicator, group });
    };
    for (const indicator of indicators) {
        const units: ReportingUnit[] = unitsOfIndicator(indicator);
        if (units.length > 0) units.forEach(u => add(u.name, u.label, indicator, u.name));
        else if (indicator.areas.length > 0) indicator.areas.forEach(a => add(a.$refText, a.ref?.label ?? a.$refText, indicator));
        else add('', 'Övriga', indicator);
    }
    return [...sheets.values()].sort((a, b) => a.title.localeCompare(b.title, 'sv'));
}

/** Excel allows 31 characters and no []:*?/\ in a sheet name. */
function sheetName(title: string, used: Set<string>): string {
    const base = title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31).trim() || 'Blad';
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 28)} (${i})`;
    used.add(name.toLowerCase());
    return name;
}

/** The results workbook a person reads: shares in percent per county, storstad and the whole country. */
export async function resultsWorkbook(models: Model[], rows: AggregateRow[]): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'oj evaluate';
    // Fixed dates keep the file the same for the same input.
    workbook.created = new Date(Date.UTC(2000, 0, 1));
    workbook.modified = new Date(Date.UTC(2000, 0, 1));
    const share = new Map(rows.map(r => [`${r.indicator}|${r.group ?? ''}|${r.level}|${r.region}`, r]));
    const counties = Object.keys(COUNTIES).filter(c => rows.some(r => r.level === 'lan' && r.region === c));
    const cities = Object.keys(STORSTADER).filter(c => rows.some(r => r.level === 'storstad' && r.region === c));
    const used = new Set<string>();
    for (const sheet of sheetsOf(indicatorsOf(models))) {
        const ws = workbook.addWorksheet(sheetName(sheet.title, used), { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
        const columns = [
            { header: 'Nr', key: 'nr', width: 6 },
            { header: 'Indikator', key: 'name', width: 60 },
            { header: 'Riket', key: 'riket', width: 10 },
            ...counties.map(c => ({ header: COUNTIES[c], key: `lan${c}`, width: Math.max(12, COUNTIES[c].length + 2) })),
            ...cities.map(c => ({ header: STORSTADER[c], key: `stad${c}`, width: 12 }))
        ];
        ws.columns = columns;
        ws.getRow(1).font = { bold: true };
        ws.getRow(1).alignment = { wrapText: true, vertical: 'top' };
        for (const { indicator, group } of sheet.entries) {
            const value = (level: string, region: string) => share.get(`${indicator.number}|${group ?? ''}|${level}|${region}`)?.share ?? null;
            const row: Record<string, string | number | null> = { nr: indicator.number, name: indicator.name, riket: value('riket', 'riket') };
            for (const c of counties) row[`lan${c}`] = value('lan', c);
            for (const c of cities) row[`stad${c}`] = value('storstad', c);
            ws.addRow(row);
        }
        for (let c = 3; c <= columns.length; c++) ws.getColumn(c).numFmt = '0%';
        ws.getColumn(2).alignment = { wrapText: true };
    }
    // exceljs zips through JSZip, which stamps each entry with the current time: fix it, so the
    // same responses give the same bytes.
    const defaults = (JSZip as unknown as { defaults: { date: Date | null } }).defaults;
    const saved = defaults.date;
    defaults.date = new Date(Date.UTC(2000, 0, 1));
    try {
        return Buffer.from(await workbook.xlsx.writeBuffer());
    } finally {
        defaults.date = saved;
    }
}

/** How each background measure is aggregated per level, by number. */
export function measureAggregations(models: Model[]): (indicator: number) => 'summa' | 'medelvärde' | 'median' {
    const ways = new Map(indicatorsOf(models).map(lowerIndicator).flatMap(p => (p.aggregation ? [[p.number, p.aggregation] as const] : [])));
    return indicator => ways.get(indicator) ?? 'summa';
}

/**
 * Reads, validates and evaluates a response file and writes the three result files to `outDir`.
 * Throws ResponseFileError naming every problem (and writes nothing) when the input is not valid.
 */
export async function evaluateResponsesFile(models: Model[], responsesPath: string, outDir: string, options: EvaluateOptions = {}): Promise<EvaluationSummary> {
    const table = await readResponseFile(responsesPath);
    const { respondents, warnings } = validateResponses(table, codebookRows(models));
    const { results, measures, outside } = evaluateSurvey(models, respondents, options);
    const levels = publishedLevels(models);
    const aggregates = aggregate(results, levels);
    const measureAggregates = aggregateMeasures(measures, measureAggregations(models), levels);
    const workbook = await resultsWorkbook(models, aggregates);
    const files = ['units.csv', 'aggregates.csv', 'indicators.csv', 'results.xlsx'].map(f => path.join(outDir, f));
    // All or none: a failure midway must not leave a cut-off file beside complete ones.
    writeFilesAtomically([
        { path: files[0], content: unitsCsv(results, measures) },
        { path: files[1], content: aggregatesCsv(aggregates, measureAggregates) },
        { path: files[2], content: indicatorsCsv(models) },
        { path: files[3], content: workbook }
    ]);
    const statuses = { met: 0, not_met: 0, excluded: 0, missing: 0 };
    for (const r of results) statuses[r.status]++;
    const measured = { measured: 0, excluded: 0, missing: 0 };
    for (const r of measures) measured[r.status]++;
    return {
        respondentsRead: table.rows.length, respondentsEvaluated: respondents.length, results: results.length + measures.length,
        statuses, measures: measured, outside, warnings, files
    };
}
