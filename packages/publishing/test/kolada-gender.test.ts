/**
 * The Kolada export's gender dimension from the model's strata: an indicator split per kön is
 * divided by gender, with a value per kommun, län and riket for K, M and T (the total); the others
 * have T only. Small fixture (fixtures/kon.oj) with figures worked out by hand.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatCsv } from '@oj/evaluator';
import { z } from 'zod';
import {
    evaluateAndPublish,
    KoladaKpiSchema,
    KoladaValueSchema,
    koladaExport,
    koladaFiles,
    readResultsFolder,
    stadsdelarOf,
    type KoladaExport,
} from '../src/index.js';
import { loadModels, tempDir } from './support.js';

let dir: string;
let data: KoladaExport;
let files: Record<string, string>;

beforeAll(async () => {
    dir = tempDir('kolada-kon');
    const models = await loadModels([path.join(__dirname, 'fixtures/kon.oj')]);
    // Utbildade K, M / handläggare K, M: Stockholm 2/4 and 1/4, Göteborg 1/2 and 3/6, Upplands Väsby nobody (0/0).
    fs.writeFileSync(
        path.join(dir, 'svar.csv'),
        formatCsv(
            ['unit', 'name', 'K01_1', 'K02_1_K', 'K02_1_M', 'K02_2_K', 'K02_2_M'],
            [
                ['0180', 'Stockholm', '1', '2', '1', '4', '4'],
                ['1480', 'Göteborg', '2', '1', '3', '2', '6'],
                ['0114', 'Upplands Väsby', '1', '0', '0', '0', '0'],
            ],
        ),
    );
    await evaluateAndPublish(models, path.join(dir, 'svar.csv'), path.join(dir, 'ut'));
    data = koladaExport(models, readResultsFolder(path.join(dir, 'ut'), stadsdelarOf(models)));
    files = Object.fromEntries(koladaFiles(data).map((f) => [f.name, f.content]));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const kpiOf = (number: string) => data.kpis.find((k) => k.id.startsWith(`KON2019_${number}`))!;
const value = (kpi: string, municipality: string, gender: string) =>
    data.values.find((v) => v.kpi === kpi && v.municipality === municipality && v.gender === gender);

describe('Kolada export: gender from the strata', () => {
    test('the share asked per kön is divided by gender; the rule is not', () => {
        expect(kpiOf('02').is_divided_by_gender).toBe(true);
        expect(kpiOf('01').is_divided_by_gender).toBe(false);
        const kpis = z.array(KoladaKpiSchema).parse(JSON.parse(files['kpi.json']));
        expect(kpis.find((k) => k.id === kpiOf('02').id)?.is_divided_by_gender).toBe(true);
        const csv = parse(files['kpi.csv'], { columns: true }) as Array<Record<string, string>>;
        expect(csv.find((r) => r.id === kpiOf('02').id)?.is_divided_by_gender).toBe('1');
    });

    test('each kommun has its own share per gender and in total', () => {
        const id = kpiOf('02').id;
        expect(value(id, '0180', 'K')).toMatchObject({ value: 50, count: 1, status: 'Uppnådd' });
        expect(value(id, '0180', 'M')).toMatchObject({ value: 25 });
        expect(value(id, '0180', 'T')).toMatchObject({ value: 37.5 });
        expect(value(id, '1480', 'K')?.value).toBe(50);
        expect(value(id, '1480', 'M')?.value).toBe(50);
        expect(value(id, '1480', 'T')?.value).toBe(50);
        // Nobody of either gender: excluded in each, no value.
        expect(value(id, '0114', 'K')).toMatchObject({ value: null, count: 0 });
        expect(data.values.filter((v) => v.kpi === id && v.municipality === '0180').map((v) => v.gender)).toEqual([
            'T',
            'K',
            'M',
        ]);
    });

    test('län and riket are the summed counts per gender', () => {
        const id = kpiOf('02').id;
        expect(value(id, '0000', 'K')).toMatchObject({ municipality_type: 'R', value: 50, count: 6 });
        expect(value(id, '0000', 'M')).toMatchObject({ value: 40, count: 10 });
        expect(value(id, '0000', 'T')).toMatchObject({ value: 43.75, count: 16 });
        expect(value(id, '0001', 'K')).toMatchObject({ municipality_type: 'L', value: 50, count: 4 });
        expect(value(id, '0014', 'M')).toMatchObject({ value: 50, count: 6 });
    });

    test('an indicator without strata has T only, and every value passes the schema', () => {
        const id = kpiOf('01').id;
        expect(new Set(data.values.filter((v) => v.kpi === id).map((v) => v.gender))).toEqual(new Set(['T']));
        expect(value(id, '0180', 'T')?.value).toBe(100);
        expect(value(id, '1480', 'T')?.value).toBe(0);
        const values = z.array(KoladaValueSchema).parse(JSON.parse(files['values.json']));
        expect(values).toHaveLength(data.values.length);
        const csv = parse(files['values.csv'], { columns: true }) as Array<Record<string, string>>;
        expect(csv.filter((r) => r.kpi === kpiOf('02').id && r.municipality === '0180').map((r) => [r.gender, r.value])).toEqual([
            ['T', '37.5'],
            ['K', '50'],
            ['M', '25'],
        ]);
    });
});
