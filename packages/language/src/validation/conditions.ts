/**
 * Conditions and counts in rules, exclusions, ratios and measures: what they say about a question
 * must fit its answers (options or a number, items or none, a count the items can reach).
 */
import type { ValidationAcceptor } from 'langium';
import type { AnswerCondition, AtLeastCondition, CountTerm, NumericCondition, QuestionTarget, Ratio } from '../generated/ast.js';
import { questionOf } from '../model/model-utils.js';
import { atLeastCount, itemsOfAtLeast, tickedOption } from '../semantics/lower.js';
import { joinSwedish, numberInWords } from '../semantics/rule-text.js';
import { CommonIssueCodes, issue } from './common.js';

export const ConditionIssueCodes = {
    OptionOnNumericQuestion: 'option-on-numeric-question',
    NumberOnOptionQuestion: 'number-on-option-question',
    RatioNotNumeric: 'ratio-not-numeric',
    ItemsRequired: 'items-required',
    QuantifierWithoutItems: 'quantifier-without-items',
    AtLeastCountOutOfRange: 'at-least-count-out-of-range',
    ItemRangeReversed: 'item-range-reversed',
    AtLeastWithoutAnswer: 'at-least-without-answer',
} as const;

export function answerConditionMustFitQuestion(condition: AnswerCondition, accept: ValidationAcceptor): void {
    // A condition cut short by a syntax error has no target; the parse error says what is missing.
    if (!condition.target) return;
    const question = questionOf(condition.target.question.ref);
    if (question?.numeric) {
        issue(
            accept,
            'error',
            ConditionIssueCodes.OptionOnNumericQuestion,
            `Fråga ${condition.target.question.$refText} besvaras med ett antal och har inga svarsalternativ; jämför med ett tal: "antal på fråga ${condition.target.question.$refText} > 0".`,
            condition,
            'options',
        );
    }
    if (condition.quantifier && question && question.items.length === 0) {
        issue(
            accept,
            'error',
            ConditionIssueCodes.QuantifierWithoutItems,
            `"${condition.quantifier} alternativ av" passar inte fråga ${condition.target.question.$refText}, som inte har några alternativ (A, B, …).`,
            condition,
            'quantifier',
        );
    }
    if (!condition.quantifier && question && question.items.length > 0 && condition.target.items.length === 0) {
        issue(
            accept,
            'error',
            ConditionIssueCodes.ItemsRequired,
            `Fråga ${condition.target.question.$refText} har alternativen ${question.items.map((i) => i.name).join(', ')}: ange vilka ("på fråga ${condition.target.question.$refText} ${question.items[0].name}") eller skriv "samtliga alternativ av"/"något alternativ av".`,
            condition,
            'target',
        );
    }
}

export function numericConditionMustFitQuestion(condition: NumericCondition, accept: ValidationAcceptor): void {
    if (!condition.target) return;
    const question = questionOf(condition.target.question.ref);
    if (question && !question.numeric) {
        issue(
            accept,
            'error',
            ConditionIssueCodes.NumberOnOptionQuestion,
            `Fråga ${condition.target.question.$refText} besvaras med svarsalternativ, inte med ett antal; skriv t.ex. "Ja på fråga ${condition.target.question.$refText}".`,
            condition,
            'value',
        );
    }
}

