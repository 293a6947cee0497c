/** `oj codebook`: one row per survey variable, the columns an export and a reviewer need. */
import * as fs from 'node:fs';
import type { Command } from 'commander';
import { codebookCsv as modelCodebookCsv } from '@oj/evaluator';
import { errorCount, openSurveyWorkspace, reportSurveyChoice, SURVEY_OPTION } from '../workspace.js';

export { CODEBOOK_COLUMNS } from '@oj/evaluator';

export async function codebookCsv(inputs: string[], survey?: string): Promise<{ csv: string; rows: number; errors: number }> {
    const workspace = await openSurveyWorkspace(inputs, survey);
    const { csv, variables } = modelCodebookCsv(workspace.models);
    return { csv, rows: variables, errors: errorCount(workspace) };
}

export function registerCodebook(program: Command, setExitCode: (code: number) => void): void {
    program.command('codebook')
        .description('Skriv kodboken: en rad per enkätvariabel')
        .argument('<paths...>', 'filer eller mappar')
        .option('-o, --out <file>', 'CSV-fil att skriva (annars standard ut)')
        .option(...SURVEY_OPTION)
        .action(async (paths: string[], options: { out?: string; enkät?: string }) => {
            let result: Awaited<ReturnType<typeof codebookCsv>>;
            try {
                result = await codebookCsv(paths, options.enkät);
            } catch (error) {
                if (reportSurveyChoice(error, setExitCode)) return;
                throw error;
            }
            const { csv, rows, errors } = result;
            if (errors > 0) {
                process.stderr.write(`Modellen har ${errors} fel; kör "oj check" för att se dem. Ingen kodbok skriven.\n`);
                setExitCode(1);
                return;
            }
            if (options.out) {
                fs.writeFileSync(options.out, csv);
                process.stderr.write(`${rows} variabler skrivna till ${options.out}.\n`);
            } else {
                process.stdout.write(csv);
            }
            setExitCode(0);
        });
}
