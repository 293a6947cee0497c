/**
 * Evaluated results as publishing reads them: the respondents (named from the kommun register), each
 * respondent's status per indicator and group, and the aggregates per level. They come either from
 * the evaluator in the same process or from a results folder (units.csv, aggregates.csv) that
 * `oj evaluate` wrote, so a report can be made long after the evaluation.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import {
    type AggregateRow,
    type Level,
    type MeasureAggregateRow,
    type MeasureUnitResult,
    type UnitResult,
    kommunkod,
} from '@oj/evaluator';
import {
    type Indicator,
    isRegisterIndicator,
    type Model,
    type Status,
    type Survey,
    lowerIndicator,
    STATUSES,
    surveyOfModel,
} from '@oj/language';
import { kommun, lan, lanList, kommuner as registerKommuner, registerHolds, STORSTADER } from '@oj/regions';

/** A respondent as every output names it. */
export interface Respondent {
    /** The unit code of the response file: kommunkod, or kommunkod-NN for a stadsdel. */
    unit: string;
    /** The register's name for a kommun; the response file's for a stadsdel (or "Kommun, stadsdel NN"). */
    name: string;
    kommunkod: string;
    lanskod: string;
    lansnamn: string;
    stadsdel: boolean;
}

export interface EvaluatedResults {
    /** In kod order (a stadsdel after its kommun). */
    respondents: Respondent[];
    units: UnitResult[];
    aggregates: AggregateRow[];
    /** Background measures: each respondent's value (status measured), or excluded / missing. */
    measures?: MeasureUnitResult[];
    /** Background measures aggregated per level (how, the model's plan says). */
    measureAggregates?: MeasureCell[];
}

/** A background measure's figure for one region; its aggregation is the model's (the plan's `aggregation`). */
export type MeasureCell = Omit<MeasureAggregateRow, 'aggregation'>;

/** A region a share is published for: a län, a storstad or the whole country. */
export interface Region {
    level: Level;
    /** "01", "0180" or "riket". */
    code: string;
    name: string;
}

/** Every region in the published order: län 01–25, storstäder Stockholm, Göteborg, Malmö, riket. */
export function publishedRegions(): Region[] {
    return [
        ...lanList().map((l) => ({ level: 'lan' as const, code: l.kod, name: l.namn })),
        ...['0180', '1480', '1280'].map((code) => ({ level: 'storstad' as const, code, name: STORSTADER[code] })),
        { level: 'riket', code: 'riket', name: 'Riket' },
    ];
}

/**
 * The stadsdelar the survey declares (`stadsdelar { 0180-01 "Rinkeby-Kista" … }`, the grammar of the
 * bad-input issue) by code; read loosely so that a model without the construct has none.
 */
export function stadsdelarOf(models: Model[]): ReadonlyMap<string, string> {
    const survey = surveyOf(models) as unknown as { districts?: Array<{ code?: string; name?: string }> } | undefined;
    return new Map((survey?.districts ?? []).filter((d) => d.code).map((d) => [d.code!, d.name ?? d.code!]));
}

/** Names a respondent: the register names a kommun, the survey a stadsdel it declares, else the file. */
export function respondent(unit: string, fileName = '', stadsdelar: ReadonlyMap<string, string> = new Map()): Respondent {
    const kod = kommunkod(unit) ?? unit.slice(0, 4);
    const entry = kommun(kod);
    const stadsdel = unit.trim() !== kod;
    const name =
        !stadsdel && entry
            ? entry.namn
            : (stadsdelar.get(unit) ??
              (fileName.trim() !== '' ? fileName.trim() : undefined) ??
              (entry ? `${entry.namn}, stadsdel ${unit.slice(5)}` : unit));
    const lanskod = entry?.lanskod ?? kod.slice(0, 2);
    return { unit, name, kommunkod: kod, lanskod, lansnamn: entry?.lansnamn ?? lan(lanskod)?.namn ?? lanskod, stadsdel };
}

