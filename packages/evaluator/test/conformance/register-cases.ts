/**
 * The register conformance table: small register indicator plans, register rows and the cells
 * every register engine must count (the reference interpreter's accumulator, the streaming default
 * engine reading a CSV file, DuckDB). Expected counts are worked out by hand from the semantics in
 * the header of packages/language/src/semantics/register-plan.ts; cells not listed must be zero.
 *
 * Rows are written as in the register file, `kommun,kon,alder,beslut,start,insats`.
 */
import type { RegisterCondition, RegisterIndicatorPlan, RegisterSourcePlan, RegisterStratificationPlan } from '@oj/language';

export const REGISTER_SOURCE: RegisterSourcePlan = {
    name: 'SOL',
    title: 'Registret över insatser enligt socialtjänstlagen',
    unitColumn: 'kommun',
    measurementDate: '2019-03-01',
    columns: [
        { name: 'kommun', type: 'kommunkod', label: 'Kommun' },
        {
            name: 'kon',
            type: 'kön',
            label: 'Kön',
            codes: [
                { code: 'K', label: 'Kvinnor' },
                { code: 'M', label: 'Män' },
            ],
        },
        { name: 'alder', type: 'heltal', label: 'Ålder vid mätdatum' },
        { name: 'beslut', type: 'datum', label: 'Beslutsdatum' },
        { name: 'start', type: 'datum', label: 'Verkställighetsdatum' },
        {
            name: 'insats',
            type: 'kod',
            label: 'Insats',
            codes: [
                { code: 'HT', label: 'Hemtjänst' },
                { code: 'SÄBO', label: 'Särskilt boende' },
                { code: 'KORT', label: 'Korttidsvistelse' },
            ],
        },
    ],
};

export const COLUMNS = REGISTER_SOURCE.columns.map((c) => c.name);

export const BY_SEX: RegisterStratificationPlan = {
    name: 'kön',
    label: 'Kön',
    column: 'kon',
    strata: [
        { code: 'K', label: 'Kvinnor', codes: ['K'] },
        { code: 'M', label: 'Män', codes: ['M'] },
    ],
};

export const BY_AGE: RegisterStratificationPlan = {
    name: 'åldersgrupp',
    label: 'Åldersgrupp',
    column: 'alder',
    strata: [
        { code: '0-64', label: '0–64 år', min: 0, max: 64 },
        { code: '65-79', label: '65–79 år', min: 65, max: 79 },
        { code: '80-', label: '80 år och äldre', min: 80 },
    ],
};

export const OLD: RegisterCondition = { kind: 'numberCompare', column: 'alder', operator: '>=', value: 65 };
export const HOME_HELP: RegisterCondition = { kind: 'codeIn', column: 'insats', codes: ['HT'] };

export function registerPlan(overrides: Partial<RegisterIndicatorPlan> = {}): RegisterIndicatorPlan {
    return {
        kind: 'register',
        number: 1,
        name: 'Andel med hemtjänst',
        source: REGISTER_SOURCE,
        population: OLD,
        numerator: HOME_HELP,
        stratifications: [],
        totalCode: 'T',
        levels: ['kommun', 'län', 'riket'],
        ...overrides,
    };
}

/** numerator, denominator, missing */
export type Counts = [number, number, number];

export interface RegisterCase {
    name: string;
    plan: RegisterIndicatorPlan;
    /** Register rows as CSV lines without the header, `kommun,kon,alder,beslut,start,insats`. */
    rows: string[];
    /** The non-zero cells, keyed `unit/stratum` (the total's stratum is the plan's total code). */
    cells: Record<string, Counts>;
    unknownUnit?: number;
    /** Counted rows in no stratum, per stratification. */
    unstratified?: Record<string, number>;
}

