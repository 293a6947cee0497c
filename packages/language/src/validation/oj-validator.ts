/**
 * Checks a methodologist sees while typing, registered per AST type. Each check lives in the file
 * of its construct with its issue codes beside it; this file only joins them. Every issue has a
 * stable code (IssueCodes) so that quick fixes, tests and CI scripts can rely on it; messages are
 * Swedish and name the thing in the words of the indicator description.
 *
 * Within a type the checks run in the order listed, and so their diagnostics are reported.
 */
import type { ValidationChecks } from 'langium';
import type { OjAstType } from '../generated/ast.js';
import type { OjServices } from '../oj-module.js';
import type { OjWorkspaceIndex } from '../workspace/oj-workspace-index.js';
import { AnswerSetIssueCodes, answerSetMustBeWellFormed } from './answer-sets.js';
import { areaNamesMustBeUnique, termNameMustBeUnique } from './areas.js';
import { CommonIssueCodes, partsMustBeWrittenOnce } from './common.js';
import {
    answerConditionMustFitQuestion,
    atLeastConditionMustBeReachable,
    ConditionIssueCodes,
    countTermMustBeNumeric,
    numericConditionMustFitQuestion,
    ratioMustCountNumbers,
    targetItemsMustBeNamedOnce,
} from './conditions.js';
import { DistrictIssueCodes, districtsMustBeKnownAndUnique } from './districts.js';
import { EarlierNameIssueCodes, earlierNameMustExist } from './earlier-names.js';
import { IndicatorIssueCodes, indicatorMustBeUnique, qualityAreasMustBeKnown } from './indicators.js';
import { indicatorNumberMustBeInRange, NumberIssueCodes, optionCodeMustBeInRange, yearMustBeInRange } from './numbers.js';
import {
    checkComparability,
    checkIndicatorPopulation,
    checkIndicatorStrata,
    checkMeasure,
    checkMeasureIndicator,
    checkSurveyPopulation,
    PopulationIssueCodes,
} from './populations.js';
import {
    columnConditionMustFitType,
    RegisterIndicatorIssueCodes,
    registerExampleMustHold,
    registerIndicatorMustBeComplete,
} from './register-indicators.js';
import {
    columnMustBeTyped,
    groupingMustCoverRanges,
    RegisterIssueCodes,
    registerMustHaveUnit,
    suppressionMustBePositive,
} from './registers.js';
import { PrintedDocumentIssueCodes, printedDocumentMustPlaceEachIndicatorOnce } from './printed-document.js';
import { PrintedPartIssueCodes, printedPartsMustBeWritten } from './printed-parts.js';
import { indicatorQuestionMustBeAskedAndUsed, QuestionIssueCodes, questionMustBeWellFormed } from './questions.js';
import { ReferenceIssueCodes, SyntaxHintIssueCodes } from './references.js';
import { areaVariantsMustBeReported, exclusionsMustKeepDefault, requirementsMustBeComplete, RuleIssueCodes } from './rules.js';
import { fileMustNameItsSurvey, SurveyIssueCodes, surveyMustBeWellFormed } from './survey.js';
import { charactersMustBeWritable, nameMustBeValid, TextIssueCodes } from './text.js';
import {
    indicatorVariablesMustBeUnique,
    indicatorVariablesMustBeWritable,
    sharedQuestionVariablesMustBeWritable,
    VariableIssueCodes,
} from './variables.js';

// What @oj/language exported from this file before the checks were split by construct.
export { QUALITY_AREAS } from './indicators.js';
export { describeCharacter, UNSAFE_CHARACTERS, visibleControls, XML_INVALID, xmlSafe } from './text.js';
export { variableNameProblem } from './variables.js';
export { shorten } from './common.js';

export const IssueCodes = {
    ...CommonIssueCodes,
    ...ReferenceIssueCodes,
    ...SyntaxHintIssueCodes,
    ...SurveyIssueCodes,
    ...AnswerSetIssueCodes,
    ...QuestionIssueCodes,
    ...VariableIssueCodes,
    ...IndicatorIssueCodes,
    ...RuleIssueCodes,
    ...ConditionIssueCodes,
    ...PrintedPartIssueCodes,
    ...EarlierNameIssueCodes,
    ...NumberIssueCodes,
    ...TextIssueCodes,
    ...DistrictIssueCodes,
    ...PrintedDocumentIssueCodes,
    ...PopulationIssueCodes,
    ...RegisterIssueCodes,
    ...RegisterIndicatorIssueCodes,
} as const;
export type IssueCode = (typeof IssueCodes)[keyof typeof IssueCodes];

/** The checks of one workspace: those that compare across files read its index. */
export function ojValidationChecks(workspace: OjWorkspaceIndex): ValidationChecks<OjAstType> {
    return {
        Survey: [
            surveyMustBeWellFormed(workspace),
            districtsMustBeKnownAndUnique,
            yearMustBeInRange,
            nameMustBeValid,
            checkSurveyPopulation,
        ],
        AnswerSet: [answerSetMustBeWellFormed(workspace), nameMustBeValid],
        AnswerOption: [nameMustBeValid, optionCodeMustBeInRange],
        Area: [areaNamesMustBeUnique(workspace), nameMustBeValid],
        Group: nameMustBeValid,
        Term: [termNameMustBeUnique(workspace), nameMustBeValid],
        SurveyPart: nameMustBeValid,
        QuestionItem: nameMustBeValid,
        Question: [questionMustBeWellFormed(workspace), nameMustBeValid, sharedQuestionVariablesMustBeWritable],
        Indicator: [
            partsMustBeWrittenOnce,
            requirementsMustBeComplete,
            exclusionsMustKeepDefault,
            areaVariantsMustBeReported,
            qualityAreasMustBeKnown,
            indicatorMustBeUnique(workspace),
            printedPartsMustBeWritten,
            indicatorVariablesMustBeUnique(workspace),
            indicatorNumberMustBeInRange,
            indicatorVariablesMustBeWritable,
            checkIndicatorPopulation,
            checkMeasureIndicator,
            checkIndicatorStrata,
            registerIndicatorMustBeComplete,
        ],
        Register: [partsMustBeWrittenOnce, registerMustHaveUnit],
        Column: columnMustBeTyped,
        RegisterGrouping: groupingMustCoverRanges,
        Suppression: suppressionMustBePositive,
        ColumnCondition: columnConditionMustFitType,
        RegisterExample: registerExampleMustHold,
        Measure: checkMeasure,
        Comparability: checkComparability,
        IndicatorQuestion: [indicatorQuestionMustBeAskedAndUsed, nameMustBeValid],
        EarlierName: [earlierNameMustExist(workspace), yearMustBeInRange],
        AnswerCondition: answerConditionMustFitQuestion,
        NumericCondition: numericConditionMustFitQuestion,
        AtLeastCondition: atLeastConditionMustBeReachable,
        CountTerm: countTermMustBeNumeric,
        QuestionTarget: targetItemsMustBeNamedOnce,
        Ratio: ratioMustCountNumbers,
        PrintedDocument: printedDocumentMustPlaceEachIndicatorOnce(workspace),
        Model: [fileMustNameItsSurvey, charactersMustBeWritable],
    };
}

/** The language's checks as a service: built once per language instance, over its workspace index. */
export class OjValidator {
    readonly checks: ValidationChecks<OjAstType>;

    constructor(services: OjServices) {
        this.checks = ojValidationChecks(services.workspace.OjWorkspaceIndex);
    }
}

export function registerValidationChecks(services: OjServices): void {
    const validator = services.validation.OjValidator;
    services.validation.ValidationRegistry.register(validator.checks, validator);
}
