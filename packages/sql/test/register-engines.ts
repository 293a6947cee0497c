/**
 * The register engines as the register conformance table and the differential test see them:
 * each takes plans and a register file and gives `RegisterCounts`. The reference engine is the
 * language's accumulator fed the rows directly, without any file reading.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { evaluateRegisterFile, type RegisterCounts } from '@oj/evaluator';
import { RegisterAccumulator, type RegisterIndicatorPlan } from '@oj/language';
import { COLUMNS, type Counts, type RegisterCase } from '../../evaluator/test/conformance/register-cases.js';
import { evaluateRegisterWithDuckDb } from '../src/index.js';

export interface RegisterEngine {
    name: string;
    run(plans: readonly RegisterIndicatorPlan[], file: string): Promise<RegisterCounts>;
}

/** The reference interpreter: each row of the file (parsed at once, as a test may) through RegisterAccumulator. */
export const referenceRegisterEngine: RegisterEngine = {
    name: 'reference interpreter',
    async run(plans, file) {
        const [header, ...rows] = parse(fs.readFileSync(file, 'utf-8'), { relax_column_count: true }) as string[][];
        const accumulators = plans.map((p) => new RegisterAccumulator(p));
        for (const cells of rows) {
            const row = Object.fromEntries(header.map((h, i) => [h.trim(), cells[i]]));
            for (const a of accumulators) a.add(row);
        }
        return {
            indicators: accumulators.map((a) => ({
                indicator: a.plan.number,
                cells: a.cells(),
                unknownUnit: a.outcomes.unknownUnit,
                unstratified: { ...a.unstratified },
            })),
            rowsRead: rows.length,
            warnings: [],
        };
    },
};

export const streamingRegisterEngine: RegisterEngine = {
    name: 'standard (streaming)',
    run: (plans, file) => evaluateRegisterFile(plans, file),
};

export const duckdbRegisterEngine: RegisterEngine = { name: 'duckdb', run: evaluateRegisterWithDuckDb };

export const REGISTER_ENGINES = [referenceRegisterEngine, streamingRegisterEngine, duckdbRegisterEngine];

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-register-case-'));
let written = 0;

/** The case's rows as a register file with its header. */
export function caseFile(c: Pick<RegisterCase, 'rows'>, header = COLUMNS.join(',')): string {
    const file = path.join(folder, `case-${++written}.csv`);
    fs.writeFileSync(file, `${header}\n${c.rows.join('\n')}\n`);
    return file;
}

/** The non-zero cells of one indicator, keyed `unit/stratum`, as the cases state them. */
export function nonZeroCells(counts: RegisterCounts, indicator: number): Record<string, Counts> {
    return Object.fromEntries(
        counts.indicators
            .find((i) => i.indicator === indicator)!
            .cells.filter((c) => c.numerator || c.denominator || c.missing)
            .map((c) => [`${c.region}/${c.stratum}`, [c.numerator, c.denominator, c.missing]]),
    );
}
