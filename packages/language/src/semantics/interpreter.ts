/**
 * The reference interpreter: evaluates plans (plan.ts) on response rows, with the answers that
 * decided each status. The semantics are the plan's (INDICATORS.md made exact there); the
 * generated evaluator and the analysis are held to this by the conformance suite and the
 * differential test.
 *
 * - A blank answer is unknown, not "Nej"; logic is three-valued (Kleene), so a rule that is false
 *   whatever the unknown answers are is "not met", one that is true whatever they are is "met".
 * - The exclusion is decided first; an undecidable exclusion gives "missing".
 * - An exception (CQL's DENEXCEP) removes a respondent only when the requirement is not met.
 * The functions taking AST nodes lower them first (cached) and are kept for their callers.
 */
import type { Expression, Indicator, NumericCondition, ReportingUnit } from '../generated/ast.js';
import { questionNumber } from '../model/model-utils.js';
import { type Condition, type InCondition, numberOf, numberReads, type Read, type Sum, type UnitPlan } from './plan.js';
import { lowerExpression, lowerIndicator, lowerUnit } from './lower.js';
import type { Status, Truth } from './status.js';

export { and3, not3, or3, STATUSES, type Status, type Truth } from './status.js';
export { itemsOfTarget } from './lower.js';

/** A cell of a response row: an answer code, a count, or blank. */
export type Answer = string | number | null | undefined;
export type ResponseRow = Readonly<Record<string, Answer>>;

/** One answer that was read while deciding a status. */
export interface Reading {
    variable: string;
    /** The indicator's numeral of the question (i, ii, …). */
    question: string;
    item?: string;
    /** The answer as given; undefined when blank. */
    value?: string | number;
}

export interface IndicatorResult {
    indicator: number;
    /** The area or group code; undefined for an indicator evaluated once. */
    group?: string;
    /** For an indicator split by a stratification (per kön): the stratum's code (K, M) or the total's (T). */
    stratum?: string;
    status: Status;
    /** The answers that decided the status. */
    trace: Reading[];
    /** For ratio indicators: the counts that enter the sums. */
    numerator?: number;
    denominator?: number;
}

interface Outcome {
    value: Truth;
    reads: Reading[];
}

const NO_READS: Reading[] = [];

export function isBlank(answer: Answer): answer is null | undefined | '' {
    return answer === undefined || answer === null || (typeof answer === 'string' && answer.trim() === '');
}

/** The answer as a code, or undefined when blank. Codes compare as trimmed decimal strings. */
export function answerCode(answer: Answer): string | undefined {
    if (isBlank(answer)) return undefined;
    return typeof answer === 'number' ? String(answer) : answer.trim();
}

/** The answer as a number, or undefined when blank or not a number. */
export function answerNumber(answer: Answer): number | undefined {
    if (isBlank(answer)) return undefined;
    const value = typeof answer === 'number' ? answer : Number(answer.trim().replace(',', '.'));
    return Number.isFinite(value) ? value : undefined;
}

export function compare(operator: NumericCondition['operator'], left: number, right: number): boolean {
    switch (operator) {
        case '>':
            return left > right;
        case '>=':
            return left >= right;
        case '<':
            return left < right;
        case '<=':
            return left <= right;
        case '=':
            return left === right;
        case '<>':
            return left !== right;
    }
}

/** Kleene conjunction over outcomes; the trace keeps only what decided the result. */
function all(outcomes: Outcome[]): Outcome {
    const falses = outcomes.filter((o) => o.value === false);
    if (falses.length > 0) return { value: false, reads: falses[0].reads };
    const unknown = outcomes.filter((o) => o.value === undefined);
    if (unknown.length > 0) return { value: undefined, reads: unknown.flatMap((o) => o.reads) };
    return { value: true, reads: outcomes.flatMap((o) => o.reads) };
}

