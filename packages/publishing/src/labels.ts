/**
 * Status words as the published results print them: the statuses' Swedish names from @oj/language
 * (semantics/status.ts, the one place they are written down), capitalised where a table cell or a
 * list item starts with them.
 */
import { type Status, STATUS_LABELS, STATUSES } from '@oj/language';

export const STATUS_ORDER: readonly Status[] = STATUSES;

/** "Uppnådd", "Ej uppnådd", "Utesluten", "Saknas". */
export function publishedStatus(status: Status): string {
    const word = STATUS_LABELS[status];
    return word[0].toLocaleUpperCase('sv') + word.slice(1);
}

/** What each status means for the share, as the info sheet and the reports explain it. */
export const STATUS_MEANING: Readonly<Record<Status, string>> = {
    met: 'Svaren uppfyller indikatorns krav. Räknas i täljaren och i nämnaren.',
    not_met: 'Svaren uppfyller inte kravet. Räknas i nämnaren.',
    excluded: 'Indikatorn gäller inte den svarande, till exempel när området inte finns i kommunen. Ingår inte i nämnaren.',
    missing: 'Svaren räcker inte för att avgöra indikatorn (obesvarade frågor). Ingår inte i nämnaren.',
};
