/**
 * The decision explorer of the preview: the answers a reviewer picks for an indicator's questions
 * (for one area) are evaluated by the language's reference interpreter (`evaluateIndicator`), and
 * the status, the answers that decided and the printed rule with the deciding questions marked are
 * sent back; the same answers can be written into the source as a new worked example.
 * Only plain data goes back: the webview builds its elements with textContent, so model text is
 * never parsed as HTML.
 */
import {
    evaluateIndicator,
    exclusionSentence,
    type Indicator,
    isPerArea,
    optionsOf,
    questionOf,
    type ReportingUnit,
    requirementFor,
    requirementText,
    type ResponseRow,
    unitLabel,
    unitsOfIndicator,
    variableFor,
} from '@oj/language';
import type { ExploreParams, ExploreResult, RuleSegment } from '../protocol.js';
import { decidingAnswer, STATUS_WORDS } from './examples.js';
import { indicatorsOfDocument, type ModelSet } from './model-set.js';

/** The key of one answer: the question's numeral, and the item's name for a question with items. */
export function answerKey(numeral: string, item?: string): string {
    return item ? `${numeral} ${item}` : numeral;
}

/** The printed text cut where a deciding question is named ("fråga ii"), so that those parts can be marked. */
export function markedSegments(text: string, decided: ReadonlySet<string>): RuleSegment[] {
    const segments: RuleSegment[] = [];
    let last = 0;
    for (const match of text.matchAll(/fråga ([ivxlc]+)\b/g)) {
        if (!decided.has(match[1])) continue;
        if (match.index > last) segments.push({ text: text.slice(last, match.index) });
        segments.push({ text: match[0], decided: true });
        last = match.index + match[0].length;
    }
    if (last < text.length) segments.push({ text: text.slice(last) });
    return segments;
}

function quoted(text: string): string {
    return `"${text.replace(/["\\]/g, '')}"`;
}

export function explore(set: ModelSet, params: ExploreParams): ExploreResult | undefined {
    const indicator = indicatorsOfDocument(set.document).find((i) => i.number === params.indicator);
    if (!indicator) return undefined;
    const units = unitsOfIndicator(indicator);
    const unit: ReportingUnit | undefined = units.find((u) => u.name === params.unit) ?? units[0];
    const row: Record<string, string | number | undefined> = {};
    const given: string[] = [];
    const questions = indicator.questions.map((slot) => {
        const question = questionOf(slot);
        const options = optionsOf(question).map((o) => ({ name: o.name, label: o.label }));
        const items = question?.items.map((i) => ({ name: i.name, label: i.text })) ?? [];
        for (const item of items.length > 0 ? items : [undefined]) {
            const key = answerKey(slot.name, item?.name);
            const chosen = params.answers[key];
            if (chosen === undefined || chosen === '' || !question) continue;
            const option = optionsOf(question).find((o) => o.name === chosen);
            const value = option ? String(option.code) : Number.isFinite(Number(chosen)) ? Number(chosen) : undefined;
            if (value === undefined) continue;
            const questionItem = item ? question.items.find((i) => i.name === item.name) : undefined;
            const variable = variableFor(question, questionItem, isPerArea(question) ? unit : undefined, { indicator, slot });
            if (variable) row[variable] = value;
            given.push(`fråga ${key} = ${option ? option.name : String(value)}`);
        }
        return {
            numeral: slot.name,
            text: question?.text ?? '',
            options,
            items,
            numeric: options.length === 0,
            perArea: isPerArea(question),
        };
    });
    const result = evaluateIndicator(indicator, row as ResponseRow, unit);
    const decided = new Set(result.trace.map((r) => r.question));
    const requirement = requirementFor(indicator, unit);
    const exclusion = exclusionSentence(indicator);
    return {
        indicator: indicator.number,
        title: indicator.name,
        units: units.map((u) => ({ name: u.name, label: unitLabel(u) })),
        unit: unit?.name,
        questions,
        status: result.status,
        statusText: STATUS_WORDS[result.status],
        deciding: result.trace.map((r) => decidingAnswer(indicator, r, unit?.name)),
        rule: requirement ? markedSegments(requirementText(requirement), decided) : [],
        exclusion: exclusion ? markedSegments(exclusion, decided) : [],
        example: exampleText(indicator, given, unit, STATUS_WORDS[result.status]),
        insertAt: closingLine(indicator),
    };
}

/** The answers as a worked example, indented as the formatter does, to go before the indicator's "}". */
function exampleText(indicator: Indicator, given: string[], unit: ReportingUnit | undefined, status: string): string {
    const title = given.length > 0 ? `${given.join(', ')} ger ${status}` : `Inga svar ger ${status}`;
    const outcome = unit ? `${unit.name}: ${status}` : status;
    return [`    exempel ${quoted(title)} {`, ...given.map((g) => `        ${g}`), `        ger ${outcome}`, '    }', ''].join(
        '\n',
    );
}

function closingLine(indicator: Indicator): { line: number; character: number } {
    const end = indicator.$cstNode?.range.end ?? { line: 0, character: 0 };
    return { line: end.line, character: 0 };
}
