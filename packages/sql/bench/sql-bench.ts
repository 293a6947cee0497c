/**
 * The SQL engine's benchmark (npm run bench picks it up): survey rows decided by DuckDB against the
 * generated TypeScript, the evaluation alone (no file), in one run, as a ratio.
 *
 *   npx tsx packages/sql/bench/sql-bench.ts [--rows N]      default 1,000,000 rows of the 2019 set
 *
 * - Both engines decide the same N rows: a seeded pool of 10,000 distinct rows, repeated. DuckDB
 *   reads the pool from a table and repeats it through a view (N/10,000 copies), so the rows are
 *   not materialised; the generated evaluator loops over the pool as often.
 * - Both count the statuses of every indicator and unit of every row, and the counts must agree
 *   (a benchmark of a wrong answer proves nothing).
 * - Peak RSS of the process is reported (DuckDB runs in it).
 * Writes packages/sql/bench/sql-results.json (keys sql.*).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { codebookRows, lowerModels, type Model } from '@oj/language';
import { importGenerated, loadExample } from '../../evaluator/test/support.js';
import { mulberry32 } from '../../evaluator/bench/synthetic-model.js';
import { loadRespondents, openDuckDb, quoteIdentifier, surveyQuery, variablesOf } from '../src/index.js';

function option(name: string, fallback: number): number {
    const index = process.argv.indexOf(name);
    if (index < 0) return fallback;
    const value = Number(process.argv[index + 1]);
    if (!Number.isInteger(value) || value < 1)
        throw new Error(`${name} needs a positive whole number, not ${process.argv[index + 1]}`);
    return value;
}

const POOL = 10_000;
const ROWS = Math.max(POOL, Math.round(option('--rows', 1_000_000) / POOL) * POOL);

type Row = Record<string, string>;

/** Seeded rows: each variable blank 15 % of the time, else one of its codes (counts 0–29), as the evaluator's benchmark draws them. */
function rowPool(models: Model[], size: number, seed: number): Row[] {
    const random = mulberry32(seed);
    const columns = codebookRows(models);
    return Array.from({ length: size }, () => {
        const row: Row = {};
        for (const c of columns) {
            if (random() < 0.15) {
                row[c.variable] = '';
                continue;
            }
            row[c.variable] = c.numeric
                ? String(Math.floor(random() * 30))
                : String(c.codes[Math.floor(random() * c.codes.length)]);
        }
        return row;
    });
}

const models = await loadExample();
const plans = lowerModels(models)
    .filter((p) => p.kind !== 'measure')
    .map((p) => ({ ...p, population: undefined }));
const pool = rowPool(models, POOL, 2019);

// The generated TypeScript: statuses counted over ROWS rows.
const generated = await importGenerated(models);
const tsCounts = new Map<string, number>();
let started = performance.now();
for (let copy = 0; copy < ROWS / POOL; copy++) {
    for (const row of pool) {
        for (const result of generated.evaluate(row)) tsCounts.set(result.status, (tsCounts.get(result.status) ?? 0) + 1);
    }
}
const tsMs = performance.now() - started;

// DuckDB: the pool in a table, repeated by a view; the decisions counted in SQL.
const connection = await openDuckDb();
const q = (name: string) => quoteIdentifier(name, 'duckdb');
await loadRespondents(
    connection,
    variablesOf(plans),
    pool.map((answers) => ({ unit: '0114', answers })),
    'pool',
);
await connection.run(
    `CREATE VIEW ${q('responses')} AS SELECT p.*, c.range * ${POOL} + p.${q('row_number')} AS ${q('row')} FROM ${q('pool')} p CROSS JOIN range(${ROWS / POOL}) c`,
);
const query = surveyQuery(plans, { dialect: 'duckdb', orderColumn: 'row', ordered: false });
started = performance.now();
const reader = await connection.runAndReadAll(`SELECT ${q('status')}, count(*) FROM (${query}) GROUP BY ${q('status')}`);
const duckdbMs = performance.now() - started;
const sqlCounts = new Map((reader.getRowsJS() as Array<[string, bigint]>).map(([status, n]) => [status, Number(n)]));
connection.closeSync();

const sorted = (m: Map<string, number>) => JSON.stringify([...m].sort());
if (sorted(sqlCounts) !== sorted(tsCounts))
    throw new Error(`the engines disagree: DuckDB ${sorted(sqlCounts)}, generated ${sorted(tsCounts)}`);

const decisions = [...tsCounts.values()].reduce((a, b) => a + b, 0);
const results = {
    sql: {
        surveyRows: ROWS,
        decisions,
        surveyRowsPerSec: { duckdb: Math.round(ROWS / (duckdbMs / 1000)), generated: Math.round(ROWS / (tsMs / 1000)) },
        surveyMs: { duckdb: Math.round(duckdbMs), generated: Math.round(tsMs) },
        /** How many times the generated TypeScript's time DuckDB takes (below 1: DuckDB is faster). */
        surveyDuckdbToGeneratedTime: Number((duckdbMs / tsMs).toFixed(2)),
        peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    },
};
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sql-results.json');
fs.writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
console.log(
    `${ROWS} survey rows of the 2019 set (${decisions} decisions): DuckDB ${results.sql.surveyMs.duckdb} ms, generated TypeScript ${results.sql.surveyMs.generated} ms ` +
        `(DuckDB takes ${results.sql.surveyDuckdbToGeneratedTime} × the time); peak RSS ${results.sql.peakRssMB} MB`,
);
console.log(JSON.stringify(results));
