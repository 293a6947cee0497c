/**
 * One engine over one register file, in a process of its own so that its peak RSS is its own:
 *   node --import tsx packages/sql/bench/register-worker.ts standard|duckdb <file>
 * Prints one JSON line: milliseconds, peak RSS in MB, and the totals (to check that the engines agree).
 */
import { evaluateRegisterFile } from '@oj/evaluator';
import { evaluateRegisterWithDuckDb } from '../src/index.js';
import { BENCH_PLANS } from './register-plans.js';

const [engine, file] = process.argv.slice(2);
const started = performance.now();
const counts =
    engine === 'duckdb' ? await evaluateRegisterWithDuckDb(BENCH_PLANS, file) : await evaluateRegisterFile(BENCH_PLANS, file);
const ms = performance.now() - started;
const totals = counts.indicators.map((i) => ({
    indicator: i.indicator,
    cells: i.cells.length,
    numerator: i.cells.reduce((s, c) => s + c.numerator, 0),
    denominator: i.cells.reduce((s, c) => s + c.denominator, 0),
    missing: i.cells.reduce((s, c) => s + c.missing, 0),
    unknownUnit: i.unknownUnit,
}));
console.log(
    JSON.stringify({
        ms: Math.round(ms),
        peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
        rows: counts.rowsRead,
        totals,
    }),
);
