/**
 * Synthetic register rows: a pure function of the seed, shaped as the declared register (real
 * kommunkoder with the leading zero, kön from its codes, ISO dates around mätdatum), with a few
 * per cent blanks and bad values, and written to CSV without holding the rows.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { kommun } from '@oj/regions';
import { registerRows, writeRegisterCsv, type RegisterSourceShape } from '../src/index.js';

const SOURCE: RegisterSourceShape = {
    unitColumn: 'kommun',
    measurementDate: '2019-03-01',
    columns: [
        { name: 'kommun', type: 'kommunkod' },
        { name: 'kon', type: 'kön', codes: [{ code: 'K' }, { code: 'M' }] },
        { name: 'alder', type: 'heltal' },
        { name: 'beslut', type: 'datum' },
        { name: 'start', type: 'datum' },
        { name: 'insats', type: 'kod', codes: [{ code: 'HT' }, { code: 'SÄBO' }] },
    ],
};

const rows = [...registerRows(SOURCE, { seed: 5, rows: 20_000 })];
const column = (name: string) => rows.map((r) => r[SOURCE.columns.findIndex((c) => c.name === name)]);
const share = (values: string[], test: (v: string) => boolean) => values.filter(test).length / values.length;

describe('registerRows', () => {
    test('is a function of the seed', () => {
        expect([...registerRows(SOURCE, { seed: 5, rows: 50 })]).toEqual(rows.slice(0, 50));
        expect([...registerRows(SOURCE, { seed: 6, rows: 50 })]).not.toEqual(rows.slice(0, 50));
    });

    test('has one cell per declared column', () => {
        expect(rows.every((r) => r.length === SOURCE.columns.length)).toBe(true);
    });

    test('units are real kommunkoder with the leading zero, a few blank or bad', () => {
        const units = column('kommun');
        expect(share(units, (u) => kommun(u) !== undefined)).toBeGreaterThan(0.97);
        expect(units).toContain('0114');
        expect(share(units, (u) => u === '')).toBeGreaterThan(0);
        expect(share(units, (u) => u !== '' && kommun(u) === undefined)).toBeGreaterThan(0);
        // Every kommun has rows, more in the storstäder.
        expect(new Set(units.filter((u) => kommun(u))).size).toBe(290);
        expect(units.filter((u) => u === '0180').length).toBeGreaterThan(units.filter((u) => u === '0114').length);
    });

    test('kön is K or M, with about 3 % blank and 1 % bad', () => {
        const kon = column('kon');
        expect(share(kon, (v) => v === 'K' || v === 'M')).toBeGreaterThan(0.94);
        expect(share(kon, (v) => v === '')).toBeGreaterThan(0.02);
        expect(share(kon, (v) => v === '')).toBeLessThan(0.04);
        expect(share(kon, (v) => v !== '' && v !== 'K' && v !== 'M')).toBeGreaterThan(0.005);
    });

    test('dates are ISO dates around mätdatum, the later one mostly after the first', () => {
        const iso = /^\d{4}-\d{2}-\d{2}$/;
        const beslut = column('beslut');
        const start = column('start');
        const valid = beslut.filter((d) => iso.test(d) && !Number.isNaN(Date.parse(d)));
        expect(valid.length / beslut.length).toBeGreaterThan(0.94);
        expect(valid.every((d) => d >= '2017-03-01' && d <= '2019-05-01')).toBe(true);
        expect(share(beslut, (d) => d !== '' && Number.isNaN(Date.parse(`${d}T00:00:00Z`)))).toBeGreaterThan(0);
        const pairs = rows.map((_r, i) => [beslut[i], start[i]]).filter(([a, b]) => iso.test(a) && iso.test(b));
        expect(
            share(
                pairs.map(([a, b]) => (b >= a ? 'after' : 'before')),
                (v) => v === 'after',
            ),
        ).toBeGreaterThan(0.8);
    });

    test('ages are whole numbers 0–104, with some that are not numbers', () => {
        const ages = column('alder');
        expect(share(ages, (a) => /^\d+$/.test(a) && Number(a) <= 104)).toBeGreaterThan(0.94);
        expect(share(ages, (a) => a !== '' && !/^\d+$/.test(a))).toBeGreaterThan(0);
    });
});

describe('writeRegisterCsv', () => {
    test('writes the header and the rows as the generator gives them', () => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'oj-register-')), 'register.csv');
        const bytes = writeRegisterCsv(file, SOURCE, { seed: 5, rows: 50_001 });
        const lines = fs.readFileSync(file, 'utf-8').split('\n');
        expect(fs.statSync(file).size).toBe(bytes);
        expect(lines[0]).toBe('kommun,kon,alder,beslut,start,insats');
        expect(lines.length).toBe(50_003); // header, rows, and the final newline's empty string
        expect(lines[1]).toBe(rows[0].join(','));
        expect(lines[20_000]).toBe(rows[19_999].join(','));
    });
});
