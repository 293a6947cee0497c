/**
 * `oj evaluate --register`: which register file is which register of the model, which engine
 * counts it, and what is said about it. The default engine streams the file; above
 * HAND_OFF_BYTES it hands the file to DuckDB by itself and says so (`--engine standard` keeps it).
 */
import * as fs from 'node:fs';
import {
    describeFileError,
    evaluateRegisterFile,
    registerPlansOf,
    registerResults,
    type RegisterIndicatorResult,
    shown,
} from '@oj/evaluator';
import type { Model, RegisterIndicatorPlan } from '@oj/language';
import { evaluateRegisterWithDuckDb, type EngineName } from '@oj/sql';
import { usageError } from '../frame.js';

/**
 * Above this size the default engine hands a register file to DuckDB: about 4,5 million rows of a
 * register of six columns. Below it the streaming engine needs under 500 MB at any size (it holds
 * counts, not rows) but takes some seconds per million rows; DuckDB reads the file on both cores.
 */
export const HAND_OFF_BYTES = 200 * 1024 * 1024;

export interface RegisterFile {
    register: string;
    file: string;
}

/** The registers the models declare, by name. */
export function registersOf(models: Model[]): string[] {
    const names = new Set<string>();
    for (const model of models)
        for (const element of model.elements) if (element.$type === 'Register') names.add((element as { name: string }).name);
    return [...names].sort();
}

/**
 * `--register` values: `fil` when the model has one register, `NAMN=fil` for one of several (the
 * name as declared, case not mattering). A usage error names what is wrong.
 */
