/**
 * Background measures and strata in the results workbook, read back on examples/khs2019 (three
 * measures, one of them per kön; indicators split by kön): each respondent's value equals
 * units.csv's, each level's aggregated value equals aggregates.csv's, labelled with how it is
 * aggregated, and a stratified indicator shows its total with a column per kön beside it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Model } from '@oj/language';
import { evaluateAndPublish, readResultsFolder } from '../src/index.js';
import { loadModels, root, syntheticResponses, tempDir } from './support.js';

type Row = Record<string, string>;
let dir: string;
let models: Model[];
let sheet: ExcelJS.CellValue[][];
let ws: ExcelJS.Worksheet;
let workbook: ExcelJS.Workbook;
let units: Row[];
let aggregates: Row[];
let header: number;

const text = (value: ExcelJS.CellValue) => (value === null || value === undefined ? '' : String(value));

function rows(worksheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
    const out: ExcelJS.CellValue[][] = [];
    worksheet.eachRow({ includeEmpty: true }, (row, n) => {
        out[n - 1] = (row.values as ExcelJS.CellValue[]).slice(1);
    });
    return Array.from(out, (r) => r ?? []);
}

/** The 0-based column whose header is exactly `title`. */
const column = (title: string) => {
    const i = sheet[header].findIndex((h) => text(h) === title);
    expect(i, title).toBeGreaterThan(2);
    return i;
};

/** The respondents' rows: from the header to the first empty row. */
const respondentRows = () => {
    const out: ExcelJS.CellValue[][] = [];
    for (let r = header + 1; sheet[r]?.length; r++) out.push(sheet[r]);
    return out;
};

/** The block whose header row's second cell starts with `title`: its header and its region rows. */
function block(title: string): { head: ExcelJS.CellValue[]; rows: ExcelJS.CellValue[][]; first: number } {
    const start = sheet.findIndex((r, i) => i > header && text(r[1]).startsWith(title));
    expect(start, title).toBeGreaterThan(header);
    const out: ExcelJS.CellValue[][] = [];
    for (let r = start + 1; sheet[r]?.length; r++) out.push(sheet[r]);
    return { head: sheet[start], rows: out, first: start + 1 };
}

/** As the CSV files write a figure that is not whole: to four decimals. */
const csvFigure = (value: ExcelJS.CellValue) => Number((value as number).toFixed(4));

const levelOf: Record<string, string> = { Län: 'lan', Storstad: 'storstad', Riket: 'riket' };
const regionOf = (r: ExcelJS.CellValue[]) => (text(r[2]) === 'Riket' ? 'riket' : text(r[0]));

