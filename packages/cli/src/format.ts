/** Numbers and counted nouns in Swedish, as every message of the command line writes them. */

const decimal1 = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false });

/** A share in percent with one decimal, Swedish style: "100,0 %". */
export function percent(value: number): string {
    return `${decimal1.format(value)} %`;
}

/** A count with its noun in the right number: count(1, 'fil', 'filer') → "1 fil". */
export function count(n: number, singular: string, plural: string): string {
    return `${n} ${n === 1 ? singular : plural}`;
}

/** Singular or plural form alone (for participles that agree with a count). */
export function agree(n: number, singular: string, plural: string): string {
    return n === 1 ? singular : plural;
}
