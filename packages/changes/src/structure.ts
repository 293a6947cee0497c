/**
 * What changed in an indicator's printed parts and questions between two years: the parts as the
 * description document prints them, compared word by word; questions paired by their numeral,
 * options by their label (so that a recoded option is followed), items by their letter.
 */
import {
    type AnswerOption,
    type Indicator,
    type IndicatorQuestion,
    type Question,
    exclusionSentence,
    excludesByDefault,
    optionsOf,
    questionOf,
    requirementSentence,
    unitsOfIndicator,
    variablesOfQuestion,
} from '@oj/language';
import { sameText, wordDiff, type WordChange } from './words.js';

export interface PartChange {
    /** The printed part's heading, in Swedish ("Beskrivning", "Syfte", …). */
    part: string;
    before?: string;
    after?: string;
    words: WordChange[];
}

export interface QuestionChange {
    /** The numeral in the new year (or the old one, when removed). */
    question: string;
    status: 'added' | 'removed' | 'changed';
    /** Each change in one Swedish sentence. */
    changes: string[];
    /** The question text, word by word, when it changed. */
    text?: WordChange[];
    /** Whether the change affects what is measured (text, options, items, areas; not a variable's name or a code). */
    substantive: boolean;
    /** The changes that affect what is measured, for the comparability statement. */
    reasons: string[];
}

/** The printed parts of an indicator, in the order the description document prints them. */
export function printedParts(indicator: Indicator): Array<{ part: string; text: string }> {
    const parts: Array<{ part: string; text: string | undefined }> = [
        { part: 'Namn', text: indicator.name },
        { part: 'Beskrivning', text: indicator.description },
        { part: 'Syfte', text: indicator.purpose },
        {
            part: 'Kunskapsstöd',
            text: indicator.references
                .filter((r) => r.kind === 'kunskapsstöd')
                .map((r) => r.text)
                .join('\n'),
        },
        {
            part: 'Lagstiftning',
            text: indicator.references
                .filter((r) => r.kind === 'lagstiftning')
                .map((r) => r.text)
                .join('\n'),
        },
        { part: 'Önskad riktning', text: [indicator.direction, indicator.directionText].filter(Boolean).join(': ') },
        { part: 'Typ av indikator', text: indicator.kinds.join(', ') },
        { part: 'Kvalitetsområde', text: indicator.qualityAreas.join(', ') },
        { part: 'Datakälla', text: indicator.dataSource },
        { part: 'Felkällor', text: indicator.errorSources },
        {
            part: 'Definitioner',
            text: [
                ...indicator.terms.flatMap((t) => (t.ref ? [`Med ${t.ref.term} avses ${t.ref.definition}`] : [])),
                ...indicator.definitions.map((d) => `Med ${d.term} avses ${d.text}`),
            ].join('\n'),
        },
        { part: 'Krav för att uppnå indikatorn', text: indicator.requirements.map(requirementSentence).join('\n') },
        { part: 'Nämnare', text: [indicator.denominator, exclusionSentence(indicator)].filter(Boolean).join(' ') },
        { part: 'Målpopulation', text: indicator.targetPopulation },
        { part: 'Redovisningsnivå', text: indicator.levels.join(', ') },
        { part: 'Kommentar', text: indicator.comments.join('\n') },
    ];
    return parts.filter((p): p is { part: string; text: string } => !!p.text);
}

export function partChanges(before: Indicator, after: Indicator): PartChange[] {
    const old = new Map(printedParts(before).map((p) => [p.part, p.text]));
    const now = new Map(printedParts(after).map((p) => [p.part, p.text]));
    const names = [...new Set([...old.keys(), ...now.keys()])];
    const order = printedParts(after).map((p) => p.part);
    names.sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
    return names.flatMap((part) => {
        const a = old.get(part),
            b = now.get(part);
        if (sameText(a, b)) return [];
        return [{ part, before: a, after: b, words: wordDiff(a ?? '', b ?? '') }];
    });
}

function optionText(option: AnswerOption): string {
    return `"${option.label}" (kod ${option.code})`;
}

/**
 * Options paired by label, else by code: added, removed, recoded, relabelled. A recoded option
 * (same label, new code) changes the export, not what is measured.
 */
function optionChanges(before: Question, after: Question): { changes: string[]; reasons: string[] } {
    const out: string[] = [];
    const reasons: string[] = [];
    const measured = (change: string) => {
        out.push(change);
        reasons.push(change);
    };
    const old = optionsOf(before),
        now = optionsOf(after);
    if (before.numeric !== after.numeric) {
        measured(
            after.numeric
                ? 'Frågan besvaras nu med ett antal i stället för svarsalternativ.'
                : 'Frågan besvaras nu med svarsalternativ i stället för ett antal.',
        );
    }
    const paired = new Set<AnswerOption>();
    for (const o of old) {
        const byLabel = now.find((n) => !paired.has(n) && sameText(n.label, o.label));
        const match = byLabel ?? now.find((n) => !paired.has(n) && n.code === o.code);
        if (!match) {
            measured(`Svarsalternativet ${optionText(o)} har tagits bort.`);
            continue;
        }
        paired.add(match);
        if (match.code !== o.code) out.push(`Svarsalternativet "${o.label}" har fått koden ${match.code} (var ${o.code}).`);
        if (!sameText(match.label, o.label))
            measured(`Svarsalternativet med kod ${o.code} heter nu "${match.label}" (var "${o.label}").`);
        // What the flag means for the figures is the lowering's (the default exclusion); read it there.
        if (excludesByDefault(match) !== excludesByDefault(o)) {
            measured(
                excludesByDefault(match)
                    ? `Svarsalternativet "${match.label}" betyder nu att området saknas.`
                    : `Svarsalternativet "${match.label}" betyder inte längre att området saknas.`,
            );
        }
    }
    for (const n of now) {
        if (paired.has(n)) continue;
        measured(`Svarsalternativet ${optionText(n)} har lagts till.`);
    }
    // Another set with the same codes and labels is an internal name, not a change of the question.
    return { changes: out, reasons };
}

