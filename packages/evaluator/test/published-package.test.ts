/**
 * The generated package of a survey that declares who answers and where results are published
 * (examples/khs2019: kommuner only; kommun, län, riket; a share of counts; background measures):
 * it type-checks strictly, evaluates a respondent only for the indicators whose population it
 * belongs to, aggregates only at the declared levels, and exports background measures typed.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NodeFileSystem } from 'langium/node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createOjServices, evaluateMeasurePlan, loadWorkspace, lowerModels, type Model } from '@oj/language';
import { generateEvaluatorPackage } from '../src/generator.js';
import { root } from './support.js';

let models: Model[];
let dir: string;
// The package's index, as a developer imports it.
let pkg: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

beforeAll(async () => {
    const { shared } = createOjServices(NodeFileSystem);
    models = (await loadWorkspace(shared, [path.join(root, 'examples/khs2019')])).documents.map((d) => d.parseResult.value);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-package-khs-'));
    generateEvaluatorPackage(models, dir);
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    execFileSync(path.join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json', '--strict', '--noImplicitAny'], {
        cwd: dir,
        stdio: 'pipe',
    });
    pkg = await import(path.join(dir, 'dist/src/index.js'));
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ROW = {
    unit: '0180',
    K01_1: '1',
    K01_2: '1',
    K02_1: '1',
    K02_2: '2',
    K03_1: '40',
    K_SSK: '100',
    K05_2: '20',
    K06_1_K: '300',
    K06_1_M: '60',
};

describe('the generated package of KHS2019', () => {
    test('describes every indicator: kind, population, levels, aggregation, comparability', () => {
        expect(pkg.INDICATORS.map((i: { number: number; kind: string }) => [i.number, i.kind])).toEqual([
            [1, 'rule'],
            [2, 'rule'],
            [3, 'ratio'],
            [4, 'measure'],
            [5, 'measure'],
            [6, 'measure'],
        ]);
        expect(pkg.INDICATORS[0]).toMatchObject({
            population: ['kommun'],
            levels: ['kommun', 'län', 'riket'],
            aggregateLevels: ['lan', 'riket'],
        });
        expect(pkg.INDICATORS[2].comparability).toEqual({
            year: 2018,
            comparable: false,
            reason: '2018 räknades även tillfälligt anställda sjuksköterskor.',
        });
        expect(pkg.INDICATORS[4]).toMatchObject({ aggregation: 'median' });
    });

    test('a stadsdel is outside every indicator of a survey for kommuner; a kommun is inside', () => {
        expect(pkg.evaluateRespondent({ ...ROW, unit: '0180-01' })).toEqual([]);
        expect(pkg.measureRespondent({ ...ROW, unit: '0180-01' })).toEqual([]);
        expect(pkg.evaluateRespondent(ROW).map((r: { indicator: number; status: string }) => [r.indicator, r.status])).toEqual([
            [1, 'met'],
            [2, 'not_met'],
            [3, 'met'],
        ]);
    });

    test("background measures: typed values, the same as the interpreter's", () => {
        const values = pkg.measures(ROW);
        expect(
            values.map((r: { indicator: number; stratum?: string; status: string; value?: number }) => [
                r.indicator,
                r.stratum,
                r.status,
                r.value,
            ]),
        ).toEqual([
            [4, undefined, 'measured', 100],
            [5, undefined, 'measured', 5],
            [6, 'K', 'measured', 300],
            [6, 'M', 'measured', 60],
            [6, 'T', 'measured', 360],
        ]);
        const plans = lowerModels(models)
            .filter((p) => p.kind === 'measure')
            .flatMap((p) => p.units);
        expect(JSON.parse(JSON.stringify(values))).toEqual(
            JSON.parse(JSON.stringify(plans.map((p) => evaluateMeasurePlan(p, ROW)))),
        );
        const source = fs.readFileSync(path.join(dir, 'src/evaluate.ts'), 'utf-8');
        expect(source).toContain('export function indicator5(row: ResponseRow): MeasureResult');
        expect(source).toContain('export function indicator6_T(row: ResponseRow): MeasureResult');
        expect(fs.readFileSync(path.join(dir, 'src/published.ts'), 'utf-8')).toContain('export type MeasureNumber = 4 | 5 | 6;');
    });

    test('aggregates exist only at the declared levels: Stockholm is a kommun here, not a storstad row', () => {
        const shares = pkg.aggregate(pkg.withUnit(ROW.unit, pkg.evaluateRespondent(ROW)));
        expect(new Set(shares.map((s: { level: string }) => s.level))).toEqual(new Set(['riket', 'lan']));
        const values = pkg.aggregateMeasures(pkg.measureRespondent(ROW).map((r: object) => ({ ...r, unit: ROW.unit })));
        expect(values.find((v: { indicator: number; level: string }) => v.indicator === 4 && v.level === 'lan')).toMatchObject({
            region: '01',
            value: 100,
            respondents: 1,
            aggregation: 'summa',
        });
        expect(values.some((v: { level: string }) => v.level === 'storstad')).toBe(false);
    });
});
