/**
 * The register engines against each other on 120,000 seeded synthetic register rows (real
 * kommunkoder, about 3 % blank and 1 % bad cells per column: unknown units, dates that do not
 * exist, ages that are no numbers, codes that are none): every count of every unit × stratum, the
 * rows of unknown unit and those in no stratum must be the same from the reference interpreter,
 * the streaming default engine and DuckDB.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeRegisterCsv } from '@oj/synthetic';
import {
    BY_AGE,
    BY_SEX,
    HOME_HELP,
    OLD,
    REGISTER_SOURCE,
    registerPlan,
} from '../../evaluator/test/conformance/register-cases.js';
import { REGISTER_ENGINES } from './register-engines.js';

const ROWS = 120_000;

const PLANS = [
    registerPlan({ number: 1, stratifications: [BY_SEX, BY_AGE] }),
    registerPlan({
        number: 2,
        name: 'Verkställt inom 90 dagar',
        population: {
            kind: 'and',
            operands: [
                { kind: 'codeIn', column: 'insats', codes: ['SÄBO'] },
                OLD,
                { kind: 'dateBetween', column: 'beslut', from: '2018-03-01', to: '2019-02-28' },
            ],
        },
        numerator: { kind: 'daysBetween', from: 'beslut', to: 'start', operator: '<=', days: 90 },
        stratifications: [BY_SEX],
    }),
    registerPlan({
        number: 3,
        name: 'Ej verkställt eller hemtjänst',
        population: {
            kind: 'or',
            operands: [
                { kind: 'not', operand: OLD },
                { kind: 'numberCompare', column: 'alder', operator: '=', value: 80 },
            ],
        },
        numerator: { kind: 'or', operands: [{ kind: 'blank', column: 'start' }, HOME_HELP] },
        stratifications: [BY_AGE],
    }),
];

const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'oj-register-differential-')), 'register.csv');
writeRegisterCsv(file, REGISTER_SOURCE, { seed: 2019, rows: ROWS });

describe('register engines agree on 120,000 synthetic rows', () => {
    test('every cell, unknown unit and unstratified count is the same', { timeout: 120_000 }, async () => {
        const [reference, ...others] = REGISTER_ENGINES;
        const expected = await reference.run(PLANS, file);
        // The data reach every outcome, so that agreement says something.
        for (const own of expected.indicators) {
            const total = own.cells.filter((c) => c.stratification === undefined);
            expect(total.length, `units of indicator ${own.indicator}`).toBe(290);
            expect(total.reduce((s, c) => s + c.numerator, 0)).toBeGreaterThan(0);
            expect(total.reduce((s, c) => s + c.denominator - c.numerator, 0)).toBeGreaterThan(0);
            expect(total.reduce((s, c) => s + c.missing, 0)).toBeGreaterThan(0);
            expect(own.unknownUnit).toBeGreaterThan(0);
            for (const s of PLANS.find((p) => p.number === own.indicator)!.stratifications)
                expect(own.unstratified[s.name]).toBeGreaterThan(0);
        }
        for (const engine of others) {
            const actual = await engine.run(PLANS, file);
            expect(actual.rowsRead, engine.name).toBe(ROWS);
            expect(actual.indicators, engine.name).toEqual(expected.indicators);
        }
    });
});
