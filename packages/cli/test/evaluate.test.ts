/**
 * `oj evaluate` on the 2019 set: the seed's cases, the published levels, CSV and XLSX input as tools
 * save it, and every kind of bad input (one message naming all problems, no result files).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { root, runOj } from './support.js';
import { formatCsv, neutralizeFormula } from '@oj/evaluator';
import { codebookCsv } from '../src/commands/codebook.js';

const example = path.join(root, 'examples/oj2019');
let dir: string;
let variables: string[];

const oj = (args: string[]) => runOj(args, dir);

/** The seed's cases, one respondent each (blank where not given). */
const RESPONDENTS: Array<{ unit: string; name: string; answers: Record<string, string> }> = [
    // Met everywhere it answers: Ja on i and ii; "Nej, behövs inte" meets 4 and 7; all items for 6 and 8.
    {
        unit: '0180-01',
        name: 'Stockholm, stadsdel Norrmalm',
        answers: {
            I01_1: '1',
            I01_2A: '1',
            I01_2B: '1',
            I01_3: '3',
            I02_1_EB: '1',
            I02_2_EB: '1',
            I03_1_EB: '1',
            I03_2_EB: '1',
            I04_1_EB: '3',
            I04_2_EB: '1',
            I07_1_EB: '3',
            I07_2_EB: '3',
            I06_1_EB: '1',
            I06_2A_EB: '1',
            I06_2B_EB: '1',
            I06_2C_EB: '0',
            I06_3_EB: '1',
            I06_1_BU: '1',
            I06_2A_BU: '1',
            I06_2B_BU: '1',
            I06_2C_BU: '0',
            I06_3_BU: '1',
            I08_1A_MB: '1',
            I08_1B_MB: '1',
            I08_1C_MB: '1',
            I08_2_MB: '3',
            I09_1_EB: '1',
        },
    },
    // Nej on i decides "not met" although ii is blank by routing; indicator 3 needs Ja (not Ej aktuellt) on ii.
    {
        unit: '0114',
        name: 'Upplands Väsby',
        answers: {
            I01_1: '2',
            I02_1_EB: '2',
            I03_1_EB: '1',
            I03_2_EB: '3',
            I09_1_EB: '2',
            I08_1A_MB: '1',
            I08_1B_MB: '2',
            I08_1C_MB: '1',
        },
    },
    // "Ej aktuellt, området finns inte" is excluded; plain non-response is missing.
    { unit: '1480-02', name: 'Göteborg, stadsdel Angered', answers: { I02_1_EB: '3', I09_1_EB: '3', I04_1_EB: '4' } },
    { unit: '1480-01', name: 'Göteborg, stadsdel Centrum', answers: { I02_1_EB: '1', I02_2_EB: '3' } },
];

function responsesCsv(respondents = RESPONDENTS, delimiter = ',', extraColumn?: string): string {
    const extra = extraColumn ? [extraColumn] : [];
    const header = ['unit', 'name', ...extra, ...variables];
    return (
        [
            header,
            ...respondents.map((r) => [
                r.unit,
                r.name,
                ...extra.map(() => '=HYPERLINK("x")'),
                ...variables.map((v) => r.answers[v] ?? ''),
            ]),
        ]
            .map((cells) =>
                cells.map((c) => (c.includes(delimiter) || c.includes('"') ? `"${c.replace(/"/g, '""')}"` : c)).join(delimiter),
            )
            .join('\n') + '\n'
    );
}

type Row = Record<string, string>;
const readCsv = (file: string): Row[] => parse(fs.readFileSync(file, 'utf-8'), { columns: true });

function status(units: Row[], unit: string, indicator: number, group = ''): string | undefined {
    return units.find((r) => r.unit === unit && r.indicator === String(indicator) && r.group === group)?.status;
}

beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-evaluate-'));
    const { csv } = await codebookCsv([example]);
    variables = (parse(csv, { columns: true }) as Row[]).map((r) => r.variable);
    fs.writeFileSync(path.join(dir, 'svar.csv'), responsesCsv());
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('oj evaluate on the 2019 set', () => {
    let units: Row[];
    let aggregates: Row[];

    beforeAll(async () => {
        const result = await oj(['evaluate', example, '--responses', 'svar.csv', '--out', 'ut']);
        expect(result.stderr).toContain('Läste 4 svarande, utvärderade 4');
        expect(result.code).toBe(0);
        units = readCsv(path.join(dir, 'ut/units.csv'));
        aggregates = readCsv(path.join(dir, 'ut/aggregates.csv'));
    });

    test('one row per respondent, indicator and group; group empty for an indicator without areas', () => {
        expect(Object.keys(units[0])).toEqual([
            'unit',
            'name',
            'indicator',
            'group',
            'stratum',
            'status',
            'numerator',
            'denominator',
            'value',
        ]);
        expect(units.find((r) => r.unit === '0114')?.name).toBe('Upplands Väsby');
        const perRespondent = units.filter((r) => r.unit === '0180-01').length;
        expect(units).toHaveLength(4 * perRespondent);
        expect(status(units, '0180-01', 1)).toBe('met');
    });

    test('"Nej" on i decides not met although ii is blank by routing', () => {
        expect(status(units, '0114', 1)).toBe('not_met');
        expect(status(units, '0114', 2, 'EB')).toBe('not_met');
    });

    test('"Nej, behövs inte" meets indicators 4 and 7', () => {
        expect(status(units, '0180-01', 4, 'EB')).toBe('met');
        expect(status(units, '0180-01', 7, 'EB')).toBe('met');
    });

    test('indicator 3 needs Ja, not Ej aktuellt, on ii', () => {
        expect(status(units, '0180-01', 3, 'EB')).toBe('met');
        expect(status(units, '0114', 3, 'EB')).toBe('not_met');
    });

    test('indicator 6 needs item C for Barn och unga only', () => {
        expect(status(units, '0180-01', 6, 'EB')).toBe('met');
        expect(status(units, '0180-01', 6, 'BU')).toBe('not_met');
    });

    test('indicator 8 needs Ja on all of items A–C', () => {
        expect(status(units, '0180-01', 8, 'MB')).toBe('met');
        expect(status(units, '0114', 8, 'MB')).toBe('not_met');
    });

    test('"Ej aktuellt, området finns inte" is excluded, plain non-response is missing', () => {
        expect(status(units, '1480-02', 2, 'EB')).toBe('excluded');
        expect(status(units, '1480-02', 9, 'EB')).toBe('excluded');
        expect(status(units, '1480-02', 4, 'EB')).toBe('excluded');
        expect(status(units, '1480-02', 3, 'EB')).toBe('missing');
        expect(status(units, '0114', 9, 'SP')).toBe('missing');
    });

    test("Stockholm and Göteborg answer by their stadsdelar: the city's own row is outside the population, not missing", async () => {
        // Stockholm as a kommun, answering only what the kommun answers: no indicator of the 2019 set is for it.
        const city = { unit: '0180', name: 'Stockholm', answers: { I01_1: '1' } };
        fs.writeFileSync(path.join(dir, 'med-stad.csv'), responsesCsv([...RESPONDENTS, city]));
        const result = await oj(['evaluate', example, '-r', 'med-stad.csv', '-o', 'ut-med-stad', '--json']);
        expect(result.code).toBe(0);
        const summary = JSON.parse(result.stdout);
        expect(summary.outside).toBe(10);
        const withCity = readCsv(path.join(dir, 'ut-med-stad/units.csv'));
        expect(withCity.filter((r) => r.unit === '0180')).toEqual([]);
        expect(fs.readFileSync(path.join(dir, 'ut-med-stad/aggregates.csv'), 'utf-8')).toBe(
            fs.readFileSync(path.join(dir, 'ut/aggregates.csv'), 'utf-8'),
        );
    });

    test('shares for the whole country, each county and the storstäder; a stadsdel counts as one respondent', () => {
        const cell = (level: string, region: string) =>
            aggregates.find((r) => r.indicator === '2' && r.group === 'EB' && r.level === level && r.region === region);
        // Indicator 2, EB: 0180-01 met, 0114 not met, 1480-02 excluded, 1480-01 met.
        expect(cell('riket', 'riket')).toMatchObject({ numerator: '2', denominator: '3', share: '0.6667' });
        expect(cell('lan', '01')).toMatchObject({ numerator: '1', denominator: '2', share: '0.5000' });
        expect(cell('lan', '14')).toMatchObject({ numerator: '1', denominator: '1', share: '1.0000' });
        expect(cell('storstad', '1480')).toMatchObject({ numerator: '1', denominator: '1' });
        expect(cell('storstad', '0180')).toMatchObject({ numerator: '1', denominator: '1' });
        const empty = aggregates.find((r) => r.indicator === '2' && r.group === 'LSSB' && r.level === 'riket');
        expect(empty).toMatchObject({ numerator: '0', denominator: '0', share: '' });
    });

    test('results.xlsx: the info sheet first, a sheet per area, a row per respondent with its name, statuses in words', async () => {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(path.join(dir, 'ut/results.xlsx'));
        const names = workbook.worksheets.map((w) => w.name);
        expect(names[0]).toBe('Om resultaten');
        expect(names).toEqual(
            expect.arrayContaining(['Ekonomiskt bistånd', 'Barn och unga', 'LSS barn', 'LSS vuxen', 'LSS', 'Ej svarat']),
        );
        const sheet = workbook.getWorksheet('Ekonomiskt bistånd')!;
        const rowOf = (unit: string) => {
            let found: ExcelJS.Row | undefined;
            sheet.eachRow((r) => {
                if (!found && r.getCell(1).value === unit) found = r;
            });
            return found!;
        };
        expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4, xSplit: 3 });
        expect(sheet.getRow(4).values).toEqual(expect.arrayContaining(['Kod', 'Namn', 'Län']));
        expect([rowOf('0114').getCell(2).value, rowOf('0114').getCell(3).value]).toEqual(['Upplands Väsby', 'Stockholms län']);
        expect(rowOf('1480-01').getCell(3).value).toBe('Västra Götalands län');
        const indicator2 = (sheet.getRow(4).values as string[]).findIndex((v) => typeof v === 'string' && v.startsWith('2. '));
        expect(['0180-01', '0114', '1480-02', '1480-01'].map((u) => rowOf(u).getCell(indicator2).value)).toEqual([
            'Uppnådd',
            'Ej uppnådd',
            'Utesluten',
            'Uppnådd',
        ]);
    });

    test('--json prints a machine-readable summary', async () => {
        const result = await oj(['evaluate', example, '--responses', 'svar.csv', '--out', 'ut-json', '--json']);
        const summary = JSON.parse(result.stdout);
        expect(summary).toMatchObject({ ok: true, respondentsRead: 4, respondentsEvaluated: 4 });
        expect(summary.statuses.met + summary.statuses.not_met + summary.statuses.excluded + summary.statuses.missing).toBe(
            summary.results,
        );
    });
});

