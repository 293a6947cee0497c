/** `oj sql`: the survey query in a dialect, with a header naming the model, the survey and the version. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { runOj, root } from './support.js';

const version = (JSON.parse(fs.readFileSync(path.join(root, 'packages/cli/package.json'), 'utf-8')) as { version: string })
    .version;

test('--dialect spark --out writes the query with its header; the header names model, survey, version and dialect', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-sql-'));
    try {
        const out = path.join(dir, 'oj2019.sql');
        const run = await runOj(['sql', 'examples/oj2019', '--dialect', 'spark', '--out', out], root);
        expect(run.code, run.stderr).toBe(0);
        const sql = fs.readFileSync(out, 'utf-8');
        const header = sql.split('\n').slice(0, 2);
        expect(header[0]).toBe('-- Öppna jämförelser: oj2019, enkät OJ2019 "Öppna jämförelser socialtjänst 2019"');
        expect(header[1]).toBe(`-- Skapad av oj ${version}, SQL-dialekt spark.`);
        expect(sql).toContain('`row_number`');
        expect(sql.trimEnd().endsWith(';')).toBe(true);
        expect(run.stderr).toMatch(/SQL för \d+ indikatorer \(spark\) skriven till/);
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}, 60_000);

test('to standard output in the DuckDB dialect by default', async () => {
    const run = await runOj(['sql', 'examples/oj2019'], root);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^-- Öppna jämförelser: oj2019/);
    expect(run.stdout).toContain('SQL-dialekt duckdb');
    expect(run.stdout).toContain('regexp_matches(');
}, 60_000);

test('an unknown dialect is a usage error naming the dialects', async () => {
    const run = await runOj(['sql', 'examples/oj2019', '--dialect', 'oracle'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Okänd SQL-dialekt "oracle"; välj en av duckdb, spark, trino.');
}, 60_000);

test('oj evaluate with an unknown engine is a usage error naming the engines, and reads nothing', async () => {
    const run = await runOj(
        ['evaluate', 'examples/oj2019', '--responses', 'finns-inte.csv', '--out', 'ut', '--engine', 'spark'],
        root,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Okänd motor "spark"; välj en av standard, duckdb.');
}, 60_000);