function any(outcomes: Outcome[]): Outcome {
    const trues = outcomes.filter((o) => o.value === true);
    if (trues.length > 0) return { value: true, reads: trues[0].reads };
    const unknown = outcomes.filter((o) => o.value === undefined);
    if (unknown.length > 0) return { value: undefined, reads: unknown.flatMap((o) => o.reads) };
    return { value: false, reads: outcomes.flatMap((o) => o.reads) };
}

/** Kleene counting: at least `count` known true, or no chance of it, or unknown (plan.ts, AtLeastCondition). */
function atLeast(count: number, outcomes: Outcome[]): Outcome {
    const trues = outcomes.filter((o) => o.value === true);
    if (trues.length >= count) return { value: true, reads: trues.slice(0, count).flatMap((o) => o.reads) };
    const unknown = outcomes.filter((o) => o.value === undefined);
    if (trues.length + unknown.length < count)
        return { value: false, reads: outcomes.filter((o) => o.value === false).flatMap((o) => o.reads) };
    return { value: undefined, reads: unknown.flatMap((o) => o.reads) };
}

/** The default exclusion: the first part saying the area is missing, else the first answered, else all. */
function someAreaMissing(outcomes: Outcome[]): Outcome {
    const missing = outcomes.find((o) => o.value === true);
    if (missing) return missing;
    const answered = outcomes.find((o) => o.value === false);
    if (answered) return answered;
    return { value: undefined, reads: outcomes.flatMap((o) => o.reads) };
}

function reading(read: Read, row: ResponseRow): Reading {
    const answer = row[read.variable];
    return { variable: read.variable, question: read.question, item: read.item, value: isBlank(answer) ? undefined : answer };
}

function evaluateIn(condition: InCondition, row: ResponseRow): Outcome {
    const { read } = condition;
    const code = answerCode(row[read.variable]);
    if (code === undefined && read.blankAs) {
        // A blank tick box counts as not ticked when another box of the question is ticked; that box decides too.
        const blank = read.blankAs.code;
        const ticked = read.blankAs.ticked.find((other) => {
            const c = answerCode(row[other.variable]);
            return c !== undefined && c !== blank;
        });
        if (ticked) return { value: condition.codes.includes(blank), reads: [reading(read, row), reading(ticked, row)] };
    }
    return { value: code === undefined ? undefined : condition.codes.includes(code), reads: [reading(read, row)] };
}

/** One condition of a plan on one row. */
export function evaluateCondition(condition: Condition, row: ResponseRow): { value: Truth; trace: Reading[] } {
    const outcome = evaluate(condition, row);
    return { value: outcome.value, trace: outcome.reads };
}

function evaluate(condition: Condition, row: ResponseRow): Outcome {
    switch (condition.kind) {
        case 'and':
            return all(condition.operands.map((c) => evaluate(c, row)));
        case 'or':
            return any(condition.operands.map((c) => evaluate(c, row)));
        case 'not': {
            const inner = evaluate(condition.operand, row);
            return { value: inner.value === undefined ? undefined : !inner.value, reads: inner.reads };
        }
        case 'in':
            return evaluateIn(condition, row);
        case 'compare': {
            const value = answerNumber(row[condition.read.variable]);
            return {
                value: value === undefined ? undefined : compare(condition.operator, value, condition.value),
                reads: [reading(condition.read, row)],
            };
        }
        case 'areaMissing':
            return someAreaMissing(condition.parts.map((p) => evaluateIn(p, row)));
        case 'atLeast':
            return atLeast(
                condition.count,
                condition.operands.map((c) => evaluate(c, row)),
            );
        case 'calculation': {
            const left = numberOf(condition.left, (terms) => sum(terms, row).value);
            const right = numberOf(condition.right, (terms) => sum(terms, row).value);
            const reads = [...numberReads(condition.left), ...numberReads(condition.right)].map((r) => reading(r, row));
            return {
                value: left === undefined || right === undefined ? undefined : compare(condition.operator, left, right),
                reads,
            };
        }
        case 'const':
            return { value: condition.value, reads: NO_READS };
    }
}

/** A sum of counts on one row: unknown when any term is blank or unresolved. */
export function evaluateSum(terms: Sum, row: ResponseRow): { value: number | undefined; reads: Reading[] } {
    return sum(terms, row);
}

