/** `oj template`: a response file to fill in, CSV or XLSX (with a drop-down of valid codes per cell). */
import * as path from 'node:path';
import { Command, Option } from 'commander';
import { writeFilesAtomically } from '@oj/evaluator';
import { templateColumns, templateCsv, type TemplateFormat, templateRows, templateXlsx } from '@oj/publishing';
import { errorCount, openWorkspace } from '../workspace.js';

export type TemplateResult =
    { ok: true; bytes: Buffer; kommuner: number; stadsdelar: number; variables: number } | { ok: false; message: string };

export async function template(inputs: string[], format: TemplateFormat): Promise<TemplateResult> {
    const workspace = await openWorkspace(inputs);
    const errors = errorCount(workspace);
    if (errors > 0)
        return { ok: false, message: `Modellen har ${errors} fel; kör "oj check" för att se dem. Ingen mall skriven.` };
    const models = workspace.models;
    const bytes = format === 'xlsx' ? await templateXlsx(models) : Buffer.from(templateCsv(models), 'utf8');
    const rows = templateRows(models);
    const stadsdelar = rows.filter((r) => r.unit.includes('-')).length;
    return { ok: true, bytes, kommuner: rows.length - stadsdelar, stadsdelar, variables: templateColumns(models).length - 2 };
}

function formatOf(format: string | undefined, out: string): TemplateFormat | undefined {
    const value = (format ?? path.extname(out).slice(1)).toLowerCase();
    return value === 'csv' || value === 'xlsx' ? value : undefined;
}

export function registerTemplate(program: Command, setExitCode: (code: number) => void): void {
    program
        .command('template')
        .description('Skriv en svarsmall: en rad per kommun, en kolumn per variabel (CSV eller XLSX med giltiga koder)')
        .argument('<paths...>', 'filer eller mappar med modellen')
        .addOption(new Option('-f, --format <format>', 'filformat (annars från filändelsen)').choices(['csv', 'xlsx']))
        .requiredOption('-o, --out <file>', 'filen att skriva')
        .action(async (paths: string[], options: { format?: string; out: string }) => {
            const format = formatOf(options.format, options.out);
            if (!format) {
                process.stderr.write('Ange --format csv eller xlsx (eller en --out-fil med den ändelsen).\n');
                setExitCode(2);
                return;
            }
            const result = await template(paths, format);
            if (!result.ok) {
                process.stderr.write(`${result.message}\n`);
                setExitCode(1);
                return;
            }
            writeFilesAtomically([{ path: options.out, content: result.bytes }]);
            process.stderr.write(
                `Svarsmall (${format}, ${result.kommuner} kommuner${result.stadsdelar > 0 ? ` och ${result.stadsdelar} stadsdelar` : ''}, ${result.variables} variabler) skriven till ${options.out}.\n`,
            );
            setExitCode(0);
        });
}
