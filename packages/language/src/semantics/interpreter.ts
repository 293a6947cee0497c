/**
 * The reference interpreter of indicator rules: the one place where the evaluation semantics of
 * INDICATORS.md are written down as code. Generated evaluators are tested against it.
 *
 * - A blank answer is unknown, not "Nej"; logic is three-valued (Kleene), so a rule that is false
 *   whatever the unknown answers are is "not met", one that is true whatever they are is "met".
 * - The exclusion is decided first; an undecidable exclusion gives "missing".
 * - Without an explicit exclusion, an answer saying the area does not exist excludes, nothing else.
 * - An exception (CQL's DENEXCEP) removes a respondent only when the requirement is not met.
 */
import type {
    AnswerCondition, Expression, Indicator, NumericCondition, QuestionItem, QuestionTarget, ReportingUnit
} from '../generated/ast.js';
import {
    areaMissingOptions, isPerArea, questionNumber, questionOf, requirementFor, unitsOfIndicator, variableFor
} from '../model/model-utils.js';

export type Status = 'met' | 'not_met' | 'excluded' | 'missing';
export const STATUSES: readonly Status[] = ['met', 'not_met', 'excluded', 'missing'];

/** Three-valued truth: true, false, or undefined for unknown. */
export type Truth = boolean | undefined;

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
    status: Status;
    /** The answers that decided the status. */
    trace: Reading[];
    /** For ratio indicators: the counts that enter the sums. */
    numerator?: number;
    denominator?: number;
}

interface Outcome { value: Truth; reads: Reading[] }

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

export function and3(a: Truth, b: Truth): Truth {
    if (a === false || b === false) return false;
    if (a === undefined || b === undefined) return undefined;
    return true;
}

export function or3(a: Truth, b: Truth): Truth {
    if (a === true || b === true) return true;
    if (a === undefined || b === undefined) return undefined;
    return false;
}

export function not3(a: Truth): Truth {
    return a === undefined ? undefined : !a;
}

/** Kleene conjunction over outcomes; the trace keeps only what decided the result. */
function all(outcomes: Outcome[]): Outcome {
    const falses = outcomes.filter(o => o.value === false);
    if (falses.length > 0) return { value: false, reads: falses[0].reads };
    const unknown = outcomes.filter(o => o.value === undefined);
    if (unknown.length > 0) return { value: undefined, reads: unknown.flatMap(o => o.reads) };
    return { value: true, reads: outcomes.flatMap(o => o.reads) };
}

function any(outcomes: Outcome[]): Outcome {
    const trues = outcomes.filter(o => o.value === true);
    if (trues.length > 0) return { value: true, reads: trues[0].reads };
    const unknown = outcomes.filter(o => o.value === undefined);
    if (unknown.length > 0) return { value: undefined, reads: unknown.flatMap(o => o.reads) };
    return { value: false, reads: outcomes.flatMap(o => o.reads) };
}

/** The items a target reads: those named, else all (for a question with items), else none. */
export function itemsOfTarget(target: QuestionTarget): Array<QuestionItem | undefined> {
    const question = questionOf(target.question.ref);
    if (target.items.length > 0) return target.items.map(i => i.ref);
    if (question && question.items.length > 0) return question.items;
    return [undefined];
}

function read(target: QuestionTarget, item: QuestionItem | undefined, unit: ReportingUnit | undefined, row: ResponseRow): { reading?: Reading; answer: Answer } {
    const slot = target.question.ref;
    const question = questionOf(slot);
    if (!slot || !question) return { answer: undefined };
    if (isPerArea(question) && !unit) return { answer: undefined };
    const variable = variableFor(question, item, unit, { indicator: slot.$container, slot });
    if (!variable) return { answer: undefined };
    const answer = row[variable];
    const reading: Reading = { variable, question: slot.name, item: item?.name, value: isBlank(answer) ? undefined : answer };
    return { reading, answer };
}