function sum(terms: Sum, row: ResponseRow): { value: number | undefined; reads: Reading[] } {
    const reads = terms.reads.map((r) => reading(r, row));
    const values = terms.reads.map((r) => answerNumber(row[r.variable]));
    const known = terms.unresolved === 0 && values.every((v) => v !== undefined);
    return { value: known ? values.reduce<number>((a, b) => a + (b ?? 0), 0) : undefined, reads };
}

/**
 * The status of one unit plan on one row, with the answers that decided it.
 * A ratio indicator's "met" means the respondent's counts enter the sums.
 */
export function evaluatePlan(plan: UnitPlan, row: ResponseRow): IndicatorResult {
    const base = plan.stratum
        ? { indicator: plan.indicator, group: plan.unit, stratum: plan.stratum.code }
        : { indicator: plan.indicator, group: plan.unit };
    const exclusion = evaluate(plan.exclusion, row);
    if (exclusion.value === true) return { ...base, status: 'excluded', trace: exclusion.reads };
    if (exclusion.value === undefined) return { ...base, status: 'missing', trace: exclusion.reads };
    if (plan.ratio) {
        const numerator = sum(plan.ratio.numerator, row);
        const denominator = sum(plan.ratio.denominator, row);
        const trace = [...exclusion.reads, ...numerator.reads, ...denominator.reads];
        if (numerator.value === undefined || denominator.value === undefined) return { ...base, status: 'missing', trace };
        if (denominator.value === 0) return { ...base, status: 'excluded', trace };
        return { ...base, status: 'met', trace, numerator: numerator.value, denominator: denominator.value };
    }
    if (!plan.requirement) return { ...base, status: 'missing', trace: [] };
    const fulfilment = evaluate(plan.requirement, row);
    if (fulfilment.value === true) return { ...base, status: 'met', trace: fulfilment.reads };
    if (fulfilment.value === undefined) return { ...base, status: 'missing', trace: fulfilment.reads };
    if (plan.exception) {
        // The exception's answers decide too, whatever it gives.
        const exception = evaluate(plan.exception, row);
        const trace = [...fulfilment.reads, ...exception.reads];
        if (exception.value === true) return { ...base, status: 'excluded', trace };
        if (exception.value === undefined) return { ...base, status: 'missing', trace };
        return { ...base, status: 'not_met', trace };
    }
    return { ...base, status: 'not_met', trace: fulfilment.reads };
}

/** Evaluates one expression for one area (or none) on one response row. */
export function evaluateExpression(
    expression: Expression,
    row: ResponseRow,
    unit?: ReportingUnit,
): { value: Truth; trace: Reading[] } {
    return evaluateCondition(lowerExpression(expression, unit), row);
}

/** Whether the respondent is excluded from the denominator for this area (three-valued). */
export function evaluateExclusion(
    indicator: Indicator,
    row: ResponseRow,
    unit?: ReportingUnit,
): { value: Truth; trace: Reading[] } {
    return evaluateCondition(lowerUnit(indicator, unit).exclusion, row);
}

/**
 * The status of one indicator for one area or group (or for the respondent as a whole when the
 * indicator has no areas), with the answers that decided it.
 */
export function evaluateIndicator(indicator: Indicator, row: ResponseRow, unit?: ReportingUnit): IndicatorResult {
    return evaluatePlan(lowerUnit(indicator, unit), row);
}

/** The statuses of an indicator for each of its areas and groups, or once when it has none. */
export function evaluateIndicatorForAllUnits(indicator: Indicator, row: ResponseRow): IndicatorResult[] {
    return lowerIndicator(indicator).units.map((plan) => evaluatePlan(plan, row));
}

/** Numeral order of the indicator's questions, for stable traces and documents. */
export function questionOrder(indicator: Indicator): string[] {
    return [...indicator.questions].sort((a, b) => questionNumber(a) - questionNumber(b)).map((s) => s.name);
}
