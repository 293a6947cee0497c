/**
 * The generated package checks unit codes itself (issue 19): its schema accepts a kommun of the
 * register or a stadsdel the survey declares and refuses anything else naming the code, and its
 * `aggregate` never counts an unknown code in riket or a made-up län. The known codes are emitted
 * into the package (src/units.ts), so it needs nothing of this repository.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Model } from '@oj/language';
import { kommuner } from '@oj/regions';
import { generateEvaluatorPackage } from '../src/generator.js';
import { aggregate } from '../src/runtime/aggregate.js';
import { loadExample, root } from './support.js';

let models: Model[];
let dir: string;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let pkg: any;

beforeAll(async () => {
    models = await loadExample();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-package-units-'));
    generateEvaluatorPackage(models, dir);
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    execFileSync(path.join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json', '--strict', '--noImplicitAny'], {
        cwd: dir,
        stdio: 'pipe',
    });
    pkg = await import(path.join(dir, 'dist/src/index.js'));
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const messages = (unit: unknown) => {
    const result = pkg.responseRow.safeParse({ unit, I01_1: '1' });
    return result.success ? [] : result.error.issues.map((i: { message: string }) => i.message);
};

describe("the generated package's unit codes", () => {
    test("src/units.ts holds the register's 290 kommuner and the survey's stadsdelar, and imports nothing", () => {
        expect(pkg.KOMMUNER.size).toBe(kommuner().length);
        expect(pkg.KOMMUNER.get('0180')).toBe('Stockholm');
        expect(pkg.STADSDELAR.get('0180-01')).toBe('Rinkeby-Kista');
        expect(fs.readFileSync(path.join(dir, 'src/units.ts'), 'utf-8')).not.toMatch(/^import /m);
    });

    test('a kommun of the register and a declared stadsdel pass', () => {
        expect(messages('0180')).toEqual([]);
        expect(messages(' 0114 ')).toEqual([]);
        expect(messages('0180-01')).toEqual([]);
    });

    test('typos and unknown codes are refused, the message naming the code', () => {
        expect(messages('01800')).toEqual([
            '"01800" är ingen enhetskod: en kommunkod har fyra siffror (t.ex. 0180), en stadsdel kommunkoden, ett bindestreck och två siffror (t.ex. 0180-01).',
        ]);
        expect(messages('0180.0')[0]).toMatch(/^"0180\.0" är ingen enhetskod/);
        expect(messages('1480\n=1+1')[0]).toMatch(/^"1480U\+000A=1\+1" är ingen enhetskod/);
        expect(messages('9999')).toEqual([
            'Det finns ingen kommun med kommunkoden 9999 (enhetskod "9999"; kommunregistret 2019, 290 kommuner).',
        ]);
        expect(messages('180')[0]).toContain('Har den inledande nollan fallit bort (0180, Stockholm)?');
        expect(messages('0180-99')).toEqual([
            expect.stringMatching(
                /^Stadsdelen 0180-99 finns inte bland enkätens stadsdelar \(enkäten anger 14 i Stockholm: 0180-01–0180-14\)\.$/,
            ),
        ]);
        expect(messages('0114-01')).toEqual([
            'Stadsdelen 0114-01 finns inte bland enkätens stadsdelar (enkäten anger inga stadsdelar i Upplands Väsby).',
        ]);
    });

    test('aggregate refuses an unknown code instead of counting it in riket and a län 99', () => {
        const results = pkg.evaluateRespondent({ unit: '0114', I01_1: '1', I01_2A: '1', I01_2B: '1', I01_3: '1' });
        expect(results.length).toBeGreaterThan(0);
        expect(() => pkg.aggregate(pkg.withUnit('9999', results))).toThrow(RangeError);
        expect(() => pkg.aggregate(pkg.withUnit('9999', results))).toThrow('Det finns ingen kommun med kommunkoden 9999');
        expect(() => pkg.aggregate(pkg.withUnit('01800', results))).toThrow('"01800" är ingen enhetskod');
        const shares = pkg.aggregate(pkg.withUnit('0180-01', results));
        expect(
            shares
                .filter((s: { indicator: number }) => s.indicator === 1)
                .map((s: { level: string; region: string }) => `${s.level} ${s.region}`),
        ).toEqual(['riket riket', 'lan 01', 'storstad 0180']);
    });

    test("the runtime's kommunkod reads only the two shapes, and aggregate without a register still refuses other shapes", () => {
        expect(pkg.kommunkod('0180-03')).toBe('0180');
        expect(pkg.kommunkod('01800')).toBeUndefined();
        expect(pkg.kommunkod('0180.0')).toBeUndefined();
        expect(() => aggregate([{ unit: '0180.0', indicator: 1, status: 'met' }])).toThrow('"0180.0" är ingen enhetskod');
        expect(aggregate([{ unit: '2584', indicator: 1, status: 'met' }]).map((r) => r.region)).toEqual(['riket', '25']);
    });
});
