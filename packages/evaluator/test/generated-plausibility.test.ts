/**
 * The generated package of examples/constructs applies the part-of-whole check itself: a share's
 * 7 of 5, and a rule's quotient of counts above 100 %, are reported and made missing, so the
 * package's own aggregate never publishes them; a near-identical plausible row is counted.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NodeFileSystem } from 'langium/node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createOjServices, loadWorkspace } from '@oj/language';
import { generateEvaluatorPackage } from '../src/generator.js';
import { root } from './support.js';

let dir: string;
let pkg: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

beforeAll(async () => {
    const { shared } = createOjServices(NodeFileSystem);
    const models = (await loadWorkspace(shared, [path.join(root, 'examples/constructs')])).documents.map(
        (d) => d.parseResult.value,
    );
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-package-plausibility-'));
    generateEvaluatorPackage(models, dir);
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    execFileSync(path.join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json', '--strict', '--noImplicitAny'], {
        cwd: dir,
        stdio: 'pipe',
    });
    pkg = await import(path.join(dir, 'dist/src/index.js'));
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Result = { indicator: number; status: string; numerator?: number; denominator?: number };
const of = (results: Result[], n: number) => results.filter((r) => r.indicator === n);
const riket = (rows: Array<Result & { level: string }>, n: number) => rows.find((r) => r.indicator === n && r.level === 'riket');

describe('the generated package checks part and whole', () => {
    test('a share of 7 of 5 is reported, missing and not counted; 5 of 7 is counted', () => {
        const implausible = { unit: '0114', K05_1: '7', K05_2: '5' };
        const plausible = { unit: '0115', K05_1: '5', K05_2: '7' };
        expect(pkg.implausibleValues(implausible)).toEqual([
            {
                unit: '0114',
                indicator: 5,
                part: [{ variable: 'K05_1', value: '7' }],
                whole: [{ variable: 'K05_2', value: '5' }],
                partSum: 7,
                wholeSum: 5,
            },
        ]);
        expect(pkg.implausibleValues(plausible)).toEqual([]);
        const results = [
            ...pkg.withUnit('0114', pkg.evaluateRespondent(implausible)),
            ...pkg.withUnit('0115', pkg.evaluateRespondent(plausible)),
        ];
        expect(of(results, 5).map((r) => [r.status, r.numerator, r.denominator])).toEqual([
            ['missing', undefined, undefined],
            ['met', 5, 7],
        ]);
        expect(riket(pkg.aggregate(results), 5)).toMatchObject({ numerator: 5, denominator: 7, respondents: 1 });
    });

    test('its aggregate does not count 7 of 5 even from evaluate, which decides the rules alone', () => {
        const results = pkg.withUnit('0114', pkg.evaluate({ K05_1: '7', K05_2: '5' }));
        expect(of(results, 5)[0]).toMatchObject({ status: 'met', numerator: 7, denominator: 5 });
        expect(riket(pkg.aggregate(results), 5)).toMatchObject({ numerator: 0, denominator: 0, respondents: 0 });
    });

    test('a rule comparing a quotient of counts with a per cent: 6 plans of 5 persons is missing, 4 of 5 is met', () => {
        expect(of(pkg.evaluateRespondent({ unit: '0114', K07_1: '5', K07_2: '6' }), 7)[0].status).toBe('missing');
        expect(
            pkg.implausibleValues({ unit: '0114', K07_1: '5', K07_2: '6' }).map((v: { indicator: number }) => v.indicator),
        ).toEqual([7]);
        expect(of(pkg.evaluateRespondent({ unit: '0114', K07_1: '5', K07_2: '4' }), 7)[0].status).toBe('met');
    });
});
