/**
 * The conformance suite: every case of cases.ts against every engine of engines.ts (the
 * interpreter, the generated TypeScript's fast and traced paths, the analysis), each row's
 * status, sums and deciding answers as the case states them. An engine runs the cases of the
 * kinds of indicator it decides.
 */
import { describe, expect, test } from 'vitest';
import { checkExample, exampleRow } from '@oj/language';
import { fixtureCases } from '../../../language/test/kit/fixtures.js';
import { CASES } from './cases.js';
import { ENGINES, type Engine } from './engines.js';
import { caseRow, expectationFor, expectedPerUnit, kindOf, loadCase, loadFixture, outcomeOf, unitKey } from './harness.js';

const loaded = await Promise.all(CASES.map(async (c) => ({ case: c, ...(await loadCase(c)) })));
/** The semantic cases of the language's test kit: models whose worked examples are the expectations. */
const fixtures = await Promise.all(fixtureCases('semantics').map(async (c) => ({ name: c.name, ...(await loadFixture(c)) })));

describe.each(ENGINES.map((e) => [e.name, e] as const))('conformance: %s', (_name, engine: Engine) => {
    const cases = loaded.filter((l) => engine.kinds.includes(kindOf(l.indicator)));

    test('runs the cases of every kind it decides', () => {
        expect(cases.length).toBeGreaterThan(0);
        expect(new Set(cases.map((l) => kindOf(l.indicator)))).toEqual(new Set(engine.kinds));
    });

    test.each(cases.map((l) => [l.case.name, l] as const))('%s', async (_caseName, { case: c, models, indicator }) => {
        const run = await engine.load(models);
        for (const [answers, expected] of c.rows) {
            const row = caseRow(indicator, answers);
            const results = run(row).filter((r) => r.indicator === indicator.number);
            const perUnit = expectedPerUnit(indicator, expected);
            expect(
                results.map((r) => unitKey(r) ?? ''),
                `units for "${answers}"`,
            ).toEqual([...perUnit.keys()].map((u) => u ?? ''));
            for (const result of results) {
                const want = perUnit.get(unitKey(result))!;
                expect(
                    outcomeOf(result, engine.traces, want),
                    `"${answers}"${unitKey(result) ? ` for ${unitKey(result)}` : ''}`,
                ).toEqual(expectationFor(want, engine.traces));
            }
        }
    });
});

describe.each(ENGINES.map((e) => [e.name, e] as const))(
    'worked examples of the semantic fixtures: %s',
    (_name, engine: Engine) => {
        test.each(fixtures.map((f) => [f.name, f] as const))('%s', async (_fixture, { models, indicators }) => {
            const run = await engine.load(models);
            let checked = 0;
            for (const indicator of indicators.filter((i) => engine.kinds.includes(kindOf(i)))) {
                for (const example of indicator.examples) {
                    const results = run(exampleRow(indicator, example)).filter((r) => r.indicator === indicator.number);
                    for (const { unit, expected } of checkExample(indicator, example)) {
                        const result = results.find((r) => r.group === unit?.name);
                        expect(result?.status, `${example.title ?? 'exempel'}${unit ? ` (${unit.name})` : ''}`).toBe(expected);
                        checked++;
                    }
                }
            }
            expect(checked, 'the fixture has examples of a kind the engine decides').toBeGreaterThan(0);
        });
    },
);
