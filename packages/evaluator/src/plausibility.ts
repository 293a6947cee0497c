/**
 * Plausibility of counts (issue 12, construct 5). Counts are whole numbers ≥ 0 (the response file
 * is refused otherwise, see responses.ts); here, a part is not larger than its whole where a
 * ratio relates them ("andel: fråga i / fråga ii": the respondent's count on i is part of that on
 * ii). A unit whose part exceeds its whole is implausible: listed with its variables, and its
 * value treated as missing, so a share above 100 % can never be published.
 */
import { type IndicatorResult, type Model, lowerModels, type Read, type UnitPlan } from '@oj/language';
import type { UnitResult } from './runtime/aggregate.js';

export interface ImplausibleValue {
    /** The respondent (kommunkod or stadsdel). */
    unit: string;
    indicator: number;
    /** The area or group, for an indicator reported per area. */
    group?: string;
    /** The variables and their answers: the part's, then the whole's. */
    part: Array<{ variable: string; value: string }>;
    whole: Array<{ variable: string; value: string }>;
    partSum: number;
    wholeSum: number;
}

/**
 * The results with every implausible ratio made missing (no numerator or denominator), and the
 * implausible values found, in the order of the results.
 */
export function withPlausibleRatios<R extends UnitResult & IndicatorResult>(
    models: Model[],
    respondents: ReadonlyArray<{ unit: string; answers: Readonly<Record<string, string>> }>,
    results: readonly R[],
): { results: R[]; implausible: ImplausibleValue[] } {
    const plans = new Map<string, UnitPlan>();
    for (const plan of lowerModels(models))
        for (const unit of plan.units) if (unit.ratio) plans.set(`${unit.indicator}\u0000${unit.unit ?? ''}`, unit);
    const answers = new Map(respondents.map((r) => [r.unit, r.answers]));
    const implausible: ImplausibleValue[] = [];
    const checked = results.map((result) => {
        if (result.numerator === undefined || result.denominator === undefined || result.numerator <= result.denominator)
            return result;
        const plan = plans.get(`${result.indicator}\u0000${result.group ?? ''}`);
        const row = answers.get(result.unit) ?? {};
        const values = (reads: readonly Read[]) => reads.map((r) => ({ variable: r.variable, value: row[r.variable] ?? '' }));
        implausible.push({
            unit: result.unit,
            indicator: result.indicator,
            ...(result.group !== undefined ? { group: result.group } : {}),
            part: values(plan?.ratio?.numerator.reads ?? []),
            whole: values(plan?.ratio?.denominator.reads ?? []),
            partSum: result.numerator,
            wholeSum: result.denominator,
        });
        const { numerator: _n, denominator: _d, ...rest } = result;
        return { ...rest, status: 'missing' } as R;
    });
    return { results: checked, implausible };
}

/** "0180, indikator 5 (EB): K05_1 = 7 är större än K05_2 = 5" — one implausible value, for a person reading the run. */
export function implausibleText(value: ImplausibleValue): string {
    const side = (values: ImplausibleValue['part'], sum: number) =>
        values.length === 1
            ? `${values[0].variable} = ${values[0].value}`
            : `${values.map((v) => `${v.variable} = ${v.value}`).join(' + ')} (summa ${sum})`;
    return `${value.unit}, indikator ${value.indicator}${value.group ? ` (${value.group})` : ''}: ${side(value.part, value.partSum)} är större än ${side(value.whole, value.wholeSum)}`;
}
