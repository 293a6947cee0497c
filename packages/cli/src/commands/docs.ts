/**
 * `oj docs`: the published documents generated from the model — the indicator description
 * ("Indikatorer – öppna jämförelser <år>") as Word, PDF or HTML, and the questionnaire as Word.
 */
import * as path from 'node:path';
import { Command, Option } from 'commander';
import {
    buildDescriptionDocument,
    buildQuestionnaire,
    renderDocx,
    renderHtml,
    renderPdf,
    renderQuestionnaireDocx,
    renderQuestionnaireHtml,
    renderQuestionnairePdf,
} from '@oj/documents';
import { surveyOfModel, type Model } from '@oj/language';
import { readResponseFile, writeFilesAtomically } from '@oj/evaluator';
import { inputError, usageError, withExamples } from '../frame.js';
import { count } from '../format.js';
import { errorCount, indicatorCount, openSurveyModel, SURVEY_OPTION } from '../workspace.js';

export type DocsFormat = 'docx' | 'pdf' | 'html';
export type DocsKind = 'description' | 'questionnaire';

export interface DocsOptions {
    format: DocsFormat;
    kind?: DocsKind;
    title?: string;
    publisher?: string;
    /** The document date (YYYY-MM-DD); defaults to one taken from the model, so output is reproducible. */
    date?: string;
    /** A survey export (CSV or XLSX): the description's response rates (Tabell 2) are counted from it. */
    responses?: string;
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
        throw usageError(`Ogiltigt datum "${value}": ange ÅÅÅÅ-MM-DD.`);
    }
    return date;
}

/**
 * The document title and publisher the survey declares, when the grammar has them (read by name,
 * so this works before and after the survey gains the fields).
 */
export function documentFieldsOfModel(models: Model[]): { title?: string; publisher?: string } {
    const survey = models.map(surveyOfModel).find((s) => s) as unknown as Record<string, unknown> | undefined;
    const text = (key: string) =>
        typeof survey?.[key] === 'string' && (survey[key] as string).trim() !== '' ? (survey[key] as string) : undefined;
    return { title: text('documentTitle'), publisher: text('publisher') };
}

/** Builds the requested document from the files and folders given. */
export async function docs(inputs: string[], options: DocsOptions): Promise<DocsResult> {
    const kind = options.kind ?? 'description';
    const date = parseDate(options.date);
    const workspace = await openSurveyModel(inputs, options.survey);
    const errors = errorCount(workspace);
    const indicators = indicatorCount(workspace.models);
    if (errors > 0) return { bytes: Buffer.alloc(0), errors, indicators };
    // The flags override what the model says; without either, the documents' own defaults.
    const fromModel = documentFieldsOfModel(workspace.models);
    const common = { title: options.title ?? fromModel.title, publisher: options.publisher ?? fromModel.publisher, date };
    if (kind === 'questionnaire') {
        const questionnaire = buildQuestionnaire(workspace.models, common);
        const bytes =
            options.format === 'pdf'
                ? await renderQuestionnairePdf(questionnaire)
                : options.format === 'docx'
                  ? await renderQuestionnaireDocx(questionnaire)
                  : Buffer.from(renderQuestionnaireHtml(questionnaire, { standalone: true }), 'utf8');
        return { bytes, errors, indicators };
    }
    const responses = options.responses ? await readResponseFile(options.responses) : undefined;
    const doc = buildDescriptionDocument(workspace.models, { ...common, responses });
    const bytes =
        options.format === 'pdf'
            ? await renderPdf(doc)
            : options.format === 'docx'
              ? await renderDocx(doc)
              : Buffer.from(renderHtml(doc, { standalone: true }), 'utf8');
    return { bytes, errors, indicators };
}

/** The format named by --format, else by the output file's extension. */
function formatOf(format: string | undefined, out: string | undefined): DocsFormat | undefined {
    if (format) return format as DocsFormat;
    const ext = out ? path.extname(out).slice(1).toLowerCase() : '';
    return (FORMATS as string[]).includes(ext) ? (ext as DocsFormat) : ext === 'htm' ? 'html' : undefined;
}

export function registerDocs(program: Command, setExitCode: (code: number) => void): void {
    const command = program
        .command('docs')
        .description('Skriv indikatorbeskrivningen eller insamlingsformuläret (Word, PDF, HTML) från modellen')
        .argument('<sökvägar...>', 'filer eller mappar med modellen')
        .addOption(new Option('-f, --format <format>', 'filformat (annars från filändelsen)').choices(FORMATS))
        .addOption(
            new Option('-k, --kind <dokument>', 'vilket dokument: beskrivningen eller formuläret')
                .choices(['description', 'questionnaire'])
                .default('description'),
        )
        .option('-o, --out <fil>', 'fil att skriva (HTML kan skrivas till standard ut)')
        .option('--title <text>', 'dokumentets titel (annars från modellen, eller "Indikatorer – öppna jämförelser <år>")')
        .option('--publisher <text>', 'utgivare, på titelsidan och i dokumentegenskaperna (annars från modellen)')
        .option('--date <ÅÅÅÅ-MM-DD>', 'dokumentets datum i filens metadata (annars publiceringsdatum eller enkätens mätdatum)')
        .option(...SURVEY_OPTION)
        .option('--responses <fil>', 'enkätsvar (CSV eller XLSX) som svarsfrekvensen (tabell 2) räknas från')
        .action(
            async (
                paths: string[],
                options: {
                    format?: string;
                    kind: DocsKind;
                    out?: string;
                    title?: string;
                    publisher?: string;
                    date?: string;
                    responses?: string;
                    enkät?: string;
                },
            ) => {
                const format = formatOf(options.format, options.out);
                if (!format) throw usageError('Ange --format docx, pdf eller html (eller en --out-fil med den ändelsen).');
                if (!options.out && format !== 'html') throw usageError(`--out krävs för ${format}.`);
                const result = await docs(paths, {
                    format,
                    kind: options.kind,
                    title: options.title,
                    publisher: options.publisher,
                    date: options.date,
                    responses: options.responses,
                    survey: options.enkät,
                });
                if (result.errors > 0) {
                    throw inputError(`Modellen har ${result.errors} fel; kör "oj check" för att se dem. Inget dokument skrivet.`);
                }
                if (options.out) {
                    writeFilesAtomically([{ path: options.out, content: result.bytes }]);
                    const what = options.kind === 'questionnaire' ? 'Formuläret' : 'Indikatorbeskrivningen';
                    const written = options.kind === 'questionnaire' ? 'skrivet' : 'skriven';
                    process.stderr.write(
                        `${what} (${format}, ${count(result.indicators, 'indikator', 'indikatorer')}) ${written} till ${options.out}.\n`,
                    );
                } else {
                    process.stdout.write(result.bytes);
                }
                setExitCode(0);
            },
        );
    withExamples(command, [
        'oj docs examples/oj2019 --out indikatorer-2019.pdf',
        'oj docs examples/oj2019 --format docx --out indikatorer-2019.docx --publisher "Socialstyrelsen"',
        'oj docs examples/oj2019 --kind questionnaire --out formular.docx',
    ]);
}
