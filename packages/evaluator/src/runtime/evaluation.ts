/**
 * Runtime of a generated evaluator: three-valued logic with the answers that decided each value.
 * This file is copied verbatim into every generated package (it has no imports), so the generated
 * code stays straight-line calls into these few helpers. The semantics are those of the reference
 * interpreter of the oj toolchain (@oj/language, semantics/interpreter.ts); a differential test over
 * random rows holds the two together.
 */

export type Status = 'met' | 'not_met' | 'excluded' | 'missing';
export type Answer = string | number | null | undefined;
export type ResponseRow = Readonly<Record<string, Answer>>;

/** One answer that was read while deciding a status. */
export interface Reading {
    variable: string;
    question: string;
    item?: string;
    value?: string | number;
}

export interface IndicatorResult {
    indicator: number;
    group?: string;
    /** For an indicator split by a stratification (per kön): the stratum's code (K, M) or the total's (T). */
    stratum?: string;
    status: Status;
    trace: Reading[];
    numerator?: number;
    denominator?: number;
}

/** A three-valued truth (true, false, undefined = unknown) with the readings that decided it. */
export interface Outcome {
    v: boolean | undefined;
    r: Reading[];
}

const NONE: Reading[] = [];

export function isBlank(answer: Answer): answer is null | undefined | '' {
    return answer === undefined || answer === null || (typeof answer === 'string' && answer.trim() === '');
}

function reading(row: ResponseRow, variable: string, question: string, item: string | undefined): Reading {
    const answer = row[variable];
    const value = isBlank(answer) ? undefined : answer;
    return item === undefined ? { variable, question, value } : { variable, question, item, value };
}

/** Whether the answer in `variable` is one of `codes`. */
export function answerIn(
    row: ResponseRow,
    variable: string,
    codes: ReadonlySet<string>,
    question: string,
    item?: string,
): Outcome {
    const answer = row[variable];
    const code = isBlank(answer) ? undefined : typeof answer === 'number' ? String(answer) : answer.trim();
    return { v: code === undefined ? undefined : codes.has(code), r: [reading(row, variable, question, item)] };
}

export function answerNumber(answer: Answer): number | undefined {
    if (isBlank(answer)) return undefined;
    const value = typeof answer === 'number' ? answer : Number(answer.trim().replace(',', '.'));
    return Number.isFinite(value) ? value : undefined;
}

/** A comparison of a count with a constant. */
export function count(
    row: ResponseRow,
    variable: string,
    test: (value: number) => boolean,
    question: string,
    item?: string,
): Outcome {
    const value = answerNumber(row[variable]);
    return { v: value === undefined ? undefined : test(value), r: [reading(row, variable, question, item)] };
}

/** The sum of counts, undefined when any is blank. */
export function sum(
    row: ResponseRow,
    parts: ReadonlyArray<readonly [string, string, string | undefined]>,
): { value: number | undefined; r: Reading[] } {
    let total = 0;
    let known = true;
    const r: Reading[] = [];
    for (const [variable, question, item] of parts) {
        const value = answerNumber(row[variable]);
        r.push(reading(row, variable, question, item));
        if (value === undefined) known = false;
        else total += value;
    }
    return { value: known ? total : undefined, r };
}

/** Kleene conjunction; the trace keeps only what decided the result. */
export function all(...outcomes: Outcome[]): Outcome {
    for (const o of outcomes) if (o.v === false) return { v: false, r: o.r };
    const unknown = outcomes.filter((o) => o.v === undefined);
    if (unknown.length > 0) return { v: undefined, r: unknown.flatMap((o) => o.r) };
    return { v: true, r: outcomes.flatMap((o) => o.r) };
}

/** Kleene disjunction; the trace keeps only what decided the result. */
export function any(...outcomes: Outcome[]): Outcome {
    for (const o of outcomes) if (o.v === true) return { v: true, r: o.r };
    const unknown = outcomes.filter((o) => o.v === undefined);
    if (unknown.length > 0) return { v: undefined, r: unknown.flatMap((o) => o.r) };
    return { v: false, r: outcomes.flatMap((o) => o.r) };
}

export function not(outcome: Outcome): Outcome {
    return { v: outcome.v === undefined ? undefined : !outcome.v, r: outcome.r };
}

export const NO_EXCLUSION: Outcome = { v: false, r: NONE };

/** The default exclusion: true if an answer says the area is missing, else false if any was given, else unknown. */
export function areaAnswer(...outcomes: Outcome[]): Outcome {
    for (const o of outcomes) if (o.v === true) return o;
    for (const o of outcomes) if (o.v === false) return o;
    return { v: undefined, r: outcomes.flatMap((o) => o.r) };
}

/** Exclusion first, then the requirement, then (when not met) the exception. */
export function decide(
    indicator: number,
    group: string | undefined,
    exclusion: Outcome,
    requirement: () => Outcome,
    exception?: () => Outcome,
): IndicatorResult {
    const base = group === undefined ? { indicator } : { indicator, group };
    if (exclusion.v === true) return { ...base, status: 'excluded', trace: exclusion.r };
    if (exclusion.v === undefined) return { ...base, status: 'missing', trace: exclusion.r };
    const fulfilment = requirement();
    if (fulfilment.v === true) return { ...base, status: 'met', trace: fulfilment.r };
    if (fulfilment.v === undefined) return { ...base, status: 'missing', trace: fulfilment.r };
    if (exception) {
        const e = exception();
        const trace = [...fulfilment.r, ...e.r];
        return { ...base, status: e.v === true ? 'excluded' : e.v === undefined ? 'missing' : 'not_met', trace };
    }
    return { ...base, status: 'not_met', trace: fulfilment.r };
}