export function compareUnits(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

/** Results from an evaluation in this process; `stadsdelar` names the survey's stadsdelar (stadsdelarOf). */
export function resultsOf(
    respondents: ReadonlyArray<{ unit: string; name?: string }>,
    units: UnitResult[],
    aggregates: AggregateRow[],
    stadsdelar?: ReadonlyMap<string, string>,
    measures: MeasureUnitResult[] = [],
    measureAggregates: MeasureCell[] = [],
): EvaluatedResults {
    return {
        respondents: respondents.map((r) => respondent(r.unit, r.name, stadsdelar)).sort((a, b) => compareUnits(a.unit, b.unit)),
        units,
        aggregates,
        measures,
        measureAggregates,
    };
}

/** The register's kommuner with no respondent of their own or of a stadsdel of theirs. */
export function nonRespondents(results: EvaluatedResults, year?: number) {
    const answered = new Set(results.respondents.map((r) => r.kommunkod));
    const list = registerKommuner(year !== undefined && registerHolds(year) ? year : undefined);
    return list.filter((k) => !answered.has(k.kod));
}

export class ResultsFolderError extends Error {}

type Row = Record<string, string>;

function readCsv(file: string): Row[] {
    let text: string;
    try {
        text = fs.readFileSync(file, 'utf8');
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new ResultsFolderError(
            `${file} kan inte läsas${code === 'ENOENT' ? ': filen finns inte. Ange mappen som "oj evaluate --out" skrev.' : ` (${code}).`}`,
        );
    }
    return parse(text.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true }) as Row[];
}

function count(value: string | undefined): number | undefined {
    return value === undefined || value === '' ? undefined : Number(value);
}

/** A results folder written by `oj evaluate` (units.csv and aggregates.csv); `stadsdelar` as for resultsOf. */
export function readResultsFolder(dir: string, stadsdelar?: ReadonlyMap<string, string>): EvaluatedResults {
    // Background measures (indicators.csv's kind "bakgrundsmått") have values, not statuses: the
    // reports, the workbook and the Kolada export publish the indicators, so their rows are left out.
    const indicatorsFile = path.join(dir, 'indicators.csv');
    const kinds = fs.existsSync(indicatorsFile) ? readCsv(indicatorsFile) : [];
    const measures = new Set(kinds.filter((r) => r.kind === 'bakgrundsmått').map((r) => r.indicator));
    // Register indicators' cells (status published or suppressed) are no respondents' statuses: not read here.
    const registers = new Set(kinds.filter((r) => r.kind === 'registerindikator').map((r) => r.indicator));
    const isMeasure = (row: Row) => measures.has(row.indicator) || row.status === 'measured';
    const isRegister = (row: Row) => registers.has(row.indicator) || row.status === 'published' || row.status === 'suppressed';
    const allUnitRows = readCsv(path.join(dir, 'units.csv')).filter((row) => !isRegister(row));
    const allAggregateRows = readCsv(path.join(dir, 'aggregates.csv')).filter((row) => !registers.has(row.indicator));
    const unitRows = allUnitRows.filter((row) => !isMeasure(row));
    const aggregateRows = allAggregateRows.filter((row) => !isMeasure(row));
    const names = new Map<string, string>();
    // The workbook shows the measures' values beside the indicators: kept apart from the statuses.
    const measureUnits: MeasureUnitResult[] = allUnitRows
        .map((row, i) => ({ row, line: i + 2 }))
        .filter(({ row }) => isMeasure(row))
        .map(({ row, line }) => {
            if (!['measured', 'excluded', 'missing'].includes(row.status)) {
                throw new ResultsFolderError(
                    `units.csv rad ${line}: okänd status "${String(row.status).slice(0, 40)}" för ett bakgrundsmått.`,
                );
            }
            if (!names.has(row.unit)) names.set(row.unit, row.name ?? '');
            const result: MeasureUnitResult = {
                unit: row.unit,
                indicator: Number(row.indicator),
                status: row.status as MeasureUnitResult['status'],
            };
            if (row.group) result.group = row.group;
            if (row.stratum) result.stratum = row.stratum;
            const value = count(row.value);
            if (value !== undefined) result.value = value;
            return result;
        });
    const measureCells: MeasureCell[] = allAggregateRows.filter(isMeasure).map((row) => {
        const cell: MeasureCell = {
            indicator: Number(row.indicator),
            level: row.level as Level,
            region: row.region,
            respondents: Number(row.respondents ?? 0),
        };
        if (row.group) cell.group = row.group;
        if (row.stratum) cell.stratum = row.stratum;
        const value = count(row.value);
        if (value !== undefined) cell.value = value;
        return cell;
    });
    // A background measure's values (status "measured") are no statuses; its excluded and missing
    // rows read as such, and no indicator's figure includes them.
    const indicatorRows = unitRows.map((row, i) => ({ row, line: i + 2 })).filter(({ row }) => row.status !== 'measured');
    const units: UnitResult[] = indicatorRows.map(({ row, line }) => {
        if (!(STATUSES as readonly string[]).includes(row.status)) {
            throw new ResultsFolderError(`units.csv rad ${line}: okänd status "${String(row.status).slice(0, 40)}".`);
        }
        if (!names.has(row.unit)) names.set(row.unit, row.name ?? '');
        const result: UnitResult = { unit: row.unit, indicator: Number(row.indicator), status: row.status as Status };
        if (row.group) result.group = row.group;
        if (row.stratum) result.stratum = row.stratum;
        const numerator = count(row.numerator);
        const denominator = count(row.denominator);
        if (numerator !== undefined && denominator !== undefined) {
            result.numerator = numerator;
            result.denominator = denominator;
        }
        return result;
    });
    const aggregates: AggregateRow[] = aggregateRows.map((row) => {
        const cell: AggregateRow = {
            indicator: Number(row.indicator),
            level: row.level as Level,
            region: row.region,
            numerator: Number(row.numerator),
            denominator: Number(row.denominator),
            respondents: Number(row.respondents ?? 0),
        };
        if (row.group) cell.group = row.group;
        if (row.stratum) cell.stratum = row.stratum;
        if (cell.denominator > 0) cell.share = cell.numerator / cell.denominator;
        return cell;
    });
    return resultsOf(
        [...names].map(([unit, name]) => ({ unit, name })),
        units,
        aggregates,
        stadsdelar,
        measureUnits,
        measureCells,
    );
}

