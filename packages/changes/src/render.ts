/**
 * The diff as a reviewer reads it: in the terminal (removed words in [-…-], added in {+…+}, colour
 * only on a terminal that wants it) and as a document (HTML or Word through the documents package's
 * renderers), both from the same ModelDiff.
 */
import type { DescriptionDocument, DocumentSection, Paragraph, DataTable, SectionContent } from '@oj/documents';
import { STATUS_LABELS as STATUS_SV } from '@oj/language';
import type { IndicatorDiff, ModelDiff } from './diff.js';
import { groupUnits, unitsText, type UnitBehaviour } from './behaviour.js';
import type { WordChange } from './words.js';

/** Control characters and bidi overrides from model text never reach the terminal as such. */
export function terminalSafe(text: string): string {
    return text.replace(
        /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
        (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`,
    );
}

function plural(n: number, one: string, many: string): string {
    return `${n} ${n === 1 ? one : many}`;
}

function yearOf(info: { year?: number }, fallback: string): string {
    return info.year !== undefined ? String(info.year) : fallback;
}

export interface TerminalOptions {
    color?: boolean;
}

function words(changes: WordChange[], color: boolean): string {
    return changes
        .map((c) => {
            const text = terminalSafe(c.text);
            if (c.kind === 'same') return text;
            if (color)
                return c.kind === 'added' ? `\u001b[32m${text}\u001b[39m` : `\u001b[31m\u001b[9m${text}\u001b[29m\u001b[39m`;
            return c.kind === 'added' ? `{+${text}+}` : `[-${text}-]`;
        })
        .join('');
}

function title(d: IndicatorDiff): string {
    const a = d.after ?? d.before!;
    return `${a.number}. ${terminalSafe(a.name)}`;
}

const MATCH_SV = { link: 'länkad till föregående år', variables: 'samma variabler', number: 'samma nummer' } as const;

/** "fråga i = Ja, fråga ii = Ej aktuellt: 2019 ej uppnådd → 2020 uppnådd (1 kombination)". */
export function transitionText(
    unit: UnitBehaviour,
    row: UnitBehaviour['rows'][number],
    yearBefore: string,
    yearAfter: string,
): string {
    const values = row.values.flatMap((v, k) => (v ? [`${unit.variables[k].label} = ${v.join(' eller ')}`] : []));
    const answers = values.length > 0 ? values.join(', ') : 'alla svar';
    return `${terminalSafe(answers)}: ${yearBefore} ${STATUS_SV[row.from]} → ${yearAfter} ${STATUS_SV[row.to]} (${plural(row.count, 'kombination', 'kombinationer')})`;
}

export function summaryLine(diff: ModelDiff): string {
    const s = diff.summary;
    return (
        `${plural(s.added, 'tillagd', 'tillagda')}, ${plural(s.removed, 'borttagen', 'borttagna')}, ${plural(s.changed, 'ändrad', 'ändrade')}, ${plural(s.unchanged, 'oförändrad', 'oförändrade')}; ` +
        `beteendet ändrat i ${s.behaviourChanged}, ${plural(s.notComparable, 'inte jämförbar', 'inte jämförbara')} med föregående år.`
    );
}

export function renderTerminal(diff: ModelDiff, options: TerminalOptions = {}): string {
    const color = options.color ?? false;
    const yb = yearOf(diff.before, 'före'),
        ya = yearOf(diff.after, 'efter');
    const lines: string[] = [];
    lines.push(
        `Jämförelse ${terminalSafe(diff.before.survey ?? '')} (${yb}, ${plural(diff.before.indicators, 'indikator', 'indikatorer')}) → ${terminalSafe(diff.after.survey ?? '')} (${ya}, ${plural(diff.after.indicators, 'indikator', 'indikatorer')})`,
    );
    lines.push(summaryLine(diff));
    for (const d of diff.indicators) {
        if (d.status === 'unchanged') continue;
        lines.push('');
        if (d.status === 'added') {
            lines.push(`+ ${title(d)} (ny)`);
            continue;
        }
        if (d.status === 'removed') {
            lines.push(`- ${title(d)} (borttagen)`);
            continue;
        }
        lines.push(`~ ${title(d)} (${MATCH_SV[d.matchedBy!]})`);
        if (d.renumbered) lines.push(`  Nummer: ${d.before!.number} → ${d.after!.number}`);
        if (d.renamed) lines.push(`  Namn: "${terminalSafe(d.before!.name)}" → "${terminalSafe(d.after!.name)}"`);
        const a = d.areas;
        if (a.added.length + a.removed.length > 0)
            lines.push(`  Områden: ${[...a.added.map((x) => `+${x}`), ...a.removed.map((x) => `−${x}`)].join(' ')}`);
        if (a.reportedAdded.length + a.reportedRemoved.length > 0)
            lines.push(
                `  Redovisas för: ${[...a.reportedAdded.map((x) => `+${x}`), ...a.reportedRemoved.map((x) => `−${x}`)].join(' ')}`,
            );
        for (const p of d.parts) lines.push(`  ${p.part}: ${words(p.words, color)}`);
        for (const q of d.questions) {
            for (const c of q.changes) lines.push(`  Fråga ${q.question}: ${terminalSafe(c)}`);
            if (q.text) lines.push(`    ${words(q.text, color)}`);
        }
        for (const group of groupUnits(d.behaviour)) {
            const u = group[0];
            const where = u.unit ? ` för ${terminalSafe(unitsText(group))}` : '';
            if (u.tooLarge) {
                lines.push(`  Beteende${where}: ${u.combinations} kombinationer, för många för att jämföra en och en.`);
                continue;
            }
            lines.push(
                `  Beteende${where}: ${u.changed} av ${plural(u.combinations, 'svarskombination', 'svarskombinationer')} får ett annat utfall`,
            );
            for (const row of u.rows) lines.push(`    ${transitionText(u, row, yb, ya)}`);
        }
        if (!d.comparable) lines.push(`  Inte jämförbar med ${yb}: ${d.reasons.map(terminalSafe).join(' ')}`);
        if (d.finding)
            lines.push(`  ${d.finding.severity === 'warning' ? 'Varning' : 'Obs'}: ${terminalSafe(d.finding.message)}`);
    }
    return lines.join('\n') + '\n';
}

function wordsPlain(changes: WordChange[]): string {
    return changes
        .map((c) =>
            c.kind === 'same' ? c.text : c.kind === 'added' ? `[tillagt: ${c.text.trim()}] ` : `[borttaget: ${c.text.trim()}] `,
        )
        .join('');
}

function para(text: string, strong = false): Paragraph {
    return strong ? { kind: 'paragraph', text, emphasis: 'strong' } : { kind: 'paragraph', text };
}

function indicatorSection(d: IndicatorDiff, yb: string, ya: string, index: number): DocumentSection {
    const content: SectionContent[] = [];
    const status = { added: 'Ny indikator', removed: 'Borttagen indikator', changed: 'Ändrad', unchanged: 'Oförändrad' }[
        d.status
    ];
    content.push(para(`${status}${d.matchedBy ? ` (${MATCH_SV[d.matchedBy]})` : ''}.`));
    if (d.renumbered) content.push(para(`Nummer: ${d.before!.number} → ${d.after!.number}.`));
    if (d.renamed) content.push(para(`Namn ${yb}: ${d.before!.name}. Namn ${ya}: ${d.after!.name}.`));
    const a = d.areas;
    if (a.added.length > 0) content.push(para(`Nya områden: ${a.added.join(', ')}.`));
    if (a.removed.length > 0) content.push(para(`Borttagna områden: ${a.removed.join(', ')}.`));
    if (d.parts.length > 0) {
        const table: DataTable = {
            kind: 'table',
            id: `delar-${index}`,
            caption: 'Ändrade delar av beskrivningen',
            columns: ['Del', yb, ya],
            rows: d.parts.map((p) => [p.part, p.before ?? '–', p.after ?? '–']),
        };
        content.push(table);
        for (const p of d.parts) content.push(para(`${p.part}, ändringen ord för ord: ${wordsPlain(p.words)}`));
    }
    if (d.questions.length > 0) {
        content.push({
            kind: 'list',
            items: d.questions.flatMap((q) => q.changes.map((c) => ({ text: `Fråga ${q.question}: ${c}` }))),
        });
    }
    groupUnits(d.behaviour).forEach((group, k) => {
        const u = group[0];
        const where = u.unit ? ` för ${unitsText(group)}` : '';
        if (u.tooLarge) {
            content.push(para(`Beteendet${where} omfattar ${u.combinations} kombinationer och har inte jämförts en och en.`));
            return;
        }
        content.push({
            kind: 'table',
            id: `beteende-${index}-${k}`,
            caption: `Svarskombinationer som får ett annat utfall${where} (${u.changed} av ${u.combinations})`,
            columns: [...u.variables.map((v) => v.label), yb, ya, 'Antal'],
            rows: u.rows.map((r) => [
                ...r.values.map((v) => (v ? v.join(' eller ') : 'alla svar')),
                STATUS_SV[r.from],
                STATUS_SV[r.to],
                String(r.count),
            ]),
        });
    });
    content.push(para(d.comparable ? `Jämförbar med ${yb}.` : `Inte jämförbar med ${yb}: ${d.reasons.join(' ')}`));
    if (d.finding) content.push(para(`${d.finding.severity === 'warning' ? 'Varning' : 'Obs'}: ${d.finding.message}`, true));
    const ref = d.after ?? d.before!;
    return { id: `indikator-${index}`, level: 2, title: `${ref.number}. ${ref.name}`, content, subsections: [] };
}

/** The diff as a document for reviewers; `date` fixed by the caller so that outputs are reproducible. */
export function diffDocument(diff: ModelDiff, date: Date): DescriptionDocument {
    const yb = yearOf(diff.before, 'före'),
        ya = yearOf(diff.after, 'efter');
    const changed = diff.indicators.filter((d) => d.status !== 'unchanged');
    const unchanged = diff.indicators.filter((d) => d.status === 'unchanged');
    const overview: DocumentSection = {
        id: 'oversikt',
        level: 1,
        title: 'Översikt',
        subsections: [],
        content: [
            para(`Jämförelse mellan ${diff.before.survey ?? ''} (${yb}) och ${diff.after.survey ?? ''} (${ya}).`),
            para(summaryLine(diff)),
            {
                kind: 'table',
                id: 'oversikt-tabell',
                caption: 'Indikatorer och ändringar',
                columns: ['Indikator', 'Ändring', `Jämförbar med ${yb}`],
                rows: diff.indicators.map((d) => {
                    const ref = d.after ?? d.before!;
                    return [
                        `${ref.number}. ${ref.name}`,
                        { added: 'ny', removed: 'borttagen', changed: 'ändrad', unchanged: 'oförändrad' }[d.status],
                        d.comparable ? 'ja' : 'nej',
                    ];
                }),
            },
        ],
    };
    const sections: DocumentSection[] = [overview];
    if (changed.length > 0)
        sections.push({
            id: 'andringar',
            level: 1,
            title: 'Ändringar per indikator',
            content: [],
            subsections: changed.map((d, i) => indicatorSection(d, yb, ya, i + 1)),
        });
    if (unchanged.length > 0)
        sections.push({
            id: 'oforandrade',
            level: 1,
            title: 'Oförändrade indikatorer',
            subsections: [],
            content: [{ kind: 'list', items: unchanged.map((d) => ({ text: `${d.after!.number}. ${d.after!.name}` })) }],
        });
    const heading = `Ändringar ${yb}–${ya}`;
    return {
        language: 'sv-SE',
        title: heading,
        subtitle: diff.after.survey,
        publisher: 'Socialstyrelsen',
        description: `Ändringar i indikatorerna mellan ${yb} och ${ya}`,
        runningTitle: heading,
        date,
        sections,
    };
}
