/**
 * Every engine against the reference interpreter, on seeded random rows with blanks (100,000 rows
 * in all, each decided by every engine), for the 2019 set and for a model using every construct of
 * the rule language: the generated evaluator's fast and traced paths give the same status, sums
 * and deciding answers; the analysis gives the same status for every rule indicator and area.
 * The engines are those of the conformance suite (conformance/engines.ts).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { codebookRows, lowerModels, type Model, type PlanKind, type ResponseRow } from '@oj/language';
import { CONSTRUCTS, loadExample, loadText } from './support.js';
import { ENGINES, type EngineResult, type EngineRun } from './conformance/engines.js';

/** Random rows: each variable blank or one of its codes (counts 0–50), with blanks about a fifth of the time. */
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

/** The fields a result carries, in one order (the trace read through its getter if it has one, and only if compared). */
function plain(r: EngineResult, trace: boolean) {
    return trace
        ? {
              indicator: r.indicator,
              group: r.group,
              status: r.status,
              trace: r.trace,
              numerator: r.numerator,
              denominator: r.denominator,
          }
        : { indicator: r.indicator, group: r.group, status: r.status };
}

const [reference, ...others] = ENGINES;

describe.each([
    ['the 2019 set', () => loadExample(), 30_000],
    ['every construct of the rule language', () => loadText([CONSTRUCTS]), 70_000],
] as const)('every engine = reference interpreter on %s', (_name, load, rows) => {
    let models: Model[];
    let runs: EngineRun[];
    let kinds: Map<number, PlanKind>;

    beforeAll(async () => {
        models = await load();
        runs = await Promise.all(ENGINES.map((e) => e.load(models)));
        kinds = new Map(lowerModels(models).map((p) => [p.number, p.kind]));
    });

    test(`${rows} seeded random rows, each decided by every engine: the same status for every indicator and group, and the same sums and trace where an engine gives them`, () => {
        const statuses = new Map<string, number>();
        const decided = new Map<string, number>(ENGINES.map((e) => [e.name, 0]));
        fc.assert(
            fc.property(rowArbitrary(models), (row: ResponseRow) => {
                const expected = runs[0](row);
                others.forEach((engine, i) => {
                    const want = expected
                        .filter((r) => engine.kinds.includes(kinds.get(r.indicator)!))
                        .map((r) => plain(r, engine.traces));
                    const got = runs[i + 1](row).map((r) => plain(r, engine.traces));
                    // A string comparison is fast; on a difference, show it structurally.
                    if (JSON.stringify(got) !== JSON.stringify(want)) expect(got, engine.name).toEqual(want);
                    decided.set(engine.name, decided.get(engine.name)! + 1);
                });
                decided.set(reference.name, decided.get(reference.name)! + 1);
                for (const r of expected) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
            }),
            { seed: 20191, numRuns: rows },
        );
        // Every engine decided every row, and the rows reach every status, or the comparison proves little.
        expect(Object.fromEntries(decided)).toEqual(Object.fromEntries(ENGINES.map((e) => [e.name, rows])));
        expect([...statuses.keys()].sort()).toEqual(['excluded', 'met', 'missing', 'not_met']);
    }, 300_000);
});
