/**
 * The publishing commands as a user runs them: a template is made, filled in and evaluated, then a
 * report per kommun and per län and the Kolada export are written from the results folder.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatCsv } from '@oj/evaluator';
import { root, runOj } from './support.js';

const example = path.join(root, 'examples/oj2019');
let dir: string;
const oj = (args: string[]) => runOj(args, dir);

beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-publishing-cli-'));
    const made = await oj(['template', example, '--out', 'mall.csv']);
    expect(made.stderr).toMatch(
        /^Svarsmall \(csv, 290 kommuner(?: och \d+ stadsdelar)?, \d+ variabler\) skriven till mall\.csv\.$/m,
    );
    expect(made.code).toBe(0);
    // Fill in: every tenth kommun answers Ja (code 1) wherever 1 is a valid code, the rest do not respond.
    const [header, ...rows] = parse(fs.readFileSync(path.join(dir, 'mall.csv'), 'utf8')) as string[][];
    const filled = rows
        .filter((_r, i) => i % 10 === 0 || rows[i][0] === '0114')
        .map((r) => [r[0], r[1], ...header.slice(2).map((v) => (/^I0[2-9]_2/.test(v) ? '' : '1'))]);
    fs.writeFileSync(path.join(dir, 'svar.csv'), formatCsv(header, filled));
    const evaluated = await oj(['evaluate', example, '--responses', 'svar.csv', '--out', 'resultat']);
    expect(evaluated.code).toBe(0);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('oj report, oj export kolada, oj template', () => {
    test('a report for a kommun and for a län: PDF and HTML', async () => {
        // Upplands Väsby: Stockholm answers OJ2019 by its stadsdelar and has no results of its own.
        const unit = await oj(['report', example, '--results', 'resultat', '--unit', '0114', '--out', 'rapporter']);
        expect(unit.stderr).toContain('Rapporten skriven: rapporter/rapport-0114.pdf, rapporter/rapport-0114.html.');
        expect(unit.code).toBe(0);
        // Stockholm answers by its stadsdelar (two of them in this file): the report is on one of them.
        const city = await oj(['report', example, '--results', 'resultat', '--unit', '0180', '--out', 'rapporter']);
        expect([city.code, city.stderr.trim()]).toEqual([
            1,
            '0180 har svarat genom sina stadsdelar; ange en av dem: 0180-04, 0180-14. Ingen rapport skriven.',
        ]);
        const lan = await oj(['report', example, '--results', 'resultat', '--lan', '01', '--out', 'rapporter']);
        expect(lan.code).toBe(0);
        for (const f of ['rapport-0114.pdf', 'rapport-lan-01.pdf'])
            expect(
                fs
                    .readFileSync(path.join(dir, 'rapporter', f))
                    .subarray(0, 8)
                    .toString(),
            ).toBe('%PDF-1.7');
        expect(fs.readFileSync(path.join(dir, 'rapporter/rapport-lan-01.html'), 'utf8')).toContain(
            '<title>Stockholms län – Öppna jämförelser socialtjänst 2019</title>',
        );
    });

    test('report: a usage error is exit 2, a unit or folder that is not there exit 1, nothing written', async () => {
        const both = await oj(['report', example, '--results', 'resultat', '--unit', '0180', '--lan', '01', '--out', 'fel']);
        expect([both.code, both.stderr.trim()]).toEqual([
            2,
            'Ange antingen --unit <kod> (kommun eller stadsdel) eller --lan <länskod>.',
        ]);
        const absent = await oj(['report', example, '--results', 'resultat', '--unit', '0115', '--out', 'fel']);
        expect([absent.code, absent.stderr.trim()]).toEqual([
            1,
            'Vallentuna (0115) finns inte bland de svarande i resultaten: kommunen svarade inte. Ingen rapport skriven.',
        ]);
        const folder = await oj(['report', example, '--results', 'finns-inte', '--lan', '01', '--out', 'fel']);
        expect(folder.code).toBe(1);
        expect(folder.stderr).toContain('finns-inte/units.csv kan inte läsas: filen finns inte.');
        expect(fs.existsSync(path.join(dir, 'fel'))).toBe(false);
    });

    test('export kolada writes the four files', async () => {
        const result = await oj(['export', 'kolada', example, '--results', 'resultat', '--out', 'kolada']);
        expect(result.code).toBe(0);
        expect(result.stderr).toMatch(/^\d+ nyckeltal och \d+ värden skrivna: /);
        expect(fs.readdirSync(path.join(dir, 'kolada')).sort()).toEqual(['kpi.csv', 'kpi.json', 'values.csv', 'values.json']);
    });

    test('template as XLSX, and a format it cannot write', async () => {
        expect((await oj(['template', example, '--out', 'mall.xlsx'])).code).toBe(0);
        expect(fs.readFileSync(path.join(dir, 'mall.xlsx')).subarray(0, 2).toString()).toBe('PK');
        const bad = await oj(['template', example, '--out', 'mall.txt']);
        expect([bad.code, bad.stderr.trim()]).toEqual([2, 'Ange --format csv eller xlsx (eller en --out-fil med den ändelsen).']);
    });
});
