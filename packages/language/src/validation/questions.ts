/**
 * Questions, shared or declared in an indicator, and the numbered question slots of an indicator
 * (fråga i, ii …): one id and numeral each, one answer kind, asked where the indicator is
 * reported, used by a rule.
 */
import { AstUtils, type ValidationAcceptor } from 'langium';
import {
    type Indicator,
    type IndicatorQuestion,
    type Question,
    isIndicatorQuestion,
    isQuestionTarget,
} from '../generated/ast.js';
import {
    isPerArea,
    questionOf,
    romanValue,
    slotsInExpression,
    unitsOfIndicator,
    unitsOfQuestion,
    variablesOfQuestion,
} from '../model/model-utils.js';
import { surveyKeyOf, type OjWorkspaceIndex } from '../workspace/oj-workspace-index.js';
import { CommonIssueCodes, issue, partsMustBeWrittenOnce } from './common.js';
import { hasSyntaxErrorInside, isRecoveredSlot } from './message-hints.js';
import { questionVariablesMustBeComplete, variableNamesMustBeUnique } from './variables.js';

export const QuestionIssueCodes = {
    DuplicateQuestionId: 'duplicate-question-id',
    DuplicateNumeral: 'duplicate-numeral',
    PerAreaOutsideAreaContext: 'per-area-outside-area-context',
    AreaNotAsked: 'area-not-asked',
    AnswerKindMissing: 'answer-kind-missing',
    AnswerKindConflict: 'answer-kind-conflict',
    UnusedQuestion: 'unused-question',
    NumeralNotRoman: 'numeral-not-roman',
} as const;

export const questionMustBeWellFormed =
    (workspace: OjWorkspaceIndex) =>
    (question: Question, accept: ValidationAcceptor): void => {
        partsMustBeWrittenOnce(question, accept);
        const facts = workspace.facts();
        const key = surveyKeyOf(question);
        const sameId = facts.questionsById.get(`${key}#${question.name}`);
        if (sameId.length > 1) {
            issue(
                accept,
                'error',
                QuestionIssueCodes.DuplicateQuestionId,
                `Fråge-id ${question.name} används av ${sameId.length} frågor; ett id får bara finnas en gång.`,
                question,
                'name',
            );
        }
        const hasAnswers = question.answerSet !== undefined;
        if (!hasAnswers && !question.numeric) {
            issue(
                accept,
                'error',
                QuestionIssueCodes.AnswerKindMissing,
                `Frågan ${question.name} anger varken svarsalternativ ("svar …") eller att den besvaras med ett antal ("antal").`,
                question,
                'name',
            );
        }
        if (hasAnswers && question.numeric) {
            issue(
                accept,
                'error',
                QuestionIssueCodes.AnswerKindConflict,
                `Frågan ${question.name} kan inte både ha svarsalternativ och besvaras med ett antal.`,
                question,
                'numeric',
            );
        }
        const shared = !isIndicatorQuestion(question.$container);
        if (shared && !facts.usedQuestions.has(question)) {
            issue(
                accept,
                'warning',
                QuestionIssueCodes.UnusedQuestion,
                `Frågan ${question.name} används inte av någon indikator.`,
                question,
                'name',
            );
        }
        const items = new Set<string>();
        for (const item of question.items) {
            if (items.has(item.name)) {
                issue(
                    accept,
                    'error',
                    CommonIssueCodes.DuplicatePart,
                    `Alternativ ${item.name} finns redan i frågan ${question.name}.`,
                    item,
                    'name',
                );
            }
            items.add(item.name);
        }
        questionVariablesMustBeComplete(question, shared, accept);
        if (shared) variableNamesMustBeUnique(workspace, variablesOfQuestion(question), question, key, accept, question, 'name');
    };

export function indicatorQuestionMustBeAskedAndUsed(slot: IndicatorQuestion, accept: ValidationAcceptor): void {
    // A numeral the parser's recovery made of a stray "fråga ii" is no question: the syntax error says so.
    if (isRecoveredSlot(slot)) return;
    const indicator = slot.$container;
    if (indicator.questions.filter((q) => q.name === slot.name && !isRecoveredSlot(q)).length > 1) {
        issue(
            accept,
            'error',
            QuestionIssueCodes.DuplicateNumeral,
            `Fråga ${slot.name} finns redan i indikator ${indicator.number}.`,
            slot,
            'name',
        );
    }
    if (romanValue(slot.name) === undefined) {
        issue(
            accept,
            'warning',
            QuestionIssueCodes.NumeralNotRoman,
            `Frågor numreras i, ii, iii …; "${slot.name}" är inte en romersk siffra.`,
            slot,
            'name',
        );
    }
    const question = questionOf(slot);
    if (question && isPerArea(question)) {
        const units = unitsOfIndicator(indicator);
        if (units.length === 0) {
            issue(
                accept,
                'error',
                QuestionIssueCodes.PerAreaOutsideAreaContext,
                `Fråga ${slot.name} ställs per område, men indikator ${indicator.number} redovisas inte per område: ange "redovisas för …".`,
                slot,
                'name',
            );
        } else {
            const asked = new Set(unitsOfQuestion(question));
            const notAsked = units.filter((u) => !asked.has(u));
            if (notAsked.length > 0) {
                issue(
                    accept,
                    'error',
                    QuestionIssueCodes.AreaNotAsked,
                    `Fråga ${slot.name} ställs inte för ${notAsked.map((u) => u.name).join(', ')}, som indikatorn redovisas för.`,
                    slot,
                    'name',
                );
            }
        }
    }
    const used =
        indicator.requirements.some((r) => r.alternatives.some((a) => slotsInExpression(a).includes(slot))) ||
        slotsInExpression(indicator.exclusion?.condition).includes(slot) ||
        slotsInExpression(indicator.exception?.condition).includes(slot) ||
        [...indicator.areaExclusions, ...indicator.areaExceptions].some((v) => slotsInExpression(v.condition).includes(slot)) ||
        indicator.ratio?.numerator?.question.ref === slot ||
        indicator.ratio?.denominator?.question.ref === slot ||
        [indicator.measure?.numerator, indicator.measure?.denominator].some((o) =>
            o?.terms.some((t) => t.target?.question?.ref === slot),
        );
    // A rule cut short by a syntax error, or naming a question that is not found, may use the question where the author wrote it.
    if (!used && !hasSyntaxErrorInside(indicator) && !hasUnresolvedQuestion(indicator)) {
        issue(
            accept,
            'warning',
            QuestionIssueCodes.UnusedQuestion,
            `Fråga ${slot.name} används inte i regeln, uteslutningen eller andelen.`,
            slot,
            'name',
        );
    }
}

/** Whether a rule, exclusion, exception or ratio of the indicator names a question numeral it does not have. */
function hasUnresolvedQuestion(indicator: Indicator): boolean {
    return AstUtils.streamAst(indicator).some((node) => isQuestionTarget(node) && node.question.ref === undefined);
}
