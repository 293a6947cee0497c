/**
 * The conformance suite: every case of cases.ts against every engine of engines.ts (the
 * interpreter, the generated TypeScript's fast and traced paths, the analysis), each row's
 * status, sums and deciding answers as the case states them. An engine runs the cases of the
 * kinds of indicator it decides.
 */
import { describe, expect, test } from 'vitest';
import { CASES } from './cases.js';
import { ENGINES, type Engine } from './engines.js';
import { caseRow, expectationFor, expectedPerUnit, kindOf, loadCase, outcomeOf } from './harness.js';

const loaded = await Promise.all(CASES.map(async c => ({ case: c, ...(await loadCase(c)) })));

describe.each(ENGINES.map(e => [e.name, e] as const))('conformance: %s', (_name, engine: Engine) => {
    const cases = loaded.filter(l => engine.kinds.includes(kindOf(l.indicator)));

    test('runs the cases of every kind it decides', () => {
        expect(cases.length).toBeGreaterThan(0);
        expect(new Set(cases.map(l => kindOf(l.indicator)))).toEqual(new Set(engine.kinds));
    });

    test.each(cases.map(l => [l.case.name, l] as const))('%s', async (_caseName, { case: c, models, indicator }) => {
        const run = await engine.load(models);
        for (const [answers, expected] of c.rows) {
            const row = caseRow(indicator, answers);
            const results = run(row).filter(r => r.indicator === indicator.number);
            const perUnit = expectedPerUnit(indicator, expected);
            expect(results.map(r => r.group ?? ''), `units for "${answers}"`).toEqual([...perUnit.keys()].map(u => u ?? ''));
            for (const result of results) {
                const want = perUnit.get(result.group)!;
                expect(outcomeOf(result, engine.traces, want), `"${answers}"${result.group ? ` for ${result.group}` : ''}`)
                    .toEqual(expectationFor(want, engine.traces));
            }
        }
    });
});
