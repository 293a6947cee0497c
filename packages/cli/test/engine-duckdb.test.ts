/**
 * `oj evaluate --engine duckdb`: DuckDB reads the response file (CSV or Parquet) and decides it;
 * the evaluator validates it as it validates every file. On every example survey the result files
 * (units.csv, aggregates.csv, indicators.csv, results.xlsx) are byte for byte the default engine's;
 * a bad file gives the same problems (row, unit, variable named) and writes nothing.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NodeFileSystem } from 'langium/node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { codebookRows, createOjServices, loadWorkspace } from '@oj/language';
import { unitRegisterOf } from '@oj/evaluator';
import { openDuckDb, stringLiteral } from '@oj/sql';
import { generateResponses, responsesCsv } from '@oj/synthetic';
import { evaluate } from '../src/commands/evaluate.js';

const root = path.resolve(__dirname, '../../..');
const FILES = ['units.csv', 'aggregates.csv', 'indicators.csv', 'results.xlsx'];
let dir: string;

beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-engine-duckdb-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function responsesFor(example: string, seed: number): Promise<string> {
    const { shared } = createOjServices(NodeFileSystem);
    const workspace = await loadWorkspace(shared, [path.join(root, 'examples', example)]);
    const models = workspace.documents.map((d) => d.parseResult.value);
    const responses = generateResponses({ seed, respondents: 314, variables: codebookRows(models) });
    // Stadsdelar answer only a survey that declares them.
    const stadsdelar = unitRegisterOf(models).stadsdelar;
    return responsesCsv({ ...responses, rows: responses.rows.filter((r) => !r[0].includes('-') || stadsdelar.has(r[0])) });
}

/** The CSV as Parquet, every column text (as a survey export's codes are), written by DuckDB. */
async function toParquet(csv: string, parquet: string): Promise<void> {
    const connection = await openDuckDb();
    try {
        await connection.run(
            `COPY (SELECT * FROM read_csv(${stringLiteral(csv, 'duckdb')}, all_varchar = true, header = true)) TO ${stringLiteral(parquet, 'duckdb')} (FORMAT parquet)`,
        );
    } finally {
        connection.closeSync();
    }
}

function read(folder: string): Record<string, Buffer> {
    return Object.fromEntries(FILES.map((f) => [f, fs.readFileSync(path.join(folder, f))]));
}

describe.each(['oj2019', 'oj2020', 'khs2019', 'constructs'])('examples/%s', (example) => {
    test("CSV through DuckDB gives the default engine's result files byte for byte, Parquet its CSV files", async () => {
        const csv = path.join(dir, `${example}.csv`);
        fs.writeFileSync(csv, await responsesFor(example, 2019));
        const parquet = path.join(dir, `${example}.parquet`);
        await toParquet(csv, parquet);
        const model = [path.join(root, 'examples', example)];
        const standard = await evaluate(model, csv, path.join(dir, `${example}-standard`));
        const duckdb = await evaluate(model, csv, path.join(dir, `${example}-duckdb`), { engine: 'duckdb' });
        const fromParquet = await evaluate(model, parquet, path.join(dir, `${example}-parquet`), { engine: 'duckdb' });
        expect(standard).toMatchObject({ ok: true });
        expect(duckdb).toMatchObject({ ok: true });
        expect(fromParquet).toMatchObject({ ok: true });
        if (!standard.ok || !duckdb.ok || !fromParquet.ok) return;
        expect(standard.summary.results).toBeGreaterThan(0);
        expect({ ...duckdb.summary, files: [] }).toEqual({ ...standard.summary, files: [] });
        const expected = read(path.join(dir, `${example}-standard`));
        expect(read(path.join(dir, `${example}-duckdb`))).toEqual(expected);
        // results.xlsx names the response file it was made from, so from Parquet only the CSV files are the same.
        const parquetFiles = read(path.join(dir, `${example}-parquet`));
        for (const file of FILES.filter((f) => f.endsWith('.csv'))) expect(parquetFiles[file], file).toEqual(expected[file]);
        // Kommunkoder keep their leading zero through Parquet.
        expect(expected['units.csv'].toString('utf-8')).toMatch(/\n0114,/);
    }, 120_000);
});