function evaluateAnswerCondition(condition: AnswerCondition, unit: ReportingUnit | undefined, row: ResponseRow): Outcome {
    const codes = new Set(condition.options.flatMap(o => (o.ref ? [String(o.ref.code)] : [])));
    const outcomes = itemsOfTarget(condition.target).map(item => {
        const { reading, answer } = read(condition.target, item, unit, row);
        const code = answerCode(answer);
        return { value: code === undefined ? undefined : codes.has(code), reads: reading ? [reading] : [] } satisfies Outcome;
    });
    return condition.quantifier === 'något' ? any(outcomes) : all(outcomes);
}

export function compare(operator: NumericCondition['operator'], left: number, right: number): boolean {
    switch (operator) {
        case '>': return left > right;
        case '>=': return left >= right;
        case '<': return left < right;
        case '<=': return left <= right;
        case '=': return left === right;
        case '<>': return left !== right;
    }
}

function evaluateNumericCondition(condition: NumericCondition, unit: ReportingUnit | undefined, row: ResponseRow): Outcome {
    const outcomes = itemsOfTarget(condition.target).map(item => {
        const { reading, answer } = read(condition.target, item, unit, row);
        const value = answerNumber(answer);
        return { value: value === undefined ? undefined : compare(condition.operator, value, condition.value), reads: reading ? [reading] : [] } satisfies Outcome;
    });
    return all(outcomes);
}

function evaluate(expression: Expression, unit: ReportingUnit | undefined, row: ResponseRow): Outcome {
    switch (expression.$type) {
        case 'And': return all([evaluate(expression.left, unit, row), evaluate(expression.right, unit, row)]);
        case 'Or': return any([evaluate(expression.left, unit, row), evaluate(expression.right, unit, row)]);
        case 'Not': {
            const inner = evaluate(expression.operand, unit, row);
            return { value: not3(inner.value), reads: inner.reads };
        }
        case 'AnswerCondition': return evaluateAnswerCondition(expression, unit, row);
        case 'NumericCondition': return evaluateNumericCondition(expression, unit, row);
    }
}

/** Evaluates one expression for one area (or none) on one response row. */
export function evaluateExpression(expression: Expression, row: ResponseRow, unit?: ReportingUnit): { value: Truth; trace: Reading[] } {
    const outcome = evaluate(expression, unit, row);
    return { value: outcome.value, trace: outcome.reads };
}

/**
 * Where the model states no exclusion: an answer that says the area does not exist, on any of the
 * indicator's questions, excludes the respondent. Any other answer proves the area exists, so a
 * follow-up left blank by routing does not make the exclusion undecidable; only when every such
 * question is blank is it unknown. Undefined when no question has such an option.
 */
function defaultExclusion(indicator: Indicator, unit: ReportingUnit | undefined, row: ResponseRow): Outcome | undefined {
    const outcomes: Outcome[] = [];
    for (const slot of indicator.questions) {
        const question = questionOf(slot);
        const missing = areaMissingOptions(question);
        if (!question || missing.length === 0) continue;
        const codes = new Set(missing.map(o => String(o.code)));
        const items = question.items.length > 0 ? question.items : [undefined];
        for (const item of items) {
            if (isPerArea(question) && !unit) continue;
            const variable = variableFor(question, item, unit, { indicator, slot });
            if (!variable) continue;
            const answer = row[variable];
            const code = answerCode(answer);
            outcomes.push({
                value: code === undefined ? undefined : codes.has(code),
                reads: [{ variable, question: slot.name, item: item?.name, value: isBlank(answer) ? undefined : answer }]
            });
        }
    }
    return outcomes.length > 0 ? areaAnswer(outcomes) : undefined;
}

/** True if some answer says the area is missing, else false if some answer was given, else unknown. */
function areaAnswer(outcomes: Outcome[]): Outcome {
    const missing = outcomes.find(o => o.value === true);
    if (missing) return missing;
    const answered = outcomes.find(o => o.value === false);
    if (answered) return answered;
    return { value: undefined, reads: outcomes.flatMap(o => o.reads) };
}

