/**
 * For whom an indicator is measured and where it is published, as the model declares it: the kinds
 * of respondents in its target population (kommuner, stadsdelar of Stockholm and Göteborg, or both)
 * and its reporting levels. The indicator's own declaration wins, then that of the survey parts its
 * questions belong to, then the survey's. Lowering (lower.ts) puts the result into the plan; the
 * printed Målpopulation, Nämnare and Redovisningsnivå sentences below read it from there, so the
 * text says what the evaluator does.
 */
import type { Indicator, ReportingLevel, Survey, SurveyPart } from '../generated/ast.js';
import { questionOf, surveyOf } from '../model/model-utils.js';
import { lowerIndicator } from './lower.js';
import { joinSwedish, ratioTargetText } from './rule-text.js';
import { printedExclusionSentence } from './rule-text-print.js';

/** A respondent is a kommun, or a stadsdel of a city that answers by its stadsdelar. */
export type PopulationKind = 'kommun' | 'stadsdel';

export const RESPONDENT_KINDS: readonly PopulationKind[] = ['kommun', 'stadsdel'];

export const REPORTING_LEVELS: readonly ReportingLevel[] = ['stadsdel', 'kommun', 'storstad', 'län', 'riket'];

/** The cities whose stadsdelar answer the surveys instead of the city as a whole. */
export const CITIES_WITH_STADSDELAR: Readonly<Record<string, string>> = { '0180': 'Stockholm', '1480': 'Göteborg' };

const KIND_OF_KEYWORD: Record<string, PopulationKind> = { kommuner: 'kommun', stadsdelar: 'stadsdel' };

function kindsOf(keywords: readonly string[]): PopulationKind[] {
    // In a fixed order, so that "stadsdelar, kommuner" and "kommuner, stadsdelar" mean the same.
    const declared = new Set(keywords.map((k) => KIND_OF_KEYWORD[k]).filter(Boolean));
    return RESPONDENT_KINDS.filter((k) => declared.has(k));
}

export interface Population {
    /** Kinds of respondents evaluated and counted; undefined when nothing declares any (everyone is). */
    kinds?: PopulationKind[];
    /** Where the kinds were declared. */
    source: 'indicator' | 'part' | 'survey' | 'none';
}

/** The survey parts the indicator's questions are asked in. */
export function partsOfIndicator(indicator: Indicator): SurveyPart[] {
    const parts: SurveyPart[] = [];
    for (const slot of indicator.questions) {
        const part = questionOf(slot)?.part?.ref;
        if (part && !parts.includes(part)) parts.push(part);
    }
    return parts;
}

/**
 * The indicator's population. Parts that declare kinds narrow the survey's: an indicator whose
 * questions come from parts with different populations is for the respondents all of them ask
 * (the validator reports such an indicator unless it declares its own population).
 */
export function populationOf(indicator: Indicator): Population {
    if (indicator.populationKinds.length > 0) return { kinds: kindsOf(indicator.populationKinds), source: 'indicator' };
    const parts = partsOfIndicator(indicator).filter((p) => p.populationKinds.length > 0);
    if (parts.length > 0) {
        const kinds = parts.map((p) => kindsOf(p.populationKinds)).reduce((a, b) => a.filter((k) => b.includes(k)));
        return { kinds, source: 'part' };
    }
    const survey = surveyOf(indicator);
    if (survey && survey.populationKinds.length > 0) return { kinds: kindsOf(survey.populationKinds), source: 'survey' };
    return { source: 'none' };
}

/** The kinds of respondents of a survey part or survey as declared, undefined when it declares none. */
export function declaredKinds(node: Pick<Survey | SurveyPart, 'populationKinds'>): PopulationKind[] | undefined {
    return node.populationKinds.length > 0 ? kindsOf(node.populationKinds) : undefined;
}

/** The levels the indicator is published at: its own, else the survey's, else all of them. */
export function reportingLevelsOf(indicator: Indicator): { levels: ReportingLevel[]; declared: boolean } {
    const own = indicator.levels.length > 0 ? indicator.levels : (surveyOf(indicator)?.levels ?? []);
    if (own.length === 0) return { levels: [...REPORTING_LEVELS], declared: false };
    return { levels: REPORTING_LEVELS.filter((l) => own.includes(l)), declared: true };
}

// The 2019 document names the cities "Göteborg och Stockholm" in the population and "Stockholm och
// Göteborg" in the levels.
const CITY_NAMES_ALPHABETICAL = joinSwedish(Object.values(CITIES_WITH_STADSDELAR).sort((a, b) => a.localeCompare(b, 'sv')));
const CITY_NAMES = joinSwedish(
    Object.keys(CITIES_WITH_STADSDELAR)
        .sort()
        .map((code) => CITIES_WITH_STADSDELAR[code]),
);

