/**
 * The worked examples (`exempel`) of the workspace for the Testing view: found in every document,
 * each run by the language's example checker (`checkExample`, which evaluates through the reference
 * interpreter), with what it expected, what it gave and the answers that decided.
 */
import type { LangiumDocument } from 'langium';
import {
    checkExample,
    type Example,
    type ExampleResult,
    type Indicator,
    isPerArea,
    type Model,
    optionsOf,
    questionOf,
    type Reading,
} from '@oj/language';
import type { DecidingAnswer, ExampleFile, ExampleIndicator, ExampleStatus, SourceRange, WorkedExample } from '../protocol.js';
import { indicatorsOfDocument } from './model-set.js';
import { incompleteIndicators } from './preview.js';

/** The status words of the language (`ger … uppnådd`), for messages. */
export const STATUS_WORDS: Record<ExampleStatus, string> = {
    met: 'uppnådd',
    not_met: 'ej uppnådd',
    excluded: 'utesluten',
    missing: 'saknas',
};

const NO_RANGE: SourceRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function rangeOf(node: { $cstNode?: { range: SourceRange } } | undefined): SourceRange {
    return node?.$cstNode?.range ?? NO_RANGE;
}

/**
 * "fråga ii A för BU = Nej": the question's numeral, item and (for a question asked per area) the
 * area evaluated, and the option's name (or the number, or "blankt").
 */
export function decidingAnswer(indicator: Indicator, reading: Reading, unit?: string): DecidingAnswer {
    const slot = indicator.questions.find((q) => q.name === reading.question);
    const question = questionOf(slot);
    const option =
        reading.value === undefined ? undefined : optionsOf(question).find((o) => String(o.code) === String(reading.value));
    const value = reading.value === undefined ? 'blankt' : option ? option.name : String(reading.value);
    const where = [`fråga ${reading.question}`, reading.item, unit && isPerArea(question) ? `för ${unit}` : undefined]
        .filter(Boolean)
        .join(' ');
    return { variable: reading.variable, text: `${where} = ${value}` };
}

function outcomeOf(indicator: Indicator, result: ExampleResult) {
    return {
        unit: result.unit?.name,
        expected: result.expected,
        actual: result.actual.status,
        passed: result.passed,
        deciding: result.actual.trace.map((r) => decidingAnswer(indicator, r, result.unit?.name)),
        range: rangeOf(result.outcome),
    };
}

function workedExample(
    indicator: Indicator,
    example: Example,
    index: number,
    incomplete: boolean,
    errorAt: (range: SourceRange) => string | undefined,
): WorkedExample {
    const range = rangeOf(example);
    const title = example.title ?? `exempel ${index + 1}`;
    const problem = incomplete ? (errorAt(rangeOf(indicator)) ?? 'Indikatorn är inte komplett.') : errorAt(range);
    if (problem) return { index, title, range, problem, outcomes: [], passed: false };
    const outcomes = checkExample(indicator, example).map((r) => outcomeOf(indicator, r));
    return { index, title, range, outcomes, passed: outcomes.length > 0 && outcomes.every((o) => o.passed) };
}

const inside = (range: SourceRange, outer: SourceRange) =>
    (range.start.line > outer.start.line ||
        (range.start.line === outer.start.line && range.start.character >= outer.start.character)) &&
    (range.end.line < outer.end.line || (range.end.line === outer.end.line && range.end.character <= outer.end.character));

/** The worked examples of one document, by indicator (indicators without examples left out). */
export function examplesOfDocument(document: LangiumDocument<Model>): ExampleFile {
    const incomplete = incompleteIndicators(document);
    // Errors other than the example checker's own ("Exemplet ger …"): those are the outcome, not a reason not to run.
    const errors = (document.diagnostics ?? []).filter((d) => (d.severity ?? 1) === 1 && d.code !== 'example-failed');
    const errorAt = (range: SourceRange) => {
        const message = errors.find((d) => inside(d.range, range))?.message;
        return typeof message === 'object' ? message.value : message;
    };
    const indicators: ExampleIndicator[] = indicatorsOfDocument(document)
        .filter((indicator) => indicator.examples.length > 0)
        .map((indicator) => ({
            number: indicator.number,
            title: indicator.name,
            range: rangeOf(indicator),
            examples: indicator.examples.map((example, index) =>
                workedExample(indicator, example, index, incomplete.has(indicator), errorAt),
            ),
        }));
    return { uri: document.uri.toString(), indicators };
}
