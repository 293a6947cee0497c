/** Earlier names (tidigare): a year before the survey's, naming an indicator that year's survey has. */
import type { ValidationAcceptor } from 'langium';
import type { EarlierName } from '../generated/ast.js';
import { surveyOf } from '../model/model-utils.js';
import type { OjWorkspaceIndex } from '../workspace/oj-workspace-index.js';
import { issue, shorten } from './common.js';

export const EarlierNameIssueCodes = {
    EarlierYearNotBefore: 'earlier-year-not-before',
    EarlierNameUnresolved: 'earlier-name-unresolved',
} as const;

export const earlierNameMustExist =
    (workspace: OjWorkspaceIndex) =>
    (earlier: EarlierName, accept: ValidationAcceptor): void => {
        const survey = surveyOf(earlier);
        if (survey?.year !== undefined && earlier.year >= survey.year) {
            issue(
                accept,
                'error',
                EarlierNameIssueCodes.EarlierYearNotBefore,
                `Tidigare namn ska avse ett år före ${survey.year}, inte ${earlier.year}.`,
                earlier,
                'year',
            );
            return;
        }
        const facts = workspace.facts();
        if (facts.surveysByYear.get(earlier.year).length === 0) return;
        if (!facts.indicatorNamesByYear.get(earlier.year).includes(earlier.name)) {
            issue(
                accept,
                'warning',
                EarlierNameIssueCodes.EarlierNameUnresolved,
                `Det finns ingen indikator ${shorten(earlier.name)} i ${earlier.year} års enkät.`,
                earlier,
                'name',
            );
        }
    };
