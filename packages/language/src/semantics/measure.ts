/**
 * Background measures (bakgrundsmått): a value per respondent — a count, a sum of counts, or the
 * quotient of two such sums — with no desired direction and no met/not met. Evaluated on the plan
 * (plan.ts, `MeasurePlan`): a blank count makes the value unknown ("missing"); the exclusion is
 * decided first, as for every indicator; a quotient whose denominator is 0 has no value and is left
 * out ("excluded"). Per level the values are aggregated as authored: their sum, mean or median.
 */
import type { Indicator, Measure, MeasureAggregation, MeasureOperand, ReportingUnit } from '../generated/ast.js';
import { evaluateCondition, evaluateSum, type Reading, type ResponseRow } from './interpreter.js';
import { itemsOfTarget, lowerIndicator, lowerUnit } from './lower.js';
import type { UnitPlan } from './plan.js';
import { joinSwedish, ratioTargetText } from './rule-text.js';

export type MeasureStatus = 'measured' | 'excluded' | 'missing';
export const MEASURE_STATUSES: readonly MeasureStatus[] = ['measured', 'excluded', 'missing'];

export interface MeasureResult {
    indicator: number;
    group?: string;
    /** For a measure split by a stratification (per kön): the stratum's code (K, M) or the total's (T). */
    stratum?: string;
    status: MeasureStatus;
    /** The respondent's value when measured. */
    value?: number;
    /** For a quotient: the two sums it divides. */
    numerator?: number;
    denominator?: number;
    trace: Reading[];
}

export function isBackgroundMeasure(indicator: Indicator): boolean {
    return indicator.measure !== undefined;
}

/** How the values are aggregated per level: as authored, a sum when nothing is said. */
export function measureAggregation(measure: Measure): MeasureAggregation {
    return measure.aggregation ?? 'summa';
}

/** The value of a background measure's unit plan on one row, with the answers that decided it. */
export function evaluateMeasurePlan(plan: UnitPlan, row: ResponseRow): MeasureResult {
    const base: { indicator: number; group?: string; stratum?: string } =
        plan.unit === undefined ? { indicator: plan.indicator } : { indicator: plan.indicator, group: plan.unit };
    if (plan.stratum) base.stratum = plan.stratum.code;
    const exclusion = evaluateCondition(plan.exclusion, row);
    if (exclusion.value === true) return { ...base, status: 'excluded', trace: exclusion.trace };
    if (exclusion.value === undefined) return { ...base, status: 'missing', trace: exclusion.trace };
    if (!plan.measure) return { ...base, status: 'missing', trace: [] };
    const numerator = evaluateSum(plan.measure.numerator, row);
    const denominator = plan.measure.denominator ? evaluateSum(plan.measure.denominator, row) : undefined;
    const trace = [...exclusion.trace, ...numerator.reads, ...(denominator?.reads ?? [])];
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

/** The value of a background measure for one area or group (or the respondent as a whole). */
export function evaluateMeasure(indicator: Indicator, row: ResponseRow, unit?: ReportingUnit): MeasureResult {
    return evaluateMeasurePlan(lowerUnit(indicator, unit), row);
}

export function evaluateMeasureForAllUnits(indicator: Indicator, row: ResponseRow): MeasureResult[] {
    return lowerIndicator(indicator).units.map((plan) => evaluateMeasurePlan(plan, row));
}

function operandText(operand: MeasureOperand, singleQuestion: boolean): string {
    // An indicator with one question prints it without its numeral: "frågan".
    return joinSwedish(
        operand.terms.map((t) => (singleQuestion && t.target.items.length === 0 ? 'frågan' : ratioTargetText(t.target))),
    );
}

const AGGREGATION_TEXT: Record<MeasureAggregation, string> = {
    summa: 'summeras',
    medelvärde: 'redovisas som medelvärde',
    median: 'redovisas som median',
};

/**
 * "antalet enligt fråga i", "summan av svaren på fråga i och fråga ii", "summan av svaren på fråga i
 * delat med summan av svaren på fråga ii", with how the values are aggregated per level.
 */
export function measureText(measure: Measure, singleQuestion = false): string {
    const single = (operand: MeasureOperand) => operand.terms.length === 1 && itemsOfTarget(operand.terms[0].target).length <= 1;
    const side = (operand: MeasureOperand) =>
        `${single(operand) ? 'svaret' : 'summan av svaren'} på ${operandText(operand, singleQuestion)}`;
    const numerator = side(measure.numerator);
    const value = measure.denominator ? `${numerator} delat med ${side(measure.denominator)}` : numerator;
    return `${value}; värdena ${AGGREGATION_TEXT[measureAggregation(measure)]} per redovisningsnivå`;
}
