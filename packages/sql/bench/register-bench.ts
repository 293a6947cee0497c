/**
 * The register benchmark (npm run bench picks it up; keys register.*):
 * - 10,000,000 seeded synthetic register rows (a CSV file of about 450 MB, written streaming)
 *   through DuckDB: time and peak RSS;
 * - 1,000,000 rows through DuckDB and through the default engine (streaming CSV into the
 *   reference interpreter's accumulators), in the same run, as a ratio of their times, with the
 *   peak RSS of each.
 * Each engine runs in a process of its own (register-worker.ts), so that its peak RSS is its own,
 * and the engines' totals must agree. The files' generation is not timed.
 *
 *   npx tsx packages/sql/bench/register-bench.ts [--rows 10000000] [--compare-rows 1000000]
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeRegisterCsv } from '@oj/synthetic';
import { REGISTER_SOURCE } from '../../evaluator/test/conformance/register-cases.js';

function option(name: string, fallback: number): number {
    const index = process.argv.indexOf(name);
    if (index < 0) return fallback;
    const value = Number(process.argv[index + 1]);
    if (!Number.isInteger(value) || value < 1)
        throw new Error(`${name} needs a positive whole number, not ${process.argv[index + 1]}`);
    return value;
}

const BIG = option('--rows', 10_000_000);
const COMPARE = option('--compare-rows', 1_000_000);
const here = path.dirname(fileURLToPath(import.meta.url));
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-register-bench-'));

interface WorkerResult {
    ms: number;
    peakRssMB: number;
    rows: number;
    totals: unknown;
}

function run(engine: 'standard' | 'duckdb', file: string): WorkerResult {
    const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'register-worker.ts'), engine, file], {
        encoding: 'utf-8',
        stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (child.status !== 0) throw new Error(`${engine} failed (exit ${child.status ?? child.signal})`);
    return JSON.parse(child.stdout.trim().split('\n').pop()!) as WorkerResult;
}

function generate(rows: number): { file: string; mb: number } {
    const file = path.join(folder, `register-${rows}.csv`);
    const bytes = writeRegisterCsv(file, REGISTER_SOURCE, { seed: 2019, rows });
    return { file, mb: Math.round(bytes / 1024 / 1024) };
}

try {
    const compare = generate(COMPARE);
    const standard = run('standard', compare.file);
    const duckdbCompare = run('duckdb', compare.file);
    if (JSON.stringify(standard.totals) !== JSON.stringify(duckdbCompare.totals))
        throw new Error(`the engines disagree: ${JSON.stringify(standard.totals)} ≠ ${JSON.stringify(duckdbCompare.totals)}`);
    fs.rmSync(compare.file);

    const big = generate(BIG);
    const duckdbBig = run('duckdb', big.file);
    if (duckdbBig.rows !== BIG) throw new Error(`DuckDB read ${duckdbBig.rows} rows of ${BIG}`);
    fs.rmSync(big.file);

    const results = {
        register: {
            bigRows: BIG,
            bigFileMB: big.mb,
            bigSeconds: { duckdb: Number((duckdbBig.ms / 1000).toFixed(1)) },
            bigPeakRssMB: { duckdb: duckdbBig.peakRssMB },
            compareRows: COMPARE,
            compareSeconds: {
                duckdb: Number((duckdbCompare.ms / 1000).toFixed(2)),
                standard: Number((standard.ms / 1000).toFixed(2)),
            },
            comparePeakRssMB: { duckdb: duckdbCompare.peakRssMB, standard: standard.peakRssMB },
            /** How many times DuckDB's time the default engine takes (above 1: DuckDB is faster). */
            standardToDuckdbTime: Number((standard.ms / duckdbCompare.ms).toFixed(2)),
        },
    };
    fs.writeFileSync(path.join(here, 'register-results.json'), JSON.stringify(results, null, 2) + '\n');
    const r = results.register;
    console.log(
        `${BIG} register rows (${big.mb} MB CSV) through DuckDB: ${r.bigSeconds.duckdb} s, peak RSS ${r.bigPeakRssMB.duckdb} MB; ` +
            `${COMPARE} rows: default engine ${r.compareSeconds.standard} s (${r.comparePeakRssMB.standard} MB), ` +
            `DuckDB ${r.compareSeconds.duckdb} s (${r.comparePeakRssMB.duckdb} MB), ratio ${r.standardToDuckdbTime}`,
    );
    console.log(JSON.stringify(results));
} finally {
    fs.rmSync(folder, { recursive: true, force: true });
}