beforeAll(async () => {
    dir = tempDir('workbook-measures');
    models = await loadModels([path.join(root, 'examples/khs2019')]);
    fs.writeFileSync(path.join(dir, 'svar.csv'), syntheticResponses(models, 2019).csv);
    await evaluateAndPublish(models, path.join(dir, 'svar.csv'), path.join(dir, 'ut'));
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, 'ut/results.xlsx'));
    ws = workbook.getWorksheet('Kommunal hälso- och sjukvård') ?? workbook.worksheets[1];
    sheet = rows(ws);
    header = sheet.findIndex((r) => r[0] === 'Kod');
    units = parse(fs.readFileSync(path.join(dir, 'ut/units.csv'), 'utf8'), { columns: true }) as Row[];
    aggregates = parse(fs.readFileSync(path.join(dir, 'ut/aggregates.csv'), 'utf8'), { columns: true }) as Row[];
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('results.xlsx on khs2019: background measures', () => {
    const measures: Array<{ number: number; title: string; aggregation: string }> = [
        { number: 4, title: '4. Tillsvidareanställda sjuksköterskor', aggregation: 'summa' },
        { number: 5, title: '5. Sjuksköterskor per särskilt boende', aggregation: 'median' },
        { number: 6, title: '6. Tillsvidareanställda undersköterskor – Totalt', aggregation: 'summa' },
    ];

    test.each(measures)(
        '$title: each respondent\'s value is units.csv\'s, "Utesluten" or "Saknas" in words where there is none',
        ({ number, title }) => {
            const c = column(title);
            const seen = new Set<string>();
            for (const r of respondentRows()) {
                const expected = units.find(
                    (u) => u.unit === r[0] && u.indicator === String(number) && (u.stratum === '' || u.stratum === 'T'),
                );
                if (!expected) {
                    expect(r[c] ?? null, `${text(r[0])}`).toBeNull();
                    continue;
                }
                seen.add(expected.status);
                if (expected.status === 'measured') expect(csvFigure(r[c]), `${text(r[0])}`).toBe(Number(expected.value));
                else expect(r[c], `${text(r[0])}`).toBe(expected.status === 'excluded' ? 'Utesluten' : 'Saknas');
            }
            expect(seen.has('measured')).toBe(true);
            expect(seen.has('missing')).toBe(true);
        },
    );

    test('values in Swedish-style number formats: thousands grouped, decimals only where the value has them', () => {
        const c = column('5. Sjuksköterskor per särskilt boende') + 1;
        const formats = new Set<string>();
        for (let r = header + 2; ws.getRow(r).getCell(1).value; r++) {
            const cell = ws.getRow(r).getCell(c);
            if (typeof cell.value !== 'number') continue;
            formats.add(cell.numFmt);
            expect(cell.numFmt).toBe(Number.isInteger(cell.value) ? '#,##0' : '#,##0.0##');
        }
        expect(formats).toEqual(new Set(['#,##0', '#,##0.0##']));
    });

    test.each(measures)(
        '$title: aggregated per län, storstad and riket as aggregates.csv says, headed with how ($aggregation)',
        ({ number, title, aggregation }) => {
            const { head, rows: levels } = block('Andel som uppnår indikatorn (%); bakgrundsmåttets värde');
            const c = head.findIndex((h) => text(h) === `${title} (${aggregation})`);
            expect(c, `${title} (${aggregation})`).toBeGreaterThan(2);
            expect(levels.map((r) => text(r[2])).filter((l, i, all) => all.indexOf(l) === i)).toEqual([
                'Län',
                'Storstad',
                'Riket',
            ]);
            let compared = 0;
            for (const r of levels) {
                const expected = aggregates.find(
                    (a) =>
                        a.indicator === String(number) &&
                        (a.stratum === '' || a.stratum === 'T') &&
                        a.level === levelOf[text(r[2])] &&
                        a.region === regionOf(r),
                );
                if (!expected || expected.value === '') {
                    expect(r[c] ?? null, regionOf(r)).toBeNull();
                    continue;
                }
                expect(csvFigure(r[c]), regionOf(r)).toBe(Number(expected.value));
                compared++;
            }
            expect(compared).toBeGreaterThan(3);
            // No share, numerator or denominator for a measure; its respondents are those with a value.
            const counts = block('Nämnare');
            expect(counts.rows.every((r) => (r[c] ?? null) === null)).toBe(true);
            const respondents = block('Svarande');
            const riket = respondents.rows.find((r) => text(r[2]) === 'Riket')!;
            expect(riket[c]).toBe(
                Number(
                    aggregates.find(
                        (a) => a.indicator === String(number) && (a.stratum === '' || a.stratum === 'T') && a.level === 'riket',
                    )!.respondents,
                ),
            );
        },
    );
});