/** A ratio indicator: both sums known and a denominator above zero count ("met"). */
export function decideRatio(
    indicator: number,
    group: string | undefined,
    exclusion: Outcome,
    numerator: { value: number | undefined; r: Reading[] },
    denominator: { value: number | undefined; r: Reading[] },
    stratum?: string,
): IndicatorResult {
    const base: { indicator: number; group?: string; stratum?: string } =
        group === undefined ? { indicator } : { indicator, group };
    if (stratum !== undefined) base.stratum = stratum;
    if (exclusion.v === true) return { ...base, status: 'excluded', trace: exclusion.r };
    if (exclusion.v === undefined) return { ...base, status: 'missing', trace: exclusion.r };
    const trace = [...exclusion.r, ...numerator.r, ...denominator.r];
    if (numerator.value === undefined || denominator.value === undefined) return { ...base, status: 'missing', trace };
    if (denominator.value === 0) return { ...base, status: 'excluded', trace };
    return { ...base, status: 'met', trace, numerator: numerator.value, denominator: denominator.value };
}

/** A background measure's value for one respondent: no met/not met, a value or none. */
export interface MeasureResult {
    indicator: number;
    group?: string;
    stratum?: string;
    status: 'measured' | 'excluded' | 'missing';
    /** The count, sum, or quotient of sums; only when measured. */
    value?: number;
    /** For a quotient: the two sums it divides. */
    numerator?: number;
    denominator?: number;
    trace: Reading[];
}

/** A background measure: exclusion first, then the sums; a quotient over 0 has no value (excluded). */
export function decideMeasure(
    indicator: number,
    group: string | undefined,
    exclusion: Outcome,
    numerator: { value: number | undefined; r: Reading[] },
    denominator?: { value: number | undefined; r: Reading[] },
    stratum?: string,
): MeasureResult {
    const base: { indicator: number; group?: string; stratum?: string } =
        group === undefined ? { indicator } : { indicator, group };
    if (stratum !== undefined) base.stratum = stratum;
    if (exclusion.v === true) return { ...base, status: 'excluded', trace: exclusion.r };
    if (exclusion.v === undefined) return { ...base, status: 'missing', trace: exclusion.r };
    const trace = [...exclusion.r, ...numerator.r, ...(denominator?.r ?? [])];
    if (numerator.value === undefined || (denominator && denominator.value === undefined))
        return { ...base, status: 'missing', trace };
    if (!denominator) return { ...base, status: 'measured', value: numerator.value, trace };
    if (denominator.value === 0) return { ...base, status: 'excluded', trace };
    return {
        ...base,
        status: 'measured',
        value: numerator.value / denominator.value!,
        numerator: numerator.value,
        denominator: denominator.value,
        trace,
    };
}

/*
 * The fast path: each answer is read once into a local, truth is a small integer (0 false, 1 true,
 * 2 unknown) and nothing is allocated but the result, so that evaluating a row costs what
 * hand-written code costs. The traced helpers above give the same values with the deciding answers;
 * they run only when a result's trace is read.
 */
export type Truth3 = 0 | 1 | 2;

/** The answer as a code (trimmed text), or undefined when blank. */
export function answerCode(answer: Answer): string | undefined {
    if (typeof answer === 'string') {
        if (answer === '') return undefined;
        const code = answer.trim();
        return code === '' ? undefined : code;
    }
    return typeof answer === 'number' ? String(answer) : undefined;
}

export function and3(a: Truth3, b: Truth3): Truth3 {
    return a === 0 || b === 0 ? 0 : a === 2 || b === 2 ? 2 : 1;
}

export function or3(a: Truth3, b: Truth3): Truth3 {
    return a === 1 || b === 1 ? 1 : a === 2 || b === 2 ? 2 : 0;
}

/** The default exclusion on the fast path: missing-area answer (1) over any answer (0) over blank (2). */
export function area3(a: Truth3, b: Truth3): Truth3 {
    return a === 1 || b === 1 ? 1 : a === 0 || b === 0 ? 0 : 2;
}

export function not3(a: Truth3): Truth3 {
    return a === 2 ? 2 : a === 1 ? 0 : 1;
}

/**
 * A result of the fast path. Its status is decided; its trace is worked out by the traced
 * evaluation of the same indicator when first read (and kept), so a run that only counts statuses
 * never pays for traces. JSON.stringify gives the same object as an eagerly traced result.
 */
export class Result implements IndicatorResult {
    readonly indicator: number;
    readonly group?: string;
    readonly status: Status;
    readonly #row: ResponseRow;
    readonly #explain: (row: ResponseRow) => IndicatorResult;
    #trace: Reading[] | undefined;

    constructor(
        indicator: number,
        group: string | undefined,
        status: Status,
        row: ResponseRow,
        explain: (row: ResponseRow) => IndicatorResult,
    ) {
        this.indicator = indicator;
        this.group = group;
        this.status = status;
        this.#row = row;
        this.#explain = explain;
    }

    get trace(): Reading[] {
        if (this.#trace === undefined) this.#trace = this.#explain(this.#row).trace;
        return this.#trace;
    }

    toJSON(): IndicatorResult {
        return this.group === undefined
            ? { indicator: this.indicator, status: this.status, trace: this.trace }
            : { indicator: this.indicator, group: this.group, status: this.status, trace: this.trace };
    }
}
