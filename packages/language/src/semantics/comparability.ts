/**
 * Comparability with an earlier year as data: `tidigare 2018 "…" jämförbar "…"` or `ej jämförbar "…"`.
 * The description prints it, the evaluator exports it beside the results.
 */
import type { Indicator } from '../generated/ast.js';

export interface ComparabilityStatement {
    year: number;
    /** Undefined when the model does not say. */
    comparable?: boolean;
    reason?: string;
}

export function comparabilityOf(indicator: Indicator): ComparabilityStatement | undefined {
    const earlier = indicator.earlier;
    if (!earlier) return undefined;
    const statement = earlier.comparability;
    if (!statement) return { year: earlier.year };
    return { year: earlier.year, comparable: !statement.notComparable, reason: statement.reason };
}

/** "Resultaten är jämförbara med 2018." / "Resultaten är inte jämförbara med 2018. Frågan har ändrats." */
export function comparabilitySentence(indicator: Indicator): string {
    const c = comparabilityOf(indicator);
    if (!c || c.comparable === undefined) return '';
    const head = `Resultaten är ${c.comparable ? '' : 'inte '}jämförbara med ${c.year}`;
    const reason = c.reason?.trim();
    if (!reason) return `${head}.`;
    // The reason as written (it may begin with a name or an abbreviation), as a sentence of its own.
    return `${head}. ${/[.!?…]$/.test(reason) ? reason : `${reason}.`}`;
}
