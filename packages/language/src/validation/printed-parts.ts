/** The printed parts of an indicator's description (Beskrivning, Syfte, …): written, or given by the survey. */
import type { ValidationAcceptor } from 'langium';
import type { Indicator, Survey } from '../generated/ast.js';
import { surveyOf } from '../model/model-utils.js';
import { lowerIndicator } from '../semantics/lower.js';
import { populationSentence } from '../semantics/population.js';
import { isRegisterIndicator, registerOf } from '../semantics/register-lower.js';
import { issue } from './common.js';

export const PrintedPartIssueCodes = {
    MissingPrintedPart: 'missing-printed-part',
} as const;

/** The properties a printed part is stored in, with the Swedish name a reader knows it by. */
const PRINTED_PARTS: Array<{ property: keyof Indicator; label: string; surveyDefault?: keyof Survey }> = [
    { property: 'areas', label: 'Område' },
    { property: 'description', label: 'Beskrivning' },
    { property: 'purpose', label: 'Syfte' },
    { property: 'direction', label: 'Önskad riktning' },
    { property: 'kinds', label: 'Typ av indikator' },
    { property: 'qualityAreas', label: 'Kvalitetsområde' },
    { property: 'dataSource', label: 'Datakälla', surveyDefault: 'dataSource' },
    { property: 'targetPopulation', label: 'Målpopulation', surveyDefault: 'targetPopulation' },
    { property: 'denominator', label: 'Nämnare', surveyDefault: 'denominator' },
    { property: 'levels', label: 'Redovisningsnivå', surveyDefault: 'levels' },
];

export function printedPartsMustBeWritten(indicator: Indicator, accept: ValidationAcceptor): void {
    const survey = surveyOf(indicator);
    const written = (value: unknown) => (Array.isArray(value) ? value.length > 0 : value !== undefined);
    // An empty string ("beskrivning \"\"", as the quick fix writes it) is written but still has no text to print.
    const hasText = (value: unknown) =>
        Array.isArray(value) ? value.some(hasText) : typeof value !== 'string' || /\S/.test(value);
    const missing = PRINTED_PARTS.filter((part) => {
        // A background measure has no desired direction (and must not have one); the population and
        // denominator sentences may be generated from the declared population and the share of counts.
        if (part.property === 'direction' && indicator.measure) return false;
        // A register indicator's population and denominator sentences are generated from its conditions, its data source may be its register's.
        if (isRegisterIndicator(indicator)) {
            if (part.property === 'targetPopulation' || part.property === 'denominator') return false;
            if (part.property === 'dataSource' && !written(indicator.dataSource) && registerOf(indicator)?.dataSource)
                return false;
        }
        if (part.property === 'targetPopulation') return !/\S/.test(populationSentence(indicator));
        const value = indicator[part.property];
        if (written(value)) return !hasText(value);
        if (
            part.property === 'denominator' &&
            (indicator.measure || indicator.ratio || (!survey?.denominator && lowerIndicator(indicator).population))
        )
            return false;
        if (part.surveyDefault && survey) {
            const fallback = survey[part.surveyDefault];
            return !written(fallback) || !hasText(fallback);
        }
        return true;
    });
    if (missing.length > 0) {
        // The quick fix adds only the parts that are not written at all; an empty one is filled in by hand.
        const absent = missing.filter((part) => !written(indicator[part.property]));
        issue(
            accept,
            'warning',
            PrintedPartIssueCodes.MissingPrintedPart,
            `Indikator ${indicator.number} saknar text för: ${missing.map((m) => m.label).join(', ')}.`,
            indicator,
            'name',
            undefined,
            { parts: absent.map((m) => m.property) },
        );
    }
}
