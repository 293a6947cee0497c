/**
 * Checks of who is measured, how and where it is published: target populations and reporting
 * levels (survey, parts, indicators), strata (indelning per kön), background measures (`mått:`)
 * and comparability with an earlier year. Registered with the other checks in oj-validator.ts; the codes are in IssueCodes.
 */
import { AstUtils, type AstNode, type Properties, type ValidationAcceptor } from 'langium';
import type {
    Comparability,
    Indicator,
    Measure,
    MeasureOperand,
    QuestionTarget,
    ReportingLevel,
    Survey,
    SurveyPart,
} from '../generated/ast.js';
import { questionOf, surveyOf } from '../model/model-utils.js';
import { declaredKinds, partsOfIndicator, populationOf, type PopulationKind } from '../semantics/population.js';
import { joinSwedish } from '../semantics/rule-text.js';

export const PopulationIssueCodes = {
    PopulationOutsideSurvey: 'population-outside-survey',
    PopulationConflict: 'population-conflict',
    LevelOutsidePopulation: 'level-outside-population',
    LevelNotInSurvey: 'level-not-in-survey',
    DuplicateListEntry: 'duplicate-list-entry',
    MeasureConflict: 'measure-conflict',
    MeasureNotNumeric: 'measure-not-numeric',
    MeasureSumAmbiguous: 'measure-sum-ambiguous',
    MeasureAggregationInvalid: 'measure-aggregation-invalid',
    ComparabilityReasonMissing: 'comparability-reason-missing',
    StratumInRule: 'stratum-in-rule',
    StrataConflict: 'strata-conflict',
} as const;

type Code = (typeof PopulationIssueCodes)[keyof typeof PopulationIssueCodes];

function report<N extends AstNode>(
    accept: ValidationAcceptor,
    severity: 'error' | 'warning',
    code: Code,
    message: string,
    node: N,
    property?: Properties<N>,
    index?: number,
): void {
    accept(severity, message, { node, property, index, code, data: { code } });
}

const KIND_WORD: Record<PopulationKind, string> = { kommun: 'kommuner', stadsdel: 'stadsdelar' };
const kindsText = (kinds: readonly PopulationKind[]) => joinSwedish(kinds.map((k) => KIND_WORD[k]));

/** "kommuner, kommuner": a kind or level named twice says nothing more and is likely a slip. */
function checkDuplicates<N extends AstNode>(
    values: readonly string[],
    accept: ValidationAcceptor,
    node: N,
    property: Properties<N>,
): void {
    const seen = new Set<string>();
    values.forEach((value, index) => {
        if (seen.has(value))
            report(
                accept,
                'warning',
                PopulationIssueCodes.DuplicateListEntry,
                `"${value}" står redan i listan.`,
                node,
                property,
                index,
            );
        seen.add(value);
    });
}

/** Levels at which a population has no rows: stadsdel without stadsdelar, kommun with stadsdelar only. */
function checkLevelsAgainst<N extends AstNode>(
    levels: readonly ReportingLevel[],
    kinds: readonly PopulationKind[] | undefined,
    accept: ValidationAcceptor,
    node: N,
    property: Properties<N>,
): void {
    if (!kinds) return;
    levels.forEach((level, index) => {
        if (level === 'stadsdel' && !kinds.includes('stadsdel')) {
            report(
                accept,
                'error',
                PopulationIssueCodes.LevelOutsidePopulation,
                `Redovisningsnivån stadsdel kräver att målpopulationen omfattar stadsdelar; den omfattar ${kindsText(kinds)}.`,
                node,
                property,
                index,
            );
        }
        if (level === 'kommun' && !kinds.includes('kommun')) {
            report(
                accept,
                'error',
                PopulationIssueCodes.LevelOutsidePopulation,
                `Redovisningsnivån kommun kräver att målpopulationen omfattar kommuner; den omfattar ${kindsText(kinds)}.`,
                node,
                property,
                index,
            );
        }
    });
}

/** A part or indicator can only be for respondents the survey asks. */
function checkWithinSurvey<N extends AstNode>(
    kinds: readonly PopulationKind[],
    survey: Survey | undefined,
    accept: ValidationAcceptor,
    node: N,
    property: Properties<N>,
    what: string,
): void {
    const surveyKinds = survey ? declaredKinds(survey) : undefined;
    if (!surveyKinds) return;
    kinds.forEach((kind, index) => {
        if (!surveyKinds.includes(kind)) {
            report(
                accept,
                'error',
                PopulationIssueCodes.PopulationOutsideSurvey,
                `${what} kan inte omfatta ${KIND_WORD[kind]}: enkäten ${survey!.name} går till ${kindsText(surveyKinds)}.`,
                node,
                property,
                index,
            );
        }
    });
}

