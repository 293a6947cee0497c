/**
 * The conformance suite (packages/evaluator/test/conformance) run against the DuckDB engine: every
 * case's rows decided in one query, each status, sum and value as the case states it; and the
 * worked examples of the language's semantic fixtures.
 */
import { describe, expect, test } from 'vitest';
import { checkExample, exampleRow } from '@oj/language';
import { fixtureCases } from '../../language/test/kit/fixtures.js';
import { CASES } from '../../evaluator/test/conformance/cases.js';
import {
    caseRow,
    expectationFor,
    expectedPerUnit,
    kindOf,
    loadCase,
    loadFixture,
    outcomeOf,
    unitKey,
} from '../../evaluator/test/conformance/harness.js';
import { duckdbEngine as engine } from './engine.js';

const loaded = await Promise.all(CASES.map(async (c) => ({ case: c, ...(await loadCase(c)) })));
const fixtures = await Promise.all(fixtureCases('semantics').map(async (c) => ({ name: c.name, ...(await loadFixture(c)) })));

describe('conformance: duckdb', () => {
    test('runs the cases of every kind', () => {
        expect(new Set(loaded.map((l) => kindOf(l.indicator)))).toEqual(new Set(engine.kinds));
    });

    test.each(loaded.map((l) => [l.case.name, l] as const))('%s', async (_caseName, { case: c, models, indicator }) => {
        const run = await engine.load(models);
        const rows = c.rows.map(([answers]) => caseRow(indicator, answers));
        const decided = await run(rows);
        c.rows.forEach(([answers, expected], i) => {
            const results = decided[i].filter((r) => r.indicator === indicator.number);
            const perUnit = expectedPerUnit(indicator, expected);
            expect(
                results.map((r) => unitKey(r) ?? ''),
                `units for "${answers}"`,
            ).toEqual([...perUnit.keys()].map((u) => u ?? ''));
            for (const result of results) {
                const want = perUnit.get(unitKey(result))!;
                expect(outcomeOf(result, false, want), `"${answers}"${unitKey(result) ? ` for ${unitKey(result)}` : ''}`).toEqual(
                    expectationFor(want, false),
                );
            }
        });
    });
});

describe('worked examples of the semantic fixtures: duckdb', () => {
    test.each(fixtures.map((f) => [f.name, f] as const))('%s', async (_fixture, { models, indicators }) => {
        const run = await engine.load(models);
        const examples = indicators.flatMap((indicator) => indicator.examples.map((example) => ({ indicator, example })));
        const decided = await run(examples.map(({ indicator, example }) => exampleRow(indicator, example)));
        let checked = 0;
        examples.forEach(({ indicator, example }, i) => {
            const results = decided[i].filter((r) => r.indicator === indicator.number);
            for (const { unit, expected } of checkExample(indicator, example)) {
                const result = results.find((r) => r.group === unit?.name);
                expect(result?.status, `${example.title ?? 'exempel'}${unit ? ` (${unit.name})` : ''}`).toBe(expected);
                checked++;
            }
        });
        expect(checked, 'the fixture has examples').toBeGreaterThan(0);
    });
});
