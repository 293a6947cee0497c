/**
 * The codebook: one row per survey variable, as an export names it. The CLI writes it as CSV,
 * the evaluator validates responses against it, the questionnaire prints variable names from it.
 */
import type { Indicator, Model, Question } from '../generated/ast.js';
import { type SurveyVariable, isPerArea, questionNumber, questionOf, variablesOfQuestion } from './model-utils.js';

export interface CodebookRow {
    variable: string;
    /** Indicator numbers using the variable; several for a shared question. */
    indicators: number[];
    /** The question's number within its indicator (i → 1); empty for a shared question used by several. */
    question: string;
    item: string;
    group: string;
    /** The stratum's code (K, M) for a question asked per stratum (per kön); empty otherwise. */
    stratum: string;
    answerSet: string;
    /** Answer codes in declaration order; empty for a numeric question. */
    codes: number[];
    numeric: boolean;
    text: string;
    source: SurveyVariable;
}

/** The question text for one variable: with the item's letter and text when the question has items. */
export function variableText(variable: SurveyVariable): string {
    const { question, item } = variable;
    return item ? `${question.text} ${item.name}. ${item.text}` : question.text;
}

/** Codebook rows for the indicators of the given models, indicator by indicator, question by question. */
export function codebookRows(models: Model[]): CodebookRow[] {
    const rows = new Map<string, CodebookRow>();
    const indicators = models
        .flatMap((m) => m.elements.filter((e): e is Indicator => e.$type === 'Indicator'))
        .sort((a, b) => a.number - b.number);
    const addVariable = (variable: SurveyVariable, indicator: Indicator, question: Question, questionNo: string) => {
        const existing = rows.get(variable.name);
        if (existing) {
            if (!existing.indicators.includes(indicator.number)) existing.indicators.push(indicator.number);
            if (existing.question !== questionNo) existing.question = '';
            return;
        }
        rows.set(variable.name, {
            variable: variable.name,
            indicators: [indicator.number],
            question: questionNo,
            item: variable.item?.name ?? '',
            group: isPerArea(question) ? (variable.unit?.name ?? '') : '',
            stratum: variable.stratum?.code ?? '',
            answerSet: question.answerSet?.ref?.name ?? '',
            codes: question.answerSet?.ref?.options.map((o) => o.code) ?? [],
            numeric: question.numeric,
            text: variableText(variable),
            source: variable,
        });
    };
    for (const indicator of indicators) {
        for (const slot of [...indicator.questions].sort((a, b) => questionNumber(a) - questionNumber(b))) {
            const question = questionOf(slot);
            if (!question) continue;
            // A shared question keeps its own names; an inline one is named in its indicator's context.
            const context = slot.declared ? { indicator, slot } : {};
            for (const variable of variablesOfQuestion(question, context)) {
                addVariable(variable, indicator, question, String(questionNumber(slot)));
            }
        }
    }
    return [...rows.values()];
}
