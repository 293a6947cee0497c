/**
 * Background measures (bakgrundsmått): a value per respondent — a count, a sum of counts, or the
 * quotient of two such sums — with no desired direction and no met/not met. A blank count makes the
 * value unknown ("missing"); the exclusion is decided first, as for every indicator; a quotient
 * whose denominator is 0 has no value and is left out ("excluded"). Per level the values are
 * aggregated as authored: their sum, mean or median.
 */
import type { Indicator, Measure, MeasureAggregation, MeasureOperand, ReportingUnit } from '../generated/ast.js';
import { isPerArea, questionOf, unitsOfIndicator, variableFor } from '../model-utils.js';
import {
    answerNumber, evaluateExclusion, isBlank, itemsOfTarget, type Reading, type ResponseRow
} from './interpreter.js';
import { joinSwedish, ratioTargetText } from './rule-text.js';

export type MeasureStatus = 'measured' | 'excluded' | 'missing';
export const MEASURE_STATUSES: readonly MeasureStatus[] = ['measured', 'excluded', 'missing'];

export interface MeasureResult {
    indicator: number;
    group?: string;
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

function operandSum(operand: MeasureOperand, unit: ReportingUnit | undefined, row: ResponseRow): { value: number | undefined; reads: Reading[] } {
    let total = 0;
    let known = true;
    const reads: Reading[] = [];
    for (const term of operand.terms) {
        const slot = term.target.question.ref;
        const question = questionOf(slot);
        for (const item of itemsOfTarget(term.target)) {
            const variable = slot && question && !(isPerArea(question) && !unit)
                ? variableFor(question, item, unit, { indicator: slot.$container, slot }) : undefined;
            if (!slot || !variable) { known = false; continue; }
            const answer = row[variable];
            reads.push({ variable, question: slot.name, item: item?.name, value: isBlank(answer) ? undefined : answer });
            const value = answerNumber(answer);
            if (value === undefined) known = false; else total += value;
        }
    }
    return { value: known ? total : undefined, reads };
}

/** The value of a background measure for one area or group (or the respondent as a whole). */
export function evaluateMeasure(indicator: Indicator, row: ResponseRow, unit?: ReportingUnit): MeasureResult {
    const base = unit ? { indicator: indicator.number, group: unit.name } : { indicator: indicator.number };
    const measure = indicator.measure!;
    const exclusion = evaluateExclusion(indicator, row, unit);
    if (exclusion.value === true) return { ...base, status: 'excluded', trace: exclusion.trace };
    if (exclusion.value === undefined) return { ...base, status: 'missing', trace: exclusion.trace };
    const numerator = operandSum(measure.numerator, unit, row);
    const denominator = measure.denominator ? operandSum(measure.denominator, unit, row) : undefined;
    const trace = [...exclusion.trace, ...numerator.reads, ...(denominator?.reads ?? [])];
    if (numerator.value === undefined || (denominator && denominator.value === undefined)) return { ...base, status: 'missing', trace };
    if (!denominator) return { ...base, status: 'measured', value: numerator.value, trace };
    if (denominator.value === 0) return { ...base, status: 'excluded', trace };
    return { ...base, status: 'measured', value: numerator.value / denominator.value!, numerator: numerator.value, denominator: denominator.value, trace };
}

export function evaluateMeasureForAllUnits(indicator: Indicator, row: ResponseRow): MeasureResult[] {
    const units = unitsOfIndicator(indicator);
    if (units.length === 0) return [evaluateMeasure(indicator, row)];
    return units.map(unit => evaluateMeasure(indicator, row, unit));
}

function operandText(operand: MeasureOperand): string {
    return joinSwedish(operand.terms.map(t => ratioTargetText(t.target)));
}

const AGGREGATION_TEXT: Record<MeasureAggregation, string> = {
    summa: 'summeras', medelvärde: 'redovisas som medelvärde', median: 'redovisas som median'
};

/**
 * "antalet enligt fråga i", "summan av svaren på fråga i och fråga ii", "summan av svaren på fråga i
 * delat med summan av svaren på fråga ii", with how the values are aggregated per level.
 */
export function measureText(measure: Measure): string {
    const single = (operand: MeasureOperand) => operand.terms.length === 1 && itemsOfTarget(operand.terms[0].target).length <= 1;
    const numerator = single(measure.numerator) ? `svaret på ${operandText(measure.numerator)}` : `summan av svaren på ${operandText(measure.numerator)}`;
    const value = measure.denominator
        ? `${numerator} delat med ${single(measure.denominator) ? `svaret på ${operandText(measure.denominator)}` : `summan av svaren på ${operandText(measure.denominator)}`}`
        : numerator;
    return `${value}; värdena ${AGGREGATION_TEXT[measureAggregation(measure)]} per redovisningsnivå`;
}
