/**
 * `oj evaluate`: a survey export in, per-respondent statuses and published shares out
 * (units.csv, aggregates.csv, results.xlsx). Nothing is written unless the whole file is valid.
 */
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import {
    type Indicator, type IndicatorResult, type Model, type ReportingUnit, codebookRows, evaluateIndicatorForAllUnits, unitsOfIndicator
} from '@oj/language';
import { writeFilesAtomically } from './atomic-write.js';
import { formatCsv } from './csv.js';
import { aggregate, type AggregateRow, STORSTADER, type UnitResult } from './runtime/aggregate.js';
import { readResponseFile, validateResponses } from './responses.js';
import { type ImplausibleValue, withPlausibleRatios } from './plausibility.js';

export interface EvaluateOptions {
    /** Called now and then with the number of respondents evaluated so far. */
    onProgress?: (done: number, total: number) => void;
}

export interface EvaluationSummary {
    respondentsRead: number;
    respondentsEvaluated: number;
    results: number;
    statuses: Record<'met' | 'not_met' | 'excluded' | 'missing', number>;
    warnings: string[];
    /** Units whose counts cannot be right (a part larger than its whole): treated as missing. */
    implausible: ImplausibleValue[];
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

export function evaluateRespondents(models: Model[], respondents: Array<{ unit: string; answers: Record<string, string> }>, options: EvaluateOptions = {}): Array<UnitResult & IndicatorResult> {
    const indicators = indicatorsOf(models);
    const results: Array<UnitResult & IndicatorResult> = [];
    respondents.forEach((respondent, index) => {
        for (const indicator of indicators) {
            for (const result of evaluateIndicatorForAllUnits(indicator, respondent.answers)) results.push({ ...result, unit: respondent.unit });
        }
        if (options.onProgress && (index + 1) % 1000 === 0) options.onProgress(index + 1, respondents.length);
    });
    return results;
}

export function unitsCsv(results: UnitResult[]): string {
    return formatCsv(['unit', 'indicator', 'group', 'status'], results.map(r => [r.unit, r.indicator, r.group ?? '', r.status]));
}

export function aggregatesCsv(rows: AggregateRow[]): string {
    return formatCsv(['indicator', 'group', 'level', 'region', 'numerator', 'denominator', 'share'],
        rows.map(r => [r.indicator, r.group ?? '', r.level, r.region, r.numerator, r.denominator, r.share === undefined ? '' : r.share.toFixed(4)]));
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

/**
 * Reads, validates and evaluates a response file and writes the three result files to `outDir`.
 * Throws ResponseFileError naming every problem (and writes nothing) when the input is not valid.
 */
export async function evaluateResponsesFile(models: Model[], responsesPath: string, outDir: string, options: EvaluateOptions = {}): Promise<EvaluationSummary> {
    const table = await readResponseFile(responsesPath);
    const { respondents, warnings } = validateResponses(table, codebookRows(models));
    const { results, implausible } = withPlausibleRatios(models, respondents, evaluateRespondents(models, respondents, options));
    const aggregates = aggregate(results);
    const workbook = await resultsWorkbook(models, aggregates);
    const files = [path.join(outDir, 'units.csv'), path.join(outDir, 'aggregates.csv'), path.join(outDir, 'results.xlsx')];
    // All three or none: a failure midway must not leave a cut-off file beside complete ones.
    writeFilesAtomically([
        { path: files[0], content: unitsCsv(results) },
        { path: files[1], content: aggregatesCsv(aggregates) },
        { path: files[2], content: workbook }
    ]);
    const statuses = { met: 0, not_met: 0, excluded: 0, missing: 0 };
    for (const r of results) statuses[r.status]++;
    return { respondentsRead: table.rows.length, respondentsEvaluated: respondents.length, results: results.length, statuses, warnings, implausible, files };
}
