/**
 * `oj report`: the report on one kommun or stadsdel (--unit) or one län (--lan) from a results
 * folder of `oj evaluate`, as an accessible PDF (tagged, PDF/UA) and an HTML page, both written or neither.
 */
import * as path from 'node:path';
import type { Command } from 'commander';
import { writeFilesAtomically } from '@oj/evaluator';
import {
    buildReport,
    readResultsFolder,
    stadsdelarOf,
    renderReport,
    ReportError,
    ResultsFolderError,
    type ReportTarget,
} from '@oj/publishing';
import { errorCount, openWorkspace } from '../workspace.js';

export interface ReportCommandOptions {
    results: string;
    unit?: string;
    lan?: string;
    previous?: string;
    out: string;
    publisher?: string;
}

export type ReportResult = { ok: true; files: string[] } | { ok: false; code: 1 | 2; message: string };

/** The report's base name: rapport-0180, rapport-lan-01. */
export function reportName(target: ReportTarget): string {
    return target.kind === 'unit' ? `rapport-${target.unit}` : `rapport-lan-${target.lan}`;
}

export async function report(inputs: string[], options: ReportCommandOptions): Promise<ReportResult> {
    if ((options.unit === undefined) === (options.lan === undefined)) {
        return { ok: false, code: 2, message: 'Ange antingen --unit <kod> (kommun eller stadsdel) eller --lan <länskod>.' };
    }
    const target: ReportTarget =
        options.unit !== undefined ? { kind: 'unit', unit: options.unit.trim() } : { kind: 'lan', lan: options.lan!.trim() };
    const workspace = await openWorkspace(inputs);
    const errors = errorCount(workspace);
    if (errors > 0)
        return {
            ok: false,
            code: 1,
            message: `Modellen har ${errors} fel; kör "oj check" för att se dem. Ingen rapport skriven.`,
        };
    try {
        const stadsdelar = stadsdelarOf(workspace.models);
        const results = readResultsFolder(options.results, stadsdelar);
        const previous = options.previous ? readResultsFolder(options.previous, stadsdelar) : undefined;
        const doc = await buildReport(workspace.models, results, target, { previous, publisher: options.publisher });
        const { pdf, html } = await renderReport(doc);
        const base = path.join(options.out, reportName(target));
        const files = [`${base}.pdf`, `${base}.html`];
        writeFilesAtomically([
            { path: files[0], content: pdf },
            { path: files[1], content: html },
        ]);
        return { ok: true, files };
    } catch (error) {
        if (error instanceof ReportError || error instanceof ResultsFolderError)
            return { ok: false, code: 1, message: `${error.message} Ingen rapport skriven.` };
        throw error;
    }
}

export function registerReport(program: Command, setExitCode: (code: number) => void): void {
    program
        .command('report')
        .description('Skriv en rapport (PDF och HTML) för en kommun, stadsdel eller ett län från resultaten av "oj evaluate"')
        .argument('<paths...>', 'filer eller mappar med modellen')
        .requiredOption('--results <dir>', 'mappen som "oj evaluate --out" skrev (units.csv, aggregates.csv)')
        .option('--unit <kod>', 'kommunkod eller stadsdelskod, t.ex. 0180 eller 0180-01')
        .option('--lan <länskod>', 'länskod, t.ex. 01')
        .option('--previous <dir>', 'föregående års resultatmapp, visas bredvid')
        .option('-o, --out <dir>', 'mapp för rapport-<kod>.pdf och .html', '.')
        .option('--publisher <text>', 'utgivare, på titelsidan')
        .action(async (paths: string[], options: ReportCommandOptions) => {
            const result = await report(paths, options);
            if (!result.ok) {
                process.stderr.write(`${result.message}\n`);
                setExitCode(result.code);
                return;
            }
            process.stderr.write(`Rapporten skriven: ${result.files.join(', ')}.\n`);
            setExitCode(0);
        });
}