function questionChange(numeral: string, before: IndicatorQuestion, after: IndicatorQuestion): QuestionChange | undefined {
    const a = questionOf(before),
        b = questionOf(after);
    if (!a || !b) return undefined;
    const changes: string[] = [];
    const reasons: string[] = [];
    let text: WordChange[] | undefined;
    const measured = (change: string) => {
        changes.push(change);
        reasons.push(change);
    };
    if (!sameText(a.text, b.text)) {
        measured('Frågans text har ändrats.');
        text = wordDiff(a.text, b.text);
    }
    const options = optionChanges(a, b);
    changes.push(...options.changes);
    reasons.push(...options.reasons);
    const itemsBefore = new Map(a.items.map((i) => [i.name, i.text]));
    const itemsAfter = new Map(b.items.map((i) => [i.name, i.text]));
    for (const [name, itemText] of itemsBefore) {
        if (!itemsAfter.has(name)) measured(`Alternativ ${name} ("${itemText}") har tagits bort.`);
        else if (!sameText(itemText, itemsAfter.get(name)))
            measured(`Alternativ ${name} har ny text: "${itemsAfter.get(name)}" (var "${itemText}").`);
    }
    for (const [name, itemText] of itemsAfter)
        if (!itemsBefore.has(name)) measured(`Alternativ ${name} ("${itemText}") har lagts till.`);
    const unitsBefore = a.units.map((u) => u.$refText),
        unitsAfter = b.units.map((u) => u.$refText);
    const gained = unitsAfter.filter((u) => !unitsBefore.includes(u)),
        lost = unitsBefore.filter((u) => !unitsAfter.includes(u));
    if (gained.length > 0) measured(`Frågan ställs nu även för ${gained.join(', ')}.`);
    if (lost.length > 0) measured(`Frågan ställs inte längre för ${lost.join(', ')}.`);
    // Variables of the same item and area whose name changed.
    const key = (v: { item?: { name: string }; unit?: { name: string } }) => `${v.item?.name ?? ''}\u0000${v.unit?.name ?? ''}`;
    const varsBefore = new Map(
        variablesOfQuestion(a, { indicator: before.$container, slot: before }).map((v) => [key(v), v.name]),
    );
    for (const v of variablesOfQuestion(b, { indicator: after.$container, slot: after })) {
        const old = varsBefore.get(key(v));
        if (old !== undefined && old !== v.name) changes.push(`Variabeln ${old} heter nu ${v.name}.`);
    }
    if (changes.length === 0) return undefined;
    return { question: numeral, status: 'changed', changes, text, substantive: reasons.length > 0, reasons };
}

export function questionChanges(before: Indicator, after: Indicator): QuestionChange[] {
    const old = new Map(before.questions.map((q) => [q.name, q]));
    const now = new Map(after.questions.map((q) => [q.name, q]));
    const out: QuestionChange[] = [];
    for (const [numeral, slot] of now) {
        const previous = old.get(numeral);
        if (!previous) {
            out.push({
                question: numeral,
                status: 'added',
                changes: [`Fråga ${numeral} har lagts till: "${questionOf(slot)?.text ?? ''}"`],
                substantive: true,
                reasons: ['Frågan har lagts till.'],
            });
            continue;
        }
        const change = questionChange(numeral, previous, slot);
        if (change) out.push(change);
    }
    for (const [numeral, slot] of old) {
        if (!now.has(numeral))
            out.push({
                question: numeral,
                status: 'removed',
                changes: [`Fråga ${numeral} har tagits bort: "${questionOf(slot)?.text ?? ''}"`],
                substantive: true,
                reasons: ['Frågan har tagits bort.'],
            });
    }
    return out;
}

/** Areas (områden) and reporting units (redovisas för) gained and lost. */
export function areaChanges(
    before: Indicator,
    after: Indicator,
): { added: string[]; removed: string[]; reportedAdded: string[]; reportedRemoved: string[] } {
    const a = before.areas.map((r) => r.$refText),
        b = after.areas.map((r) => r.$refText);
    const ra = unitsOfIndicator(before).map((u) => u.name),
        rb = unitsOfIndicator(after).map((u) => u.name);
    return {
        added: b.filter((x) => !a.includes(x)),
        removed: a.filter((x) => !b.includes(x)),
        reportedAdded: rb.filter((x) => !ra.includes(x)),
        reportedRemoved: ra.filter((x) => !rb.includes(x)),
    };
}
