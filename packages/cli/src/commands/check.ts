/** `oj check`: every diagnostic as file:line:col severity message [code]; exit 1 on errors. */
import type { Command } from 'commander';
import { AstUtils, GrammarUtils } from 'langium';
import { diffModels, type ComparabilityFinding } from '@oj/changes';
import { visibleControls, type Indicator } from '@oj/language';
import { painter } from '../color.js';
import { inputError, withExamples } from '../frame.js';
import { agree, count } from '../format.js';
import { displayPath, errorCount, openModel, severityName, type CommandWorkspace } from '../workspace.js';

export interface CheckedDiagnostic {
    file: string;
    line: number;
    column: number;
    severity: 'error' | 'warning' | 'info' | 'hint';
    message: string;
    code?: string;
}

export interface CheckOptions {
    /** Last year's model (file or folder): its comparability findings join the diagnostics. */
    previous?: string;
}

export interface CheckResult {
    diagnostics: CheckedDiagnostic[];
    files: number;
    /** Why the comparison with `previous` was not made (the model has errors), when it was asked for. */
    previousSkipped?: string;
}

const byPosition = (a: CheckedDiagnostic, b: CheckedDiagnostic) => a.line - b.line || a.column - b.column;

export async function check(inputs: string[], options: CheckOptions = {}): Promise<CheckResult> {
    const workspace = await openModel(inputs);
    const byFile = new Map<string, CheckedDiagnostic[]>();
    const add = (d: CheckedDiagnostic) => {
        const list = byFile.get(d.file);
        if (list) list.push(d); else byFile.set(d.file, [d]);
    };
    for (const document of workspace.documents) byFile.set(displayPath(document.uri), []);
    for (const [document, items] of workspace.diagnostics) {
        const file = displayPath(document.uri);
        for (const d of items) {
            add({
                file, line: d.range.start.line + 1, column: d.range.start.character + 1, severity: severityName(d),
                message: typeof d.message === 'string' ? d.message : d.message.value, code: typeof d.code === 'string' ? d.code : (d.data as { code?: string } | undefined)?.code
            });
        }
    }
    let previousSkipped: string | undefined;
    if (options.previous !== undefined) {
        const findings = await previousYearFindings(workspace, options.previous);
        if (findings.skipped) previousSkipped = findings.skipped;
        for (const d of findings.diagnostics) add(d);
    }
    const diagnostics = [...byFile.values()].flatMap(list => list.sort(byPosition));
    return { diagnostics, files: workspace.documents.length, ...(previousSkipped ? { previousSkipped } : {}) };
}

/**
 * The comparability findings of the diff against last year's model, placed at the indicator's
 * `tidigare` (where the statement belongs) or at its number when it has no link. Only a model
 * without errors is compared: the diff evaluates every rule, which a broken model cannot give.
 */
async function previousYearFindings(workspace: CommandWorkspace, previous: string): Promise<{ diagnostics: CheckedDiagnostic[]; skipped?: string }> {
    const last = await openModel([previous]);
    const lastErrors = errorCount(last);
    if (lastErrors > 0) throw inputError(`Förra årets modell i ${previous} har ${count(lastErrors, 'fel', 'fel')}; kör "oj check ${previous}" för att se dem.`);
    if (errorCount(workspace) > 0) return { diagnostics: [], skipped: 'Jämförelsen med förra årets modell görs när modellen är fri från fel.' };
    const diff = diffModels(last.models, workspace.models);
    const indicators = new Map<number, Indicator>();
    for (const model of workspace.models) for (const e of model.elements) if (e.$type === 'Indicator') indicators.set((e as Indicator).number, e as Indicator);
    const diagnostics: CheckedDiagnostic[] = [];
    for (const item of diff.indicators) {
        const finding: ComparabilityFinding | undefined = item.finding;
        const indicator = finding ? indicators.get(finding.indicator) : undefined;
        if (!finding || !indicator) continue;
        const node = indicator.earlier?.$cstNode ?? (indicator.$cstNode && GrammarUtils.findNodeForProperty(indicator.$cstNode, 'number')) ?? indicator.$cstNode;
        const start = node?.range.start ?? { line: 0, character: 0 };
        diagnostics.push({
            file: displayPath(AstUtils.getDocument(indicator).uri), line: start.line + 1, column: start.character + 1,
            severity: finding.severity, message: finding.message, code: finding.code
        });
    }
    return { diagnostics };
}

export function registerCheck(program: Command, setExitCode: (code: number) => void): void {
    const command = program.command('check')
        .description('Kontrollera modellfiler (.oj) och skriv ut fel och varningar')
        .argument('<sökvägar...>', 'filer eller mappar')
        .option('--json', 'skriv resultatet som JSON')
        .option('-v, --verbose', 'visa även information och tips från analysen')
        .option('--previous <sökväg>', 'förra årets modell: varna där en indikator har ändrats men anges som jämförbar (eller inte säger något)')
        .action(async (paths: string[], options: { json?: boolean; verbose?: boolean; previous?: string }) => {
            const result = await check(paths, { previous: options.previous });
            const files = result.files;
            // Information and hints (e.g. options no rule mentions) belong in the editor; on the command line on request.
            const diagnostics = options.verbose ? result.diagnostics : result.diagnostics.filter(d => d.severity === 'error' || d.severity === 'warning');
            const errors = diagnostics.filter(d => d.severity === 'error').length;
            const warnings = diagnostics.filter(d => d.severity === 'warning').length;
            if (options.json) {
                process.stdout.write(JSON.stringify({ files, errors, warnings, diagnostics, ...(result.previousSkipped ? { previousSkipped: result.previousSkipped } : {}) }, null, 2) + '\n');
            } else {
                const paint = painter(process.stdout);
                const SEVERITY_STYLE = { error: 'red', warning: 'yellow', info: 'cyan', hint: 'dim' } as const;
                for (const d of diagnostics) {
                    // Messages quote model text: nothing in it may steer the terminal.
                    process.stdout.write(`${d.file}:${d.line}:${d.column} ${paint(SEVERITY_STYLE[d.severity], d.severity)} ${visibleControls(d.message)}${d.code ? ` [${d.code}]` : ''}\n`);
                }
                if (result.previousSkipped) process.stderr.write(`${result.previousSkipped}\n`);
                process.stderr.write(`${count(files, 'fil', 'filer')} ${agree(files, 'kontrollerad', 'kontrollerade')}: ${errors} fel, ${count(warnings, 'varning', 'varningar')}.\n`);
            }
            setExitCode(errors > 0 ? 1 : 0);
        });
    withExamples(command, ['oj check examples/oj2019', 'oj check --json indikator-1.oj > diagnoser.json', 'oj check examples/oj2020 --previous examples/oj2019']);
}