// ---------------------------------------------------------------- lookups every output shares

const key = (indicator: number, group: string | undefined, ...rest: string[]) => [indicator, group ?? '', ...rest].join('\u0000');

/**
 * The stratum code of each stratified indicator's total (by number), from the model's plans; the
 * lookups without a stratum read the total, so an indicator split by kön reads as one figure.
 */
export function stratumTotals(models: Model[]): ReadonlyMap<number, string> {
    const totals = new Map<number, string>();
    for (const plan of indicatorsOf(models).map(lowerIndicator)) {
        const total = plan.units.find((u) => u.stratum?.total)?.stratum;
        if (total) totals.set(plan.number, total.code);
    }
    return totals;
}

/** Fast lookups over one set of results. */
export class ResultIndex {
    private readonly status = new Map<string, UnitResult>();
    private readonly cells = new Map<string, AggregateRow>();
    private readonly respondentCount = new Map<string, number>();
    private readonly measureValues = new Map<string, MeasureUnitResult>();
    private readonly measureCells = new Map<string, MeasureCell>();
    readonly byUnit: ReadonlyMap<string, Respondent>;

    /**
     * `totals` names each stratified indicator's total stratum (stratumTotals); without it "T", the
     * code Kolada and the examples use. Lookups without a stratum give the total.
     */
    constructor(
        readonly results: EvaluatedResults,
        totals?: ReadonlyMap<number, string>,
    ) {
        this.byUnit = new Map(results.respondents.map((r) => [r.unit, r]));
        const isTotal = (indicator: number, stratum: string | undefined) =>
            stratum === undefined || stratum === (totals ? totals.get(indicator) : 'T');
        for (const u of results.units) {
            if (u.stratum !== undefined) this.status.set(key(u.indicator, u.group, u.unit, u.stratum), u);
            if (!isTotal(u.indicator, u.stratum)) continue;
            this.status.set(key(u.indicator, u.group, u.unit), u);
            const kod = kommunkod(u.unit);
            const regions = [
                ['riket', 'riket'],
                ...(kod ? [['lan', kod.slice(0, 2)]] : []),
                ...(kod && STORSTADER[kod] ? [['storstad', kod]] : []),
            ];
            for (const [level, region] of regions) {
                const k = key(u.indicator, u.group, level, region);
                this.respondentCount.set(k, (this.respondentCount.get(k) ?? 0) + 1);
            }
        }
        for (const a of results.aggregates) {
            if (a.stratum !== undefined) this.cells.set(key(a.indicator, a.group, a.level, a.region, a.stratum), a);
            if (isTotal(a.indicator, a.stratum)) this.cells.set(key(a.indicator, a.group, a.level, a.region), a);
        }
        for (const m of results.measures ?? []) {
            if (m.stratum !== undefined) this.measureValues.set(key(m.indicator, m.group, m.unit, m.stratum), m);
            if (isTotal(m.indicator, m.stratum)) this.measureValues.set(key(m.indicator, m.group, m.unit), m);
        }
        for (const c of results.measureAggregates ?? []) {
            if (c.stratum !== undefined) this.measureCells.set(key(c.indicator, c.group, c.level, c.region, c.stratum), c);
            if (isTotal(c.indicator, c.stratum)) this.measureCells.set(key(c.indicator, c.group, c.level, c.region), c);
        }
    }

