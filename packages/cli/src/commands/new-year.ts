/** `oj new-year`: next year's workspace from last year's, with what a methodologist must review. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { newYear, terminalSafe, type NewYearResult } from '@oj/changes';
import { writeFilesAtomically } from '@oj/evaluator';
import { inputError, usageError, withExamples } from '../frame.js';
import { count } from '../format.js';
import { errorCount, openModel } from '../workspace.js';

export async function newYearWorkspace(inputs: string[], year: number): Promise<NewYearResult & { errors: number }> {
    const workspace = await openModel(inputs);
    // Paths of the new files are relative to the folder given (or to the working directory for files).
    const root = inputs.length === 1 && fs.statSync(inputs[0]).isDirectory() ? path.resolve(inputs[0]) : process.cwd();
    const result = await newYear(workspace.documents, root, { year });
    return { ...result, errors: errorCount(workspace) };
}

export function registerNewYear(program: Command, setExitCode: (code: number) => void): void {
    const command = program
        .command('new-year')
        .description(
            'Skapa nästa års modell från årets: år och mätdatum framflyttade, varje indikator länkad till sin föregångare',
        )
        .argument('<sökvägar...>', 'årets modell (filer eller mappar)')
        .requiredOption('--year <år>', 'året den nya modellen gäller')
        .requiredOption('-o, --out <mapp>', 'mapp att skriva den nya modellen till')
        .action(async (paths: string[], options: { year: string; out: string }) => {
            if (!/^\d{4}$/.test(options.year))
                throw usageError(`--year ska vara ett årtal med fyra siffror, inte "${terminalSafe(options.year)}".`);
            const year = Number(options.year);
            const result = await newYearWorkspace(paths, year);
            if (result.errors > 0)
                throw inputError(`Modellen har ${result.errors} fel; kör "oj check" för att se dem. Ingen ny modell skriven.`);
            writeFilesAtomically(result.files.map((f) => ({ path: path.join(options.out, f.path), content: f.content })));
            process.stderr.write(
                `${count(result.files.length, 'fil', 'filer')} för ${year} ${result.files.length === 1 ? 'skriven' : 'skrivna'} till ${options.out}; ` +
                    `${count(result.linked, 'indikator', 'indikatorer')} ${result.linked === 1 ? 'länkad' : 'länkade'} till ${result.fromYear ?? 'föregående år'}.\n`,
            );
            if (result.review.length > 0) {
                process.stdout.write(`Att granska (${result.review.length}):\n`);
                for (const note of result.review)
                    process.stdout.write(
                        `${path.join(options.out, note.file)}:${note.line} ${note.reason}: ${terminalSafe(note.text)}\n`,
                    );
            }
            setExitCode(0);
        });
    withExamples(command, ['oj new-year examples/oj2019 --year 2020 --out examples/oj2020']);
}