/** "Vald på minst två av alternativen A–D på fråga ii": a count the items can reach, over a question with items. */
export function atLeastConditionMustBeReachable(condition: AtLeastCondition, accept: ValidationAcceptor): void {
    const question = questionOf(condition.question?.ref);
    if (!question) return;
    const numeral = condition.question.$refText;
    if (question.numeric) {
        issue(
            accept,
            'error',
            ConditionIssueCodes.OptionOnNumericQuestion,
            `Fråga ${numeral} besvaras med ett antal och har inga svarsalternativ; jämför med ett tal: "antal på fråga ${numeral} > 0".`,
            condition,
            'options',
        );
        return;
    }
    if (question.items.length === 0) {
        issue(
            accept,
            'error',
            ConditionIssueCodes.QuantifierWithoutItems,
            `"minst … av alternativen" passar inte fråga ${numeral}, som inte har några alternativ (A, B, …).`,
            condition,
            'question',
        );
        return;
    }
    const first = condition.items[0]?.ref;
    const last = condition.last?.ref;
    if (first && last && question.items.indexOf(last) < question.items.indexOf(first)) {
        issue(
            accept,
            'error',
            ConditionIssueCodes.ItemRangeReversed,
            `Alternativen ${first.name}–${last.name} står i fel ordning: på fråga ${numeral} kommer ${last.name} före ${first.name}; skriv "${last.name}–${first.name}".`,
            condition,
            'last',
        );
        return;
    }
    const set = question.answerSet?.ref;
    if (condition.options.length === 0 && set && !tickedOption(question)) {
        // The bare form counts ticked boxes; with Ja/Nej (or several "ticked" options) the answer must be named.
        const names = set.options.map((o) => o.name);
        const written = condition.$cstNode?.text.trim() ?? `minst … av alternativen på fråga ${numeral}`;
        issue(
            accept,
            'error',
            ConditionIssueCodes.AtLeastWithoutAnswer,
            `Det framgår inte vilket svar som räknas på fråga ${numeral}: svarsalternativen ${set.name} (${joinSwedish(names)}) är inga kryssrutor med ett ikryssat alternativ. Skriv svaret först, t.ex. "${names[0] ?? 'Ja'} på ${written}".`,
            condition,
            'question',
        );
        return;
    }
    const count = atLeastCount(condition);
    const items = itemsOfAtLeast(condition).length;
    if (count === undefined || items === 0) return;
    if (count === 0) {
        issue(
            accept,
            'error',
            ConditionIssueCodes.AtLeastCountOutOfRange,
            `"minst 0 av" gäller alltid; skriv hur många alternativ som krävs.`,
            condition,
            'count',
        );
    } else if (count > items) {
        issue(
            accept,
            'error',
            ConditionIssueCodes.AtLeastCountOutOfRange,
            `Minst ${numberInWords(count)} av ${numberInWords(items)} alternativ kan aldrig uppnås; det finns bara ${items} att räkna.`,
            condition,
            condition.countWord !== undefined ? 'countWord' : 'count',
        );
    }
    const seen = new Set<string>();
    condition.items.forEach((item, index) => {
        if (seen.has(item.$refText))
            issue(
                accept,
                'warning',
                CommonIssueCodes.DuplicatePart,
                `Alternativ ${item.$refText} anges två gånger.`,
                condition,
                'items',
                index,
            );
        seen.add(item.$refText);
    });
}

/** Arithmetic counts: "+", "-" and "/" work on answers that are numbers, not on options. */
export function countTermMustBeNumeric(term: CountTerm, accept: ValidationAcceptor): void {
    const target = term.target;
    const question = questionOf(target?.question?.ref);
    if (!target || !question || question.numeric) return;
    const numeral = target.question.$refText;
    issue(
        accept,
        'error',
        ConditionIssueCodes.NumberOnOptionQuestion,
        `Fråga ${numeral} besvaras med svarsalternativ, inte med ett antal, och kan inte räknas med; skriv t.ex. "Ja på fråga ${numeral}".`,
        term,
        'target',
    );
}

export function targetItemsMustBeNamedOnce(target: QuestionTarget, accept: ValidationAcceptor): void {
    const seen = new Set<string>();
    target.items.forEach((item, index) => {
        if (seen.has(item.$refText)) {
            issue(
                accept,
                'warning',
                CommonIssueCodes.DuplicatePart,
                `Alternativ ${item.$refText} anges två gånger.`,
                target,
                'items',
                index,
            );
        }
        seen.add(item.$refText);
    });
}

export function ratioMustCountNumbers(ratio: Ratio, accept: ValidationAcceptor): void {
    for (const property of ['numerator', 'denominator'] as const) {
        if (!ratio[property]) continue;
        const question = questionOf(ratio[property].question.ref);
        if (question && !question.numeric) {
            issue(
                accept,
                'error',
                ConditionIssueCodes.RatioNotNumeric,
                `En andel räknas på antal; fråga ${ratio[property].question.$refText} besvaras med svarsalternativ.`,
                ratio,
                property,
            );
        }
    }
}
