/** `oj generate`: the evaluator package of a model, as a folder ready for npm. */
import type { Command } from 'commander';
import { generateEvaluatorPackage } from '@oj/evaluator';
import { errorCount, openSurveyWorkspace, reportSurveyChoice, SURVEY_OPTION } from '../workspace.js';

export async function generate(inputs: string[], outDir: string, packageName?: string, survey?: string): Promise<{ files: string[]; errors: number }> {
    const workspace = await openSurveyWorkspace(inputs, survey);
    const errors = errorCount(workspace);
    if (errors > 0) return { files: [], errors };
    const files = generateEvaluatorPackage(workspace.models, outDir, { packageName });
    return { files: files.map(f => f.path), errors };
}

export function registerGenerate(program: Command, setExitCode: (code: number) => void): void {
    program.command('generate')
        .description('Generera utvärderingspaketet (TypeScript) från modellen')
        .argument('<paths...>', 'filer eller mappar med modellen')
        .requiredOption('-o, --out <dir>', 'mapp att skriva paketet till')
        .option('--name <package>', 'paketets namn på npm')
        .option(...SURVEY_OPTION)
        .action(async (paths: string[], options: { out: string; name?: string; enkät?: string }) => {
            let result: Awaited<ReturnType<typeof generate>>;
            try {
                result = await generate(paths, options.out, options.name, options.enkät);
            } catch (error) {
                if (reportSurveyChoice(error, setExitCode)) return;
                throw error;
            }
            const { files, errors } = result;
            if (errors > 0) {
                process.stderr.write(`Modellen har ${errors} fel; kör "oj check" för att se dem. Inget paket genererat.\n`);
                setExitCode(1);
                return;
            }
            process.stderr.write(`${files.length} filer skrivna till ${options.out}: ${files.join(', ')}\n`);
            setExitCode(0);
        });
}
