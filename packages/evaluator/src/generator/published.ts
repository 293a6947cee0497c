/**
 * The generated package's `src/published.ts`, from the plans: what each indicator is (kind,
 * population, levels, aggregation, comparability) and the entry points that apply it — a
 * respondent is evaluated only for the indicators whose population it belongs to, and aggregates
 * exist only at the levels each indicator is published at. The rules themselves are evaluate.ts's.
 */
import { expandToNode, joinToNode, toString } from 'langium/generate';
import type { IndicatorPlan } from '@oj/language';

const q = (text: string) => JSON.stringify(text);

const LEVEL: Record<string, string | undefined> = { riket: 'riket', län: 'lan', storstad: 'storstad' };

function info(plan: IndicatorPlan): string {
    const parts = [
        `number: ${plan.number}`,
        `name: ${q(plan.name)}`,
        `kind: ${q(plan.kind)}`,
        `population: ${plan.population ? `[${plan.population.map(q).join(', ')}]` : 'undefined'}`,
        ...(plan.dividedKommuner ? [`dividedKommuner: [${plan.dividedKommuner.map(q).join(', ')}]`] : []),
        `levels: [${plan.levels.map(q).join(', ')}]`,
        `aggregateLevels: [${plan.levels.flatMap((l) => (LEVEL[l] ? [q(LEVEL[l]!)] : [])).join(', ')}]`,
    ];
    if (plan.aggregation) parts.push(`aggregation: ${q(plan.aggregation)}`);
    if (plan.comparability) {
        const c = plan.comparability;
        parts.push(
            `comparability: { year: ${c.year}${c.comparable !== undefined ? `, comparable: ${c.comparable}` : ''}${c.reason !== undefined ? `, reason: ${q(c.reason)}` : ''} }`,
        );
    }
    return `{ ${parts.join(', ')} }`;
}

/** The key of a result in the part-of-whole table: indicator, area or group, stratum (as plausibility.ts has it). */
const relationKey = (indicator: number, group: string | undefined, stratum: string | undefined) =>
    q(`${indicator}\u0000${group ?? ''}\u0000${stratum ?? ''}`);

/** The plans' part-of-whole relations as a table of variables, one line per unit that has any. */
function relationsTable(plans: readonly IndicatorPlan[]): string[] {
    return plans.flatMap((plan) =>
        plan.units.flatMap((unit) =>
            unit.plausibility
                ? [
                      `[${relationKey(unit.indicator, unit.unit, unit.stratum?.code)}, [${unit.plausibility
                          .map(
                              (r) =>
                                  `{ part: [${r.part.reads.map((x) => q(x.variable)).join(', ')}], whole: [${r.whole.reads.map((x) => q(x.variable)).join(', ')}] }`,
                          )
                          .join(', ')}]]`,
                  ]
                : [],
        ),
    );
}

