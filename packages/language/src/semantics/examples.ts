/**
 * Worked examples written in the model (`exempel { … ger … }`): the answers become a response row,
 * the reference interpreter decides, and the result is compared with what the author expected.
 * The language server, `oj check`, `oj coverage` and the generated package's tests all use this.
 */
import type { Example, ExampleOutcome, Indicator, QuestionItem, ReportingUnit } from '../generated/ast.js';
import { isPerArea, questionOf, unitsOfIndicator, unitsOfQuestion, variableFor } from '../model/model-utils.js';
import { type Answer, evaluatePlan, type IndicatorResult, type ResponseRow } from './interpreter.js';
import { reachableStatuses } from './analysis.js';
import { lowerUnit } from './lower.js';
import { type Status, STATUS_LABELS, STATUSES } from './status.js';

/** The status an outcome names: "uppnådd", "ej uppnådd", "utesluten", "saknas". */
export function expectedStatus(outcome: ExampleOutcome): Status | undefined {
    const words = outcome.negated ? `ej ${outcome.status}` : outcome.status;
    return STATUSES.find((s) => STATUS_LABELS[s] === words);
}

/** The response row an example describes; answers not given are blank. */
export function exampleRow(indicator: Indicator, example: Example): Record<string, Answer> {
    const row: Record<string, Answer> = {};
    for (const answer of example.answers) {
        const slot = answer.target.question.ref;
        const question = questionOf(slot);
        if (!slot || !question) continue;
        const items: Array<QuestionItem | undefined> =
            answer.target.items.length > 0
                ? answer.target.items.map((i) => i.ref)
                : question.items.length > 0
                  ? question.items
                  : [undefined];
        const units: Array<ReportingUnit | undefined> = !isPerArea(question)
            ? [undefined]
            : answer.unit?.ref
              ? [answer.unit.ref]
              : unitsOfIndicator(indicator).length > 0
                ? unitsOfIndicator(indicator)
                : unitsOfQuestion(question);
        const value: Answer = answer.blank ? undefined : answer.option?.ref ? String(answer.option.ref.code) : answer.value;
        for (const item of items) {
            for (const unit of units) {
                const variable = variableFor(question, item, unit, { indicator, slot });
                if (variable) row[variable] = value;
            }
        }
    }
    return row;
}

export interface ExampleResult {
    example: Example;
    outcome: ExampleOutcome;
    unit?: ReportingUnit;
    expected?: Status;
    actual: IndicatorResult;
    passed: boolean;
}

/** The units an outcome speaks of: the one named, or every unit of the indicator (or none). */
function outcomeUnits(indicator: Indicator, outcome: ExampleOutcome): Array<ReportingUnit | undefined> {
    if (outcome.unit) return outcome.unit.ref ? [outcome.unit.ref] : [];
    const units = unitsOfIndicator(indicator);
    return units.length > 0 ? units : [undefined];
}

export function checkExample(indicator: Indicator, example: Example): ExampleResult[] {
    const row: ResponseRow = exampleRow(indicator, example);
    return example.outcomes.flatMap((outcome) =>
        outcomeUnits(indicator, outcome).map((unit) => {
            const expected = expectedStatus(outcome);
            const actual = evaluatePlan(lowerUnit(indicator, unit), row);
            return { example, outcome, unit, expected, actual, passed: expected === actual.status };
        }),
    );
}

export interface CoverageEntry {
    indicator: Indicator;
    unit?: ReportingUnit;
    /** Statuses some answer combination can give (exact analysis). */
    reachable: Status[];
    /** Statuses the indicator's examples reach. */
    covered: Status[];
}

/** Per indicator and area, which reachable outcomes the examples show. */
export function exampleCoverage(indicator: Indicator): CoverageEntry[] {
    const units = unitsOfIndicator(indicator);
    const results = indicator.examples.flatMap((e) => checkExample(indicator, e));
    return (units.length > 0 ? units : [undefined]).map((unit) => {
        const plan = lowerUnit(indicator, unit);
        const reachable = plan.ratio
            ? (['met', 'excluded', 'missing'] as Status[])
            : plan.requirement
              ? reachableStatuses(indicator, plan)
              : [];
        const covered = STATUSES.filter((s) => results.some((r) => r.unit === unit && r.actual.status === s && r.passed));
        return { indicator, unit, reachable, covered };
    });
}
