/**
 * The Kolada-shaped export validated against its zod schemas (read back from the files), and
 * response templates: a CSV and an XLSX template filled with synthetic answers evaluate without error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { codebookRows, type Model } from '@oj/language';
import { kommuner } from '@oj/regions';
import { z } from 'zod';
import {
    evaluateAndPublish,
    KoladaKpiSchema,
    KoladaValueSchema,
    koladaExport,
    koladaFiles,
    kpiId,
    readResultsFolder,
    templateCsv,
    templateRows,
    templateXlsx,
} from '../src/index.js';
import { indicatorsOf } from '../src/results.js';
import { loadModels, syntheticResponses, tempDir } from './support.js';

let dir: string;
let models: Model[];

beforeAll(async () => {
    dir = tempDir('kolada');
    models = await loadModels();
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('oj export kolada', () => {
    let files: Record<string, string>;

    beforeAll(async () => {
        fs.writeFileSync(path.join(dir, 'svar.csv'), syntheticResponses(models).csv);
        await evaluateAndPublish(models, path.join(dir, 'svar.csv'), path.join(dir, 'ut'));
        files = Object.fromEntries(
            koladaFiles(koladaExport(models, readResultsFolder(path.join(dir, 'ut')))).map((f) => [f.name, f.content]),
        );
    });

    test('writes KPI metadata and values as JSON and CSV', () => {
        expect(Object.keys(files)).toEqual(['kpi.json', 'kpi.csv', 'values.json', 'values.csv']);
    });

    test('the KPI file holds every field of the schema, one KPI per indicator and group', () => {
        const kpis = z.array(KoladaKpiSchema).parse(JSON.parse(files['kpi.json']));
        const two = kpis.find((k) => k.id === 'OJ2019_02_EB')!;
        expect(two).toMatchObject({
            title: 'Aktuell rutin för att inte röja skyddade personuppgifter vid handläggning och genomförande av insatser, Ekonomiskt bistånd',
            operating_area: 'Ekonomiskt bistånd',
            is_divided_by_gender: false,
            municipality_type: 'K',
            publ_period: '2019',
            unit: 'procent',
        });
        expect(two.definition).toMatch(/^För att uppnå indikatorn.* krävs: /);
        expect(two.description).toMatch(/^Kommunen\/stadsdelen har /);
        expect(new Set(kpis.map((k) => k.id)).size).toBe(kpis.length);
        const indicator1 = indicatorsOf(models).find((i) => i.number === 1)!;
        expect(kpis.some((k) => k.id === kpiId('OJ2019', indicator1, undefined))).toBe(true);
        const csv = parse(files['kpi.csv'], { columns: true }) as Array<Record<string, string>>;
        expect(Object.keys(csv[0])).toEqual(Object.keys(KoladaKpiSchema.shape));
        expect(csv).toHaveLength(kpis.length);
    });

    test('values per kommun and period (gender T), 100 for uppnådd, 0 for ej uppnådd, the share for län and riket', () => {
        const values = z.array(KoladaValueSchema).parse(JSON.parse(files['values.json']));
        const units = parse(fs.readFileSync(path.join(dir, 'ut/units.csv'), 'utf8'), { columns: true }) as Array<
            Record<string, string>
        >;
        const aggregates = parse(fs.readFileSync(path.join(dir, 'ut/aggregates.csv'), 'utf8'), { columns: true }) as Array<
            Record<string, string>
        >;
        const kommun = units.find((u) => u.unit === '0114' && u.indicator === '2' && u.group === 'EB')!;
        const value = values.find((v) => v.kpi === 'OJ2019_02_EB' && v.municipality === '0114')!;
        expect(value).toMatchObject({ period: 2019, gender: 'T', municipality_type: 'K' });
        expect(value.value).toBe({ met: 100, not_met: 0, excluded: null, missing: null }[kommun.status]);
        const riket = aggregates.find((a) => a.indicator === '2' && a.group === 'EB' && a.level === 'riket')!;
        expect(values.find((v) => v.kpi === 'OJ2019_02_EB' && v.municipality === '0000')).toMatchObject({
            municipality_type: 'R',
            value: Math.round((Number(riket.numerator) / Number(riket.denominator)) * 10_000) / 100,
            count: Number(riket.denominator),
        });
        expect(values.find((v) => v.kpi === 'OJ2019_02_EB' && v.municipality === '0001')?.municipality_type).toBe('L');
        expect(values.every((v) => v.gender === 'T')).toBe(true);
        const csv = parse(files['values.csv'], { columns: true }) as Array<Record<string, string>>;
        expect(csv).toHaveLength(values.length);
    });

    test('the schemas refuse what Kolada would not read', () => {
        expect(
            KoladaValueSchema.safeParse({
                kpi: 'X',
                municipality: '180',
                municipality_type: 'K',
                period: 2019,
                gender: 'T',
                value: 1,
                count: 1,
                status: '',
            }).success,
        ).toBe(false);
        expect(
            KoladaValueSchema.safeParse({
                kpi: 'X',
                municipality: '0180',
                municipality_type: 'K',
                period: 2019,
                gender: 'X',
                value: 1,
                count: 1,
                status: '',
            }).success,
        ).toBe(false);
        expect(KoladaKpiSchema.safeParse({ id: 'a b' }).success).toBe(false);
    });
});

describe('oj template', () => {
    test('CSV: the header of every variable and a row per kommun of the register, answers blank', () => {
        const rows = parse(templateCsv(models)) as string[][];
        expect(rows[0]).toEqual(['unit', 'name', ...codebookRows(models).map((r) => r.variable)]);
        expect(
            rows
                .slice(1)
                .filter((r) => !r[0].includes('-'))
                .map((r) => [r[0], r[1]]),
        ).toEqual(kommuner().map((k) => [k.kod, k.namn]));
        // A stadsdel the survey declares follows its kommun.
        rows.slice(1).forEach((r, i) => {
            if (r[0].includes('-')) expect(rows[i][0].slice(0, 4)).toBe(r[0].slice(0, 4));
        });
        expect(rows.slice(1).every((r) => r.slice(2).every((c) => c === ''))).toBe(true);
    });

    test('a CSV template filled with synthetic answers evaluates without error', async () => {
        const filled = syntheticResponses(models, 7);
        // Made from the template's own rows and columns (see support.ts); check it is the template filled in.
        const template = parse(templateCsv(models)) as string[][];
        expect(filled.columns).toEqual(template[0]);
        fs.writeFileSync(path.join(dir, 'ifylld.csv'), filled.csv);
        const summary = await evaluateAndPublish(models, path.join(dir, 'ifylld.csv'), path.join(dir, 'ut-mall'));
        expect(summary.respondentsEvaluated).toBe(filled.rows.length);
        expect(summary.statuses.met).toBeGreaterThan(0);
    });

    test('XLSX: the answer sheet first with a drop-down of valid codes per cell, a sheet explaining the codes', async () => {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load((await templateXlsx(models)) as unknown as ArrayBuffer);
        expect(workbook.worksheets.map((w) => w.name)).toEqual(['Svar', 'Koder']);
        const sheet = workbook.worksheets[0];
        const codebook = codebookRows(models);
        expect((sheet.getRow(1).values as string[]).slice(1)).toEqual(['unit', 'name', ...codebook.map((r) => r.variable)]);
        expect(sheet.rowCount).toBe(templateRows(models).length + 1);
        expect(sheet.getCell('A2').value).toBe('0114');
        const i01 = codebook.findIndex((r) => r.variable === 'I01_1');
        const cell = sheet.getRow(200).getCell(3 + i01);
        expect(cell.dataValidation).toMatchObject({
            type: 'list',
            allowBlank: true,
            formulae: [`"${codebook[i01].codes.join(',')}"`],
        });
        expect(sheet.getRow(sheet.rowCount).getCell(3 + codebook.length - 1).dataValidation?.type).toBeDefined();
        const codes = workbook.getWorksheet('Koder')!;
        let explained = '';
        codes.eachRow((row) => {
            if (row.getCell(1).value === 'I01_1') explained = String(row.getCell(7).value);
        });
        expect(explained).toBe('1 = Ja; 2 = Nej');
    });

    test('an XLSX template filled with synthetic answers evaluates without error, the same as the CSV', async () => {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load((await templateXlsx(models)) as unknown as ArrayBuffer);
        const sheet = workbook.worksheets[0];
        const filled = syntheticResponses(models, 7);
        const byUnit = new Map(filled.rows.map((r) => [r[0], r]));
        const remove: number[] = [];
        sheet.eachRow((row, n) => {
            if (n === 1) return;
            const answers = byUnit.get(String(row.getCell(1).value));
            if (!answers) {
                remove.push(n);
                return;
            }
            answers.slice(2).forEach((value, i) => {
                if (value !== '') row.getCell(3 + i).value = Number(value);
            });
        });
        for (const n of remove.reverse()) sheet.spliceRows(n, 1);
        await workbook.xlsx.writeFile(path.join(dir, 'ifylld.xlsx'));
        const summary = await evaluateAndPublish(models, path.join(dir, 'ifylld.xlsx'), path.join(dir, 'ut-mall-xlsx'));
        expect(summary.respondentsEvaluated).toBe(filled.rows.length);
        expect(fs.readFileSync(path.join(dir, 'ut-mall-xlsx/units.csv'), 'utf8')).toBe(
            fs.readFileSync(path.join(dir, 'ut-mall/units.csv'), 'utf8'),
        );
    });
});
