/** `oj evaluate`: a survey export (CSV or XLSX) in, units.csv, aggregates.csv and results.xlsx out. */
import type { Command } from 'commander';
import { evaluateResponsesFile, implausibleText, ResponseFileError, type EvaluateOptions, type EvaluationSummary, type InputProblem } from '@oj/evaluator';
import { errorCount, openWorkspace } from '../workspace.js';

export type EvaluateResult =
    | { ok: true; summary: EvaluationSummary }
    | { ok: false; modelErrors: number; problems: InputProblem[]; message: string };

/** Evaluates a response file against the model in `inputs`; nothing is written unless both are valid. */
export async function evaluate(inputs: string[], responses: string, outDir: string, options: EvaluateOptions = {}): Promise<EvaluateResult> {
    const workspace = await openWorkspace(inputs);
    const modelErrors = errorCount(workspace);
    if (modelErrors > 0) {
        return { ok: false, modelErrors, problems: [], message: `Modellen har ${modelErrors} fel; kör "oj check" för att se dem.` };
    }
    try {
        return { ok: true, summary: await evaluateResponsesFile(workspace.models, responses, outDir, options) };
    } catch (error) {
        if (!(error instanceof ResponseFileError)) throw error;
        return { ok: false, modelErrors: 0, problems: error.problems, message: error.message };
    }
}

export function registerEvaluate(program: Command, setExitCode: (code: number) => void): void {
    program.command('evaluate')
        .description('Utvärdera en svarsfil (CSV eller XLSX) mot modellen')
        .argument('<paths...>', 'filer eller mappar med modellen')
        .requiredOption('-r, --responses <file>', 'svarsfilen: en rad per kommun/stadsdel, en kolumn per variabel')
        .requiredOption('-o, --out <dir>', 'mapp för units.csv, aggregates.csv och results.xlsx')
        .option('--json', 'skriv en sammanfattning som JSON')
        .action(async (paths: string[], options: { responses: string; out: string; json?: boolean }) => {
            // Progress only where a person watches it, and not in the middle of JSON.
            const progress = process.stderr.isTTY && !options.json
                ? (done: number, total: number) => process.stderr.write(`\rUtvärderar: ${done} av ${total} svarande…`)
                : undefined;
            const result = await evaluate(paths, options.responses, options.out, { onProgress: progress });
            if (progress) process.stderr.write('\r\x1b[K');
            if (!result.ok) {
                if (options.json) process.stdout.write(JSON.stringify({ ok: false, modelErrors: result.modelErrors, problems: result.problems }, null, 2) + '\n');
                else process.stderr.write(result.modelErrors > 0 ? `${result.message}\n` : `${result.message}\nInga resultatfiler skrevs.\n`);
                setExitCode(1);
                return;
            }
            const { summary } = result;
            if (options.json) {
                process.stdout.write(JSON.stringify({ ok: true, ...summary }, null, 2) + '\n');
            } else {
                for (const warning of summary.warnings) process.stderr.write(`Varning: ${warning}\n`);
                if (summary.implausible.length > 0) {
                    process.stderr.write(`${summary.implausible.length} orimliga värden (en del större än sin helhet) behandlades som saknade:\n`);
                    for (const value of summary.implausible) process.stderr.write(`  ${implausibleText(value)}\n`);
                }
                process.stderr.write(`Läste ${summary.respondentsRead} svarande, utvärderade ${summary.respondentsEvaluated}: ` +
                    `${summary.statuses.met} uppnådd, ${summary.statuses.not_met} ej uppnådd, ${summary.statuses.excluded} utesluten, ${summary.statuses.missing} saknas.\n` +
                    `Skrev ${summary.files.join(', ')}.\n`);
            }
            setExitCode(0);
        });
}