describe('input as Excel and survey tools save it', () => {
    test('semicolons, a BOM and CRLF line ends give the same result as plain CSV', async () => {
        const text = '\uFEFF' + responsesCsv(RESPONDENTS, ';').replace(/\n/g, '\r\n');
        fs.writeFileSync(path.join(dir, 'excel.csv'), text);
        expect((await oj(['evaluate', example, '-r', 'excel.csv', '-o', 'ut-excel'])).code).toBe(0);
        expect(fs.readFileSync(path.join(dir, 'ut-excel/units.csv'), 'utf-8')).toBe(
            fs.readFileSync(path.join(dir, 'ut/units.csv'), 'utf-8'),
        );
    });

    test('Windows-1252 text is read, with a note', async () => {
        const latin1 = Buffer.from(responsesCsv().replace('Upplands Väsby', 'Upplands Väsby'), 'latin1');
        fs.writeFileSync(path.join(dir, 'cp1252.csv'), latin1);
        const result = await oj(['evaluate', example, '-r', 'cp1252.csv', '-o', 'ut-cp1252']);
        expect(result.code).toBe(0);
        expect(result.stderr).toContain('Windows-1252');
    });

    test('XLSX (first sheet) gives the same result as CSV', async () => {
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet('Svar');
        sheet.addRow(['unit', 'name', ...variables]);
        for (const r of RESPONDENTS)
            sheet.addRow([r.unit, r.name, ...variables.map((v) => (r.answers[v] === undefined ? null : Number(r.answers[v])))]);
        workbook.addWorksheet('Annat').addRow(['ignored']);
        await workbook.xlsx.writeFile(path.join(dir, 'svar.xlsx'));
        expect((await oj(['evaluate', example, '-r', 'svar.xlsx', '-o', 'ut-xlsx'])).code).toBe(0);
        expect(fs.readFileSync(path.join(dir, 'ut-xlsx/units.csv'), 'utf-8')).toBe(
            fs.readFileSync(path.join(dir, 'ut/units.csv'), 'utf-8'),
        );
    });

    test('empty rows (an empty line, ";;;;" as Excel saves them) hold no respondent: skipped, and said so', async () => {
        const lines = responsesCsv(RESPONDENTS, ';').split('\n');
        lines.splice(3, 0, '');
        const text = lines.join('\n') + ';'.repeat(variables.length + 1) + '\n';
        fs.writeFileSync(path.join(dir, 'blank-rows.csv'), text);
        const result = await oj(['evaluate', example, '-r', 'blank-rows.csv', '-o', 'ut-blank-rows']);
        expect(result.code).toBe(0);
        expect(result.stderr).toContain('En tom rad hoppades över (rad 4).');
        expect(result.stderr).toContain('Läste 4 svarande, utvärderade 4');
        expect(fs.readFileSync(path.join(dir, 'ut-blank-rows/units.csv'), 'utf-8')).toBe(
            fs.readFileSync(path.join(dir, 'ut/units.csv'), 'utf-8'),
        );
    });

    test('unknown extra columns are a warning, not an error', async () => {
        fs.writeFileSync(path.join(dir, 'extra.csv'), responsesCsv(RESPONDENTS, ',', 'Kommentar'));
        const result = await oj(['evaluate', example, '-r', 'extra.csv', '-o', 'ut-extra']);
        expect(result.code).toBe(0);
        expect(result.stderr).toContain('Okända kolumner hoppas över: Kommentar');
    });
});

