/**
 * The register conformance table (packages/evaluator/test/conformance/register-cases.ts) run
 * against every register engine, each reading the case's rows from a register CSV file: the
 * counts of every unit × stratum, the rows of unknown unit and those in no stratum.
 */
import { describe, expect, test } from 'vitest';
import { REGISTER_CASES } from '../../evaluator/test/conformance/register-cases.js';
import { caseFile, nonZeroCells, REGISTER_ENGINES } from './register-engines.js';

describe.each(REGISTER_ENGINES.map((e) => [e.name, e] as const))('register conformance: %s', (_name, engine) => {
    test.each(REGISTER_CASES.map((c) => [c.name, c] as const))('%s', async (_case, c) => {
        const counts = await engine.run([c.plan], caseFile(c));
        expect(nonZeroCells(counts, c.plan.number)).toEqual(c.cells);
        const own = counts.indicators[0];
        expect(own.unknownUnit).toBe(c.unknownUnit ?? 0);
        expect(own.unstratified).toEqual(
            Object.fromEntries(c.plan.stratifications.map((s) => [s.name, c.unstratified?.[s.name] ?? 0])),
        );
        expect(counts.rowsRead).toBe(c.rows.length);
    });
});
