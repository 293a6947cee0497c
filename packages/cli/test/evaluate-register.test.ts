/**
 * `oj evaluate --register` end to end on examples/register2019 and its small synthetic register
 * (307 rows, ten kommuner, blanks and faulty cells): both engines write the same bytes, a few cells
 * agree with figures worked out independently from the CSV (by hand, with a short script that
 * restates the three rules), suppressed cells show the policy's mark and no counts, and a bad
 * register file is refused in Swedish, naming the column or the row, with nothing written.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDuckDb, registerCsvToParquet, stringLiteral } from '@oj/sql';
import { evaluate } from '../src/commands/evaluate.js';
import { root, runOj } from './support.js';

const example = path.join(root, 'examples/register2019');
const register = path.join(example, 'register.csv');
const FILES = ['units.csv', 'aggregates.csv', 'indicators.csv', 'results.xlsx'];
let dir: string;

beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-evaluate-register-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const lines = (file: string) => fs.readFileSync(file, 'utf-8').trimEnd().split('\n');

describe('examples/register2019 through both engines', () => {
    let standard: string;
    let duckdb: string;
    beforeAll(async () => {
        standard = path.join(dir, 'standard');
        duckdb = path.join(dir, 'duckdb');
        for (const [out, engine] of [
            [standard, 'standard'],
            [duckdb, 'duckdb'],
        ] as const) {
            const result = await evaluate([example], undefined, out, { engine, registers: [register] });
            expect(result.ok, JSON.stringify(result)).toBe(true);
        }
    }, 60_000);

    test('the result files are byte for byte the same', () => {
        for (const file of FILES)
            expect(fs.readFileSync(path.join(duckdb, file)), file).toEqual(fs.readFileSync(path.join(standard, file)));
    });

    test('cells of indicator 31 (trygghetslarm) are the ones worked out from the rows', () => {
        // Population: insats HT, alder ≥ 65, verkstalld given and avslut blank; numerator: trygghetslarm J;
        // a blank trygghetslarm (or a blank column the population reads) is missing.
        const units = lines(path.join(standard, 'units.csv'));
        expect(units[0]).toBe('unit,name,indicator,group,stratum,status,numerator,denominator,value');
        expect(units).toContain('0180,Stockholm,31,,T,published,13,23,0.5652');
        expect(units).toContain('0180,Stockholm,31,,K,published,9,13,0.6923');
        expect(units).toContain('1480,Göteborg,31,,M,published,2,6,0.3333');
        expect(units).toContain('1280,Malmö,31,,T,published,11,14,0.7857');
        const aggregates = lines(path.join(standard, 'aggregates.csv'));
        expect(aggregates).toContain('31,,T,riket,riket,63,97,0.6495,,10');
        expect(aggregates).toContain('31,,K,riket,riket,34,51,0.6667,,10');
    });

    test('a suppressed cell shows the mark ".." and no counts, in units.csv, aggregates.csv and results.xlsx', async () => {
        const units = lines(path.join(standard, 'units.csv'));
        const suppressed = units.filter((l) => l.includes(',suppressed,'));
        expect(suppressed.length).toBeGreaterThan(0);
        for (const line of suppressed) expect(line).toMatch(/,suppressed,,,\.\.$/);
        const aggregates = lines(path.join(standard, 'aggregates.csv'));
        expect(aggregates).toContain('30,,K,lan,01,,,..,,2');
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(path.join(standard, 'results.xlsx'));
        const sheet = workbook.getWorksheet('Registerindikatorer')!;
        expect(sheet.getRow(1).values).toEqual([
            undefined,
            'Indikator',
            'Namn',
            'Nivå',
            'Kod',
            'Region',
            'Indelning',
            'Grupp',
            'Täljare',
            'Nämnare',
            'Andel',
        ]);
        const rows: unknown[][] = [];
        sheet.eachRow((row, n) => n > 1 && rows.push((row.values as unknown[]).slice(1)));
        expect(rows).toContainEqual([
            31,
            'Trygghetslarm i hemtjänsten',
            'Kommun',
            '0180',
            'Stockholm',
            'Kön',
            'Kvinnor',
            9,
            13,
            9 / 13,
        ]);
        expect(rows.some((r) => r[9] === '..' && (r[7] ?? '') === '' && (r[8] ?? '') === '')).toBe(true);
        // Without a response file, the survey's sheets (and "Ej svarat", which would list every kommun) are left out.
        expect(workbook.worksheets.map((w) => w.name)).toEqual(['Om resultaten', 'Registerindikatorer']);
    });

    test('a Parquet register (DuckDB) gives the same bytes; kommunkoder stored as numbers are refused', async () => {
        const parquet = path.join(dir, 'register.parquet');
        const numeric = path.join(dir, 'numeric.parquet');
        await registerCsvToParquet(register, parquet);
        const connection = await openDuckDb();
        try {
            await connection.run(
                `COPY (SELECT * REPLACE (TRY_CAST(kommun AS INTEGER) AS kommun) FROM read_parquet(${stringLiteral(parquet, 'duckdb')})) TO ${stringLiteral(numeric, 'duckdb')} (FORMAT parquet)`,
            );
        } finally {
            connection.closeSync();
        }
        const out = path.join(dir, 'parquet');
        const result = await evaluate([example], undefined, out, { engine: 'duckdb', registers: [parquet] });
        expect(result.ok, JSON.stringify(result)).toBe(true);
        for (const file of FILES)
            expect(fs.readFileSync(path.join(out, file)), file).toEqual(fs.readFileSync(path.join(standard, file)));
        const refused = await evaluate([example], undefined, path.join(dir, 'numeric'), {
            engine: 'duckdb',
            registers: [numeric],
        });
        expect(refused.ok).toBe(false);
        expect(!refused.ok && refused.message).toContain(
            'kolumn kommun: Kolumnen "kommun" har typen INTEGER i filen, inte text: kommunkoder förlorar då sin inledande nolla (0114 blir 114).',
        );
        expect(fs.existsSync(path.join(dir, 'numeric'))).toBe(false);
    });

    test('indicators.csv names the register indicators and their register', () => {
        expect(lines(path.join(standard, 'indicators.csv'))).toContain(
            '30,Väntetid till särskilt boende,registerindikator,register SOL,kommun län riket,,,,',
        );
    });
});

describe('the command line', () => {
    test('oj check and oj coverage: the register example is clean and its rows reach every outcome', async () => {
        const check = await runOj(['check', example], root);
        expect(check.code, check.stdout + check.stderr).toBe(0);
        const coverage = await runOj(['coverage', example, '--min', '100'], root);
        expect(coverage.code, coverage.stdout + coverage.stderr).toBe(0);
        expect(coverage.stdout).toContain('Täckning: 15 av 15 möjliga utfall (100,0 %).');
    });

    test('oj coverage names a row outcome no worked example shows, in the words examples use', async () => {
        const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-register-coverage-'));
        for (const file of ['enkat.oj', 'indikatorer.oj']) fs.copyFileSync(path.join(example, file), path.join(copy, file));
        const file = path.join(copy, 'indikatorer.oj');
        fs.writeFileSync(file, fs.readFileSync(file, 'utf-8').replace(/^.*"Kommunkoden saknas".*\n/m, ''));
        const coverage = await runOj(['coverage', copy, '--json'], root);
        const entry = JSON.parse(coverage.stdout).entries.find((e: { indicator: number }) => e.indicator === 31);
        expect(entry).toMatchObject({ kind: 'register', uncovered: ['unknownUnit'] });
        const text = await runOj(['coverage', copy], root);
        expect(text.stdout).toMatch(/31 .* 4\/5 {2}saknar exempel för: okänd enhet/);
    });

    test('oj generate: the package is for survey answers; a model of register indicators only gets none, and is told why', async () => {
        const run = await runOj(['generate', example, '-o', path.join(dir, 'package')], root);
        expect(run.code).toBe(1);
        expect(run.stderr).toContain(
            'Modellen har inga enkätindikatorer att generera ett paket för: registerindikatorerna 30, 31 och 32 utvärderas med oj evaluate --register. Inget paket genererat.',
        );
        expect(fs.existsSync(path.join(dir, 'package'))).toBe(false);
    });

    test('says what it counted, in Swedish, and that the default engine streamed the file', async () => {
        const run = await runOj(['evaluate', example, '--register', register, '-o', path.join(dir, 'cli')], root);
        expect(run.code, run.stderr).toBe(0);
        expect(run.stderr).toContain('307 rader lästa med standardmotorn.');
        expect(run.stderr).toContain(
            'Indikator 31: täljare 63, nämnare 97, 10 saknas (kan inte avgöras), 2 rader utan känd kommunkod;',
        );
    });

    test('NAMN=fil names the register; an unknown name is a usage error naming the registers there are', async () => {
        const ok = await runOj(['evaluate', example, '--register', `sol=${register}`, '-o', path.join(dir, 'named')], root);
        expect(ok.code, ok.stderr).toBe(0);
        const bad = await runOj(['evaluate', example, '--register', `LSS=${register}`, '-o', path.join(dir, 'bad-name')], root);
        expect(bad.code).toBe(2);
        expect(bad.stderr).toContain('Modellen har inget register "LSS"; den har SOL.');
        expect(fs.existsSync(path.join(dir, 'bad-name'))).toBe(false);
    });

    test('neither --responses nor --register is a usage error', async () => {
        const run = await runOj(['evaluate', example, '-o', path.join(dir, 'nothing')], root);
        expect(run.code).toBe(2);
        expect(run.stderr).toBe('--responses eller --register krävs: svarsfilen, registerfilen eller båda.\n');
    });

    test.each(['standard', 'duckdb'])('%s: a missing column is named, and nothing is written', async (engine) => {
        const file = path.join(dir, `missing-column-${engine}.csv`);
        const [header, ...rows] = lines(register);
        const drop = header.split(',').indexOf('avslut');
        const without = (line: string) =>
            line
                .split(',')
                .filter((_c, i) => i !== drop)
                .join(',');
        fs.writeFileSync(file, [without(header), ...rows.map(without)].join('\n') + '\n');
        const out = path.join(dir, `missing-column-out-${engine}`);
        const run = await runOj(['evaluate', example, '--register', file, '-o', out, '--engine', engine], root);
        expect(run.code).toBe(1);
        expect(run.stderr).toContain('Registerfilen kan inte utvärderas (1 problem):');
        expect(run.stderr).toContain('kolumn avslut: Kolumnen saknas; registret SOL deklarerar den.');
        expect(fs.existsSync(out)).toBe(false);
    });

    test('a row of another width is named by its line; an unknown column is a warning', async () => {
        const file = path.join(dir, 'width.csv');
        const [header, ...rows] = lines(register);
        rows[4] = `${rows[4]},extra`;
        fs.writeFileSync(file, [header, ...rows].join('\n') + '\n');
        const out = path.join(dir, 'width-out');
        const run = await runOj(['evaluate', example, '--register', file, '-o', out], root);
        expect(run.code).toBe(1);
        expect(run.stderr).toContain('rad 6: Raden har 9 fält men rubrikraden 8.');
        expect(fs.existsSync(out)).toBe(false);
        // DuckDB's reader refuses such a file; the default engine's reading names the same row.
        const duck = await runOj(['evaluate', example, '--register', file, '-o', out, '--engine', 'duckdb'], root);
        expect(duck.code).toBe(1);
        expect(duck.stderr).toContain('rad 6: Raden har 9 fält men rubrikraden 8.');
        expect(fs.existsSync(out)).toBe(false);

        const extra = path.join(dir, 'extra.csv');
        fs.writeFileSync(
            extra,
            [
                `${header},personnummer`,
                ...lines(register)
                    .slice(1)
                    .map((l) => `${l},x`),
            ].join('\n') + '\n',
        );
        const warned = await runOj(['evaluate', example, '--register', extra, '-o', path.join(dir, 'extra-out')], root);
        expect(warned.code, warned.stderr).toBe(0);
        expect(warned.stderr).toContain('Varning (SOL): Okända kolumner i registerfilen hoppas över: personnummer.');
    });

    test('a Windows-1252 register file: DuckDB hands it to the default engine, saying so, with the same results', async () => {
        const latin = path.join(dir, 'latin1.csv');
        fs.writeFileSync(latin, Buffer.from(fs.readFileSync(register, 'utf-8'), 'latin1'));
        const out = path.join(dir, 'latin-duckdb');
        const result = await evaluate([example], undefined, out, { engine: 'duckdb', registers: [latin] });
        expect(result.ok, JSON.stringify(result)).toBe(true);
        expect(result.ok && result.summary.registers[0].warnings[0]).toMatch(
            /^DuckDB kunde inte läsa registerfilen \(.*\); den lästes av standardmotorn\.$/,
        );
        expect(fs.readFileSync(path.join(out, 'units.csv'))).toEqual(fs.readFileSync(path.join(dir, 'standard', 'units.csv')));
    });

    test('oj sql writes the register query with its header', async () => {
        const run = await runOj(['sql', example, '--dialect', 'trino'], root);
        expect(run.code, run.stderr).toBe(0);
        expect(run.stdout).toContain(
            '-- Öppna jämförelser: register2019, register SOL "Registret över insatser enligt socialtjänstlagen"',
        );
        expect(run.stdout).toContain('GROUP BY GROUPING SETS');
        expect(run.stdout).toContain('FROM "SOL"');
    });
});
