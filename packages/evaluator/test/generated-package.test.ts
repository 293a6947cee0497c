/**
 * The generated package as a developer receives it: it type-checks with `tsc --strict` and no
 * `any`, its tests from the model's worked examples pass, its schema accepts an export's rows,
 * and the same model always gives byte-identical files.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Model } from '@oj/language';
import { generateEvaluatorFiles, generateEvaluatorPackage } from '../src/generator.js';
import { CONSTRUCTS, loadExample, loadText, root } from './support.js';

let models: Model[];
let dir: string;

beforeAll(async () => {
    models = await loadExample();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-package-'));
    generateEvaluatorPackage(models, dir);
    // The package's dependencies (zod, typescript, @types/node) come from this repository.
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the generated evaluator package', () => {
    test('is an ESM package with exports and types, and a README listing indicators and variables', () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf-8'));
        expect(pkg).toMatchObject({
            name: 'oj-evaluator-oj2019',
            type: 'module',
            exports: { '.': { types: './dist/src/index.d.ts', default: './dist/src/index.js' } },
        });
        const readme = fs.readFileSync(path.join(dir, 'README.md'), 'utf-8');
        expect(readme).toContain(
            '| 6 | Aktuell samlad plan för handläggares kompetensutveckling | EB, MB, SP, VNR, BU, LSSB, LSSV, AO |',
        );
        expect(readme).toContain('| `I06_2C_BU` | 6 | 2 | C | BU | 1, 0 |');
    });

    test('is straight-line code: no interpreter, no eval, no any', () => {
        const source = fs.readFileSync(path.join(dir, 'src/evaluate.ts'), 'utf-8');
        expect(source).not.toMatch(/\beval\(|new Function|: any\b|as any\b|<any>/);
        expect(source).toContain('export function indicator6_BU(row: ResponseRow): IndicatorResult');
        for (const file of ['src/runtime.ts', 'src/aggregate.ts', 'src/schema.ts']) {
            expect(fs.readFileSync(path.join(dir, file), 'utf-8')).not.toMatch(/: any\b|as any\b|<any>/);
        }
    });

    test('compiles with tsc --strict and its generated example tests pass', () => {
        execFileSync(path.join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json', '--strict', '--noImplicitAny'], {
            cwd: dir,
            stdio: 'pipe',
        });
        const output = execFileSync(path.join(root, 'node_modules/.bin/node'), ['--test', 'dist/test/examples.test.js'], {
            cwd: dir,
            encoding: 'utf-8',
        });
        // One generated test per worked example in the model, all passing.
        const examples = models.flatMap((m) => m.elements.flatMap((e) => (e.$type === 'Indicator' ? e.examples : [])));
        expect(examples.length).toBeGreaterThan(30);
        expect(output).toContain(`# pass ${examples.length}\n# fail 0`);
    }, 120_000);

    test('its schema accepts export rows (codes as text or numbers, blanks) and rejects a wrong code', async () => {
        const { responseRow, evaluate, aggregate, withUnit } = await import(path.join(dir, 'dist/src/index.js'));
        const row = responseRow.parse({
            unit: '0180',
            name: 'Stockholm',
            I01_1: '1',
            I01_2A: 1,
            I01_2B: '1',
            I01_3: '3',
            I02_1_EB: '',
            I09_1_EB: null,
        });
        const results = evaluate(row);
        expect(results.find((r: { indicator: number }) => r.indicator === 1)).toMatchObject({ status: 'met' });
        expect(results.find((r: { indicator: number; group?: string }) => r.indicator === 2 && r.group === 'EB')).toMatchObject({
            status: 'missing',
        });
        expect(responseRow.safeParse({ unit: '0180', I01_1: '7' }).success).toBe(false);
        const shares = aggregate(withUnit(row.unit, results));
        expect(
            shares.find((s: { indicator: number; level: string }) => s.indicator === 1 && s.level === 'storstad'),
        ).toMatchObject({ region: '0180', numerator: 1, denominator: 1, share: 1 });
    });

    test('each result carries the deciding answers: read from evaluate, at once from explain, and in JSON', async () => {
        const { evaluate, explain } = await import(path.join(dir, 'dist/src/index.js'));
        // Routed blank after "Nej": i alone decides.
        const row = { unit: '0114', I02_1_EB: '2', I02_2_EB: '' };
        const fast = evaluate(row).find((r: { indicator: number; group?: string }) => r.indicator === 2 && r.group === 'EB');
        const expectedTrace = [{ variable: 'I02_1_EB', question: 'i', value: '2' }];
        expect(fast).toMatchObject({ status: 'not_met' });
        expect(fast.trace).toEqual(expectedTrace);
        expect(JSON.parse(JSON.stringify(fast))).toEqual({ indicator: 2, group: 'EB', status: 'not_met', trace: expectedTrace });
        expect(explain(row).find((r: { indicator: number; group?: string }) => r.indicator === 2 && r.group === 'EB')).toEqual({
            indicator: 2,
            group: 'EB',
            status: 'not_met',
            trace: expectedTrace,
        });
    });

    test('the same model gives byte-identical files', () => {
        const again = generateEvaluatorFiles(models);
        for (const file of again) expect(fs.readFileSync(path.join(dir, file.path), 'utf-8'), file.path).toBe(file.content);
    });
});

describe('the generated package of a model using every construct of the rule language', () => {
    test('compiles with tsc --strict: counts, ratios, negation, exceptions, quantifiers and variants', async () => {
        const constructs = await loadText([CONSTRUCTS]);
        const target = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-package-constructs-'));
        generateEvaluatorPackage(constructs, target);
        fs.symlinkSync(path.join(root, 'node_modules'), path.join(target, 'node_modules'), 'dir');
        execFileSync(path.join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json', '--strict', '--noImplicitAny'], {
            cwd: target,
            stdio: 'pipe',
        });
        const { evaluate } = await import(path.join(target, 'dist/src/index.js'));
        // Indicator 5 is a ratio: its counts travel with the result.
        expect(evaluate({ S05_1: '3', S05_2: '12' }).find((r: { indicator: number }) => r.indicator === 5)).toMatchObject({
            status: 'met',
            numerator: 3,
            denominator: 12,
        });
        fs.rmSync(target, { recursive: true, force: true });
    }, 60_000);
});
