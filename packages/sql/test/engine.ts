/**
 * The DuckDB engine as the conformance suite and the differential test see it
 * (packages/evaluator/test/conformance/engines.ts). SQL decides a whole table at once, so this
 * engine takes a batch of rows where the suite's per-row engines take one; it gives no traces.
 * Populations are left to the survey-level tests (population.test.ts): the suite's engines
 * evaluate every unit of every row, as the interpreter engine does.
 */
import { lowerModels, type Model, type ResponseRow } from '@oj/language';
import type { EngineResult } from '../../evaluator/test/conformance/engines.js';
import { loadRespondents, openDuckDb, runSurveyQuery, variablesOf } from '../src/index.js';

export type BatchRun = (rows: readonly ResponseRow[]) => Promise<EngineResult[][]>;

export const duckdbEngine = {
    name: 'duckdb',
    kinds: ['rule', 'ratio', 'measure'] as const,
    traces: false,
    async load(models: Model[]): Promise<BatchRun> {
        const plans = lowerModels(models).map((p) => ({ ...p, population: undefined }));
        // Results in the interpreter engine's order: rules and shares first, then background measures.
        plans.sort((a, b) => Number(a.kind === 'measure') - Number(b.kind === 'measure'));
        const variables = variablesOf(plans);
        return async (rows) => {
            const connection = await openDuckDb();
            try {
                await loadRespondents(
                    connection,
                    variables,
                    rows.map((answers) => ({ unit: '0114', answers })),
                );
                const { results, measures } = await runSurveyQuery(connection, plans);
                const perRow: EngineResult[][] = rows.map(() => []);
                for (const r of [...results, ...measures]) {
                    const { row, unit: _unit, trace: _trace, ...result } = r;
                    perRow[row].push(result);
                }
                return perRow;
            } finally {
                connection.closeSync();
            }
        };
    },
};
