/**
 * Plausibility of counts (issue 12, construct 5). Counts are whole numbers ≥ 0 (the response file
 * is refused otherwise, see responses.ts); here, a part is not larger than its whole where the
 * model relates them: the plan's `plausibility`, lowered once from a share ("andel: fråga i /
 * fråga ii"), a quotient of counts compared with a per cent, or a rule bounding one count by another
 * ("antal på fråga ii är högst antal på fråga i"). A unit whose part exceeds its whole is
 * implausible: listed with its variables, and its value treated as missing, so a share above 100 %
 * can never be published. The check itself is the runtime's (runtime/plausibility.ts), which the
 * generated package applies too.
 */
import { type IndicatorResult, type Model, lowerModels, type PartOfWhole } from '@oj/language';
import type { UnitResult } from './runtime/aggregate.js';
import { asImplausible, brokenParts, type PartOfWholeVariables } from './runtime/plausibility.js';

export interface ImplausibleValue {
    /** The respondent (kommunkod or stadsdel). */
    unit: string;
    indicator: number;
    /** The area or group, for an indicator reported per area. */
    group?: string;
    /** The stratum (K, M, T), for an indicator split per kön. */
    stratum?: string;
    /** The variables and their answers: the part's, then the whole's. */
    part: Array<{ variable: string; value: string }>;
    whole: Array<{ variable: string; value: string }>;
    partSum: number;
    wholeSum: number;
}

/** The key of a unit's result: indicator, area or group, stratum. */
const resultKey = (indicator: number, group: string | undefined, stratum: string | undefined) =>
    `${indicator}\u0000${group ?? ''}\u0000${stratum ?? ''}`;

/** A plan's part-of-whole relations as the variables they sum. */
export function relationVariables(relations: readonly PartOfWhole[] | undefined): PartOfWholeVariables[] {
    return (relations ?? []).map((r) => ({
        part: r.part.reads.map((x) => x.variable),
        whole: r.whole.reads.map((x) => x.variable),
    }));
}

/**
 * The results with every implausible one made missing (no numerator or denominator), and the
 * implausible values found, in the order of the results (one per relation a result breaks).
 */
export function withPlausibleCounts<R extends UnitResult & IndicatorResult>(
    models: Model[],
    respondents: ReadonlyArray<{ unit: string; answers: Readonly<Record<string, string>> }>,
    results: readonly R[],
): { results: R[]; implausible: ImplausibleValue[] } {
    const relations = new Map<string, PartOfWholeVariables[]>();
    for (const plan of lowerModels(models))
        for (const unit of plan.units)
            if (unit.plausibility)
                relations.set(resultKey(unit.indicator, unit.unit, unit.stratum?.code), relationVariables(unit.plausibility));
    const answers = new Map(respondents.map((r) => [r.unit, r.answers]));
    const implausible: ImplausibleValue[] = [];
    const checked = results.map((result) => {
        const related = relations.get(resultKey(result.indicator, result.group, result.stratum));
        // Only what would be counted can be published wrongly; an excluded or missing unit stays as it is.
        if (!related || (result.status !== 'met' && result.status !== 'not_met')) return result;
        const broken = brokenParts(answers.get(result.unit) ?? {}, related);
        if (broken.length === 0) return result;
        for (const b of broken)
            implausible.push({
                unit: result.unit,
                indicator: result.indicator,
                ...(result.group !== undefined ? { group: result.group } : {}),
                ...(result.stratum !== undefined ? { stratum: result.stratum } : {}),
                ...b,
            });
        return asImplausible(result);
    });
    return { results: checked, implausible };
}

/** The earlier name of `withPlausibleCounts`, from when only shares were checked. */
export const withPlausibleRatios = withPlausibleCounts;

/** "0180, indikator 5 (EB): K05_1 = 7 är större än K05_2 = 5" — one implausible value, for a person reading the run. */
export function implausibleText(value: ImplausibleValue): string {
    const side = (values: ImplausibleValue['part'], sum: number) =>
        values.length === 1
            ? `${values[0].variable} = ${values[0].value}`
            : `${values.map((v) => `${v.variable} = ${v.value}`).join(' + ')} (summa ${sum})`;
    const where = [value.group, value.stratum].filter((w) => w !== undefined).join(', ');
    return `${value.unit}, indikator ${value.indicator}${where ? ` (${where})` : ''}: ${side(value.part, value.partSum)} är större än ${side(value.whole, value.wholeSum)}`;
}
