/** `oj new-year`: next year's workspace from last year's, with what a methodologist must review. */
import * as path from 'node:path';
import type { Command } from 'commander';
import { newYear, terminalSafe, type NewYearResult } from '@oj/changes';
import { writeFilesAtomically } from '@oj/evaluator';
import { errorCount, openWorkspace } from '../workspace.js';

export async function newYearWorkspace(inputs: string[], year: number): Promise<NewYearResult & { errors: number }> {
    const workspace = await openWorkspace(inputs);
    const root = inputs.length === 1 && !inputs[0].endsWith('.oj') ? path.resolve(inputs[0]) : process.cwd();
    const result = await newYear(workspace.documents, root, { year });
    return { ...result, errors: errorCount(workspace) };
}

export function registerNewYear(program: Command, setExitCode: (code: number) => void): void {
    program.command('new-year')
        .description('Skapa nästa års modell från årets: år och mätdatum framflyttade, varje indikator länkad till sin föregångare')
        .argument('<paths...>', 'årets modell (filer eller mappar)')
        .requiredOption('--year <år>', 'året den nya modellen gäller')
        .requiredOption('-o, --out <mapp>', 'mapp att skriva den nya modellen till')
        .addHelpText('after', '\nExempel:\n  oj new-year examples/oj2019 --year 2020 --out examples/oj2020\n')
        .action(async (paths: string[], options: { year: string; out: string }) => {
            const year = Number(options.year);
            if (!/^\d{4}$/.test(options.year)) {
                process.stderr.write(`--year ska vara ett årtal med fyra siffror, inte "${terminalSafe(options.year)}".\n`);
                setExitCode(2);
                return;
            }
            const result = await newYearWorkspace(paths, year);
            if (result.errors > 0) {
                process.stderr.write(`Modellen har ${result.errors} fel; kör "oj check" för att se dem. Ingen ny modell skriven.\n`);
                setExitCode(1);
                return;
            }
            if (result.files.length === 0) {
                process.stderr.write('Hittade inga .oj-filer.\n');
                setExitCode(2);
                return;
            }
            writeFilesAtomically(result.files.map(f => ({ path: path.join(options.out, f.path), content: f.content })));
            process.stderr.write(`${result.files.length} ${result.files.length === 1 ? 'fil' : 'filer'} för ${year} skrivna till ${options.out}; ${result.linked} indikatorer länkade till ${result.fromYear ?? 'föregående år'}.\n`);
            if (result.review.length > 0) {
                process.stdout.write(`Att granska (${result.review.length}):\n`);
                for (const note of result.review) process.stdout.write(`${path.join(options.out, note.file)}:${note.line} ${note.reason}: ${terminalSafe(note.text)}\n`);
            }
            setExitCode(0);
        });
}
