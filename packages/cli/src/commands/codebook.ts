/** `oj codebook`: one row per survey variable, the columns an export and a reviewer need. */
import type { Command } from 'commander';
import { codebookCsv as modelCodebookCsv, writeFilesAtomically } from '@oj/evaluator';
import { inputError, withExamples } from '../frame.js';
import { count } from '../format.js';
import { errorCount, openSurveyModel, SURVEY_OPTION } from '../workspace.js';

export { CODEBOOK_COLUMNS } from '@oj/evaluator';

export async function codebookCsv(inputs: string[], survey?: string): Promise<{ csv: string; rows: number; errors: number }> {
    const workspace = await openSurveyModel(inputs, survey);
    const { csv, variables } = modelCodebookCsv(workspace.models);
    return { csv, rows: variables, errors: errorCount(workspace) };
}

export function registerCodebook(program: Command, setExitCode: (code: number) => void): void {
    const command = program
        .command('codebook')
        .description('Skriv kodboken: en rad per enkätvariabel')
        .argument('<sökvägar...>', 'filer eller mappar')
        .option('-o, --out <fil>', 'CSV-fil att skriva (annars standard ut)')
        .option(...SURVEY_OPTION)
        .action(async (paths: string[], options: { out?: string; enkät?: string }) => {
            const { csv, rows, errors } = await codebookCsv(paths, options.enkät);
            if (errors > 0) {
                throw inputError(`Modellen har ${errors} fel; kör "oj check" för att se dem. Ingen kodbok skriven.`);
            }
            if (rows === 0) throw inputError('Modellen har inga enkätvariabler (inga frågor). Ingen kodbok skriven.');
            if (options.out) {
                writeFilesAtomically([{ path: options.out, content: csv }]);
                process.stderr.write(
                    `${count(rows, 'variabel', 'variabler')} ${rows === 1 ? 'skriven' : 'skrivna'} till ${options.out}.\n`,
                );
            } else {
                process.stdout.write(csv);
            }
            setExitCode(0);
        });
    withExamples(command, ['oj codebook examples/oj2019 --out kodbok.csv', 'oj codebook examples/oj2019 | head']);
}
