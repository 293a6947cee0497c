/**
 * The DuckDB engine against the reference interpreter on the seeded random rows of the all-engine
 * differential test (packages/evaluator/test/differential.test.ts): 100,000 rows in all, the 2019 set
 * and the model using every construct, each chunk of 5,000 rows decided in one query; the same status, sums and value
 * for every indicator, area, group and stratum of every row.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { codebookRows, type Model, type ResponseRow } from '@oj/language';
import { CONSTRUCTS, loadExample, loadText } from '../../evaluator/test/support.js';
import { interpreter, type EngineResult } from '../../evaluator/test/conformance/engines.js';
import { duckdbEngine } from './engine.js';

/** The differential test's rows: each variable blank or one of its codes (counts 0–50), blank about a fifth of the time. */
function rowArbitrary(models: Model[]): fc.Arbitrary<Record<string, string>> {
    const columns = codebookRows(models).map(
        (r) =>
            [
                r.variable,
                r.numeric
                    ? fc.oneof(
                          { weight: 1, arbitrary: fc.constant('') },
                          { weight: 4, arbitrary: fc.integer({ min: 0, max: 50 }).map(String) },
                      )
                    : fc.oneof(
                          { weight: 1, arbitrary: fc.constant('') },
                          { weight: 4, arbitrary: fc.constantFrom(...r.codes.map(String)) },
                      ),
            ] as const,
    );
    return fc.record(Object.fromEntries(columns));
}

function plain(r: EngineResult): string {
    return JSON.stringify([
        r.indicator,
        r.group ?? null,
        r.stratum ?? null,
        r.status,
        r.numerator ?? null,
        r.denominator ?? null,
        r.value ?? null,
    ]);
}

describe.each([
    ['the 2019 set', () => loadExample(), 30_000],
    ['every construct of the rule language', () => loadText([CONSTRUCTS]), 70_000],
] as const)('duckdb = reference interpreter on %s', (_name, load, count) => {
    let models: Model[];
    beforeAll(async () => {
        models = await load();
    });

    test(`${count} seeded random rows through SQL: the same status, sums and value for every indicator and unit`, async () => {
        const rows: ResponseRow[] = fc.sample(rowArbitrary(models), { seed: 20191, numRuns: count });
        const reference = await interpreter.load(models);
        const run = await duckdbEngine.load(models);
        // In chunks of 5,000 rows, so that the results read back stay a few hundred MB.
        const decided: EngineResult[][] = [];
        for (let start = 0; start < rows.length; start += 5000) decided.push(...(await run(rows.slice(start, start + 5000))));
        const statuses = new Map<string, number>();
        let differences = 0;
        let compared = 0;
        rows.forEach((row, i) => {
            const want = reference(row).map(plain);
            const got = decided[i].map(plain);
            compared += want.length;
            if (JSON.stringify(got) !== JSON.stringify(want)) {
                if (differences++ === 0) expect(got, `row ${i}: ${JSON.stringify(row)}`).toEqual(want);
            }
            for (const r of decided[i]) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        });
        expect(differences).toBe(0);
        expect(compared).toBeGreaterThan(count);
        // The rows reach every status, or the comparison proves little.
        expect([...statuses.keys()].filter((s) => s !== 'measured').sort()).toEqual(['excluded', 'met', 'missing', 'not_met']);
    }, 600_000);
});
