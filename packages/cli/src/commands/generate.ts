/** `oj generate`: the evaluator package of a model, as a folder ready for npm. */
import * as path from 'node:path';
import type { Command } from 'commander';
import { generateEvaluatorFiles, writeFilesAtomically } from '@oj/evaluator';
import { type Indicator, isRegisterIndicator, joinSwedish } from '@oj/language';
import { inputError, withExamples } from '../frame.js';
import { count } from '../format.js';
import { errorCount, openSurveyModel, SURVEY_OPTION } from '../workspace.js';

/** Generates the package into `outDir` (all files or none); nothing is written when the model has errors. */
export async function generate(
    inputs: string[],
    outDir: string,
    packageName?: string,
    survey?: string,
): Promise<{ files: string[]; errors: number; registerIndicators: number[] }> {
    const workspace = await openSurveyModel(inputs, survey);
    const errors = errorCount(workspace);
    const indicators = workspace.models.flatMap((m) => m.elements.filter((e): e is Indicator => e.$type === 'Indicator'));
    const registerIndicators = indicators.filter(isRegisterIndicator).map((i) => i.number);
    if (errors > 0) return { files: [], errors, registerIndicators };
    if (registerIndicators.length > 0 && registerIndicators.length === indicators.length) {
        throw inputError(
            `Modellen har inga enkätindikatorer att generera ett paket för: ${registerIndicatorsText(registerIndicators)}. Inget paket genererat.`,
        );
    }
    const files = generateEvaluatorFiles(workspace.models, { packageName });
    writeFilesAtomically(files.map((f) => ({ path: path.join(outDir, f.path), content: f.content })));
    return { files: files.map((f) => f.path), errors, registerIndicators };
}

/** "registerindikatorerna 30, 31 och 32 utvärderas med oj evaluate --register" */
function registerIndicatorsText(numbers: number[]): string {
    const which =
        numbers.length === 1 ? `registerindikatorn ${numbers[0]}` : `registerindikatorerna ${joinSwedish(numbers.map(String))}`;
    return `${which} utvärderas med oj evaluate --register`;
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
            const { files, errors, registerIndicators } = await generate(paths, options.out, options.name, options.enkät);
            if (errors > 0) {
                throw inputError(`Modellen har ${errors} fel; kör "oj check" för att se dem. Inget paket genererat.`);
            }
            if (registerIndicators.length > 0) {
                process.stderr.write(`Paketet utvärderar enkätsvar; ${registerIndicatorsText(registerIndicators)}.\n`);
            }
            process.stderr.write(
                `${count(files.length, 'fil', 'filer')} ${files.length === 1 ? 'skriven' : 'skrivna'} till ${options.out}: ${files.join(', ')}\n`,
            );
            setExitCode(0);
        });
    withExamples(command, ['oj generate examples/oj2019 --out utvarderare/', 'cd utvarderare && npm install && npm test']);
}
