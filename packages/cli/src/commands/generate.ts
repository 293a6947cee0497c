/** `oj generate`: the evaluator package of a model, as a folder ready for npm. */
import * as path from 'node:path';
import type { Command } from 'commander';
import { generateEvaluatorFiles, writeFilesAtomically } from '@oj/evaluator';
import { inputError, withExamples } from '../frame.js';
import { count } from '../format.js';
import { errorCount, openSurveyModel, SURVEY_OPTION } from '../workspace.js';

/** Generates the package into `outDir` (all files or none); nothing is written when the model has errors. */
export async function generate(
    inputs: string[],
    outDir: string,
    packageName?: string,
    survey?: string,
): Promise<{ files: string[]; errors: number }> {
    const workspace = await openSurveyModel(inputs, survey);
    const errors = errorCount(workspace);
    if (errors > 0) return { files: [], errors };
    const files = generateEvaluatorFiles(workspace.models, { packageName });
    writeFilesAtomically(files.map((f) => ({ path: path.join(outDir, f.path), content: f.content })));
    return { files: files.map((f) => f.path), errors };
}

export function registerGenerate(program: Command, setExitCode: (code: number) => void): void {
    const command = program
        .command('generate')
        .description('Generera utvärderingspaketet (TypeScript) från modellen')
        .argument('<sökvägar...>', 'filer eller mappar med modellen')
        .requiredOption('-o, --out <mapp>', 'mapp att skriva paketet till')
        .option('--name <paket>', 'paketets namn på npm')
        .option(...SURVEY_OPTION)
        .action(async (paths: string[], options: { out: string; name?: string; enkät?: string }) => {
            const { files, errors } = await generate(paths, options.out, options.name, options.enkät);
            if (errors > 0) {
                throw inputError(`Modellen har ${errors} fel; kör "oj check" för att se dem. Inget paket genererat.`);
            }
            process.stderr.write(
                `${count(files.length, 'fil', 'filer')} ${files.length === 1 ? 'skriven' : 'skrivna'} till ${options.out}: ${files.join(', ')}\n`,
            );
            setExitCode(0);
        });
    withExamples(command, ['oj generate examples/oj2019 --out utvarderare/', 'cd utvarderare && npm install && npm test']);
}
