/**
 * Change over time (`oj evaluate … --previous`): last year's results matched to this year's
 * indicators through the `tidigare` link, each respondent's previous status in units.csv for
 * comparable indicators, and in the workbook last year's share and the change in percentage points
 * per level — only where the model says the indicator is comparable.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Model } from '@oj/language';
import { evaluateAndPublish, matchPrevious, partsOf, readPreviousYear, ResultsFolderError } from '../src/index.js';
import { loadModels, root, syntheticResponses, tempDir } from './support.js';

type Row = Record<string, string>;
let dir: string;
let models2020: Model[];
const csv = (file: string) => parse(fs.readFileSync(file, 'utf8'), { columns: true }) as Row[];

/**
 * examples/oj2020 with the statements this test needs: 1 comparable (renamed, matched by its link),
 * 2 not comparable, 3 saying nothing, 10 comparable (it was 9); 4, 7 and 8 are comparable as the example says.
 */
function stated2020(target: string): void {
    fs.cpSync(path.join(root, 'examples/oj2020'), target, { recursive: true });
    const file = path.join(target, 'indikatorer-flera-omraden.oj');
    let text = fs.readFileSync(file, 'utf8');
    const state = (link: string, statement: string) => {
        const line = new RegExp(`^    tidigare 2019 "${link.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}".*$`, 'm');
        expect(text).toMatch(line);
        text = text.replace(line, `    tidigare 2019 "${link}"${statement ? ` ${statement}` : ''}`);
    };
    state('Aktuell rutin för att förhindra avhysning av barnfamiljer', 'jämförbar "Bara namnet har ändrats."');
    state(
        'Aktuell rutin för att inte röja skyddade personuppgifter vid handläggning och genomförande av insatser',
        'ej jämförbar "Fråga ii har ändrats."',
    );
    state('Aktuell rutin för information om samordnad individuell plan (SIP)', '');
    state('Använder AUDIT för att upptäcka riskfylld alkoholkonsumtion', 'jämförbar');
    fs.writeFileSync(file, text);
}

