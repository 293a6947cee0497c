/** `oj evaluate`: a survey export (CSV or XLSX) in, units.csv, aggregates.csv and results.xlsx out. */
import type { Command } from 'commander';
import { evaluateResponsesFile, ResponseFileError } from '@oj/evaluator';
import { errorCount, openWorkspace } from '../workspace.js';

export function registerEvaluate(program: Command, setExitCode: (code: number) => void): void {
    program.command('evaluate')
        .description('Utvärdera en svarsfil (CSV eller XLSX) mot modellen')
        .argument('<paths...>', 'filer eller mappar med modellen')
        .requiredOption('-r, --responses <file>', 'svarsfilen: en rad per kommun/stadsdel, en kolumn per variabel')
        .requiredOption('-o, --out <dir>', 'mapp för units.csv, aggregates.csv och results.xlsx')
        .option('--json', 'skriv en sammanfattning som JSON')
        .action(async (paths: string[], options: { responses: string; out: string; json?: boolean }) => {
            const workspace = await openWorkspace(paths);
            const errors = errorCount(workspace);
            if (errors > 0) {
                process.stderr.write(`Modellen har ${errors} fel; kör "oj check" för att se dem.\n`);
                setExitCode(1);
                return;
            }
            const progress = process.stderr.isTTY && !options.json
                ? (done: number, total: number) => process.stderr.write(`\rUtvärderar: ${done} av ${total} svarande…`)
                : undefined;
            try {
                const summary = await evaluateResponsesFile(workspace.models, options.responses, options.out, { onProgress: progress });
                if (progress) process.stderr.write('\n');
                if (options.json) {
                    process.stdout.write(JSON.stringify({ ok: true, ...summary }, null, 2) + '\n');
                } else {
                    for (const warning of summary.warnings) process.stderr.write(`Varning: ${warning}\n`);
                    process.stderr.write(`Läste ${summary.respondentsRead} svarande, utvärderade ${summary.respondentsEvaluated}: ` +
                        `${summary.statuses.met} uppnådd, ${summary.statuses.not_met} ej uppnådd, ${summary.statuses.excluded} utesluten, ${summary.statuses.missing} saknas.\n` +
                        `Skrev ${summary.files.join(', ')}.\n`);
                }
                setExitCode(0);
            } catch (error) {
                if (!(error instanceof ResponseFileError)) throw error;
                if (options.json) process.stdout.write(JSON.stringify({ ok: false, problems: error.problems }, null, 2) + '\n');
                else process.stderr.write(`${error.message}\nInga resultatfiler skrevs.\n`);
                setExitCode(1);
            }
        });
}
