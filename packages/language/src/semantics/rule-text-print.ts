/**
 * Printed forms that the description document needs beside the rule text of rule-text.ts: the
 * label an answer option is printed with for one question, and the rule of an indicator with a
 * single question, which the document words as "Ja på frågan" (the question is printed unnumbered).
 */
import type { AnswerOption, Indicator, Question, Requirement } from '../generated/ast.js';
import { exclusionSentence, requirementSentence } from './rule-text.js';

/** The option's label as this question prints it: its own `etikett`, else the answer set's label. */
export function printedOptionLabel(question: Question | undefined, option: AnswerOption): string {
    const own = question?.labels.find((l) => l.option.ref === option);
    return own?.text ?? option.label;
}

/**
 * The requirement sentence as printed for this indicator. With one question, that question is
 * printed without its numeral, so the rule says "på frågan" where rule-text says "på fråga i".
 */
export function printedRequirementSentence(requirement: Requirement, indicator: Indicator): string {
    const sentence = requirementSentence(requirement);
    if (indicator.questions.length !== 1) return sentence;
    const numeral = indicator.questions[0].name;
    // Only a reference to the whole question: "på fråga i A" (an item) keeps its numeral.
    return sentence.replace(new RegExp(`på fråga ${numeral}(?=[.,)]|$| (?:och|eller|ELLER)\\b)`, 'g'), 'på frågan');
}

/**
 * The denominator sentence as printed for this indicator: with a single (unnumbered) question,
 * "Ej aktuellt ingår inte i nämnaren." rather than "… som svar på fråga i ingår inte i nämnaren."
 */
export function printedExclusionSentence(indicator: Indicator): string | undefined {
    const sentence = exclusionSentence(indicator);
    if (sentence === undefined || indicator.questions.length !== 1) return sentence;
    const numeral = indicator.questions[0].name;
    return sentence
        .replace(new RegExp(` som svar på fråga ${numeral} ingår inte i nämnaren`, 'g'), ' ingår inte i nämnaren')
        .replace(new RegExp(`på fråga ${numeral}(?=[.,)]|$| (?:och|eller)\\b| ingår)`, 'g'), 'på frågan');
}
