/**
 * The results workbook read back as a county analyst reads it: the info sheet first, a row per
 * respondent with its name and län and statuses in Swedish words, län in code order, storstäder
 * Stockholm, Göteborg, Malmö, counts equal to aggregates.csv, the kommuner that did not respond.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Model, XML_INVALID } from '@oj/language';
import { kommuner, lanList } from '@oj/regions';
import { evaluateAndPublish, koladaExport, partsOf, readResultsFolder, respondent, resultsWorkbook } from '../src/index.js';
import { evaluatedRows, isNonRespondent, loadModels, respondingRows, syntheticResponses, tempDir } from './support.js';

let dir: string;
let models: Model[];
let workbook: ExcelJS.Workbook;
type Row = Record<string, string>;
let aggregates: Row[];

const cellText = (value: ExcelJS.CellValue) => (value === null || value === undefined ? '' : String(value));

/** The rows of a sheet as arrays of cell values (1-based columns dropped to 0-based). */
function rows(sheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
    const out: ExcelJS.CellValue[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, n) => {
        out[n - 1] = (row.values as ExcelJS.CellValue[]).slice(1);
    });
    return Array.from(out, (r) => r ?? []);
}

beforeAll(async () => {
    dir = tempDir('workbook');
    models = await loadModels();
    fs.writeFileSync(path.join(dir, 'svar.csv'), syntheticResponses(models).csv);
    const summary = await evaluateAndPublish(models, path.join(dir, 'svar.csv'), path.join(dir, 'ut'), {
        publisher: 'Socialstyrelsen',
    });
    expect(summary.files.map((f) => path.basename(f))).toEqual(['units.csv', 'aggregates.csv', 'indicators.csv', 'results.xlsx']);
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, 'ut/results.xlsx'));
    aggregates = parse(fs.readFileSync(path.join(dir, 'ut/aggregates.csv'), 'utf8'), { columns: true }) as Row[];
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('results.xlsx', () => {
    test('"Om resultaten" comes first: title, survey, year, mätdatum, source, statuses, denominator, citation', () => {
        expect(workbook.worksheets[0].name).toBe('Om resultaten');
        const info = rows(workbook.worksheets[0]);
        expect(cellText(info[0][0])).toBe('Öppna jämförelser socialtjänst 2019 – resultat');
        const value = (label: string) => cellText(info.find((r) => r[0] === label)?.[1]);
        expect(value('År')).toBe('2019');
        expect(value('Mätdatum')).toBe('1 februari 2019');
        expect(value('Källa')).toContain('Indikatorn baseras på enkätdata.');
        expect(value('Källa')).toContain('Svarsfil: svar.csv.');
        expect(value('Uppnådd')).toContain('täljaren och i nämnaren');
        expect(value('Ej uppnådd')).toContain('nämnaren');
        expect(value('Utesluten')).toContain('Ingår inte i nämnaren');
        expect(value('Saknas')).toContain('Ingår inte i nämnaren');
        expect(value('Nämnare')).toContain('De kommuner och stadsdelar som har svarat.');
        expect(value('Så citerar du')).toBe(
            'Källa: Socialstyrelsen, Öppna jämförelser socialtjänst 2019. Ange bladet och indikatorns nummer.',
        );
        const missing = kommuner().filter((k) => isNonRespondent(k.kod)).length;
        expect(value('Svarande')).toContain(`${missing} kommuner svarade inte`);
    });

    test('a sheet per area or group, then "Ej svarat"', () => {
        const names = workbook.worksheets.map((w) => w.name);
        expect(names.slice(1, -1)).toEqual(partsOf(models).map((p) => p.title));
        expect(names).toEqual(expect.arrayContaining(['Ekonomiskt bistånd', 'Barn och unga', 'LSS barn', 'LSS vuxen']));
        expect(names[names.length - 1]).toBe('Ej svarat');
    });

    test("every respondent has a row with kod, the register's name and its län, in kod order", () => {
        const sheet = rows(workbook.getWorksheet('Ekonomiskt bistånd')!);
        const header = sheet.findIndex((r) => r[0] === 'Kod');
        const respondents = evaluatedRows(models);
        const body = sheet.slice(header + 1, header + 1 + respondents.length);
        const lanOf = (unit: string) => kommuner().find((k) => k.kod === unit.slice(0, 4))!.lansnamn;
        expect(body.map((r) => [r[0], r[1], r[2]])).toEqual(respondents.map((k) => [k.unit, k.name, lanOf(k.unit)]));
        expect(body.find((r) => r[0] === '0114')?.[1]).toBe('Upplands Väsby');
        // Stockholm answered by its stadsdelar, each under the name the survey gives it; the city's own row has no results.
        expect(body.find((r) => r[0] === '0180-01')?.[1]).toBe('Rinkeby-Kista');
        expect(respondingRows(models).some((r) => r.unit === '0180')).toBe(true);
        expect(body.some((r) => r[0] === '0180')).toBe(false);
        // The row after the respondents is the blank line before the first aggregate block.
        expect(sheet[header + 1 + respondents.length]).toEqual([]);
    });

    test('statuses are Swedish words with a fill colour, one column per indicator, and agree with units.csv', () => {
        const ws = workbook.getWorksheet('Ekonomiskt bistånd')!;
        const sheet = rows(ws);
        const header = sheet.findIndex((r) => r[0] === 'Kod');
        expect(cellText(sheet[header][3])).toMatch(/^1\. /);
        const words = new Set<string>();
        const units = parse(fs.readFileSync(path.join(dir, 'ut/units.csv'), 'utf8'), { columns: true }) as Row[];
        const words2status: Record<string, string> = {
            Uppnådd: 'met',
            'Ej uppnådd': 'not_met',
            Utesluten: 'excluded',
            Saknas: 'missing',
        };
        const indicatorNumbers = sheet[header].slice(3).map((h) => Number(/^(\d+)\./.exec(cellText(h))![1]));
        for (let r = header + 1; sheet[r]?.length; r++) {
            indicatorNumbers.forEach((n, i) => {
                const word = cellText(sheet[r][3 + i]);
                words.add(word);
                const expected = units.find(
                    (u) => u.unit === sheet[r][0] && u.indicator === String(n) && (u.group === 'EB' || u.group === ''),
                );
                expect(words2status[word], `${sheet[r][0]} indikator ${n}`).toBe(expected?.status);
            });
        }
        // An empty cell: the respondent is outside the indicator's population (Stockholm's own row, say).
        words.delete('');
        expect([...words].sort()).toEqual(['Ej uppnådd', 'Saknas', 'Uppnådd', 'Utesluten']);
        const cell = ws.getRow(header + 2).getCell(4);
        expect(cell.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    });

    test('header rows frozen; no merged cells', () => {
        for (const ws of workbook.worksheets.slice(1)) {
            const header = rows(ws).findIndex((r) => r[0] === 'Kod') + 1;
            expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: header });
            expect((ws as unknown as { _merges: Record<string, unknown> })._merges, ws.name).toEqual({});
        }
    });

    test('below the respondents: share, numerator, denominator and respondents per län 01–25, storstad (Stockholm, Göteborg, Malmö) and riket, equal to aggregates.csv', () => {
        const ws = workbook.getWorksheet('Ekonomiskt bistånd')!;
        const sheet = rows(ws);
        const block = (title: string) => {
            const start = sheet.findIndex((r) => r[1] === title);
            expect(start, title).toBeGreaterThan(0);
            return { start, body: sheet.slice(start + 1, start + 1 + 25) };
        };
        const share = block('Andel som uppnår indikatorn (%)');
        expect(share.body.map((r) => r[1])).toEqual([...lanList().map((l) => l.namn), 'Stockholm', 'Göteborg', 'Malmö', 'Riket']);
        expect(share.body.slice(0, 21).map((r) => r[0])).toEqual(lanList().map((l) => l.kod));
        expect(share.body.map((r) => r[2])).toEqual([...Array(21).fill('Län'), 'Storstad', 'Storstad', 'Storstad', 'Riket']);
        expect(ws.getRow(share.start + 2).getCell(4).numFmt).toBe('0%');
        const indicatorNumbers = sheet[share.start].slice(3).map((h) => Number(/^(\d+)\./.exec(cellText(h))![1]));
        const numerators = block('Täljare (antal som uppnår)');
        const denominators = block('Nämnare (uppnår eller uppnår inte)');
        const respondents = block('Svarande (kommuner och stadsdelar)');
        const regionOf = (r: ExcelJS.CellValue[]) =>
            r[2] === 'Riket' ? ['riket', 'riket'] : r[2] === 'Län' ? ['lan', r[0]] : ['storstad', r[0]];
        let checked = 0;
        indicatorNumbers.forEach((n, i) => {
            for (let k = 0; k < 25; k++) {
                const [level, region] = regionOf(share.body[k]);
                const expected = aggregates.find(
                    (a) =>
                        a.indicator === String(n) &&
                        (a.group === 'EB' || a.group === '') &&
                        a.level === level &&
                        a.region === region,
                );
                expect(numerators.body[k][3 + i]).toBe(Number(expected?.numerator ?? 0));
                expect(denominators.body[k][3 + i]).toBe(Number(expected?.denominator ?? 0));
                if (expected?.share) expect(share.body[k][3 + i]).toBeCloseTo(Number(expected.share), 4);
                else expect(share.body[k][3 + i] ?? null).toBeNull();
                checked++;
            }
        });
        expect(checked).toBe(indicatorNumbers.length * 25);
        const riket = respondents.body[24];
        const answered = evaluatedRows(models).length;
        expect(riket.slice(3)).toEqual(indicatorNumbers.map(() => answered));
        expect(respondents.body[0][3]).toBe(evaluatedRows(models).filter((r) => r.unit.startsWith('01')).length);
    });

    test('"Ej svarat" lists the kommuner that did not respond', () => {
        const sheet = rows(workbook.getWorksheet('Ej svarat')!);
        const header = sheet.findIndex((r) => r[0] === 'Kod');
        const expected = kommuner().filter((k) => isNonRespondent(k.kod));
        expect(sheet.slice(header + 1).map((r) => [r[0], r[1], r[2]])).toEqual(expected.map((k) => [k.kod, k.namn, k.lansnamn]));
    });

    test('the same results give the same bytes, from the evaluation or from the results folder', async () => {
        const again = await evaluateAndPublish(models, path.join(dir, 'svar.csv'), path.join(dir, 'ut2'), {
            publisher: 'Socialstyrelsen',
        });
        expect(again.files).toHaveLength(4);
        const first = fs.readFileSync(path.join(dir, 'ut/results.xlsx'));
        expect(fs.readFileSync(path.join(dir, 'ut2/results.xlsx')).equals(first)).toBe(true);
        const fromFolder = await resultsWorkbook(models, readResultsFolder(path.join(dir, 'ut')), {
            publisher: 'Socialstyrelsen',
            responseFile: 'svar.csv',
        });
        expect(fromFolder.equals(first)).toBe(true);
    });
});

