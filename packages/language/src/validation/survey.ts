/** The file and its survey: which survey a file belongs to, and what a survey declares. */
import type { ValidationAcceptor } from 'langium';
import type { Model, Survey } from '../generated/ast.js';
import type { OjWorkspaceIndex } from '../workspace/oj-workspace-index.js';
import { CommonIssueCodes, declarationNameMustBeUnique, isIsoDate, issue, partsMustBeWrittenOnce } from './common.js';
import { patternPlaceholdersMustBeKnown } from './variables.js';

export const SurveyIssueCodes = {
    NoSurvey: 'no-survey',
} as const;

export function fileMustNameItsSurvey(model: Model, accept: ValidationAcceptor): void {
    const hasIndicators = model.elements.some((e) => e.$type === 'Indicator');
    if (hasIndicators && !model.header) {
        accept(
            'warning',
            'Filen säger inte vilken enkät den hör till: skriv "tillhör <enkät>" först i filen, eller deklarera enkäten.',
            {
                node: model,
                range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
                code: SurveyIssueCodes.NoSurvey,
                data: { code: SurveyIssueCodes.NoSurvey },
            },
        );
    }
}

/** Parts written once, names unique among surveys and among the survey's parts, a real measurement date, a known pattern. */
export const surveyMustBeWellFormed =
    (workspace: OjWorkspaceIndex) =>
    (survey: Survey, accept: ValidationAcceptor): void => {
        partsMustBeWrittenOnce(survey, accept);
        declarationNameMustBeUnique(workspace, survey, accept);
        survey.parts.forEach((part) => declarationNameMustBeUnique(workspace, part, accept));
        if (survey.measurementDate !== undefined && !isIsoDate(survey.measurementDate)) {
            issue(
                accept,
                'error',
                CommonIssueCodes.InvalidDate,
                `Mätdatum "${survey.measurementDate}" är inte ett datum på formen ÅÅÅÅ-MM-DD.`,
                survey,
                'measurementDate',
            );
        }
        if (survey.variablePattern !== undefined) {
            patternPlaceholdersMustBeKnown(survey.variablePattern, accept, survey, 'variablePattern');
        }
    };
