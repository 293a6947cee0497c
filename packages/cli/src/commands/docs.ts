/**
 * `oj docs`: the published documents generated from the model — the indicator description
 * ("Indikatorer – öppna jämförelser <år>") as Word, PDF or HTML, and the questionnaire as Word.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command, Option } from 'commander';
import {
    buildDescriptionDocument, buildQuestionnaire, renderDocx, renderHtml, renderPdf, renderQuestionnaireDocx
} from '@oj/documents';
import { errorCount, openSurveyWorkspace, reportSurveyChoice, SURVEY_OPTION } from '../workspace.js';

export type DocsFormat = 'docx' | 'pdf' | 'html';
export type DocsKind = 'description' | 'questionnaire';

export interface DocsOptions {
    format: DocsFormat;
    kind?: DocsKind;
    title?: string;
    publisher?: string;
    /** The document date (YYYY-MM-DD); defaults to one taken from the model, so output is reproducible. */
    date?: string;
    /** The survey (--enkät) when the paths hold several. */
    survey?: string;
}

export interface DocsResult {
    /** The file's bytes; empty when the model has errors. */
    bytes: Buffer;
    errors: number;
    indicators: number;
}

const FORMATS: DocsFormat[] = ['docx', 'pdf', 'html'];

function parseDate(value: string | undefined): Date | undefined {
    if (value === undefined) return undefined;
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
    if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
        throw new Error(`Ogiltigt datum "${value}": ange ÅÅÅÅ-MM-DD.`);
    }
    return date;
}

/** Builds the requested document from the files and folders given. */
export async function docs(inputs: string[], options: DocsOptions): Promise<DocsResult> {
    const kind = options.kind ?? 'description';
    if (kind === 'questionnaire' && options.format !== 'docx') {
        throw new Error('Formuläret (--kind questionnaire) finns bara som Word (--format docx).');
    }
    const date = parseDate(options.date);
    const workspace = await openSurveyWorkspace(inputs, options.survey);
    const errors = errorCount(workspace);
    const indicators = workspace.models.flatMap(m => m.elements).filter(e => e.$type === 'Indicator').length;
    if (errors > 0) return { bytes: Buffer.alloc(0), errors, indicators };
    const common = { title: options.title, publisher: options.publisher, date };
    if (kind === 'questionnaire') {
        return { bytes: await renderQuestionnaireDocx(buildQuestionnaire(workspace.models, common)), errors, indicators };
    }
    const doc = buildDescriptionDocument(workspace.models, common);
    const bytes = options.format === 'pdf' ? await renderPdf(doc)
        : options.format === 'docx' ? await renderDocx(doc)
        : Buffer.from(renderHtml(doc, { standalone: true }), 'utf8');
    return { bytes, errors, indicators };
}

/** The format named by --format, else by the output file's extension. */
function formatOf(format: string | undefined, out: string | undefined): DocsFormat | undefined {
    if (format) return format as DocsFormat;
    const ext = out ? path.extname(out).slice(1).toLowerCase() : '';
    return (FORMATS as string[]).includes(ext) ? ext as DocsFormat : ext === 'htm' ? 'html' : undefined;
}

export function registerDocs(program: Command, setExitCode: (code: number) => void): void {
    program.command('docs')
        .description('Skriv indikatorbeskrivningen (Word, PDF, HTML) eller insamlingsformuläret (Word) från modellen')
        .argument('<paths...>', 'filer eller mappar med modellen')
        .addOption(new Option('-f, --format <format>', 'filformat (annars från filändelsen)').choices(FORMATS))
        .addOption(new Option('-k, --kind <kind>', 'vilket dokument').choices(['description', 'questionnaire']).default('description'))
        .option('-o, --out <file>', 'fil att skriva (HTML kan skrivas till standard ut)')
        .option('--title <text>', 'dokumentets titel (annars "Indikatorer – öppna jämförelser <år>")')
        .option('--publisher <text>', 'utgivare, på titelsidan och i dokumentegenskaperna')
        .option('--date <ÅÅÅÅ-MM-DD>', 'dokumentets datum i filens metadata (annars från enkätens mätdatum)')
        .option(...SURVEY_OPTION)
        .action(async (paths: string[], options: { format?: string; kind: DocsKind; out?: string; title?: string; publisher?: string; date?: string; enkät?: string }) => {
            const format = formatOf(options.format, options.out);
            if (!format) {
                process.stderr.write('Ange --format docx, pdf eller html (eller en --out-fil med den ändelsen).\n');
                setExitCode(2);
                return;
            }
            if (!options.out && format !== 'html') {
                process.stderr.write(`--out krävs för ${format}.\n`);
                setExitCode(2);
                return;
            }
            let result: DocsResult;
            try {
                result = await docs(paths, { format, kind: options.kind, title: options.title, publisher: options.publisher, date: options.date, survey: options.enkät });
            } catch (error) {
                if (reportSurveyChoice(error, setExitCode)) return;
                process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
                setExitCode(2);
                return;
            }
            if (result.errors > 0) {
                process.stderr.write(`Modellen har ${result.errors} fel; kör "oj check" för att se dem. Inget dokument skrivet.\n`);
                setExitCode(1);
                return;
            }
            if (options.out) {
                fs.writeFileSync(options.out, result.bytes);
                const what = options.kind === 'questionnaire' ? 'Formulär' : 'Indikatorbeskrivning';
                process.stderr.write(`${what} (${format}, ${result.indicators} indikatorer) skriven till ${options.out}.\n`);
            } else {
                process.stdout.write(result.bytes);
            }
            setExitCode(0);
        });
}