export function checkSurveyPopulation(survey: Survey, accept: ValidationAcceptor): void {
    checkDuplicates(survey.populationKinds, accept, survey, 'populationKinds');
    checkDuplicates(survey.levels, accept, survey, 'levels');
    checkLevelsAgainst(survey.levels, declaredKinds(survey), accept, survey, 'levels');
    survey.parts.forEach((part) => checkPartPopulation(part, survey, accept));
    // Each stratum's code is a column value of the results (K, M, T): two the same would merge them.
    for (const stratification of survey.stratifications) {
        const codes = new Set<string>();
        for (const stratum of stratification.strata) {
            if (codes.has(stratum.code) || stratum.code === stratification.totalCode) {
                report(
                    accept,
                    'error',
                    PopulationIssueCodes.StrataConflict,
                    `Koden "${stratum.code}" används redan i indelningen ${stratification.name}; varje del och totalen behöver en egen kod.`,
                    stratum,
                    'code',
                );
            }
            codes.add(stratum.code);
        }
    }
}

function checkPartPopulation(part: SurveyPart, survey: Survey, accept: ValidationAcceptor): void {
    checkDuplicates(part.populationKinds, accept, part, 'populationKinds');
    const kinds = declaredKinds(part);
    if (kinds) checkWithinSurvey(kinds, survey, accept, part, 'populationKinds', `Delen ${part.name}`);
}

export function checkIndicatorPopulation(indicator: Indicator, accept: ValidationAcceptor): void {
    const survey = surveyOf(indicator);
    checkDuplicates(indicator.populationKinds, accept, indicator, 'populationKinds');
    checkDuplicates(indicator.levels, accept, indicator, 'levels');
    const own = declaredKinds(indicator);
    if (own) checkWithinSurvey(own, survey, accept, indicator, 'populationKinds', `Indikator ${indicator.number}`);
    if (!own) {
        // Questions from parts for different respondents: the indicator is for those all of them ask.
        const parts = partsOfIndicator(indicator).filter((p) => p.populationKinds.length > 0);
        const population = populationOf(indicator);
        if (parts.length > 1 && population.kinds?.length === 0) {
            report(
                accept,
                'error',
                PopulationIssueCodes.PopulationConflict,
                `Indikator ${indicator.number} har frågor ur delarna ${joinSwedish(parts.map((p) => p.name))}, som inte går till samma svarande; ange indikatorns målpopulation.`,
                indicator,
                'number',
            );
        }
    }
    const kinds = populationOf(indicator).kinds;
    if (indicator.levels.length > 0) {
        checkLevelsAgainst(indicator.levels, kinds, accept, indicator, 'levels');
        const surveyLevels = survey?.levels ?? [];
        if (surveyLevels.length > 0) {
            indicator.levels.forEach((level, index) => {
                if (!surveyLevels.includes(level)) {
                    report(
                        accept,
                        'warning',
                        PopulationIssueCodes.LevelNotInSurvey,
                        `Enkäten ${survey!.name} redovisas inte på nivån ${level} (${joinSwedish(surveyLevels)}).`,
                        indicator,
                        'levels',
                        index,
                    );
                }
            });
        }
    } else if (own && survey) {
        // The survey's levels, checked against the indicator's own population.
        checkLevelsAgainst(survey.levels, kinds, accept, indicator, 'populationKinds');
    }
}

/** A background measure has a value, not a rule: no krävs, andel, undantas or desired direction. */
export function checkMeasureIndicator(indicator: Indicator, accept: ValidationAcceptor): void {
    if (!indicator.measure) return;
    const conflicts: Array<[boolean, Properties<Indicator>, string]> = [
        [indicator.requirements.length > 0, 'requirements', '"krävs"'],
        [indicator.ratio !== undefined, 'ratio', '"andel"'],
        [indicator.exception !== undefined, 'exception', '"undantas"'],
        [indicator.direction !== undefined, 'direction', 'en önskad riktning'],
        [indicator.examples.length > 0, 'examples', 'exempel med "ger uppnådd"'],
    ];
    for (const [present, property, what] of conflicts) {
        if (present) {
            report(
                accept,
                'error',
                PopulationIssueCodes.MeasureConflict,
                `Indikator ${indicator.number} är ett bakgrundsmått ("mått:") och kan inte också ha ${what}: ett bakgrundsmått har ett värde, inget uppnått eller ej uppnått.`,
                indicator,
                property,
                property === 'requirements' || property === 'examples' ? 0 : undefined,
            );
        }
    }
}