describe('bad input: every problem named, no result files', () => {
    async function expectRejected(file: string, content: string | Buffer, ...expected: RegExp[]) {
        fs.writeFileSync(path.join(dir, file), content);
        const out = `ut-${file}`;
        const result = await oj(['evaluate', example, '-r', file, '-o', out]);
        expect(result.code).toBe(1);
        for (const pattern of expected) expect(result.stderr).toMatch(pattern);
        expect(result.stderr).toContain('Inga resultatfiler skrevs.');
        expect(fs.existsSync(path.join(dir, out))).toBe(false);
    }

    test('an answer that is not a code of its answer set, with row, unit and variable', async () => {
        const bad = RESPONDENTS.map((r) =>
            r.unit === '0114' ? { ...r, answers: { ...r.answers, I03_2_EB: '7', I01_1: 'Ja' } } : r,
        );
        await expectRejected(
            'wrong-code.csv',
            responsesCsv(bad),
            /rad 3, enhet 0114, variabel I01_1: "Ja" är ingen kod i JN \(1, 2\)/,
            /rad 3, enhet 0114, variabel I03_2_EB: "7" är ingen kod i JNE_NY/,
            /\(2 problem\)/,
        );
    });

    test('a missing variable column', async () => {
        const csv = responsesCsv()
            .split('\n')
            .map((line) =>
                line
                    .split(',')
                    .filter((_, i) => i !== 2 + variables.indexOf('I05_2_AO'))
                    .join(','),
            )
            .join('\n');
        await expectRejected('missing-column.csv', csv, /variabel I05_2_AO: Kolumnen saknas/);
    });

    test('a duplicate unit', async () => {
        await expectRejected(
            'duplicate.csv',
            responsesCsv([...RESPONDENTS, RESPONDENTS[1]]),
            /rad 6, enhet 0114: Enheten finns redan på rad 3/,
        );
    });

    test('an empty file, a file with only a header, and a file that is not a table', async () => {
        await expectRejected('empty.csv', '', /Filen är tom/);
        await expectRejected('header-only.csv', `unit,name,${variables.join(',')}\n`, /inga svarande/);
        await expectRejected('binary.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0x13]), /kan inte läsas som XLSX/);
    });

    test('a file that cannot be read (no such file, or a folder) is a file problem: exit 2', async () => {
        for (const [target, reason] of [
            ['finns-inte.csv', /Kan inte läsa svarsfilen finns-inte\.csv: filen eller mappen finns inte\./],
            ['.', /Kan inte läsa svarsfilen \.: det är en mapp, inte en fil\./],
        ] as const) {
            const result = await oj(['evaluate', example, '-r', target, '-o', 'ut-unreadable']);
            expect(result.code).toBe(2);
            expect(result.stderr).toMatch(reason);
            expect(result.stderr).toContain('Inga resultatfiler skrevs.');
            expect(fs.existsSync(path.join(dir, 'ut-unreadable'))).toBe(false);
        }
    });

    test('--json names every problem with row, unit and variable', async () => {
        const bad = RESPONDENTS.map((r) => (r.unit === '0114' ? { ...r, answers: { ...r.answers, I01_1: '9' } } : r));
        fs.writeFileSync(path.join(dir, 'bad-json.csv'), responsesCsv([...bad, RESPONDENTS[0]]));
        const result = await oj(['evaluate', example, '-r', 'bad-json.csv', '-o', 'ut-bad-json', '--json']);
        expect(result.code).toBe(1);
        const summary = JSON.parse(result.stdout);
        expect(summary.ok).toBe(false);
        expect(summary.problems).toEqual(
            expect.arrayContaining([
                expect.objectContaining({ row: 3, unit: '0114', variable: 'I01_1' }),
                expect.objectContaining({ row: 6, unit: '0180-01' }),
            ]),
        );
        expect(fs.existsSync(path.join(dir, 'ut-bad-json'))).toBe(false);
    });

    test('a model with errors: nothing is evaluated', async () => {
        fs.writeFileSync(path.join(dir, 'fel.oj'), 'indikator 1 "Utan enkät" { krävs: Ja på fråga i }\n');
        const result = await oj(['evaluate', 'fel.oj', '-r', 'svar.csv', '-o', 'ut-model-error']);
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/Modellen har \d+ fel; kör "oj check"/);
        expect(fs.existsSync(path.join(dir, 'ut-model-error'))).toBe(false);
    });

    test('a unit that is not a kommunkod, and a ragged row', async () => {
        const csv = responsesCsv() + `=cmd|' /C calc'!A0,Evil\n0581,Norrköping,1\n`;
        await expectRejected(
            'ragged.csv',
            csv,
            /rad 6, enhet =cmd\|' \/C calc'!A0: "=cmd\|' \/C calc'!A0" är ingen enhetskod: en kommunkod har fyra siffror/,
            /rad 7: Raden har 3 fält men rubrikraden/,
        );
    });
});