    /** A background measure's result for the respondent; the total's unless `stratum` names one. */
    measure(unit: string, indicator: number, group: string | undefined, stratum?: string): MeasureUnitResult | undefined {
        return this.measureValues.get(stratum === undefined ? key(indicator, group, unit) : key(indicator, group, unit, stratum));
    }

    /** A background measure's aggregated value in the region; the total's unless `stratum` names one. */
    measureCell(
        indicator: number,
        group: string | undefined,
        level: Level,
        region: string,
        stratum?: string,
    ): MeasureCell | undefined {
        return this.measureCells.get(
            stratum === undefined ? key(indicator, group, level, region) : key(indicator, group, level, region, stratum),
        );
    }

    /** The respondent's result; for a stratified indicator the total's unless `stratum` names one. */
    result(unit: string, indicator: number, group: string | undefined, stratum?: string): UnitResult | undefined {
        return this.status.get(stratum === undefined ? key(indicator, group, unit) : key(indicator, group, unit, stratum));
    }

    /** The region's figure; for a stratified indicator the total's unless `stratum` names one. */
    cell(indicator: number, group: string | undefined, level: Level, region: string, stratum?: string): AggregateRow | undefined {
        return this.cells.get(
            stratum === undefined ? key(indicator, group, level, region) : key(indicator, group, level, region, stratum),
        );
    }

    /** Respondents (kommuner and stadsdelar) in the region with a result for the indicator. */
    respondents(indicator: number, group: string | undefined, level: Level, region: string): number {
        return this.respondentCount.get(key(indicator, group, level, region)) ?? 0;
    }
}

// ---------------------------------------------------------------- the model's side

export function surveyOf(models: Model[]): Survey | undefined {
    for (const model of models) {
        const survey = surveyOfModel(model);
        if (survey) return survey;
    }
    return undefined;
}

/** The survey's indicators; register indicators (published in their own sheet) are not lowered as survey plans. */
export function indicatorsOf(models: Model[]): Indicator[] {
    return models
        .flatMap((m) => m.elements.filter((e): e is Indicator => e.$type === 'Indicator' && !isRegisterIndicator(e)))
        .sort((a, b) => a.number - b.number);
}

/** A ratio indicator's own value for one respondent (a share), else undefined. */
export function ownShare(result: UnitResult | undefined): number | undefined {
    if (!result || result.numerator === undefined || !result.denominator) return undefined;
    return result.numerator / result.denominator;
}