beforeAll(async () => {
    dir = tempDir('previous');
    const models2019 = await loadModels();
    fs.writeFileSync(path.join(dir, 'svar-2019.csv'), syntheticResponses(models2019, 2019).csv);
    await evaluateAndPublish(models2019, path.join(dir, 'svar-2019.csv'), path.join(dir, 'ut-2019'));
    stated2020(path.join(dir, 'oj2020'));
    models2020 = await loadModels([path.join(dir, 'oj2020')]);
    fs.writeFileSync(path.join(dir, 'svar-2020.csv'), syntheticResponses(models2020, 2020).csv);
    await evaluateAndPublish(models2020, path.join(dir, 'svar-2020.csv'), path.join(dir, 'ut-2020'), {
        previous: path.join(dir, 'ut-2019'),
    });
    await evaluateAndPublish(models2020, path.join(dir, 'svar-2020.csv'), path.join(dir, 'ut-2020-ensamt'));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("matching this year's indicators to last year's", () => {
    test('by the linked name, else by number when stated comparable; not stated or "ej jämförbar" is not compared', () => {
        const last = [
            { number: 1, name: 'Aktuell rutin för att förhindra avhysning av barnfamiljer' },
            { number: 2, name: 'Annat namn' },
            { number: 9, name: 'Använder AUDIT för att upptäcka riskfylld alkoholkonsumtion' },
        ];
        const matches = matchPrevious(models2020, last);
        expect(matches.get(1)).toMatchObject({ comparable: true, previous: 1, year: 2019 });
        expect(matches.get(10)).toMatchObject({ comparable: true, previous: 9, note: 'Jämförbar med 2019 (indikator 9 2019).' });
        expect(matches.get(2)).toMatchObject({ comparable: false, note: 'Ej jämförbar med 2019: Fråga ii har ändrats.' });
        expect(matches.get(3)).toMatchObject({
            comparable: false,
            note: 'Ingen jämförelse: modellen anger inte att indikatorn är jämförbar med 2019.',
        });
        expect(matches.get(9)).toMatchObject({ comparable: false, note: 'Ingen jämförelse: modellen anger inget tidigare år.' });
        // Stated comparable but the link names nothing of last year's: the same number, if there is one.
        const renamed = matchPrevious(models2020, [{ number: 1, name: 'Helt annat' }]);
        expect(renamed.get(1)).toMatchObject({
            comparable: true,
            previous: 1,
            note: 'Jämförbar med 2019 (indikator 1 2019, samma nummer).',
        });
        expect(renamed.get(10)).toMatchObject({
            comparable: false,
            note: 'Ingen jämförelse: förra årets resultat har ingen indikator "Använder AUDIT för att upptäcka riskfylld alkoholkonsumtion" och ingen med nummer 10.',
        });
    });

    test('a folder without indicators.csv, or no folder at all, is refused naming the file', () => {
        const empty = path.join(dir, 'tom');
        fs.mkdirSync(empty, { recursive: true });
        expect(() => readPreviousYear(empty, models2020)).toThrow(ResultsFolderError);
        expect(() => readPreviousYear(empty, models2020)).toThrow(
            `${path.join(empty, 'indicators.csv')} kan inte läsas: filen finns inte.`,
        );
        expect(() => readPreviousYear(path.join(dir, 'finns-inte'), models2020)).toThrow(
            'är ingen mapp med förra årets resultat',
        );
    });
});

describe('units.csv with --previous', () => {
    test("previous_status is last year's status of the same unit and group, of the linked indicator, for comparable ones only", () => {
        const now = csv(path.join(dir, 'ut-2020/units.csv'));
        const before = csv(path.join(dir, 'ut-2019/units.csv'));
        const lastYear = new Map(before.map((r) => [`${r.unit}|${r.indicator}|${r.group}`, r.status]));
        // 4, 7 and 8 are stated comparable in the example itself.
        const predecessor: Record<string, string> = { 1: '1', 4: '4', 7: '7', 8: '8', 10: '9' };
        let compared = 0;
        for (const row of now) {
            const previous = predecessor[row.indicator];
            const expected = previous ? (lastYear.get(`${row.unit}|${previous}|${row.group}`) ?? '') : '';
            expect(row.previous_status, `${row.unit} indikator ${row.indicator} ${row.group}`).toBe(expected);
            if (expected) compared++;
        }
        expect(compared).toBeGreaterThan(200);
        // The statuses differ from year to year (different answers): the column is not this year's status copied.
        expect(now.some((r) => r.previous_status && r.previous_status !== r.status)).toBe(true);
    });

    test('without --previous units.csv has no previous_status column and is otherwise the same', () => {
        const alone = fs.readFileSync(path.join(dir, 'ut-2020-ensamt/units.csv'), 'utf8');
        expect(alone.split('\n')[0]).not.toContain('previous_status');
        const withPrevious = fs.readFileSync(path.join(dir, 'ut-2020/units.csv'), 'utf8');
        // The last column removed, line by line, gives the file written without last year.
        expect(
            withPrevious
                .split('\n')
                .map((l) => l.replace(/,[^,]*$/, ''))
                .join('\n'),
        ).toBe(
            alone
                .split('\n')
                .map((l) => l.replace(/\r$/, ''))
                .join('\n'),
        );
    });
});

describe('results.xlsx with --previous', () => {
    let workbook: ExcelJS.Workbook;
    beforeAll(async () => {
        workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(path.join(dir, 'ut-2020/results.xlsx'));
    });

    const rowsOf = (sheet: ExcelJS.Worksheet) => {
        const out: ExcelJS.CellValue[][] = [];
        sheet.eachRow({ includeEmpty: true }, (row, n) => {
            out[n - 1] = (row.values as ExcelJS.CellValue[]).slice(1);
        });
        return Array.from(out, (r) => r ?? []);
    };

    test('last year\'s share and the change in percentage points per level, "ej jämförbar" where not comparable', () => {
        const part = partsOf(models2020).find((p) => p.code === 'EB')!;
        const sheet = workbook.worksheets.find((ws) => ws.name.startsWith(part.title.slice(0, 20)))!;
        const rows = rowsOf(sheet);
        const header = rows.findIndex((r) => r[1] === 'Andel förra året (%)');
        expect(header).toBeGreaterThan(0);
        const column = (n: number) => rows[header].findIndex((v) => typeof v === 'string' && v.startsWith(`${n}. `));
        const one = column(1),
            two = column(2);
        expect(rows[header + 1][1]).toBe('Jämförbarhet');
        expect(rows[header + 1][one]).toBe('Jämförbar med 2019 (indikator 1 2019).');
        expect(rows[header + 1][two]).toBe('Ej jämförbar med 2019: Fråga ii har ändrats.');
        const riket = (start: number) => rows.slice(start).find((r) => r[1] === 'Riket')!;
        const share = (file: string, indicator: string, region: string) =>
            Number(csv(file).find((r) => r.indicator === indicator && r.region === region)!.share);
        const before = share(path.join(dir, 'ut-2019/aggregates.csv'), '1', 'riket');
        const now = share(path.join(dir, 'ut-2020/aggregates.csv'), '1', 'riket');
        expect(riket(header)[one]).toBeCloseTo(before, 4);
        expect(riket(header)[two]).toBe('ej jämförbar');
        const change = rows.findIndex((r) => r[1] === 'Förändring sedan förra året (procentenheter)');
        expect(change).toBeGreaterThan(header);
        expect(riket(change)[one]).toBeCloseTo((now - before) * 100, 1);
        expect(riket(change)[two]).toBe('ej jämförbar');
        const stockholm = rows.slice(change).find((r) => r[0] === '01')!;
        expect(typeof stockholm[one] === 'number' || stockholm[one] === null).toBe(true);
    });

    test('"Om resultaten" explains the change and names last year\'s folder; without --previous there are no change blocks', async () => {
        const info = rowsOf(workbook.worksheets[0]);
        expect(String(info.find((r) => r[0] === 'Förändring')?.[1])).toContain('Förra årets resultat: mappen ut-2019.');
        const alone = new ExcelJS.Workbook();
        await alone.xlsx.readFile(path.join(dir, 'ut-2020-ensamt/results.xlsx'));
        for (const sheet of alone.worksheets) expect(rowsOf(sheet).some((r) => r[1] === 'Andel förra året (%)')).toBe(false);
    });
});
