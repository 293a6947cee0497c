/**
 * Last year's results beside this year's (`oj evaluate … --previous <last year's results folder>`):
 * which of last year's indicators each of this year's continues, whether the two can be compared,
 * and for comparable ones each respondent's previous status and each region's previous share.
 *
 * An indicator is compared only when the model says it is comparable (`tidigare 2019 "…" jämförbar`).
 * Its predecessor is last year's indicator with the linked name (last year's indicators.csv has the
 * names), else, as the model says it is comparable, the one with the same number.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Level, UnitResult } from '@oj/evaluator';
import { lowerIndicator, type Model, type Status } from '@oj/language';
import {
    type EvaluatedResults,
    indicatorsOf,
    readResultsFolder,
    ResultIndex,
    ResultsFolderError,
    stadsdelarOf,
} from './results.js';

export interface PreviousMatch {
    /** This year's indicator. */
    indicator: number;
    /** Last year's indicator it continues, when comparable. */
    previous?: number;
    comparable: boolean;
    /** The year the model links to. */
    year?: number;
    /** Why it is not compared (Swedish, for the workbook), or how it was matched. */
    note: string;
}

export interface PreviousYear {
    folder: string;
    results: EvaluatedResults;
    /** By this year's indicator number. */
    matches: ReadonlyMap<number, PreviousMatch>;
    /** The respondent's status last year, for a comparable indicator (same unit, group and stratum). */
    status(result: UnitResult): Status | undefined;
    /** The region's share last year, for a comparable indicator; undefined when there is none. */
    share(indicator: number, group: string | undefined, level: Level, region: string): number | undefined;
}

const norm = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** Last year's indicators (number and name) from its indicators.csv. */
export function readPreviousIndicators(folder: string): Array<{ number: number; name: string }> {
    const file = path.join(folder, 'indicators.csv');
    let text: string;
    try {
        text = fs.readFileSync(file, 'utf8');
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new ResultsFolderError(
            `${file} kan inte läsas${code === 'ENOENT' ? ': filen finns inte. Ange mappen som "oj evaluate --out" skrev förra året.' : ` (${code}).`}`,
        );
    }
    const rows = parse(text.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
    return rows.map((row, i) => {
        const number = Number(row.indicator);
        if (!Number.isInteger(number) || row.name === undefined)
            throw new ResultsFolderError(`${file} rad ${i + 2}: kolumnerna indicator och name behövs.`);
        return { number, name: row.name };
    });
}

/** Which of last year's indicators each of this year's continues, and whether they can be compared. */
export function matchPrevious(
    models: Model[],
    previous: ReadonlyArray<{ number: number; name: string }>,
): Map<number, PreviousMatch> {
    const byName = new Map(previous.map((p) => [norm(p.name), p.number]));
    const numbers = new Set(previous.map((p) => p.number));
    const matches = new Map<number, PreviousMatch>();
    for (const plan of indicatorsOf(models).map(lowerIndicator)) {
        const c = plan.comparability;
        const put = (m: Omit<PreviousMatch, 'indicator'>) => matches.set(plan.number, { indicator: plan.number, ...m });
        const link = plan.ast?.indicator.earlier?.name;
        if (!c) {
            put({ comparable: false, note: 'Ingen jämförelse: modellen anger inget tidigare år.' });
            continue;
        }
        if (c.comparable === false) {
            put({ comparable: false, year: c.year, note: `Ej jämförbar med ${c.year}${c.reason ? `: ${c.reason}` : '.'}` });
            continue;
        }
        if (c.comparable === undefined) {
            put({
                comparable: false,
                year: c.year,
                note: `Ingen jämförelse: modellen anger inte att indikatorn är jämförbar med ${c.year}.`,
            });
            continue;
        }
        const named = link !== undefined ? byName.get(norm(link)) : undefined;
        if (named !== undefined) {
            put({
                comparable: true,
                year: c.year,
                previous: named,
                note: `Jämförbar med ${c.year} (indikator ${named} ${c.year}).`,
            });
            continue;
        }
        if (numbers.has(plan.number)) {
            put({
                comparable: true,
                year: c.year,
                previous: plan.number,
                note: `Jämförbar med ${c.year} (indikator ${plan.number} ${c.year}, samma nummer).`,
            });
            continue;
        }
        put({
            comparable: false,
            year: c.year,
            note: `Ingen jämförelse: förra årets resultat har ingen indikator "${link ?? ''}" och ingen med nummer ${plan.number}.`,
        });
    }
    return matches;
}

const statusKey = (unit: string, indicator: number, group: string | undefined, stratum: string | undefined) =>
    [unit, indicator, group ?? '', stratum ?? ''].join('\u0000');

/** Reads last year's results folder (units.csv, aggregates.csv, indicators.csv) against this year's model. */
export function readPreviousYear(folder: string, models: Model[]): PreviousYear {
    if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory())
        throw new ResultsFolderError(`${folder} är ingen mapp med förra årets resultat.`);
    const indicators = readPreviousIndicators(folder);
    const results = readResultsFolder(folder, stadsdelarOf(models));
    const matches = matchPrevious(models, indicators);
    const index = new ResultIndex(results);
    const statuses = new Map(results.units.map((u) => [statusKey(u.unit, u.indicator, u.group, u.stratum), u.status]));
    return {
        folder,
        results,
        matches,
        status(result) {
            const previous = matches.get(result.indicator);
            if (!previous?.comparable || previous.previous === undefined) return undefined;
            return statuses.get(statusKey(result.unit, previous.previous, result.group, result.stratum));
        },
        share(indicator, group, level, region) {
            const previous = matches.get(indicator);
            if (!previous?.comparable || previous.previous === undefined) return undefined;
            return index.cell(previous.previous, group, level, region)?.share;
        },
    };
}