test('a bad file: the same problems named by row, unit and variable, and nothing written', async () => {
    const lines = (await responsesFor('oj2019', 7)).split('\n');
    const header = lines[0].split(',');
    const answer = header.findIndex((c, i) => i > 1 && c.length > 0);
    const third = lines[3].split(',');
    third[answer] = '9';
    lines[3] = third.join(',');
    lines[5] = lines[5].replace(/^[^,]+/, '0906');
    const csv = path.join(dir, 'bad.csv');
    fs.writeFileSync(csv, lines.join('\n'));
    const model = [path.join(root, 'examples/oj2019')];
    const standard = await evaluate(model, csv, path.join(dir, 'bad-standard'));
    const duckdb = await evaluate(model, csv, path.join(dir, 'bad-duckdb'), { engine: 'duckdb' });
    expect(standard.ok).toBe(false);
    expect(duckdb).toEqual(standard);
    if (!duckdb.ok) {
        expect(duckdb.problems.some((p) => p.row === 6 && p.unit === '0906')).toBe(true);
        expect(duckdb.problems.some((p) => p.row === 4 && p.variable === header[answer])).toBe(true);
    }
    expect(fs.existsSync(path.join(dir, 'bad-duckdb'))).toBe(false);
}, 120_000);

test('a CSV file DuckDB does not read as the default reader does (Windows-1252, a blank line) is read by the default reader, saying so', async () => {
    const text = await responsesFor('oj2019', 11);
    const lines = text.split('\n');
    const files = {
        windows1252: Buffer.from(text, 'latin1'),
        blankLine: Buffer.from([...lines.slice(0, 3), '', ...lines.slice(3)].join('\n')),
    };
    const model = [path.join(root, 'examples/oj2019')];
    for (const [name, bytes] of Object.entries(files)) {
        const csv = path.join(dir, `${name}.csv`);
        fs.writeFileSync(csv, bytes);
        const standard = await evaluate(model, csv, path.join(dir, `${name}-standard`));
        const duckdb = await evaluate(model, csv, path.join(dir, `${name}-duckdb`), { engine: 'duckdb' });
        expect(standard, name).toMatchObject({ ok: true });
        if (!standard.ok || !duckdb.ok) throw new Error(`${name}: not evaluated`);
        expect(duckdb.summary.warnings[0], name).toMatch(
            /^DuckDB läste inte filen som standardläsaren gör \(.+\); den lästes av standardläsaren\.$/,
        );
        expect(duckdb.summary.warnings.slice(1), name).toEqual(standard.summary.warnings);
        expect(read(path.join(dir, `${name}-duckdb`)), name).toEqual(read(path.join(dir, `${name}-standard`)));
    }
}, 120_000);

test('a Parquet file holding the kommunkoder as numbers is refused, saying why (0114 would be 114)', async () => {
    const csv = path.join(dir, 'numbers.csv');
    fs.writeFileSync(csv, await responsesFor('oj2019', 5));
    const parquet = path.join(dir, 'numbers.parquet');
    const connection = await openDuckDb();
    try {
        await connection.run(
            `COPY (SELECT CAST(unit AS INTEGER) AS unit, * EXCLUDE (unit) FROM read_csv(${stringLiteral(csv, 'duckdb')}, all_varchar = true, header = true) WHERE NOT contains(unit, '-')) TO ${stringLiteral(parquet, 'duckdb')} (FORMAT parquet)`,
        );
    } finally {
        connection.closeSync();
    }
    const result = await evaluate([path.join(root, 'examples/oj2019')], parquet, path.join(dir, 'numbers-out'), {
        engine: 'duckdb',
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
        expect(result.problems).toEqual([
            {
                variable: 'unit',
                message: expect.stringMatching(/^Kolumnen "unit" har typen INTEGER i Parquet-filen, inte text: .*0114 blir 114/),
            },
        ]);
    expect(fs.existsSync(path.join(dir, 'numbers-out'))).toBe(false);
}, 120_000);
