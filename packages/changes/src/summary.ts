/**
 * One indicator's change since last year in a few words, for the editor's hover: "Ändrat sedan
 * 2019: nytt namn …; utfallet ändras för 4 av 36 svarskombinationer …; inte jämförbar med 2019."
 * Plain text (model text included as it is): the caller escapes it for where it is shown.
 */
import type { IndicatorDiff } from './diff.js';
import { groupUnits, unitsText } from './behaviour.js';

function plural(n: number, one: string, many: string): string {
    return `${n} ${n === 1 ? one : many}`;
}

function list(items: string[]): string {
    return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} och ${items.at(-1)}`;
}

/** The parts of a change, each a short Swedish clause; empty for an unchanged indicator. */
export function changeClauses(d: IndicatorDiff, yearBefore: string): string[] {
    const clauses: string[] = [];
    if (d.renumbered) clauses.push(`nummer ${d.before!.number} → ${d.after!.number}`);
    if (d.renamed) clauses.push(`nytt namn (${yearBefore}: "${d.before!.name}")`);
    const a = d.areas;
    if (a.added.length > 0) clauses.push(`nya områden ${list(a.added)}`);
    if (a.removed.length > 0) clauses.push(`områden borttagna: ${list(a.removed)}`);
    if (a.reportedAdded.length + a.reportedRemoved.length > 0)
        clauses.push(
            `redovisas för ${[...a.reportedAdded.map((x) => `+${x}`), ...a.reportedRemoved.map((x) => `−${x}`)].join(' ')}`,
        );
    if (d.parts.length > 0) clauses.push(`ändrad text: ${list(d.parts.map((p) => p.part.toLowerCase()))}`);
    for (const q of d.questions) {
        // The question's sentences as clauses: "frågans text har ändrats", at most three of them.
        const sentences = q.changes.map((c) => c.replace(/\.$/, '')).map((c) => c.charAt(0).toLowerCase() + c.slice(1));
        const shown = sentences.length > 3 ? [...sentences.slice(0, 3), `${sentences.length - 3} ändringar till`] : sentences;
        const what = q.status === 'added' ? 'ny' : q.status === 'removed' ? 'borttagen' : list(shown);
        clauses.push(`fråga ${q.question}: ${what}`);
    }
    for (const group of groupUnits(d.behaviour)) {
        const u = group[0];
        const where = u.unit ? ` för ${unitsText(group, false)}` : '';
        clauses.push(
            u.tooLarge
                ? `utfallet${where} kunde inte jämföras fullständigt (${u.combinations} svarskombinationer)`
                : `utfallet${where} ändras för ${u.changed} av ${plural(u.combinations, 'svarskombination', 'svarskombinationer')}`,
        );
    }
    return clauses;
}

/** "Oförändrat sedan 2019." or "Ändrat sedan 2019: …; inte jämförbar med 2019." */
export function changeSummary(d: IndicatorDiff, yearBefore: string): string {
    if (d.status === 'added') return `Ny sedan ${yearBefore}: ingen motsvarande indikator ${yearBefore}.`;
    if (d.status === 'removed') return `Borttagen sedan ${yearBefore}.`;
    if (d.status === 'unchanged') return `Oförändrat sedan ${yearBefore}.`;
    const clauses = changeClauses(d, yearBefore);
    clauses.push(d.comparable ? `jämförbar med ${yearBefore}` : `inte jämförbar med ${yearBefore}`);
    return `Ändrat sedan ${yearBefore}: ${clauses.join('; ')}.`;
}