function operandTerms(operand: MeasureOperand | undefined) {
    return operand?.terms ?? [];
}

export function checkMeasure(measure: Measure, accept: ValidationAcceptor): void {
    for (const operand of [measure.numerator, measure.denominator]) {
        operandTerms(operand).forEach((term) => {
            const question = questionOf(term.target?.question?.ref);
            if (question && !question.numeric) {
                report(
                    accept,
                    'error',
                    PopulationIssueCodes.MeasureNotNumeric,
                    `Ett bakgrundsmått räknas på antal; fråga ${term.target.question.$refText} besvaras med svarsalternativ.`,
                    term,
                    'target',
                );
            }
        });
    }
    if (measure.denominator) {
        for (const [operand, property] of [
            [measure.numerator, 'numerator'],
            [measure.denominator, 'denominator'],
        ] as const) {
            if (operand && operand.terms.length > 1 && !operand.parenthesized) {
                report(
                    accept,
                    'error',
                    PopulationIssueCodes.MeasureSumAmbiguous,
                    'En summa i en kvot skrivs inom parentes, t.ex. "(fråga i + fråga ii) / fråga iii", så att den inte kan läsas fel.',
                    measure,
                    property,
                );
            }
        }
        if (measure.aggregation === 'summa') {
            report(
                accept,
                'error',
                PopulationIssueCodes.MeasureAggregationInvalid,
                'En kvot kan inte summeras över kommunerna; skriv "aggregeras som medelvärde" eller "median".',
                measure,
                'aggregation',
            );
        }
    }
}

/**
 * A count asked per stratum (per kön) gives a result per stratum and a total only as a count: in a
 * share (andel) or a background measure. A rule's condition on it would have to say which stratum.
 */
export function checkIndicatorStrata(indicator: Indicator, accept: ValidationAcceptor): void {
    for (const condition of [
        ...indicator.requirements.flatMap((r) => r.alternatives),
        indicator.exclusion?.condition,
        indicator.exception?.condition,
    ]) {
        if (!condition) continue;
        for (const node of [condition, ...AstUtils.streamAllContents(condition)]) {
            if (node.$type !== 'QuestionTarget') continue;
            const target = node as QuestionTarget;
            const question = questionOf(target.question?.ref);
            if (question?.stratification) {
                report(
                    accept,
                    'error',
                    PopulationIssueCodes.StratumInRule,
                    `Fråga ${target.question.$refText} ställs per ${question.stratification.$refText} och kan bara användas i en andel eller ett bakgrundsmått, inte i en regel.`,
                    target,
                    'question',
                );
            }
        }
    }
    const stratifications = new Set<string>();
    const targets = [
        indicator.ratio?.numerator,
        indicator.ratio?.denominator,
        ...[indicator.measure?.numerator, indicator.measure?.denominator].flatMap((o) => o?.terms.map((t) => t.target) ?? []),
    ];
    for (const target of targets) {
        const stratification = questionOf(target?.question?.ref)?.stratification;
        if (stratification) stratifications.add(stratification.$refText);
    }
    if (stratifications.size > 1) {
        report(
            accept,
            'error',
            PopulationIssueCodes.StrataConflict,
            `Indikator ${indicator.number} läser antal per ${joinSwedish([...stratifications])}; en indikator kan delas på en indelning.`,
            indicator,
            'number',
        );
    }
}

/** "ej jämförbar" without a reason leaves the reader of the description guessing. */
export function checkComparability(comparability: Comparability, accept: ValidationAcceptor): void {
    if (comparability.notComparable && !comparability.reason?.trim()) {
        report(
            accept,
            'warning',
            PopulationIssueCodes.ComparabilityReasonMissing,
            'Ange varför resultaten inte är jämförbara: ej jämförbar "…".',
            comparability,
            'notComparable',
        );
    }
}
