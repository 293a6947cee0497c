/**
 * Status words as the published results print them: the statuses' Swedish names, capitalised as a
 * table cell starts. The names themselves belong to one module of @oj/language (semantics/status.ts,
 * issue 11); until it is on main this file holds the words the rest of the toolchain uses. When it
 * lands, replace STATUS_WORD by `import { STATUS_LABELS as STATUS_WORD } from '@oj/language'`.
 */
import { type Status, STATUSES } from '@oj/language';

export const STATUS_ORDER: readonly Status[] = STATUSES;

const STATUS_WORD: Readonly<Record<Status, string>> = { met: 'uppnådd', not_met: 'ej uppnådd', excluded: 'utesluten', missing: 'saknas' };

/** "Uppnådd", "Ej uppnådd", "Utesluten", "Saknas". */
export function publishedStatus(status: Status): string {
    const word = STATUS_WORD[status];
    return word[0].toLocaleUpperCase('sv') + word.slice(1);
}

/** What each status means for the share, as the info sheet and the reports explain it. */
export const STATUS_MEANING: Readonly<Record<Status, string>> = {
    met: 'Svaren uppfyller indikatorns krav. Räknas i täljaren och i nämnaren.',
    not_met: 'Svaren uppfyller inte kravet. Räknas i nämnaren.',
    excluded: 'Indikatorn gäller inte den svarande, till exempel när området inte finns i kommunen. Ingår inte i nämnaren.',
    missing: 'Svaren räcker inte för att avgöra indikatorn (obesvarade frågor). Ingår inte i nämnaren.'
};
