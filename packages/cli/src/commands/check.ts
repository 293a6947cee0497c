/** `oj check`: every diagnostic as file:line:col severity message [code]; exit 1 on errors. */
import type { Command } from 'commander';
import { painter } from '../color.js';
import { withExamples } from '../frame.js';
import { agree, count } from '../format.js';
import { displayPath, openModel, severityName } from '../workspace.js';

export interface CheckedDiagnostic {
    file: string;
    line: number;
    column: number;
    severity: 'error' | 'warning' | 'info' | 'hint';
    message: string;
    code?: string;
}

export async function check(inputs: string[]): Promise<{ diagnostics: CheckedDiagnostic[]; files: number }> {
    const workspace = await openModel(inputs);
    const diagnostics: CheckedDiagnostic[] = [];
    for (const [document, items] of workspace.diagnostics) {
        const file = displayPath(document.uri);
        for (const d of [...items].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)) {
            diagnostics.push({
                file, line: d.range.start.line + 1, column: d.range.start.character + 1, severity: severityName(d),
                message: typeof d.message === 'string' ? d.message : d.message.value, code: typeof d.code === 'string' ? d.code : (d.data as { code?: string } | undefined)?.code
            });
        }
    }
    return { diagnostics, files: workspace.documents.length };
}

export function registerCheck(program: Command, setExitCode: (code: number) => void): void {
    const command = program.command('check')
        .description('Kontrollera modellfiler (.oj) och skriv ut fel och varningar')
        .argument('<sökvägar...>', 'filer eller mappar')
        .option('--json', 'skriv resultatet som JSON')
        .option('-v, --verbose', 'visa även information och tips från analysen')
        .action(async (paths: string[], options: { json?: boolean; verbose?: boolean }) => {
            const result = await check(paths);
            const files = result.files;
            // Information and hints (e.g. options no rule mentions) belong in the editor; on the command line on request.
            const diagnostics = options.verbose ? result.diagnostics : result.diagnostics.filter(d => d.severity === 'error' || d.severity === 'warning');
            const errors = diagnostics.filter(d => d.severity === 'error').length;
            const warnings = diagnostics.filter(d => d.severity === 'warning').length;
            if (options.json) {
                process.stdout.write(JSON.stringify({ files, errors, warnings, diagnostics }, null, 2) + '\n');
            } else {
                const paint = painter(process.stdout);
                const SEVERITY_STYLE = { error: 'red', warning: 'yellow', info: 'cyan', hint: 'dim' } as const;
                for (const d of diagnostics) {
                    process.stdout.write(`${d.file}:${d.line}:${d.column} ${paint(SEVERITY_STYLE[d.severity], d.severity)} ${d.message}${d.code ? ` [${d.code}]` : ''}\n`);
                }
                process.stderr.write(`${count(files, 'fil', 'filer')} ${agree(files, 'kontrollerad', 'kontrollerade')}: ${errors} fel, ${count(warnings, 'varning', 'varningar')}.\n`);
            }
            setExitCode(errors > 0 ? 1 : 0);
        });
    withExamples(command, ['oj check examples/oj2019', 'oj check --json indikator-1.oj > diagnoser.json']);
}
