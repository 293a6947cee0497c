/**
 * The register engines as the register conformance table and the differential test see them:
 * each takes a plan and a register CSV file and gives `RegisterCounts`.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RegisterCounts } from '@oj/evaluator';
import type { RegisterIndicatorPlan } from '@oj/language';
import { COLUMNS, type Counts, type RegisterCase } from '../../evaluator/test/conformance/register-cases.js';
import { evaluateRegisterWithDuckDb } from '../src/index.js';

export interface RegisterEngine {
    name: string;
    run(plans: readonly RegisterIndicatorPlan[], file: string): Promise<RegisterCounts>;
}

export const duckdbRegisterEngine: RegisterEngine = { name: 'duckdb', run: evaluateRegisterWithDuckDb };

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
        counts.cells
            .filter((c) => c.indicator === indicator && (c.cell.numerator || c.cell.denominator || c.cell.missing))
            .map((c) => [`${c.unit}/${c.stratum}`, [c.cell.numerator, c.cell.denominator, c.cell.missing]]),
    );
}
