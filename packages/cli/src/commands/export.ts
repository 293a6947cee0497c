/** `oj export kolada`: KPI metadata and values per kommun and period in Kolada's shape, as JSON and CSV. */
import * as path from 'node:path';
import type { Command } from 'commander';
import { writeFilesAtomically } from '@oj/evaluator';
import { koladaExport, koladaFiles, readResultsFolder, stadsdelarOf, ResultsFolderError } from '@oj/publishing';
import { errorCount, openWorkspace } from '../workspace.js';

export type ExportResult = { ok: true; files: string[]; kpis: number; values: number } | { ok: false; message: string };

export async function exportKolada(inputs: string[], resultsDir: string, outDir: string): Promise<ExportResult> {
    const workspace = await openWorkspace(inputs);
    const errors = errorCount(workspace);
    if (errors > 0) return { ok: false, message: `Modellen har ${errors} fel; kör "oj check" för att se dem. Inget exporterat.` };
    try {
        const data = koladaExport(workspace.models, readResultsFolder(resultsDir, stadsdelarOf(workspace.models)));
        const files = koladaFiles(data).map((f) => ({ path: path.join(outDir, f.name), content: f.content }));
        writeFilesAtomically(files);
        return { ok: true, files: files.map((f) => f.path), kpis: data.kpis.length, values: data.values.length };
    } catch (error) {
        if (error instanceof ResultsFolderError) return { ok: false, message: `${error.message} Inget exporterat.` };
        throw error;
    }
}

export function registerExport(program: Command, setExitCode: (code: number) => void): void {
    const command = program.command('export').description('Exportera resultaten i andra format');
    command
        .command('kolada')
        .description('Nyckeltal och värden per kommun och period i Koladas form (JSON och CSV)')
        .argument('<paths...>', 'filer eller mappar med modellen')
        .requiredOption('--results <dir>', 'mappen som "oj evaluate --out" skrev')
        .requiredOption('-o, --out <dir>', 'mapp för kpi.json, kpi.csv, values.json och values.csv')
        .action(async (paths: string[], options: { results: string; out: string }) => {
            const result = await exportKolada(paths, options.results, options.out);
            if (!result.ok) {
                process.stderr.write(`${result.message}\n`);
                setExitCode(1);
                return;
            }
            process.stderr.write(`${result.kpis} nyckeltal och ${result.values} värden skrivna: ${result.files.join(', ')}.\n`);
            setExitCode(0);
        });
}