/** Whether the respondent is excluded from the denominator for this area (three-valued). */
export function evaluateExclusion(indicator: Indicator, row: ResponseRow, unit?: ReportingUnit): { value: Truth; trace: Reading[] } {
    const outcome = indicator.exclusion
        ? evaluate(indicator.exclusion.condition, unit, row)
        : defaultExclusion(indicator, unit, row) ?? { value: false, reads: [] };
    return { value: outcome.value, trace: outcome.reads };
}

function evaluateRatio(indicator: Indicator, row: ResponseRow, unit: ReportingUnit | undefined, base: Omit<IndicatorResult, 'status' | 'trace'>, exclusionTrace: Reading[]): IndicatorResult {
    const ratio = indicator.ratio!;
    const sum = (target: QuestionTarget) => {
        const parts = itemsOfTarget(target).map(item => read(target, item, unit, row));
        const values = parts.map(p => answerNumber(p.answer));
        const reads = parts.flatMap(p => (p.reading ? [p.reading] : []));
        return { value: values.some(v => v === undefined) ? undefined : values.reduce<number>((a, b) => a + (b ?? 0), 0), reads };
    };
    const numerator = sum(ratio.numerator);
    const denominator = sum(ratio.denominator);
    const trace = [...exclusionTrace, ...numerator.reads, ...denominator.reads];
    if (numerator.value === undefined || denominator.value === undefined) return { ...base, status: 'missing', trace };
    if (denominator.value === 0) return { ...base, status: 'excluded', trace };
    return { ...base, status: 'met', trace, numerator: numerator.value, denominator: denominator.value };
}

/**
 * The status of one indicator for one area or group (or for the respondent as a whole when the
 * indicator has no areas), with the answers that decided it.
 * A ratio indicator's "met" means the respondent's counts enter the sums.
 */
export function evaluateIndicator(indicator: Indicator, row: ResponseRow, unit?: ReportingUnit): IndicatorResult {
    const base = { indicator: indicator.number, group: unit?.name };
    const exclusion = evaluateExclusion(indicator, row, unit);
    if (exclusion.value === true) return { ...base, status: 'excluded', trace: exclusion.trace };
    if (exclusion.value === undefined) return { ...base, status: 'missing', trace: exclusion.trace };
    if (indicator.ratio) return evaluateRatio(indicator, row, unit, base, exclusion.trace);

    const requirement = requirementFor(indicator, unit);
    if (!requirement) return { ...base, status: 'missing', trace: [] };
    const fulfilment = any(requirement.alternatives.map(a => evaluate(a, unit, row)));
    if (fulfilment.value === true) return { ...base, status: 'met', trace: fulfilment.reads };
    if (fulfilment.value === undefined) return { ...base, status: 'missing', trace: fulfilment.reads };
    if (indicator.exception) {
        // The exception's answers decide too, whatever it gives.
        const exception = evaluate(indicator.exception.condition, unit, row);
        const trace = [...fulfilment.reads, ...exception.reads];
        if (exception.value === true) return { ...base, status: 'excluded', trace };
        if (exception.value === undefined) return { ...base, status: 'missing', trace };
        return { ...base, status: 'not_met', trace };
    }
    return { ...base, status: 'not_met', trace: fulfilment.reads };
}

/** The statuses of an indicator for each of its areas and groups, or once when it has none. */
export function evaluateIndicatorForAllUnits(indicator: Indicator, row: ResponseRow): IndicatorResult[] {
    const units = unitsOfIndicator(indicator);
    if (units.length === 0) return [evaluateIndicator(indicator, row)];
    return units.map(unit => evaluateIndicator(indicator, row, unit));
}

/** Numeral order of the indicator's questions, for stable traces and documents. */
export function questionOrder(indicator: Indicator): string[] {
    return [...indicator.questions].sort((a, b) => questionNumber(a) - questionNumber(b)).map(s => s.name);
}
