/** `oj evaluate`: a survey export (CSV or XLSX) in, units.csv, aggregates.csv, indicators.csv and results.xlsx out. */
import * as fs from 'node:fs';
import type { Command } from 'commander';
import {
    describeFileError,
    implausibleText,
    ResponseFileError,
    type EvaluateOptions,
    type EvaluationSummary,
    type InputProblem,
} from '@oj/evaluator';
import { statusCountsText } from '@oj/language';
import { evaluateAndPublish, ResultsFolderError, type PublishSummary } from '@oj/publishing';
import { visibleControls } from '@oj/language';
import { duckdbEvaluateOptions, ENGINE_NAMES, type EngineName } from '@oj/sql';
import { EXIT_INPUT_ERRORS, usageError, withExamples } from '../frame.js';
import { errorCount, openSurveyModel, SURVEY_OPTION } from '../workspace.js';
import {
    evaluateRegisters,
    HAND_OFF_BYTES,
    registerFilesOf,
    type RegisterRun,
    registerSummaryLines,
} from './evaluate-register.js';

export type EvaluateResult =
    | {
          ok: true;
          summary: EvaluationSummary &
              PublishSummary & { registers: RegisterRun[]; notEvaluated: Array<{ indicator: number; register: string }> };
      }
    | { ok: false; modelErrors: number; problems: InputProblem[]; message: string };

/**
 * Evaluates a response file and register files against the model in `inputs`; nothing is written
 * unless all of them are valid. `responses` undefined: only the register files (`registers`, as
 * `--register` takes them) are evaluated.
 */
export async function evaluate(
    inputs: string[],
    responses: string | undefined,
    outDir: string,
    options: EvaluateOptions & {
        survey?: string;
        engine?: EngineName;
        previous?: string;
        registers?: string[];
        /** Called with a Swedish line as soon as it is known (the hand-off to DuckDB), before the long part. */
        onNote?: (line: string) => void;
        /** Called every 100,000 rows of a register file the default engine streams. */
        onRegisterProgress?: (register: string, rows: number) => void;
    } = {},
): Promise<EvaluateResult> {
    if (responses === undefined && (options.registers ?? []).length === 0)
        throw usageError('--responses eller --register krävs: svarsfilen, registerfilen eller båda.');
    // A response file that is not there or is not a file is a file problem (exit 2), not bad input.
    let stat: fs.Stats | undefined;
    try {
        if (responses !== undefined) {
            stat = fs.statSync(responses);
            fs.accessSync(responses, fs.constants.R_OK);
        }
    } catch (error) {
        throw usageError(`Kan inte läsa svarsfilen ${responses}: ${describeFileError(error)}. Inga resultatfiler skrevs.`);
    }
    if (stat?.isDirectory())
        throw usageError(
            `Kan inte läsa svarsfilen ${responses}: ${describeFileError({ code: 'EISDIR' })}. Inga resultatfiler skrevs.`,
        );
    const workspace = await openSurveyModel(inputs, options.survey);
    const modelErrors = errorCount(workspace);
    if (modelErrors > 0) {
        return {
            ok: false,
            modelErrors,
            problems: [],
            message: `Modellen har ${modelErrors} fel; kör "oj check" för att se dem.`,
        };
    }
    const { engine, registers: registerValues = [], onNote, onRegisterProgress, ...rest } = options;
    const engineOptions = engine === 'duckdb' ? duckdbEvaluateOptions() : {};
    const files = registerFilesOf(registerValues, workspace.models);
    try {
        // Register files first: a bad one stops everything before the survey is evaluated or anything written.
        const registers = await evaluateRegisters(workspace.models, files, engine, onRegisterProgress, onNote);
        const summary = await evaluateAndPublish(workspace.models, responses, outDir, {
            ...rest,
            ...engineOptions,
            ...(files.length > 0 ? { registerResults: registers.results } : {}),
        });
        return {
            ok: true,
            summary: {
                ...summary,
                registers: registers.runs,
                notEvaluated: registers.notEvaluated.map((p) => ({ indicator: p.number, register: p.source.name })),
            },
        };
    } catch (error) {
        // Last year's folder is read before anything is evaluated: a folder problem (exit 2).
        if (error instanceof ResultsFolderError)
            throw usageError(`Förra årets resultat: ${error.message} Inga resultatfiler skrevs.`);
        if (!(error instanceof ResponseFileError)) throw error;
        return { ok: false, modelErrors: 0, problems: error.problems, message: error.message };
    }
}