describe('naming respondents', () => {
    test('the register names a kommun, the survey a stadsdel it declares, else the response file', () => {
        expect(respondent('0180', 'Stockholms stad')).toMatchObject({
            name: 'Stockholm',
            kommunkod: '0180',
            lanskod: '01',
            lansnamn: 'Stockholms län',
            stadsdel: false,
        });
        const declared = new Map([['1480-01', 'Angered']]);
        expect(respondent('1480-01', 'Göteborg, stadsdel Centrum', declared)).toMatchObject({
            name: 'Angered',
            kommunkod: '1480',
            lansnamn: 'Västra Götalands län',
            stadsdel: true,
        });
        expect(respondent('1480-01', 'Göteborg, stadsdel Centrum').name).toBe('Göteborg, stadsdel Centrum');
        expect(respondent('1480-02').name).toBe('Göteborg, stadsdel 02');
    });
});

describe('a ratio indicator', () => {
    test("each respondent's own share in its row, the pooled share below, and the same in the Kolada export", async () => {
        const fixture = await loadModels([path.join(__dirname, 'fixtures/andel.oj')]);
        const csv = 'unit,name,I01_1,I02_1,I02_2\n0180,Stockholm,1,3,4\n0114,Upplands Väsby,2,1,5\n1480,Göteborg,1,,10\n';
        fs.writeFileSync(path.join(dir, 'andel.csv'), csv);
        await evaluateAndPublish(fixture, path.join(dir, 'andel.csv'), path.join(dir, 'ut-andel'));
        const book = new ExcelJS.Workbook();
        await book.xlsx.readFile(path.join(dir, 'ut-andel/results.xlsx'));
        const ws = book.getWorksheet('Ekonomiskt bistånd')!;
        const sheet = rows(ws);
        const header = sheet.findIndex((r) => r[0] === 'Kod');
        expect(sheet[header].slice(3)).toEqual(['1. Rutin', '2. Andel barn med insats']);
        const row = (unit: string) => header + 1 + sheet.slice(header + 1).findIndex((r) => r[0] === unit);
        expect(sheet[row('0180')].slice(3)).toEqual(['Uppnådd', 0.75]);
        expect(ws.getRow(row('0180') + 1).getCell(5).numFmt).toBe('0.0%');
        expect(sheet[row('0114')].slice(3)).toEqual(['Ej uppnådd', 0.2]);
        expect(sheet[row('1480')].slice(3)).toEqual(['Uppnådd', 'Saknas']);
        const share = sheet.findIndex((r) => r[1] === 'Andel som uppnår indikatorn (%)');
        const riket = sheet.slice(share).find((r) => r[1] === 'Riket')!;
        expect(riket[3]).toBeCloseTo(2 / 3, 10);
        expect(riket[4]).toBeCloseTo(4 / 9, 10);
        const values = koladaExport(fixture, readResultsFolder(path.join(dir, 'ut-andel'))).values.filter(
            (v) => v.kpi === 'ANDEL2019_02',
        );
        expect(values.filter((v) => v.municipality_type === 'K').map((v) => [v.municipality, v.value])).toEqual([
            ['0114', 20],
            ['0180', 75],
            ['1480', null],
        ]);
        expect(values.find((v) => v.municipality === '0000')?.value).toBe(44.44);
    });
});