export function registerFilesOf(values: readonly string[], models: Model[]): RegisterFile[] {
    const declared = registersOf(models);
    const files: RegisterFile[] = [];
    for (const value of values) {
        const match = /^([^=\\/]+)=(.+)$/.exec(value);
        const named = match
            ? declared.find((d) => d.toLocaleLowerCase('sv') === match[1].trim().toLocaleLowerCase('sv'))
            : undefined;
        let register: string;
        let file: string;
        if (named) {
            register = named;
            file = match![2];
        } else if (declared.length === 0) {
            throw usageError('Modellen deklarerar inget register; --register kan inte användas. Inga resultatfiler skrevs.');
        } else if (match && !fs.existsSync(value)) {
            throw usageError(
                `Modellen har inget register "${shown(match[1])}"; den har ${declared.join(', ')}. Inga resultatfiler skrevs.`,
            );
        } else if (declared.length === 1) {
            register = declared[0];
            file = value;
        } else {
            throw usageError(
                `Modellen har flera register (${declared.join(', ')}): ange vilket filen ${shown(value)} är, t.ex. --register ${declared[0]}=${shown(value)}. Inga resultatfiler skrevs.`,
            );
        }
        if (files.some((f) => f.register === register))
            throw usageError(`Registret ${register} har fått mer än en fil. Inga resultatfiler skrevs.`);
        try {
            if (fs.statSync(file).isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
            fs.accessSync(file, fs.constants.R_OK);
        } catch (error) {
            throw usageError(
                `Kan inte läsa registerfilen ${shown(file)}: ${describeFileError(error)}. Inga resultatfiler skrevs.`,
            );
        }
        files.push({ register, file });
    }
    return files;
}

export interface RegisterRun {
    register: string;
    file: string;
    engine: EngineName;
    /** Why the engine is not the one asked for (the default engine's hand-off of a large file). */
    handedOff?: string;
    rowsRead: number;
    indicators: Array<{
        indicator: number;
        name: string;
        numerator: number;
        denominator: number;
        missing: number;
        unknownUnit: number;
        suppressed: number;
    }>;
    warnings: string[];
}

/**
 * Counts each register file's indicators with the chosen engine and makes their published cells.
 * `engine` undefined is the default engine with its hand-off; `standard` never hands off.
 */
export async function evaluateRegisters(
    models: Model[],
    files: readonly RegisterFile[],
    engine: EngineName | undefined,
    onProgress?: (register: string, rows: number) => void,
    onNote?: (line: string) => void,
): Promise<{ results: RegisterIndicatorResult[]; runs: RegisterRun[]; notEvaluated: RegisterIndicatorPlan[] }> {
    const plans = registerPlansOf(models);
    const results: RegisterIndicatorResult[] = [];
    const runs: RegisterRun[] = [];
    for (const { register, file } of files) {
        const own = plans.filter((p) => p.source.name === register);
        if (own.length === 0) continue;
        const size = fs.statSync(file).size;
        let used: EngineName = engine ?? 'standard';
        let handedOff: string | undefined;
        if (engine === undefined && size > HAND_OFF_BYTES) {
            used = 'duckdb';
            handedOff = `Registerfilen ${file} är ${Math.round(size / 1024 / 1024)} MB; standardmotorn lämnar över den till DuckDB (över ${HAND_OFF_BYTES / 1024 / 1024} MB). Ange --engine standard för att ändå använda standardmotorn.`;
            onNote?.(handedOff);
        }
        const counts =
            used === 'duckdb'
                ? await evaluateRegisterWithDuckDb(own, file)
                : await evaluateRegisterFile(own, file, { onProgress: onProgress && ((rows) => onProgress(register, rows)) });
        const published = registerResults(own, counts);
        results.push(...published);
        runs.push({
            register,
            file,
            engine: used,
            ...(handedOff ? { handedOff } : {}),
            rowsRead: counts.rowsRead,
            warnings: counts.warnings,
            indicators: published.map((r) => {
                const total = r.counted.filter((c) => c.stratification === undefined);
                return {
                    indicator: r.plan.number,
                    name: r.plan.name,
                    numerator: total.reduce((s, c) => s + c.numerator, 0),
                    denominator: total.reduce((s, c) => s + c.denominator, 0),
                    missing: r.missing,
                    unknownUnit: r.unknownUnit,
                    suppressed: [...r.units, ...r.levels].filter((c) => c.suppressed).length,
                };
            }),
        });
    }
    const given = new Set(files.map((f) => f.register));
    results.sort((a, b) => a.plan.number - b.plan.number);
    return { results, runs, notEvaluated: plans.filter((p) => !given.has(p.source.name)) };
}

const number = (n: number) => n.toLocaleString('sv-SE');

/** The summary lines of the register runs, in Swedish. */
export function registerSummaryLines(
    runs: readonly RegisterRun[],
    notEvaluated: ReadonlyArray<{ indicator: number; register: string }>,
): string[] {
    const lines: string[] = [];
    for (const run of runs) {
        lines.push(
            `Register ${run.register} (${run.file}): ${number(run.rowsRead)} rader lästa med ${run.engine === 'duckdb' ? 'DuckDB' : 'standardmotorn'}.`,
        );
        for (const i of run.indicators)
            lines.push(
                `  Indikator ${i.indicator}: täljare ${number(i.numerator)}, nämnare ${number(i.denominator)}` +
                    `${i.missing > 0 ? `, ${number(i.missing)} saknas (kan inte avgöras)` : ''}` +
                    `${i.unknownUnit > 0 ? `, ${number(i.unknownUnit)} rader utan känd kommunkod` : ''}` +
                    `${i.suppressed > 0 ? `; ${number(i.suppressed)} celler undertryckta (röjandekontroll)` : ''}.`,
            );
    }
    if (notEvaluated.length > 0) {
        const registers = [...new Set(notEvaluated.map((p) => p.register))];
        lines.push(
            `${notEvaluated.length === 1 ? 'Registerindikatorn' : 'Registerindikatorerna'} ${notEvaluated.map((p) => p.indicator).join(', ')} utvärderades inte: ingen registerfil för ${registers.join(', ')} (--register).`,
        );
    }
    return lines;
}