export function registerEvaluate(program: Command, setExitCode: (code: number) => void): void {
    const command = program
        .command('evaluate')
        .description('Utvärdera en svarsfil (CSV eller XLSX) och registerfiler mot modellen')
        .argument('<sökvägar...>', 'filer eller mappar med modellen')
        .option('-r, --responses <fil>', 'svarsfilen: en rad per kommun/stadsdel, en kolumn per variabel')
        .option(
            '--register <fil>',
            'registerfilen (CSV; Parquet med --engine duckdb): en rad per person eller beslut, en kolumn per registerkolumn. ' +
                'Har modellen flera register anges NAMN=fil, en gång per register',
            (value: string, previous: string[]) => [...previous, value],
            [] as string[],
        )
        .requiredOption('-o, --out <mapp>', 'mapp för units.csv, aggregates.csv, indicators.csv och results.xlsx')
        .option('--json', 'skriv en sammanfattning som JSON')
        .option(
            '--engine <motor>',
            `motorn som läser och utvärderar: standard eller duckdb (CSV och Parquet läses av DuckDB). ` +
                `Utan --engine lämnar standardmotorn över en registerfil större än ${HAND_OFF_BYTES / 1024 / 1024} MB till DuckDB och säger det`,
        )
        .option(
            '--previous <mapp>',
            'förra årets resultatmapp (som oj evaluate skrev): föregående status per svarande och förändring per nivå för jämförbara indikatorer',
        )
        .option(...SURVEY_OPTION)
        .action(
            async (
                paths: string[],
                options: {
                    responses?: string;
                    register: string[];
                    out: string;
                    json?: boolean;
                    enkät?: string;
                    engine?: string;
                    previous?: string;
                },
            ) => {
                if (options.engine !== undefined && !ENGINE_NAMES.includes(options.engine as EngineName)) {
                    throw usageError(
                        `Okänd motor "${options.engine.replace(/[\u0000-\u001F\u007F-\u009F]+/g, ' ')}"; välj en av ${ENGINE_NAMES.join(', ')}.`,
                    );
                }
                // Progress only where a person watches it, and not in the middle of JSON; piped output stays plain.
                const progress =
                    process.stderr.isTTY && !options.json
                        ? (done: number, total: number) => process.stderr.write(`\rUtvärderar: ${done} av ${total} svarande…`)
                        : undefined;
                let result: EvaluateResult;
                try {
                    result = await evaluate(paths, options.responses, options.out, {
                        onProgress: progress,
                        onRegisterProgress:
                            progress &&
                            ((register, rows) =>
                                process.stderr.write(`\rLäser registret ${register}: ${rows.toLocaleString('sv-SE')} rader…`)),
                        survey: options.enkät,
                        engine: options.engine as EngineName | undefined,
                        previous: options.previous,
                        registers: options.register,
                        onNote: options.json
                            ? undefined
                            : (line) => process.stderr.write(`${progress ? '\r\x1b[K' : ''}${line}\n`),
                    });
                } finally {
                    if (progress) process.stderr.write('\r\x1b[K');
                }
                if (!result.ok) {
                    if (options.json)
                        process.stdout.write(
                            JSON.stringify({ ok: false, modelErrors: result.modelErrors, problems: result.problems }, null, 2) +
                                '\n',
                        );
                    else
                        process.stderr.write(
                            result.modelErrors > 0 ? `${result.message}\n` : `${result.message}\nInga resultatfiler skrevs.\n`,
                        );
                    setExitCode(EXIT_INPUT_ERRORS);
                    return;
                }
                const { summary } = result;
                if (options.json) {
                    process.stdout.write(JSON.stringify({ ok: true, ...summary }, null, 2) + '\n');
                } else {
                    for (const warning of summary.warnings) process.stderr.write(`Varning: ${warning}\n`);
                    if (summary.implausible.length > 0) {
                        process.stderr.write(
                            `${summary.implausible.length} orimliga värden (en del större än sin helhet) behandlades som saknade:\n`,
                        );
                        // The unit codes come from the response file: nothing in them may steer the terminal.
                        for (const value of summary.implausible)
                            process.stderr.write(`  ${visibleControls(implausibleText(value))}\n`);
                    }
                    const measures = summary.measures.measured + summary.measures.excluded + summary.measures.missing;
                    for (const run of summary.registers)
                        for (const warning of run.warnings) process.stderr.write(`Varning (${run.register}): ${warning}\n`);
                    const registerLines = registerSummaryLines(summary.registers, summary.notEvaluated);
                    process.stderr.write(
                        (options.responses !== undefined
                            ? `Läste ${summary.respondentsRead} svarande, utvärderade ${summary.respondentsEvaluated}: ` +
                              `${statusCountsText(summary.statuses)}.\n`
                            : '') +
                            registerLines.map((line) => `${visibleControls(line)}\n`).join('') +
                            (measures > 0
                                ? `Bakgrundsmått: ${summary.measures.measured} värden, ${summary.measures.excluded} utesluten, ${summary.measures.missing} saknas.\n`
                                : '') +
                            (summary.outside > 0
                                ? `${summary.outside} kombinationer av svarande och indikator ligger utanför indikatorns målpopulation och utvärderades inte.\n`
                                : '') +
                            (summary.previous
                                ? `Jämfört med förra året (${summary.previous.folder}): ${summary.previous.comparable.length} av ${summary.previous.comparable.length + summary.previous.notComparable.length} indikatorer jämförbara` +
                                  `${summary.previous.notComparable.length > 0 ? `; ej jämförda: ${summary.previous.notComparable.join(', ')}` : ''}.\n`
                                : '') +
                            `Skrev ${summary.files.join(', ')}.\n`,
                    );
                }
                setExitCode(0);
            },
        );
    withExamples(command, [
        'oj evaluate examples/oj2019 --responses svar.csv --out resultat/',
        'oj evaluate examples/oj2019 -r svar.xlsx -o resultat/ --json',
        'oj evaluate examples/oj2019 -r svar.parquet -o resultat/ --engine duckdb',
        'oj evaluate examples/oj2020 -r svar-2020.csv -o resultat-2020/ --previous resultat-2019/',
        'oj evaluate examples/register2019 --register examples/register2019/register.csv -o resultat/',
        'oj evaluate modell/ -r svar.csv --register SOL=sol.csv --register LSS=lss.parquet -o resultat/ --engine duckdb',
    ]);
}
