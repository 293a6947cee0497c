/** `oj sql`: the survey query of the model (SQL from its plans) in the DuckDB, Spark SQL or Trino dialect. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { indicatorsOf, registerPlansOf, writeFilesAtomically } from '@oj/evaluator';
import { lowerIndicator } from '@oj/language';
import { DIALECTS, type Dialect, registerQuery, surveyQuery, withHeader, withRegisterHeader } from '@oj/sql';
import { inputError, usageError, withExamples } from '../frame.js';
import { errorCount, openSurveyModel, SURVEY_OPTION } from '../workspace.js';

function version(): string {
    return (JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf-8')) as { version: string }).version;
}

/** The query for the survey in `inputs`, with its header; the model's error count (no query when it has errors). */
export async function sqlOf(
    inputs: string[],
    dialect: Dialect,
    survey?: string,
): Promise<{ sql?: string; errors: number; indicators: number }> {
    const workspace = await openSurveyModel(inputs, survey);
    const errors = errorCount(workspace);
    if (errors > 0) return { errors, indicators: 0 };
    const plans = indicatorsOf(workspace.models).map(lowerIndicator);
    const registerPlans = registerPlansOf(workspace.models);
    const options = { dialect };
    const model = inputs.map((i) => path.basename(path.resolve(i))).join(', ');
    const surveyName = workspace.survey ? `${workspace.survey.name} "${workspace.survey.title}"` : undefined;
    const header = { model, survey: surveyName, version: version(), dialect };
    // The survey's query, then one query per register (its table named as the register), each a statement of its own.
    const queries: string[] = [];
    if (plans.length > 0 || registerPlans.length === 0) queries.push(withHeader(surveyQuery(plans, options), header, options));
    for (const register of [...new Set(registerPlans.map((p) => p.source.name))]) {
        const own = registerPlans.filter((p) => p.source.name === register);
        queries.push(
            withRegisterHeader(registerQuery(own, { dialect, table: register }), header, own[0].source, { table: register }),
        );
    }
    return {
        sql: queries.join('\n'),
        errors: 0,
        indicators: plans.length + registerPlans.length,
    };
}

export function registerSql(program: Command, setExitCode: (code: number) => void): void {
    const command = program
        .command('sql')
        .description('Skriv frågorna i SQL som utvärderar enkäten och registerindikatorerna (DuckDB, Spark SQL eller Trino)')
        .argument('<sökvägar...>', 'filer eller mappar med modellen')
        .option('--dialect <dialekt>', `SQL-dialekten: ${DIALECTS.join(', ')}`, 'duckdb')
        .option('-o, --out <fil>', 'fil att skriva (annars standard ut)')
        .option(...SURVEY_OPTION)
        .action(async (paths: string[], options: { dialect: string; out?: string; enkät?: string }) => {
            if (!DIALECTS.includes(options.dialect as Dialect)) {
                throw usageError(
                    `Okänd SQL-dialekt "${options.dialect.replace(/[\u0000-\u001F\u007F-\u009F]+/g, ' ')}"; välj en av ${DIALECTS.join(', ')}.`,
                );
            }
            const { sql, errors, indicators } = await sqlOf(paths, options.dialect as Dialect, options.enkät);
            if (errors > 0 || sql === undefined)
                throw inputError(`Modellen har ${errors} fel; kör "oj check" för att se dem. Ingen SQL skriven.`);
            if (options.out) {
                writeFilesAtomically([{ path: options.out, content: sql }]);
                process.stderr.write(`SQL för ${indicators} indikatorer (${options.dialect}) skriven till ${options.out}.\n`);
            } else {
                process.stdout.write(sql);
            }
            setExitCode(0);
        });
    withExamples(command, [
        'oj sql examples/oj2019 --dialect duckdb',
        'oj sql examples/oj2019 --dialect spark --out oj2019.sql',
        'oj sql examples/register2019 --dialect trino --out register2019.sql',
    ]);
}
