/**
 * Worked examples of register indicators: `exempel "…" { rad kommun = "0114" alder = 82 … ger täljare för K, A80 }`
 * is one register row (columns not written are blank) and how it must count, checked with the
 * reference interpreter (register.ts) on the indicator's plan, as survey examples are checked.
 */
import type { Indicator, RegisterExample, RegisterExampleCell } from '../generated/ast.js';
import { decideRegisterRow, type RegisterOutcome, type RegisterRow } from './register.js';
import { lowerRegisterIndicator } from './register-lower.js';

const OUTCOME_OF_WORD: Record<string, RegisterOutcome> = {
    täljare: 'numerator',
    nämnare: 'denominator',
    bortfall: 'missing',
    utanför: 'outside',
};

/** The words an outcome is written with in an example. */
export const REGISTER_OUTCOME_WORDS: Readonly<Record<RegisterOutcome, string>> = {
    numerator: 'täljare',
    denominator: 'nämnare',
    missing: 'bortfall',
    outside: 'utanför',
    unknownUnit: 'okänd enhet',
};

/** A cell's text as a register file would hold it. */
export function registerExampleValue(cell: RegisterExampleCell): string {
    if (cell.blank) return '';
    if (cell.text !== undefined) return cell.text;
    if (cell.number !== undefined) return String(cell.number);
    return cell.code ?? '';
}

/** The example's row: column name → text. */
export function registerExampleRow(example: RegisterExample): RegisterRow {
    const row: RegisterRow = {};
    for (const cell of example.cells) {
        const name = cell.column?.ref?.name ?? cell.column?.$refText;
        if (name) row[name] = registerExampleValue(cell);
    }
    return row;
}

export function expectedRegisterOutcome(example: RegisterExample): RegisterOutcome | undefined {
    if (example.unknownUnit) return 'unknownUnit';
    return example.outcome ? OUTCOME_OF_WORD[example.outcome] : undefined;
}

export interface RegisterExampleResult {
    expected?: RegisterOutcome;
    actual: RegisterOutcome;
    /** The strata the row counts in (total left out), in the plan's order. */
    strata: string[];
    /** The strata the example names, when it names any. */
    expectedStrata?: string[];
    holds: boolean;
}

/** Runs one worked example on the indicator's plan. */
export function checkRegisterExample(indicator: Indicator, example: RegisterExample): RegisterExampleResult {
    const plan = lowerRegisterIndicator(indicator);
    const decision = decideRegisterRow(plan, registerExampleRow(example));
    const expected = expectedRegisterOutcome(example);
    const strata = decision.strata.filter((code, i) => !(i === 0 && code === plan.totalCode));
    const expectedStrata = example.strata.length > 0 ? example.strata.map(String) : undefined;
    const sameStrata =
        !expectedStrata || (expectedStrata.length === strata.length && expectedStrata.every((s) => strata.includes(s)));
    return { expected, actual: decision.outcome, strata, expectedStrata, holds: expected === decision.outcome && sameStrata };
}

export const REGISTER_OUTCOMES: readonly RegisterOutcome[] = ['numerator', 'denominator', 'missing', 'outside', 'unknownUnit'];

/**
 * Which outcomes a register indicator's worked examples show (those that hold). Every outcome is
 * taken as reachable: a row can always have an unknown unit, a blank cell or a value outside the
 * population (no exact analysis over dates and numbers, as the survey rules have).
 */
export function registerExampleCoverage(indicator: Indicator): { reachable: RegisterOutcome[]; covered: RegisterOutcome[] } {
    const results = indicator.registerExamples.map((e) => checkRegisterExample(indicator, e)).filter((r) => r.holds);
    return { reachable: [...REGISTER_OUTCOMES], covered: REGISTER_OUTCOMES.filter((o) => results.some((r) => r.actual === o)) };
}
