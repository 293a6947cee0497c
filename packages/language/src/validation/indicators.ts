/** Indicators as a whole: one number and one name each in their survey, known quality areas. */
import type { ValidationAcceptor } from 'langium';
import type { Indicator } from '../generated/ast.js';
import { surveyOf } from '../model/model-utils.js';
import { surveyKeyOf, type OjWorkspaceIndex } from '../workspace/oj-workspace-index.js';
import { issue, shorten } from './common.js';

export const IndicatorIssueCodes = {
    DuplicateIndicatorNumber: 'duplicate-indicator-number',
    DuplicateIndicatorName: 'duplicate-indicator-name',
    UnknownQualityArea: 'unknown-quality-area',
} as const;

/** Quality areas of Socialstyrelsen's framework, as printed under "Kvalitetsområde". */
export const QUALITY_AREAS = [
    'Säker',
    'Individanpassad',
    'Kunskapsbaserad',
    'Självbestämmande och integritet',
    'Tillgänglig',
    'Effektiv',
    'Jämlik',
    'Helhetssyn och samordning',
    'Trygghet',
    'God kvalitet',
];

export function qualityAreasMustBeKnown(indicator: Indicator, accept: ValidationAcceptor): void {
    indicator.qualityAreas.forEach((area, index) => {
        if (!QUALITY_AREAS.includes(area)) {
            issue(
                accept,
                'warning',
                IndicatorIssueCodes.UnknownQualityArea,
                `${shorten(area)} är inget känt kvalitetsområde (${QUALITY_AREAS.join(', ')}).`,
                indicator,
                'qualityAreas',
                index,
            );
        }
    });
}

export const indicatorMustBeUnique =
    (workspace: OjWorkspaceIndex) =>
    (indicator: Indicator, accept: ValidationAcceptor): void => {
        const facts = workspace.facts();
        const survey = surveyOf(indicator);
        const key = surveyKeyOf(indicator);
        const sameNumber = facts.indicatorsByNumber.get(`${key}#${indicator.number}`);
        if (sameNumber.length > 1) {
            issue(
                accept,
                'error',
                IndicatorIssueCodes.DuplicateIndicatorNumber,
                `Indikatornummer ${indicator.number} används av ${sameNumber.length} indikatorer${survey ? ` i ${survey.name}` : ''}.`,
                indicator,
                'number',
            );
        }
        // A name the parser could not read (recovery after a syntax error) has the syntax error instead.
        const sameName = indicator.name === undefined ? [] : facts.indicatorsByName.get(`${key}#${indicator.name}`);
        if (sameName.length > 1) {
            issue(
                accept,
                'error',
                IndicatorIssueCodes.DuplicateIndicatorName,
                `Namnet ${shorten(indicator.name)} används av ${sameName.length} indikatorer${survey ? ` i ${survey.name}` : ''}.`,
                indicator,
                'name',
            );
        }
    };
