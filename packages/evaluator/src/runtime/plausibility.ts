/**
 * Plausibility of counts: a part is not larger than its whole where the model relates them (the
 * plan's `plausibility`: a share's part and whole, a quotient of counts compared with a per cent,
 * "antal på fråga ii är högst antal på fråga i"). A result whose answers break such a relation is
 * implausible: it is made missing before anything is summed, so a share above 100 % is never
 * published, and it is reported with the answers. Copied verbatim into generated packages.
 */
import { answerNumber, type IndicatorResult, type ResponseRow } from './evaluation.js';

/** A part and its whole, as the variables whose answers are summed. */
export interface PartOfWholeVariables {
    part: readonly string[];
    whole: readonly string[];
}

/** One relation a respondent's answers break: the part's answers, the whole's, and their sums. */
export interface BrokenPart {
    part: Array<{ variable: string; value: string }>;
    whole: Array<{ variable: string; value: string }>;
    partSum: number;
    wholeSum: number;
}

/** A sum of answers, undefined when one is blank or not a number (nothing can be said then). */
function sumOf(row: ResponseRow, variables: readonly string[]): number | undefined {
    let total = 0;
    for (const variable of variables) {
        const value = answerNumber(row[variable]);
        if (value === undefined) return undefined;
        total += value;
    }
    return total;
}

/** The relations a row breaks: both sums known and the part larger than the whole. */
export function brokenParts(row: ResponseRow, relations: readonly PartOfWholeVariables[]): BrokenPart[] {
    const broken: BrokenPart[] = [];
    for (const relation of relations) {
        const partSum = sumOf(row, relation.part);
        const wholeSum = sumOf(row, relation.whole);
        if (partSum === undefined || wholeSum === undefined || partSum <= wholeSum) continue;
        const answers = (variables: readonly string[]) =>
            variables.map((variable) => ({ variable, value: String(row[variable] ?? '').trim() }));
        broken.push({ part: answers(relation.part), whole: answers(relation.whole), partSum, wholeSum });
    }
    return broken;
}

/**
 * The result made missing, as a plain object (no numerator or denominator, the trace kept): what is
 * published for a unit whose counts are implausible.
 */
export function asImplausible<R extends IndicatorResult>(result: R): R {
    const { numerator: _numerator, denominator: _denominator, ...rest } = { ...result, trace: result.trace };
    return { ...rest, status: 'missing' } as R;
}
