/**
 * The four statuses every respondent × indicator × area ends in, their Swedish names, and the
 * three-valued (Kleene) truth the rules are decided in. The one place these are written down.
 */

export type Status = 'met' | 'not_met' | 'excluded' | 'missing';

/** In the order documents and tables list them. */
export const STATUSES: readonly Status[] = ['met', 'not_met', 'excluded', 'missing'];

/** The words of the published document and of `exempel … ger …`. */
export const STATUS_LABELS: Readonly<Record<Status, string>> = {
    met: 'uppnådd',
    not_met: 'ej uppnådd',
    excluded: 'utesluten',
    missing: 'saknas',
};

export function statusLabel(status: Status): string {
    return STATUS_LABELS[status];
}

/** "3 uppnådd, 1 ej uppnådd, 0 utesluten, 2 saknas": counts per status in the usual order. */
export function statusCountsText(counts: Readonly<Record<Status, number>>): string {
    return STATUSES.map((s) => `${counts[s]} ${STATUS_LABELS[s]}`).join(', ');
}

/** Three-valued truth: true, false, or undefined for unknown. */
export type Truth = boolean | undefined;

export function and3(a: Truth, b: Truth): Truth {
    if (a === false || b === false) return false;
    if (a === undefined || b === undefined) return undefined;
    return true;
}

export function or3(a: Truth, b: Truth): Truth {
    if (a === true || b === true) return true;
    if (a === undefined || b === undefined) return undefined;
    return false;
}

export function not3(a: Truth): Truth {
    return a === undefined ? undefined : !a;
}
