/** Small text helpers shared by the builder and the renderers. */

const collator = new Intl.Collator('sv', { sensitivity: 'variant', numeric: true });

/** Swedish alphabetical order (Å, Ä, Ö after Z), as the published document sorts areas and indicators. */
export function compareSwedish(a: string, b: string): number {
    return collator.compare(a, b);
}

/** The months as Swedish dates name them. */
export const MONTHS = [
    'januari',
    'februari',
    'mars',
    'april',
    'maj',
    'juni',
    'juli',
    'augusti',
    'september',
    'oktober',
    'november',
    'december',
];

/** "2019-02-01" → "1 februari 2019"; anything that is not an ISO date is returned as written. */
export function swedishDate(iso: string): string {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
    if (!match) return iso;
    const month = MONTHS[Number(match[2]) - 1];
    return month ? `${Number(match[3])} ${month} ${match[1]}` : iso;
}

/** An ISO date (YYYY-MM-DD) as a UTC Date, or undefined. */
export function parseIsoDate(iso: string | undefined): Date | undefined {
    const match = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim()) : null;
    if (!match) return undefined;
    const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    return Number.isNaN(date.getTime()) ? undefined : date;
}

// C0 controls other than tab and newline are not allowed in XML 1.0 and are invisible in print;
// C1 controls and DEL steer terminals; bidi embeddings, overrides and isolates make text read in
// another order than it is written. Validation refuses them all; a model with errors is still
// printed safely.
const CONTROL =
    /[\u0000-\u0008\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Model text as it is printed: a vertical tab (Word's manual line break) read as a space,
 * controls removed, runs of white space collapsed.
 */
export function cleanText(text: string | undefined): string {
    return sanitizeText(text ?? '')
        .replace(/\s+/g, ' ')
        .trim();
}

/** Text any writer can carry, white space as written: U+000B a space, controls removed. */
export function sanitizeText(text: string): string {
    return text.replace(/\u000B/g, ' ').replace(CONTROL, '');
}

export function capitalize(text: string): string {
    return text.length > 0 ? text[0].toLocaleUpperCase('sv') + text.slice(1) : text;
}

/** A sentence ends with a full stop unless it already ends with punctuation. */
export function sentence(text: string): string {
    const t = text.trim();
    return t.length === 0 || /[.!?:…]$/.test(t) ? t : `${t}.`;
}

/** An id safe in HTML, PDF destinations and Word bookmarks: ASCII letters, digits and dashes. */
export function slug(text: string): string {
    return (
        text
            .normalize('NFD')
            .replace(/[\u0300-\u036f]/g, '')
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '-')
            .replace(/^-+|-+$/g, '') || 'avsnitt'
    );
}

export function escapeHtml(text: string): string {
    return sanitizeText(text).replace(
        /[&<>"']/g,
        (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
    );
}

/** Escaping for XML text and attribute values. */
export function escapeXml(text: string): string {
    return escapeHtml(sanitizeText(text));
}
