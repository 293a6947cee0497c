/**
 * The generated evaluator against the reference interpreter: the same status and the same
 * deciding answers for every indicator and area, on seeded random rows with blanks (≥ 100,000 rows
 * in all), for the 2019 set and for a model using every construct of the rule language.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { codebookRows, evaluateIndicatorForAllUnits, type Indicator, type IndicatorResult, type Model } from '@oj/language';
import { CONSTRUCTS, importGenerated, loadExample, loadText, type GeneratedEvaluator, type GeneratedResult } from './support.js';

/** Random rows: each variable blank or one of its codes (counts 0–50), with blanks about a fifth of the time. */
function rowArbitrary(models: Model[]): fc.Arbitrary<Record<string, string>> {
    const columns = codebookRows(models).map(r => [r.variable, r.numeric
        ? fc.oneof({ weight: 1, arbitrary: fc.constant('') }, { weight: 4, arbitrary: fc.integer({ min: 0, max: 50 }).map(String) })
        : fc.oneof({ weight: 1, arbitrary: fc.constant('') }, { weight: 4, arbitrary: fc.constantFrom(...r.codes.map(String)) })] as const);
    return fc.record(Object.fromEntries(columns));
}

/** The fields a result carries, in one order, the trace read through its getter if it has one. */
function plain(r: GeneratedResult | IndicatorResult) {
    return { indicator: r.indicator, group: r.group, status: r.status, trace: r.trace, numerator: r.numerator, denominator: r.denominator };
}

function interpreterResults(indicators: Indicator[], row: Record<string, string>) {
    return indicators.flatMap(i => evaluateIndicatorForAllUnits(i, row));
}

const indicatorsOf = (models: Model[]) => models.flatMap(m => m.elements.filter((e): e is Indicator => e.$type === 'Indicator')).sort((a, b) => a.number - b.number);

describe.each([
    ['the 2019 set', () => loadExample(), 30_000],
    ['every construct of the rule language', () => loadText([CONSTRUCTS]), 70_000]
] as const)('generated evaluator = reference interpreter on %s', (_name, load, rows) => {
    let models: Model[];
    let generated: GeneratedEvaluator;

    beforeAll(async () => {
        models = await load();
        generated = await importGenerated(models);
    });

    test(`${rows} seeded random rows: same status and trace for every indicator and group`, () => {
        const indicators = indicatorsOf(models);
        const statuses = new Map<string, number>();
        fc.assert(fc.property(rowArbitrary(models), row => {
            const expected = interpreterResults(indicators, row).map(plain);
            // evaluate decides on the fast path and works the trace out when read; explain traces at once.
            const fast = generated.evaluate(row).map(plain);
            const explained = generated.explain(row).map(plain);
            // A string comparison is fast; on a difference, show it structurally.
            const text = JSON.stringify(expected);
            if (JSON.stringify(fast) !== text) expect(fast).toEqual(expected);
            if (JSON.stringify(explained) !== text) expect(explained).toEqual(expected);
            for (const r of expected) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        }), { seed: 20191, numRuns: rows });
        // The rows must reach every status, or the comparison proves little.
        expect([...statuses.keys()].sort()).toEqual(['excluded', 'met', 'missing', 'not_met']);
    }, 120_000);
});