export const REGISTER_CASES: RegisterCase[] = [
    {
        name: 'the population decides who is counted, the numerator who is in it',
        plan: registerPlan(),
        rows: [
            '0114,K,70,2019-01-10,2019-01-20,HT', // numerator
            '0114,M,80,2019-01-10,2019-01-20,SÄBO', // denominator only
            '0114,K,40,2019-01-10,2019-01-20,HT', // outside: younger than 65
            '0114,K,65,2019-01-10,2019-01-20,HT', // 65 is in (>=)
            '0114,K,64,2019-01-10,2019-01-20,HT', // 64 is outside
        ],
        cells: { '0114/T': [2, 3, 0] },
    },
    {
        name: 'a blank or unparsable value the population reads makes the row missing, not outside',
        plan: registerPlan(),
        rows: [
            '0114,K,,2019-01-10,2019-01-20,HT', // age blank: population unknown
            '0114,K,x,2019-01-10,2019-01-20,HT', // not a number
            '0114,K,"4,5",2019-01-10,2019-01-20,HT', // a decimal is no whole number
            '0114,K,1e3,2019-01-10,2019-01-20,HT', // nor is an exponent
            '0114,K,70,2019-01-10,2019-01-20,HT',
        ],
        cells: { '0114/T': [1, 1, 4] },
    },
    {
        name: 'a numerator that cannot be decided is missing and not in the denominator; codes compare as written',
        plan: registerPlan(),
        rows: [
            '0114,K,70,2019-01-10,2019-01-20,', // insats blank
            '0114,K,70,2019-01-10,2019-01-20,ZZ', // a value, though no declared code: not HT, denominator
            '0114,K,70,2019-01-10,2019-01-20,ht', // codes are exact: lower case is not HT
            '0114,K,70,2019-01-10,2019-01-20,KORT', // not HT: denominator
            '0114,K,70,2019-01-10,2019-01-20, HT ', // spaces around are trimmed: numerator
        ],
        cells: { '0114/T': [1, 4, 1] },
    },
    {
        name: 'a blank or unknown unit is outside and counted as unknown unit',
        plan: registerPlan(),
        rows: [
            ',K,70,2019-01-10,2019-01-20,HT',
            '114,K,70,2019-01-10,2019-01-20,HT', // the leading zero lost
            '9999,K,70,2019-01-10,2019-01-20,HT',
            '0114X,K,70,2019-01-10,2019-01-20,HT',
            '0180-01,K,70,2019-01-10,2019-01-20,HT', // a stadsdel is no kommunkod of a register row
            ' 0114 ,K,70,2019-01-10,2019-01-20,HT', // spaces around are trimmed
            '1480,M,90,2019-01-10,2019-01-20,SÄBO',
        ],
        cells: { '0114/T': [1, 1, 0], '1480/T': [0, 1, 0] },
        unknownUnit: 5,
    },
    {
        name: 'and: false beside unknown is false (outside), true beside unknown is unknown (missing)',
        plan: registerPlan({
            population: {
                kind: 'and',
                operands: [OLD, { kind: 'dateBetween', column: 'beslut', from: '2018-03-01', to: '2019-02-28' }],
            },
        }),
        rows: [
            '0114,K,40,,2019-01-20,HT', // young and no date: false and unknown → outside
            '0114,K,70,,2019-01-20,HT', // old and no date: true and unknown → missing
            '0114,K,70,2018-03-01,2019-01-20,HT', // first day of the period, inclusive
            '0114,K,70,2019-02-28,2019-03-20,SÄBO', // last day, inclusive
            '0114,K,70,2018-02-28,2019-01-20,HT', // the day before: outside
            '0114,K,70,2019-03-01,2019-03-20,HT', // the day after: outside
            '0114,K,70,2019-02-30,2019-03-20,HT', // no such day: unknown → missing
            '0114,K,70,20190115,2019-03-20,HT', // not ISO: unknown → missing
            '0114,K,70,15/01/2019,2019-03-20,HT', // not ISO: unknown → missing
        ],
        cells: { '0114/T': [1, 2, 4] },
    },
    {
        name: 'or: true beside unknown is true, false beside unknown is unknown',
        plan: registerPlan({
            numerator: {
                kind: 'or',
                operands: [HOME_HELP, { kind: 'daysBetween', from: 'beslut', to: 'start', operator: '<=', days: 90 }],
            },
        }),
        rows: [
            '0114,K,70,2019-01-10,,HT', // HT, days unknown: true
            '0114,K,70,2019-01-10,,SÄBO', // not HT, days unknown: missing
            '0114,K,70,2019-01-10,2019-04-10,SÄBO', // 90 days exactly: true
            '0114,K,70,2019-01-10,2019-04-11,SÄBO', // 91 days: false
            '0114,K,70,2019-01-10,2018-12-10,SÄBO', // −31 days (started before the decision): <= 90, true
            '0114,K,70,2019-01-10,2019-04-31,SÄBO', // no such day: unknown
        ],
        cells: { '0114/T': [3, 4, 2] },
    },
    {
        name: 'not, and "saknas": a blank test is never unknown',
        plan: registerPlan({ numerator: { kind: 'not', operand: { kind: 'blank', column: 'start' } } }),
        rows: [
            '0114,K,70,2019-01-10,,HT', // start blank: not(true) = false → denominator
            '0114,K,70,2019-01-10,   ,HT', // only spaces is blank
            '0114,K,70,2019-01-10,okänt,HT', // a value, even one that is no date, is not blank
            '0114,K,70,2019-01-10,2019-01-20,HT',
        ],
        cells: { '0114/T': [2, 4, 0] },
    },
    {
        name: 'number comparisons: =, <>, <, >',
        plan: registerPlan({
            population: {
                kind: 'and',
                operands: [
                    { kind: 'numberCompare', column: 'alder', operator: '<>', value: 70 },
                    { kind: 'numberCompare', column: 'alder', operator: '<', value: 90 },
                    { kind: 'numberCompare', column: 'alder', operator: '>', value: 60 },
                ],
            },
            numerator: { kind: 'numberCompare', column: 'alder', operator: '=', value: 80 },
        }),
        rows: [
            '0114,K,70,2019-01-10,2019-01-20,HT', // 70: outside
            '0114,K,80,2019-01-10,2019-01-20,HT', // numerator
            '0114,K,89,2019-01-10,2019-01-20,HT', // denominator
            '0114,K,90,2019-01-10,2019-01-20,HT', // outside
            '0114,K,60,2019-01-10,2019-01-20,HT', // outside
            '0114,K,-5,2019-01-10,2019-01-20,HT', // a negative whole number parses: outside
            '0114,K,+80,2019-01-10,2019-01-20,HT', // so does a plus sign: numerator
            '0114,K,0000000000000080,2019-01-10,2019-01-20,HT', // 16 digits is no whole number: missing
        ],
        cells: { '0114/T': [2, 3, 1] },
    },
    {
        name: 'strata by kön: blank or unknown kön counts in the total only',
        plan: registerPlan({ stratifications: [BY_SEX] }),
        rows: [
            '0114,K,70,2019-01-10,2019-01-20,HT',
            '0114,K,70,2019-01-10,2019-01-20,SÄBO',
            '0114,M,70,2019-01-10,2019-01-20,HT',
            '0114,,70,2019-01-10,2019-01-20,HT', // kön blank: total only
            '0114,X,70,2019-01-10,2019-01-20,SÄBO', // no kön code: total only
            '0114,M,,2019-01-10,2019-01-20,HT', // missing, in its stratum too
        ],
        cells: { '0114/T': [3, 5, 1], '0114/K': [1, 2, 0], '0114/M': [1, 1, 1] },
        unstratified: { kön: 2 },
    },
    {
        name: 'strata by age group: inclusive ranges, the last open',
        plan: registerPlan({
            population: { kind: 'codeIn', column: 'insats', codes: ['HT', 'SÄBO'] },
            stratifications: [BY_AGE],
        }),
        rows: [
            '0114,K,0,2019-01-10,2019-01-20,HT',
            '0114,K,64,2019-01-10,2019-01-20,SÄBO',
            '0114,K,65,2019-01-10,2019-01-20,HT',
            '0114,K,79,2019-01-10,2019-01-20,HT',
            '0114,K,80,2019-01-10,2019-01-20,SÄBO',
            '0114,K,104,2019-01-10,2019-01-20,HT',
            '0114,K,x,2019-01-10,2019-01-20,HT', // no age: total only
            '0114,K,-1,2019-01-10,2019-01-20,HT', // below every range: total only
        ],
        cells: { '0114/T': [6, 8, 0], '0114/0-64': [1, 2, 0], '0114/65-79': [2, 2, 0], '0114/80-': [1, 2, 0] },
        unstratified: { åldersgrupp: 2 },
    },
    {
        name: 'two stratifications at once, several units',
        plan: registerPlan({ stratifications: [BY_SEX, BY_AGE] }),
        rows: [
            '0114,K,70,2019-01-10,2019-01-20,HT',
            '0114,M,85,2019-01-10,2019-01-20,SÄBO',
            '2584,K,85,2019-01-10,2019-01-20,HT',
            '2584,K,66,2019-01-10,2019-01-20,',
            '0180,M,99,2019-01-10,2019-01-20,HT',
        ],
        cells: {
            '0114/T': [1, 2, 0],
            '0114/K': [1, 1, 0],
            '0114/M': [0, 1, 0],
            '0114/65-79': [1, 1, 0],
            '0114/80-': [0, 1, 0],
            '2584/T': [1, 1, 1],
            '2584/K': [1, 1, 1],
            '2584/65-79': [0, 0, 1],
            '2584/80-': [1, 1, 0],
            '0180/T': [1, 1, 0],
            '0180/M': [1, 1, 0],
            '0180/80-': [1, 1, 0],
        },
    },
    {
        name: 'a code list with no codes is false for a known value, unknown for a blank one',
        plan: registerPlan({ numerator: { kind: 'codeIn', column: 'insats', codes: [] } }),
        rows: ['0114,K,70,2019-01-10,2019-01-20,HT', '0114,K,70,2019-01-10,2019-01-20,'],
        cells: { '0114/T': [0, 1, 1] },
    },
];
