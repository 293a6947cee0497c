/**
 * Aggregation of unit results to the published levels: riket, län (the first two digits of the
 * kommunkod) and storstäder (Stockholm 0180, Göteborg 1480, Malmö 1280). A stadsdel carries its
 * city's kommunkod plus a suffix and counts as one respondent. Copied verbatim into generated packages.
 */
import type { IndicatorResult, Status } from './evaluation.js';

export type Level = 'riket' | 'lan' | 'storstad';

/** What aggregation reads of a result (an IndicatorResult with its respondent will do). */
export interface UnitResult {
    /** The respondent: kommunkod, or kommunkod plus suffix for a stadsdel. */
    unit: string;
    indicator: number;
    group?: string;
    /** The stratum's code (K, M, T) for an indicator split by a stratification. */
    stratum?: string;
    status: Status;
    /** For ratio indicators: the counts that enter the sums. */
    numerator?: number;
    denominator?: number;
}

export interface AggregateRow {
    indicator: number;
    group?: string;
    stratum?: string;
    level: Level;
    region: string;
    numerator: number;
    denominator: number;
    /** numerator / denominator, undefined when the denominator is 0. */
    share?: number;
    /** The respondents counted: met and not met, or for a share of counts those whose counts enter the sums. */
    respondents: number;
}

export const STORSTADER: Readonly<Record<string, string>> = { '0180': 'Stockholm', '1480': 'Göteborg', '1280': 'Malmö' };

/**
 * The kommunkod of a respondent code ("0180", "0180-03" → "0180"), or undefined for anything else:
 * only the two shapes count, so a typo such as "01800" or "0180.0" is never read as Stockholm.
 */
export function kommunkod(unit: string): string | undefined {
    const match = /^(\d{4})(?:-\d{2})?$/.exec(unit.trim());
    return match ? match[1] : undefined;
}

/**
 * Checks a respondent code against the units that exist (the kommun register, the survey's
 * stadsdelar): a message naming the code when it is unknown, else undefined.
 */
export type UnitCheck = (unit: string) => string | undefined;

/** The län and storstad a respondent counts in; throws for a code that names no known unit, so no län is made up. */
export function regionsOf(unit: string, check?: UnitCheck): { kommunkod: string; lan: string; storstad?: string } {
    const problem = check?.(unit);
    const kod = kommunkod(unit);
    if (problem !== undefined || kod === undefined) {
        throw new RangeError(
            problem ??
                `${JSON.stringify(unit.slice(0, 40))} är ingen enhetskod: en kommunkod har fyra siffror (t.ex. 0180), en stadsdel kommunkoden, ett bindestreck och två siffror (t.ex. 0180-01).`,
        );
    }
    return STORSTADER[kod] ? { kommunkod: kod, lan: kod.slice(0, 2), storstad: kod } : { kommunkod: kod, lan: kod.slice(0, 2) };
}

/** One respondent's results, tagged with the respondent for aggregate (the trace is not needed there). */
export function withUnit(unit: string, results: readonly IndicatorResult[]): UnitResult[] {
    return results.map((r) => {
        const tagged: UnitResult = { unit, indicator: r.indicator, status: r.status };
        if (r.group !== undefined) tagged.group = r.group;
        if (r.stratum !== undefined) tagged.stratum = r.stratum;
        if (r.numerator !== undefined) tagged.numerator = r.numerator;
        if (r.denominator !== undefined) tagged.denominator = r.denominator;
        return tagged;
    });
}

/**
 * The levels each indicator is published at (by number); an indicator it gives nothing for is
 * published at every level. Rows exist only at the levels published.
 */
export type PublishedLevels = (indicator: number) => readonly Level[] | undefined;

/** Numerator = met (or the summed counts of a ratio), denominator = met + not met (or summed counts). */
export function aggregate(results: readonly UnitResult[], levels?: PublishedLevels, check?: UnitCheck): AggregateRow[] {
    const cells = new Map<string, AggregateRow>();
    const add = (result: UnitResult, level: Level, region: string) => {
        if (levels && !(levels(result.indicator)?.includes(level) ?? true)) return;
        const key = `${result.indicator}\u0000${result.group ?? ''}\u0000${result.stratum ?? ''}\u0000${level}\u0000${region}`;
        let cell = cells.get(key);
        if (!cell) {
            cell = { indicator: result.indicator, level, region, numerator: 0, denominator: 0, respondents: 0 };
            if (result.group !== undefined) cell.group = result.group;
            if (result.stratum !== undefined) cell.stratum = result.stratum;
            cells.set(key, cell);
        }
        if (result.numerator !== undefined && result.denominator !== undefined) {
            if (result.status === 'met') {
                cell.numerator += result.numerator;
                cell.denominator += result.denominator;
                cell.respondents += 1;
            }
        } else if (result.status === 'met') {
            cell.numerator += 1;
            cell.denominator += 1;
            cell.respondents += 1;
        } else if (result.status === 'not_met') {
            cell.denominator += 1;
            cell.respondents += 1;
        }
    };
    for (const result of results) {
        // An unknown code stops the aggregation: counted in riket and a made-up län it would change published figures.
        const regions = regionsOf(result.unit, check);
        add(result, 'riket', 'riket');
        add(result, 'lan', regions.lan);
        if (regions.storstad) add(result, 'storstad', regions.storstad);
    }
    const order: Record<Level, number> = { riket: 0, lan: 1, storstad: 2 };
    return [...cells.values()]
        .map((cell) => (cell.denominator > 0 ? { ...cell, share: cell.numerator / cell.denominator } : cell))
        .sort(
            (a, b) =>
                a.indicator - b.indicator ||
                (a.group ?? '').localeCompare(b.group ?? '') ||
                order[a.level] - order[b.level] ||
                a.region.localeCompare(b.region),
        );
}
