/**
 * The fixture files of the shared test kit (kit/): every diagnostics case under
 * resources/validation holds its `$TEST$` markers, and every semantic case under
 * resources/semantics builds without errors and meets its worked examples.
 */
import { describe, expect, test } from 'vitest';
import { AnalysisCodes } from '../src/index.js';
import { fixtureCases, markerProblems, readMarkers, semanticCase } from './kit/index.js';

describe('diagnostics cases (resources/validation)', () => {
    test.each(fixtureCases('validation'))('$name', async (c) => {
        expect(await markerProblems(c)).toEqual([]);
    });
});

describe('semantic cases (resources/semantics)', () => {
    test.each(fixtureCases('semantics'))('$name', async (c) => {
        const { errors, examples } = await semanticCase(c);
        expect(errors).toEqual([]);
        expect(examples.length, 'a semantic case states its expectations as worked examples').toBeGreaterThan(0);
        const failed = examples
            .filter((r) => !r.passed)
            .map(
                (r) =>
                    `${r.example.title ?? 'exempel'}${r.unit ? ` (${r.unit.name})` : ''}: ${r.actual.status}, not ${r.expected}`,
            );
        expect(failed).toEqual([]);
    });
});

describe('the diagnostics cases cover the analysis', () => {
    test("every code of the analysis (but the worked examples') has a triggering case and one put right beside it", () => {
        const cases = fixtureCases('validation/analysis');
        const names = new Set(cases.map((c) => c.name));
        const triggered = new Map<string, string>();
        for (const c of cases) {
            for (const e of readMarkers(c.file.source).expectations) if (!e.absent && e.code) triggered.set(e.code, c.name);
        }
        const expected = Object.values(AnalysisCodes).filter(
            (code) => code !== AnalysisCodes.ExampleFailed && code !== AnalysisCodes.ExampleInvalid,
        );
        expect(expected.filter((code) => !triggered.has(code))).toEqual([]);
        expect([...triggered.values()].filter((name) => !names.has(`${name}-not`))).toEqual([]);
    });
});