describe('model and file text Excel cannot carry', () => {
    test('characters XML forbids are left out of every part, a vertical tab reads as a space', async () => {
        // Validation refuses these characters (issue 19); a workbook made from a model with errors must still open.
        const text = fs
            .readFileSync(path.join(__dirname, 'fixtures/andel.oj'), 'utf8')
            .replace('"Andelsenkät 2019"', '"Andelsenkät\u001B 2019"')
            .replace('"Ekonomiskt bistånd"', '"Ekonomiskt\u0007 bistånd\uFFFF"')
            .replace('"Rutin"', '"Rutin\u000Bmed\u0001 styrtecken"')
            .replace('    mätdatum "2019-02-01"', '    mätdatum "2019-02-01"\n    stadsdelar { 0180-01 "Norr\u0001malm" }');
        const folder = path.join(dir, 'styrtecken');
        fs.mkdirSync(folder);
        fs.writeFileSync(path.join(folder, 'andel.oj'), text);
        const fixture = await loadModels([folder]);
        fs.writeFileSync(
            path.join(dir, 'styrtecken.csv'),
            'unit,name,I01_1,I02_1,I02_2\n0180-01,,1,3,4\n0114,Upplands Väsby,2,1,5\n',
        );
        await evaluateAndPublish(fixture, path.join(dir, 'styrtecken.csv'), path.join(dir, 'ut-styrtecken'));
        const bytes = fs.readFileSync(path.join(dir, 'ut-styrtecken/results.xlsx'));
        const zip = await JSZip.loadAsync(bytes);
        const parts = Object.values(zip.files).filter((f) => !f.dir && /\.xml$|\.rels$/.test(f.name));
        expect(parts.length).toBeGreaterThan(3);
        for (const part of parts) expect(await part.async('string'), part.name).not.toMatch(new RegExp(XML_INVALID.source));
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(bytes);
        expect(book.worksheets.map((w) => w.name)).toEqual(['Om resultaten', 'Ekonomiskt bistånd', 'Ej svarat']);
        const sheet = rows(book.getWorksheet('Ekonomiskt bistånd')!);
        expect(cellText(sheet[0][0])).toBe('Ekonomiskt bistånd – Andelsenkät 2019');
        const header = sheet.findIndex((r) => r[0] === 'Kod');
        expect(sheet[header][3]).toBe('1. Rutin med styrtecken');
        expect(sheet.find((r) => r[0] === '0180-01')?.[1]).toBe('Norrmalm');
    });
});
