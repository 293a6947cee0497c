/**
 * Aggregation of background measures (bakgrundsmått) to the published levels: the values of the
 * measured respondents summed, or their mean or median, as the model says. Respondents whose value
 * is missing or excluded do not enter. Copied verbatim into generated packages.
 */
import { type Level, type PublishedLevels, regionsOf, type UnitCheck } from './aggregate.js';

export type MeasureAggregation = 'summa' | 'medelvärde' | 'median';

export interface MeasureUnitResult {
    unit: string;
    indicator: number;
    group?: string;
    stratum?: string;
    status: 'measured' | 'excluded' | 'missing';
    value?: number;
    /** For a quotient: the two sums it divides. */
    numerator?: number;
    denominator?: number;
}

export interface MeasureAggregateRow {
    indicator: number;
    group?: string;
    stratum?: string;
    level: Level;
    region: string;
    aggregation: MeasureAggregation;
    /** The number of respondents whose value enters. */
    respondents: number;
    /** Undefined when no respondent has a value. */
    value?: number;
}

function combine(values: number[], aggregation: MeasureAggregation): number | undefined {
    if (values.length === 0) return undefined;
    if (aggregation === 'summa') return values.reduce((a, b) => a + b, 0);
    if (aggregation === 'medelvärde') return values.reduce((a, b) => a + b, 0) / values.length;
    const sorted = [...values].sort((a, b) => a - b);
    const middle = sorted.length >> 1;
    return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function aggregateMeasures(
    results: readonly MeasureUnitResult[],
    aggregationOf: (indicator: number) => MeasureAggregation,
    levels?: PublishedLevels,
    check?: UnitCheck,
): MeasureAggregateRow[] {
    const cells = new Map<string, { row: Omit<MeasureAggregateRow, 'value' | 'respondents'>; values: number[] }>();
    const add = (result: MeasureUnitResult, level: Level, region: string) => {
        if (levels && !(levels(result.indicator)?.includes(level) ?? true)) return;
        const key = `${result.indicator}\u0000${result.group ?? ''}\u0000${result.stratum ?? ''}\u0000${level}\u0000${region}`;
        let cell = cells.get(key);
        if (!cell) {
            const row: Omit<MeasureAggregateRow, 'value' | 'respondents'> = {
                indicator: result.indicator,
                level,
                region,
                aggregation: aggregationOf(result.indicator),
            };
            if (result.group !== undefined) row.group = result.group;
            if (result.stratum !== undefined) row.stratum = result.stratum;
            cell = { row, values: [] };
            cells.set(key, cell);
        }
        if (result.status === 'measured' && result.value !== undefined) cell.values.push(result.value);
    };
    for (const result of results) {
        const regions = regionsOf(result.unit, check);
        add(result, 'riket', 'riket');
        add(result, 'lan', regions.lan);
        if (regions.storstad) add(result, 'storstad', regions.storstad);
    }
    const order: Record<Level, number> = { riket: 0, lan: 1, storstad: 2 };
    return [...cells.values()]
        .map(({ row, values }) => {
            const value = combine(values, row.aggregation);
            return value === undefined ? { ...row, respondents: 0 } : { ...row, respondents: values.length, value };
        })
        .sort(
            (a, b) =>
                a.indicator - b.indicator ||
                (a.group ?? '').localeCompare(b.group ?? '') ||
                order[a.level] - order[b.level] ||
                a.region.localeCompare(b.region),
        );
}