export function publishedModule(plans: readonly IndicatorPlan[]): string {
    const relations = relationsTable(plans);
    // Only a model relating counts as part and whole gets the check, so other models generate what they did.
    const hasPlausibility = relations.length > 0;
    const hasMeasures = plans.some((p) => p.kind === 'measure');
    const measureNumbers = plans.filter((p) => p.kind === 'measure').map((p) => p.number);
    const measurePart = expandToNode`
        /** The background measures of one respondent, in the same way. */
        export function measureRespondent(row: ResponseRow & { unit: string }): MeasureResult[] {
            return measures(row).filter(r => isInPopulation(r.indicator, row.unit));
        }

        /** The numbers of the background measures. */
        export type MeasureNumber = ${measureNumbers.join(' | ')};

        /** Background measures' values per level: summed, or their mean or median, as the model says. */
        export function aggregateMeasures(results: readonly MeasureUnitResult[]): MeasureAggregateRow[] {
            return aggregateMeasuresAt(results, n => BY_NUMBER.get(n)?.aggregation ?? 'summa', n => BY_NUMBER.get(n)?.aggregateLevels, unitCodeProblem);
        }
    `;
    const head = toString(expandToNode`
        // Generated from the indicator model by oj generate. Do not edit: change the model and regenerate.
        import { evaluate${hasMeasures ? ', measures' : ''} } from './evaluate.js';
        import { aggregate as aggregateAt, withUnit, type AggregateRow, type Level, type UnitResult } from './aggregate.js';
        ${hasMeasures ? "import { aggregateMeasures as aggregateMeasuresAt, type MeasureAggregateRow, type MeasureAggregation, type MeasureUnitResult } from './measures.js';" : "import type { MeasureAggregation } from './measures.js';"}
        import { inPopulation, type PopulationKind } from './population.js';
        import { unitCodeProblem } from './units.js';
        import type { IndicatorResult, ${hasMeasures ? 'MeasureResult, ' : ''}ResponseRow } from './runtime.js';

        export type IndicatorKind = 'rule' | 'ratio' | 'measure';
        export type ReportingLevel = 'stadsdel' | 'kommun' | 'storstad' | 'län' | 'riket';

        /** What an indicator is, as the model declares it. */
        export interface IndicatorInfo {
            number: number;
            name: string;
            /** A rule (met / not met), a share of summed counts, or a background measure (a value). */
            kind: IndicatorKind;
            /** The kinds of respondents evaluated and counted; undefined: every respondent. */
            population: readonly PopulationKind[] | undefined;
            /** Kommuner represented by their stadsdelar (their own rows are outside), when stadsdelar are in the population. */
            dividedKommuner?: readonly string[];
            levels: readonly ReportingLevel[];
            /** The levels of \`aggregate\` among them. */
            aggregateLevels: readonly Level[];
            aggregation?: MeasureAggregation;
            comparability?: { year: number; comparable?: boolean; reason?: string };
        }

        export const INDICATORS: readonly IndicatorInfo[] = [
            ${joinToNode(plans.map(info), { separator: ',', appendNewLineIfNotEmpty: true })}
        ];

        const BY_NUMBER = new Map(INDICATORS.map(i => [i.number, i]));

        /** Whether a respondent ("0180", "1480-01") belongs to an indicator's population. */
        export function isInPopulation(indicator: number, unit: string): boolean {
            const info = BY_NUMBER.get(indicator);
            return info !== undefined && inPopulation(unit, info.population, info.dividedKommuner);
        }

        /**
         * The results of one respondent (row.unit is its code): only the indicators whose population it
         * belongs to. A respondent outside an indicator's population has no result for it at all.
         */
        export function evaluateRespondent(row: ResponseRow & { unit: string }): IndicatorResult[] {
            return evaluate(row).filter(r => isInPopulation(r.indicator, row.unit))${hasPlausibility ? '.map(r => plausible(row, r))' : ''};
        }
    `);
    const plausibilityPart = expandToNode`
        /**
         * Counts the model relates as part and whole (a share's part and whole, a quotient of counts
         * compared with a per cent, "antal på fråga ii är högst antal på fråga i"), per indicator, area
         * or group and stratum: a part is never larger than its whole.
         */
        const PARTS_OF_WHOLES: ReadonlyMap<string, readonly PartOfWholeVariables[]> = new Map<string, readonly PartOfWholeVariables[]>([
            ${joinToNode(relations, { separator: ',', appendNewLineIfNotEmpty: true })}
        ]);

        const relationKey = (r: { indicator: number; group?: string; stratum?: string }) => \`\${r.indicator}\\u0000\${r.group ?? ''}\\u0000\${r.stratum ?? ''}\`;

        /** A result whose answers put a part above its whole: the respondent, where, and the answers. */
        export interface ImplausibleValue extends BrokenPart {
            unit: string;
            indicator: number;
            group?: string;
            stratum?: string;
        }

        /**
         * The implausible values of one respondent: each result that would be counted (met or not met)
         * whose answers put a part above its whole. \`evaluateRespondent\` gives those results as missing.
         */
        export function implausibleValues(row: ResponseRow & { unit: string }): ImplausibleValue[] {
            return evaluate(row)
                .filter(r => isInPopulation(r.indicator, row.unit) && (r.status === 'met' || r.status === 'not_met'))
                .flatMap(r => brokenParts(row, PARTS_OF_WHOLES.get(relationKey(r)) ?? []).map(b => ({
                    unit: row.unit,
                    indicator: r.indicator,
                    ...(r.group !== undefined ? { group: r.group } : {}),
                    ...(r.stratum !== undefined ? { stratum: r.stratum } : {}),
                    ...b,
                })));
        }

        /** The result, or (when it would be counted and its answers put a part above its whole) the result made missing. */
        function plausible(row: ResponseRow, result: IndicatorResult): IndicatorResult {
            if (result.status !== 'met' && result.status !== 'not_met') return result;
            const relations = PARTS_OF_WHOLES.get(relationKey(result));
            return relations && brokenParts(row, relations).length > 0 ? asImplausible(result) : result;
        }
    `;
    const tail = toString(expandToNode`
        /**
         * Shares per indicator, group and level, only at the levels each indicator is published at.
         * Throws a RangeError naming a unit code that is no kommun of the register or stadsdel of the survey.
         */
        export function aggregate(results: readonly UnitResult[]): AggregateRow[] {
            return aggregateAt(${hasPlausibility ? 'results.map(withinWhole)' : 'results'}, n => BY_NUMBER.get(n)?.aggregateLevels, unitCodeProblem);
        }

        export { withUnit };
    `);
    const guard = toString(expandToNode`
        /**
         * A share's counts with the part above the whole (the results of \`evaluate\` rather than
         * \`evaluateRespondent\`) are not counted: the unit is missing there, so no share above 100 % is published.
         */
        function withinWhole(result: UnitResult): UnitResult {
            if (result.numerator === undefined || result.denominator === undefined || result.numerator <= result.denominator) return result;
            const { numerator: _numerator, denominator: _denominator, ...rest } = result;
            return { ...rest, status: 'missing' };
        }
    `);
    const plausibilityImport = hasPlausibility
        ? "\nimport { asImplausible, brokenParts, type BrokenPart, type PartOfWholeVariables } from './plausibility.js';"
        : '';
    return `${head.replace("import { unitCodeProblem } from './units.js';", `import { unitCodeProblem } from './units.js';${plausibilityImport}`)}\n\n${
        hasPlausibility ? `${toString(plausibilityPart)}\n\n` : ''
    }${hasMeasures ? `${toString(measurePart)}\n\n` : ''}${tail}\n${hasPlausibility ? `\n${guard}\n` : ''}`;
}
