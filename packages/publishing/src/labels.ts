/**
 * Status words as the published results print them. The four statuses' Swedish names are being
 * gathered into one module of @oj/language (semantics, issue 11); until that module is on main these
 * are the words the rest of the toolchain already uses (coverage, analysis, examples), capitalised as
 * a table cell starts. Replace STATUS_WORD with an import from that module when it lands.
 */
import { type Status, STATUSES } from '@oj/language';

export const STATUS_ORDER: readonly Status[] = STATUSES;

const STATUS_WORD: Readonly<Record<Status, string>> = { met: 'uppnådd', not_met: 'ej uppnådd', excluded: 'utesluten', missing: 'saknas' };

/** "Uppnådd", "Ej uppnådd", "Utesluten", "Saknas". */
export function statusLabel(status: Status): string {
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
