/** `oj check`: every diagnostic as file:line:col severity message [code]; exit 1 on errors. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { AstUtils, GrammarUtils, URI } from 'langium';
import { diffModels } from '@oj/changes';
import { collectModelFiles, visibleControls, type Indicator } from '@oj/language';
import { painter } from '../color.js';
import { inputError, withExamples } from '../frame.js';
import { agree, count } from '../format.js';
import { displayPath, errorCount, openModel, openPreviousYear, severityName, type CommandWorkspace } from '../workspace.js';

export interface CheckedDiagnostic {
    file: string;
    line: number;
    column: number;
    severity: 'error' | 'warning' | 'info' | 'hint';
    message: string;
    code?: string;
}

/** The text of a model file without its comments, for a look at its header before anything is built. */
function headerText(file: string): string {
    return fs
        .readFileSync(file, 'utf-8')
        .replace(/\/\*[\s\S]*?\*\//g, ' ')
        .replace(/\/\/[^\n\r]*/g, ' ');
}

const escapeName = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** How far up from a file its survey's declaration is looked for. */
const SURVEY_SEARCH_DEPTH = 3;

/**
 * A file of a workspace checked on its own (`oj check indikatorer.oj`) names its survey with
 * "tillhör" but holds none of the survey's answer sets and areas: every name in it would be an
 * error. When the survey is declared in a file of the same folder or a folder above, that folder is
 * checked instead, and a note says so.
 */
export function withSurveyFolders(inputs: string[]): { inputs: string[]; notes: string[] } {
    let files: string[];
    try {
        files = collectModelFiles(inputs);
    } catch {
        // A path that cannot be read: opening the model says so, in the words every command uses.
        return { inputs, notes: [] };
    }
    const texts = new Map(files.map((file) => [file, headerText(file)]));
    const declares = (text: string, survey: string) => new RegExp(`(^|\\s)enkät\\s+${escapeName(survey)}(?=[\\s"{])`).test(text);
    const notes: string[] = [];
    const folders: string[] = [];
    for (const [file, text] of texts) {
        const survey = /^\s*tillhör\s+([^\s]+)/.exec(text)?.[1];
        if (!survey || [...texts.values()].some((other) => declares(other, survey))) continue;
        let folder = path.dirname(file);
        for (let level = 0; level < SURVEY_SEARCH_DEPTH; level++, folder = path.dirname(folder)) {
            const declaring = fs
                .readdirSync(folder)
                .sort()
                .map((name) => path.join(folder, name))
                .find(
                    (candidate) =>
                        candidate.endsWith('.oj') && fs.statSync(candidate).isFile() && declares(headerText(candidate), survey),
                );
            if (declaring) {
                if (!folders.includes(folder)) {
                    folders.push(folder);
                    const shown = (p: string) => displayPath(URI.file(p));
                    notes.push(
                        `${shown(file)} hör till enkäten ${survey}, som deklareras i ${shown(declaring)}: ${shown(folder) ? `hela mappen ${shown(folder)}` : 'hela den aktuella mappen'} kontrolleras.`,
                    );
                }
                break;
            }
            if (path.dirname(folder) === folder) break;
        }
    }
    return { inputs: [...inputs, ...folders], notes };
}

export interface CheckOptions {
    /** Last year's model (file or folder): its comparability findings join the diagnostics. */
    previous?: string;
}

const byPosition = (a: CheckedDiagnostic, b: CheckedDiagnostic) => a.line - b.line || a.column - b.column;

export async function check(
    inputs: string[],
    options: CheckOptions = {},
): Promise<{ diagnostics: CheckedDiagnostic[]; files: number; notes: string[] }> {
    const expanded = withSurveyFolders(inputs);
    const workspace = await openModel(expanded.inputs);
    const notes = [...expanded.notes];
    const byFile = new Map<string, CheckedDiagnostic[]>();
    const add = (d: CheckedDiagnostic) => {
        const list = byFile.get(d.file);
        if (list) list.push(d);
        else byFile.set(d.file, [d]);
    };
    for (const [document, items] of workspace.diagnostics) {
        const file = displayPath(document.uri);
        if (!byFile.has(file)) byFile.set(file, []);
        for (const d of items) {
            add({
                file,
                line: d.range.start.line + 1,
                column: d.range.start.character + 1,
                severity: severityName(d),
                message: typeof d.message === 'string' ? d.message : d.message.value,
                code: typeof d.code === 'string' ? d.code : (d.data as { code?: string } | undefined)?.code,
            });
        }
    }
    if (options.previous !== undefined) {
        const findings = await previousYearFindings(workspace, options.previous);
        if (findings.skipped) notes.push(findings.skipped);
        for (const d of findings.diagnostics) add(d);
    }
    const diagnostics = [...byFile.values()].flatMap((list) => list.sort(byPosition));
    return { diagnostics, files: workspace.documents.length, notes };
}

/**
 * The comparability findings of the diff against last year's model, placed at the indicator's
 * `tidigare` (where the statement belongs) or at its number when it has no link. Only a model
 * without errors is compared: the diff evaluates every rule, which a broken model cannot give.
 */
async function previousYearFindings(
    workspace: CommandWorkspace,
    previous: string,
): Promise<{ diagnostics: CheckedDiagnostic[]; skipped?: string }> {
    const last = await openPreviousYear(previous);
    const lastErrors = last.errors.length;
    if (lastErrors > 0)
        throw inputError(
            `Förra årets modell i ${previous} har ${count(lastErrors, 'fel', 'fel')}; kör "oj check ${previous}" för att se dem.`,
        );
    if (errorCount(workspace) > 0)
        return { diagnostics: [], skipped: 'Jämförelsen med förra årets modell görs när modellen är fri från fel.' };
    const diff = diffModels(last.models, workspace.models);
    const indicators = new Map<number, Indicator>();
    for (const model of workspace.models)
        for (const e of model.elements) if (e.$type === 'Indicator') indicators.set((e as Indicator).number, e as Indicator);
    const diagnostics: CheckedDiagnostic[] = [];
    for (const item of diff.indicators) {
        const finding = item.finding;
        const indicator = finding ? indicators.get(finding.indicator) : undefined;
        if (!finding || !indicator) continue;
        const node =
            indicator.earlier?.$cstNode ??
            (indicator.$cstNode && GrammarUtils.findNodeForProperty(indicator.$cstNode, 'number')) ??
            indicator.$cstNode;
        const start = node?.range.start ?? { line: 0, character: 0 };
        diagnostics.push({
            file: displayPath(AstUtils.getDocument(indicator).uri),
            line: start.line + 1,
            column: start.character + 1,
            severity: finding.severity,
            message: finding.message,
            code: finding.code,
        });
    }
    return { diagnostics };
}

export function registerCheck(program: Command, setExitCode: (code: number) => void): void {
    const command = program
        .command('check')
        .description('Kontrollera modellfiler (.oj) och skriv ut fel och varningar')
        .argument('<sökvägar...>', 'filer eller mappar')
        .option('--json', 'skriv resultatet som JSON')
        .option('-v, --verbose', 'visa även information och tips från analysen')
        .option(
            '--previous <sökväg>',
            'förra årets modell: varna där en indikator har ändrats men anges som jämförbar (eller inte säger något)',
        )
        .action(async (paths: string[], options: { json?: boolean; verbose?: boolean; previous?: string }) => {
            const result = await check(paths, { previous: options.previous });
            const files = result.files;
            // Information and hints (e.g. options no rule mentions) belong in the editor; on the command line on request.
            const diagnostics = options.verbose
                ? result.diagnostics
                : result.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
            const errors = diagnostics.filter((d) => d.severity === 'error').length;
            const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
            if (options.json) {
                process.stdout.write(
                    JSON.stringify({ files, errors, warnings, notes: result.notes, diagnostics }, null, 2) + '\n',
                );
            } else {
                for (const note of result.notes) process.stderr.write(`${visibleControls(note)}\n`);
                const paint = painter(process.stdout);
                const SEVERITY_STYLE = { error: 'red', warning: 'yellow', info: 'cyan', hint: 'dim' } as const;
                for (const d of diagnostics) {
                    // Messages quote model text: nothing in it may steer the terminal.
                    process.stdout.write(
                        `${d.file}:${d.line}:${d.column} ${paint(SEVERITY_STYLE[d.severity], d.severity)} ${visibleControls(d.message)}${d.code ? ` [${d.code}]` : ''}\n`,
                    );
                }
                process.stderr.write(
                    `${count(files, 'fil', 'filer')} ${agree(files, 'kontrollerad', 'kontrollerade')}: ${errors} fel, ${count(warnings, 'varning', 'varningar')}.\n`,
                );
            }
            setExitCode(errors > 0 ? 1 : 0);
        });
    withExamples(command, [
        'oj check examples/oj2019',
        'oj check --json indikator-1.oj > diagnoser.json',
        'oj check examples/oj2020 --previous examples/oj2019',
    ]);
}
