/** A word-level diff of two printed texts, as the reviewer reads it: kept, removed and added runs of words. */
import { diffWords } from 'diff';

export interface WordChange {
    kind: 'same' | 'added' | 'removed';
    text: string;
}

export function wordDiff(before: string, after: string): WordChange[] {
    return diffWords(before, after).map((part) => ({
        kind: part.added ? 'added' : part.removed ? 'removed' : 'same',
        text: part.value,
    }));
}

/** Whitespace differences are formatting, not a change of the printed text. */
export function sameText(a: string | undefined, b: string | undefined): boolean {
    const norm = (t: string | undefined) => (t ?? '').replace(/\s+/g, ' ').trim();
    return norm(a) === norm(b);
}