/** "Alla Sveriges kommuner samt stadsdelar i Göteborg och Stockholm." */
export function populationText(kinds: readonly PopulationKind[]): string {
    const kommuner = kinds.includes('kommun');
    const stadsdelar = kinds.includes('stadsdel');
    if (kommuner && stadsdelar) return `Alla Sveriges kommuner samt stadsdelar i ${CITY_NAMES_ALPHABETICAL}.`;
    if (kommuner) return 'Alla Sveriges kommuner.';
    if (stadsdelar) return `Stadsdelar i ${CITY_NAMES_ALPHABETICAL}.`;
    return '';
}

/** The printed Målpopulation: the indicator's or survey's own text, else the sentence for its kinds. */
export function populationSentence(indicator: Indicator): string {
    const survey = surveyOf(indicator);
    if (indicator.targetPopulation) return indicator.targetPopulation;
    // The survey's text describes the survey's kinds; an indicator narrowed by a part needs its own sentence.
    if (survey?.targetPopulation && populationOf(indicator).source !== 'part') return survey.targetPopulation;
    const kinds = lowerIndicator(indicator).population;
    return kinds ? populationText(kinds) : '';
}

/** The survey's Målpopulation as the introduction prints it: its own text, else the sentence for its kinds. */
export function surveyPopulationSentence(survey: Survey): string {
    if (survey.targetPopulation) return survey.targetPopulation;
    const kinds = declaredKinds(survey);
    return kinds ? populationText(kinds) : '';
}

/** "kommuner och stadsdelar", "kommuner": who is counted, as the Nämnare sentence names them. */
export function respondentsText(kinds: readonly PopulationKind[] | undefined): string {
    const all = kinds ?? RESPONDENT_KINDS;
    return joinSwedish(all.map((k) => (k === 'kommun' ? 'kommuner' : 'stadsdelar')));
}

const LEVEL_TEXT: Record<ReportingLevel, string> = {
    stadsdel: `stadsdelar i ${CITY_NAMES}`,
    kommun: 'kommuner',
    storstad: 'storstäder',
    län: 'län',
    riket: 'riket',
};

/** "Stadsdelar i Göteborg och Stockholm, kommuner, storstäder, län och riket." */
export function reportingLevelText(levels: readonly ReportingLevel[]): string {
    if (levels.length === 0) return '';
    const text = joinSwedish(levels.map((l) => LEVEL_TEXT[l]));
    return `${text.charAt(0).toLocaleUpperCase('sv')}${text.slice(1)}.`;
}

/** The printed Redovisningsnivå: the declaration's own text, else the sentence for its levels. */
export function reportingLevelSentence(indicator: Indicator): string {
    const levels = lowerIndicator(indicator).levels;
    if (indicator.levels.length > 0) return indicator.levelsText ?? reportingLevelText(levels);
    const survey = surveyOf(indicator);
    if (survey && survey.levels.length > 0) return survey.levelsText ?? reportingLevelText(levels);
    return '';
}

/**
 * The printed Nämnare: the indicator's own text; else, for a share of counts, the summed counts it
 * divides by; else the survey's text, or "De kommuner och stadsdelar som har svarat." for its
 * population; followed by what the exclusion removes.
 */
export function denominatorSentence(indicator: Indicator): string {
    const plan = lowerIndicator(indicator);
    // As printed: a single question is "frågan".
    const exclusion = printedExclusionSentence(indicator);
    const respondents = respondentsText(plan.population);
    let base: string | undefined = indicator.denominator;
    if (base === undefined && plan.kind === 'ratio' && indicator.ratio) {
        const numerator = ratioTargetText(indicator.ratio.numerator);
        const denominator = ratioTargetText(indicator.ratio.denominator);
        base =
            `Summan av svaren på ${denominator} för de ${respondents} som har svarat på både ${numerator} och ${denominator}. ` +
            `${respondents.charAt(0).toLocaleUpperCase('sv')}${respondents.slice(1)} som svarat 0 på ${denominator} ingår inte i nämnaren.`;
    }
    if (base === undefined && plan.kind !== 'measure') {
        // Generated only from a declared population: without one the model must say who is counted.
        base = surveyOf(indicator)?.denominator ?? (plan.population ? `De ${respondents} som har svarat.` : undefined);
    }
    return [base, exclusion].filter(Boolean).join(' ');
}
