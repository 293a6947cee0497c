/** `oj evaluate --previous` as a user runs it: last year's results folder beside this year's evaluation. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { root, runOj } from './support.js';

let dir: string;
const oj = (args: string[]) => runOj(args, root);

beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-evaluate-prev-'));
    expect(
        (
            await oj([
                'evaluate',
                'examples/oj2019',
                '--responses',
                'scripts/oj2019-outputs/responses.csv',
                '--out',
                path.join(dir, 'ut-2019'),
            ])
        ).code,
    ).toBe(0);
    // This year's answers: the template, every answer blank (missing throughout), enough to see the columns.
    expect((await oj(['template', 'examples/oj2020', '--format', 'csv', '--out', path.join(dir, 'svar-2020.csv')])).code).toBe(0);
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('oj evaluate --previous', () => {
    test('units.csv gains previous_status and the summary says which indicators were compared', async () => {
        const run = await oj([
            'evaluate',
            'examples/oj2020',
            '--responses',
            path.join(dir, 'svar-2020.csv'),
            '--out',
            path.join(dir, 'ut-2020'),
            '--previous',
            path.join(dir, 'ut-2019'),
        ]);
        expect(run.code).toBe(0);
        expect(run.stderr).toContain(
            `Jämfört med förra året (${path.join(dir, 'ut-2019')}): 4 av 10 indikatorer jämförbara; ej jämförda: 2, 3, 5, 6, 9, 10.`,
        );
        const units = fs.readFileSync(path.join(dir, 'ut-2020/units.csv'), 'utf-8').split(/\r?\n/);
        expect(units[0]).toBe('unit,name,indicator,group,stratum,status,numerator,denominator,value,previous_status');
        const last = new Map(
            fs
                .readFileSync(path.join(dir, 'ut-2019/units.csv'), 'utf-8')
                .split(/\r?\n/)
                .slice(1)
                .map((l) => l.split(','))
                .map((c) => [`${c[0]}|${c[2]}|${c[3]}`, c[5]]),
        );
        const row = units
            .slice(1)
            .map((l) => l.split(','))
            .find((c) => c[0] === '0114' && c[2] === '1')!;
        expect(row[9]).toBe(last.get('0114|1|' + row[3]));
        expect(row[9]).not.toBe('');
        const json = JSON.parse(
            (
                await oj([
                    'evaluate',
                    'examples/oj2020',
                    '-r',
                    path.join(dir, 'svar-2020.csv'),
                    '-o',
                    path.join(dir, 'ut-2020b'),
                    '--previous',
                    path.join(dir, 'ut-2019'),
                    '--json',
                ])
            ).stdout,
        );
        expect(json.previous).toMatchObject({ comparable: [1, 4, 7, 8], notComparable: [2, 3, 5, 6, 9, 10] });
    });

    test("a folder that is not last year's results exits 2 and writes nothing", async () => {
        const out = path.join(dir, 'ut-fel');
        const run = await oj([
            'evaluate',
            'examples/oj2020',
            '--responses',
            path.join(dir, 'svar-2020.csv'),
            '--out',
            out,
            '--previous',
            path.join(dir, 'finns-inte'),
        ]);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('Förra årets resultat:');
        expect(run.stderr).toContain('Inga resultatfiler skrevs.');
        expect(fs.existsSync(out)).toBe(false);
    });
});