describe('results.xlsx on khs2019: strata', () => {
    test("a stratified indicator: its total, then a column per kön headed with the stratification's labels", () => {
        const titles = sheet[header].slice(3).map(text);
        const i = titles.indexOf('6. Tillsvidareanställda undersköterskor – Totalt');
        expect(titles.slice(i, i + 3)).toEqual([
            '6. Tillsvidareanställda undersköterskor – Totalt',
            '6. Tillsvidareanställda undersköterskor – Kvinnor',
            '6. Tillsvidareanställda undersköterskor – Män',
        ]);
        const stratified = new Set(units.filter((u) => u.stratum === 'K').map((u) => u.indicator));
        expect([...stratified]).toEqual(['6']);
        for (const n of stratified) {
            const base = titles.find((t) => t.startsWith(`${n}. `) && t.endsWith(' – Totalt'))!.slice(0, -' – Totalt'.length);
            expect(titles).toEqual(expect.arrayContaining([`${base} – Totalt`, `${base} – Kvinnor`, `${base} – Män`]));
        }
        // An indicator not split by kön keeps one column, its title alone.
        expect(titles).toContain('4. Tillsvidareanställda sjuksköterskor');
    });

    test("each stratum's column holds the respondent's result for that kön, and the level blocks its aggregate", () => {
        const strata: Array<[string, string]> = [
            ['Totalt', 'T'],
            ['Kvinnor', 'K'],
            ['Män', 'M'],
        ];
        const words: Record<string, string> = {
            Uppnådd: 'met',
            'Ej uppnådd': 'not_met',
            Utesluten: 'excluded',
            Saknas: 'missing',
        };
        const stratified = [...new Set(units.filter((u) => u.stratum === 'K').map((u) => u.indicator))];
        const titles = sheet[header].map(text);
        let checked = 0;
        for (const n of stratified) {
            for (const [label, code] of strata) {
                const c = titles.findIndex((t) => t.startsWith(`${n}. `) && t.endsWith(` – ${label}`));
                expect(c, `${n} ${label}`).toBeGreaterThan(2);
                for (const r of respondentRows()) {
                    const expected = units.find((u) => u.unit === r[0] && u.indicator === n && u.stratum === code);
                    if (!expected) continue;
                    const cell = r[c];
                    if (expected.status === 'measured') expect(csvFigure(cell)).toBe(Number(expected.value));
                    else if (typeof cell === 'number') expect(csvFigure(cell)).toBe(Number(expected.value));
                    else expect(words[text(cell)] ?? text(cell), `${text(r[0])} ${n} ${code}`).toBe(expected.status);
                    checked++;
                }
                const first = block('Andel som uppnår indikatorn (%)');
                const riket = first.rows.find((r) => text(r[2]) === 'Riket')!;
                const aggregate = aggregates.find((a) => a.indicator === n && a.stratum === code && a.level === 'riket')!;
                const expected =
                    aggregate.share !== '' ? Number(aggregate.share) : aggregate.value !== '' ? Number(aggregate.value) : null;
                if (expected === null) expect(riket[c] ?? null).toBeNull();
                else expect(csvFigure(riket[c]), `${n} ${code} riket`).toBe(expected);
                const nämnare = block('Nämnare').rows.find((r) => text(r[2]) === 'Riket')!;
                if (aggregate.share !== '' || aggregate.denominator !== '')
                    expect(nämnare[c]).toBe(Number(aggregate.denominator));
            }
        }
        expect(checked).toBeGreaterThan(100);
    });

    test('"Om resultaten" explains background measures and strata', () => {
        const info = rows(workbook.worksheets[0]);
        const value = (label: string) => text(info.find((r) => r[0] === label)?.[1]);
        expect(value('Bakgrundsmått')).toMatch(
            /^Ett bakgrundsmått är ingen indikator utan ett värde per svarande .*\(summa, medelvärde eller median\)\.$/,
        );
        expect(value('Indelning')).toBe(
            'En indikator som redovisas uppdelad (Kvinnor, Män) visar totalen ("Totalt") i indikatorns kolumn och bredvid den en kolumn per del, för varje svarande och per län, storstad och riket.',
        );
    });

    test('the same responses give the same bytes', async () => {
        const again = path.join(dir, 'igen');
        await evaluateAndPublish(models, path.join(dir, 'svar.csv'), again);
        expect(fs.readFileSync(path.join(again, 'results.xlsx')).equals(fs.readFileSync(path.join(dir, 'ut/results.xlsx')))).toBe(
            true,
        );
    });

    test('a results folder read back keeps the measures apart from the statuses: values per respondent and per level', () => {
        const folder = readResultsFolder(path.join(dir, 'ut'));
        const measureRows = units.filter((u) => ['4', '5', '6'].includes(u.indicator));
        expect(folder.units.some((u) => [4, 5, 6].includes(u.indicator))).toBe(false);
        expect(
            folder.measures!.map((m) => [
                m.unit,
                String(m.indicator),
                m.stratum ?? '',
                m.status,
                m.value === undefined ? '' : String(m.value),
            ]),
        ).toEqual(
            measureRows.map((u) => [u.unit, u.indicator, u.stratum, u.status, u.value === '' ? '' : String(Number(u.value))]),
        );
        const measureCells = aggregates.filter((a) => ['4', '5', '6'].includes(a.indicator));
        expect(
            folder.measureAggregates!.map((c) => [
                String(c.indicator),
                c.level,
                c.region,
                c.stratum ?? '',
                c.value === undefined ? '' : String(c.value),
                String(c.respondents),
            ]),
        ).toEqual(
            measureCells.map((a) => [
                a.indicator,
                a.level,
                a.region,
                a.stratum,
                a.value === '' ? '' : String(Number(a.value)),
                a.respondents,
            ]),
        );
    });
});