describe('spreadsheet safety', () => {
    test('a cell starting with =, +, - or @ is written as text', () => {
        expect(['=1+1', '+46', '-2', '@SUM(A1)', 'Ja'].map(neutralizeFormula)).toEqual([
            "'=1+1",
            "'+46",
            "'-2",
            "'@SUM(A1)",
            'Ja',
        ]);
        expect(formatCsv(['a', 'b'], [["=cmd|' /C calc'!A0", 3]])).toBe("a,b\n'=cmd|' /C calc'!A0,3\n");
    });
});

describe('oj generate', () => {
    test('writes the evaluator package of the model, the same bytes every time', async () => {
        const first = await oj(['generate', example, '--out', 'paket']);
        expect(first.code).toBe(0);
        expect(first.stderr).toMatch(/filer skrivna till paket/);
        for (const file of [
            'package.json',
            'README.md',
            'src/evaluate.ts',
            'src/schema.ts',
            'src/runtime.ts',
            'src/aggregate.ts',
            'src/index.ts',
            'test/examples.test.ts',
        ]) {
            expect(fs.existsSync(path.join(dir, 'paket', file)), file).toBe(true);
        }
        const evaluate = fs.readFileSync(path.join(dir, 'paket/src/evaluate.ts'), 'utf-8');
        expect((await oj(['generate', example, '--out', 'paket2', '--name', '@kommun/oj-2019'])).code).toBe(0);
        expect(fs.readFileSync(path.join(dir, 'paket2/src/evaluate.ts'), 'utf-8')).toBe(evaluate);
        expect(JSON.parse(fs.readFileSync(path.join(dir, 'paket2/package.json'), 'utf-8')).name).toBe('@kommun/oj-2019');
    });

    test('refuses a model with errors and writes nothing', async () => {
        fs.writeFileSync(path.join(dir, 'trasig.oj'), 'indikator 1 "Utan enkät" { krävs: Ja på fråga i }\n');
        const result = await oj(['generate', 'trasig.oj', '--out', 'paket-trasig']);
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/Modellen har \d+ fel/);
        expect(fs.existsSync(path.join(dir, 'paket-trasig'))).toBe(false);
    });
});
