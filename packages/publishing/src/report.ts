/**
 * Reports per kommun (or stadsdel) and per län (`oj report`): for each area the unit's status per
 * indicator beside its län's and the country's share (and last year's result when given), a chart
 * of the shares of the county's kommuner (or of every län) with the unit marked, and the chart's
 * numbers in a table beside it. Built as a document of @oj/documents, so the PDF (tagged, PDF/UA) and
 * the HTML come from the same renderers and theme as the indicator description.
 */
import type { AggregateRow } from '@oj/evaluator';
import {
    type DataTable,
    type DescriptionDocument,
    type DocumentSection,
    type Figure,
    type Paragraph,
    type BulletList,
    renderHtml,
    renderPdf,
    swedishDate,
} from '@oj/documents';
import { type Model, type Status, STATUS_LABELS } from '@oj/language';
import { kommun, lan as lanOf, lanList } from '@oj/regions';
import { barChart, type BarDatum } from './charts.js';
import { STATUS_MEANING, STATUS_ORDER, publishedStatus } from './labels.js';
import { type EvaluatedResults, ownShare, type Respondent, ResultIndex, surveyOf } from './results.js';
import { indicatorTitle, isRatio, type Part, partsOf } from './sheets.js';

export type ReportTarget = { kind: 'unit'; unit: string } | { kind: 'lan'; lan: string };

export interface ReportOptions {
    /** Last year's results (a results folder read with readResultsFolder), matched by indicator number and group. */
    previous?: EvaluatedResults;
    publisher?: string;
}

export class ReportError extends Error {}

const percent = new Intl.NumberFormat('sv-SE', { style: 'percent', maximumFractionDigits: 0 });

/** "57 %" (a no-break space, as Swedish writes it), or "–" when there is no share. */
export function formatShare(share: number | undefined): string {
    return share === undefined ? '–' : percent.format(share);
}

/** "57 % (4 av 7)" */
function shareWithCounts(cell: AggregateRow | undefined): string {
    if (!cell || cell.denominator === 0) return 'Ingen bedömd';
    return `${formatShare(cell.share)} (${cell.numerator} av ${cell.denominator})`;
}

function statusText(index: ResultIndex, unit: string, indicator: Part['entries'][number]): string {
    const result = index.result(unit, indicator.indicator.number, indicator.group);
    if (!result) return 'Ingen uppgift';
    const own = isRatio(indicator.indicator) && result.status === 'met' ? ownShare(result) : undefined;
    return own !== undefined
        ? `${formatShare(own)} (${result.numerator} av ${result.denominator})`
        : publishedStatus(result.status);
}

/** How many of the area's indicators a respondent meets, of those decided (ratio indicators aside). */
function tally(index: ResultIndex, unit: string, part: Part): Record<Status, number> {
    const counts: Record<Status, number> = { met: 0, not_met: 0, excluded: 0, missing: 0 };
    for (const entry of part.entries) {
        if (isRatio(entry.indicator)) continue;
        const result = index.result(unit, entry.indicator.number, entry.group);
        if (result) counts[result.status]++;
    }
    return counts;
}

function shareOf(counts: { met: number; not_met: number }): number | undefined {
    const decided = counts.met + counts.not_met;
    return decided > 0 ? counts.met / decided : undefined;
}

/** The area's indicators met in a region: summed numerators over summed denominators. */
function regionTally(index: ResultIndex, part: Part, level: 'lan' | 'riket', region: string): { met: number; not_met: number } {
    let met = 0;
    let decided = 0;
    for (const entry of part.entries) {
        if (isRatio(entry.indicator)) continue;
        const cell = index.cell(entry.indicator.number, entry.group, level, region);
        if (cell) {
            met += cell.numerator;
            decided += cell.denominator;
        }
    }
    return { met, not_met: decided - met };
}

function countsText(counts: { met: number; not_met: number }): string {
    const decided = counts.met + counts.not_met;
    return decided === 0 ? 'ingen bedömd' : `${formatShare(shareOf(counts))} (${counts.met} av ${decided})`;
}

interface Numbering {
    table: number;
    figure: number;
}

function table(numbering: Numbering, id: string, caption: string, columns: string[], rows: string[][]): DataTable {
    numbering.table++;
    return {
        kind: 'table',
        id: `${id}-tabell-${numbering.table}`,
        caption: `Tabell ${numbering.table}. ${caption}`,
        columns,
        rows,
    };
}

async function figure(
    numbering: Numbering,
    id: string,
    caption: string,
    alt: string,
    data: BarDatum[],
    axisTitle: string,
    reference?: { share: number; label: string },
): Promise<Figure> {
    numbering.figure++;
    const chart = await barChart(data, axisTitle, reference);
    return {
        kind: 'figure',
        id: `${id}-figur-${numbering.figure}`,
        caption: `Figur ${numbering.figure}. ${caption}`,
        alt,
        svg: chart.svg,
        width: chart.width,
        height: chart.height,
    };
}

/** The alt text of a bar chart: what it shows, the marked bar, the extremes and where the numbers are. */
function chartAlt(
    what: string,
    data: Array<{ label: string; share?: number; text: string; marked: boolean }>,
    reference: string | undefined,
    markedWord = 'markerad',
): string {
    const decided = data.filter((d) => d.share !== undefined);
    const marked = data.filter((d) => d.marked).map((d) => `${d.label} (${markedWord}): ${d.text}`);
    const parts = [`Liggande stapeldiagram: ${what}, ${data.length} staplar.`];
    if (marked.length > 0) parts.push(`${marked.join('; ')}.`);
    if (decided.length > 0) {
        const max = decided.reduce((a, b) => ((b.share ?? 0) > (a.share ?? 0) ? b : a));
        const min = decided.reduce((a, b) => ((b.share ?? 0) < (a.share ?? 0) ? b : a));
        parts.push(`Högst ${max.label}, ${formatShare(max.share)}; lägst ${min.label}, ${formatShare(min.share)}.`);
    }
    if (reference) parts.push(`${reference}.`);
    parts.push('Alla värden står i tabellen under diagrammet.');
    return parts.join(' ');
}

/** Swedish genitive: "Stockholms", "Stockholms läns", "Nackas", but "Borås" (no s after s, x or z). */
export function genitive(name: string): string {
    return /[sxz]$/i.test(name) ? name : `${name}s`;
}

function introduction(models: Model[], subject: string, comparison: string, hasPrevious: boolean): DocumentSection {
    const survey = surveyOf(models);
    const content: Array<Paragraph | BulletList> = [
        {
            kind: 'paragraph',
            text: `Rapporten visar ${genitive(subject)} resultat i ${survey?.title ?? 'Öppna jämförelser'}${survey?.measurementDate ? ` (mätdatum ${swedishDate(survey.measurementDate)})` : ''} ${comparison}. Varje område har en tabell med resultatet per indikator, ett diagram och diagrammets siffror i en tabell.`,
        },
        { kind: 'paragraph', text: 'En kommuns eller stadsdels resultat på en indikator är en av fyra statusar:' },
        { kind: 'list', items: STATUS_ORDER.map((s) => ({ text: `${publishedStatus(s)}: ${STATUS_MEANING[s]}` })) },
        {
            kind: 'paragraph',
            text:
                'Andelen är antalet som uppnår indikatorn delat med antalet som uppnår eller inte uppnår den (nämnaren).' +
                (survey?.denominator ? ` Nämnaren enligt indikatorbeskrivningen: ${survey.denominator}` : ''),
        },
    ];
    if (hasPrevious)
        content.push({
            kind: 'paragraph',
            text: 'Föregående års resultat står bredvid, för indikatorer med samma nummer och grupp.',
        });
    if (survey?.dataSource) content.push({ kind: 'paragraph', text: `Källa: ${survey.dataSource}` });
    return { id: 'om-rapporten', level: 1, title: 'Om rapporten', content, subsections: [] };
}

function documentOf(
    models: Model[],
    title: string,
    subtitle: string,
    description: string,
    sections: DocumentSection[],
    options: ReportOptions,
): DescriptionDocument {
    const survey = surveyOf(models);
    const iso =
        survey?.measurementDate && /^\d{4}-\d{2}-\d{2}$/.test(survey.measurementDate)
            ? survey.measurementDate
            : `${survey?.year ?? 2000}-01-01`;
    return {
        language: 'sv-SE',
        title,
        subtitle,
        publisher: options.publisher ?? 'Öppna jämförelser',
        description,
        runningTitle: title,
        date: new Date(`${iso}T00:00:00Z`),
        sections,
    };
}

function findRespondent(results: EvaluatedResults, unit: string): Respondent {
    const found = results.respondents.find((r) => r.unit === unit);
    if (found) return found;
    const districts = results.respondents.filter((r) => r.kommunkod === unit && r.stadsdel);
    if (districts.length > 0) {
        throw new ReportError(
            `${unit} har svarat genom sina stadsdelar; ange en av dem: ${districts.map((d) => d.unit).join(', ')}.`,
        );
    }
    const entry = kommun(unit);
    if (entry) throw new ReportError(`${entry.namn} (${unit}) finns inte bland de svarande i resultaten: kommunen svarade inte.`);
    throw new ReportError(
        /^\d{4}(-\d{2})?$/.test(unit)
            ? `Enheten ${unit} finns inte bland de svarande i resultaten.`
            : `"${unit.slice(0, 40)}" är ingen enhetskod (fyra siffror, t.ex. 0180, eller en stadsdel, t.ex. 0180-01).`,
    );
}

/** The report on one kommun or stadsdel. */
export async function unitReport(
    models: Model[],
    results: EvaluatedResults,
    unit: string,
    options: ReportOptions = {},
): Promise<DescriptionDocument> {
    const index = new ResultIndex(results);
    const previous = options.previous ? new ResultIndex(options.previous) : undefined;
    const who = findRespondent(results, unit);
    const survey = surveyOf(models);
    const numbering: Numbering = { table: 0, figure: 0 };
    const county = who.lansnamn;
    const peers = results.respondents.filter((r) => r.lanskod === who.lanskod);
    const sections: DocumentSection[] = [
        introduction(models, who.name, `jämfört med ${county} och riket`, previous !== undefined),
    ];
    for (const part of partsOf(models)) {
        const id = `omrade-${sections.length}`;
        const counts = tally(index, who.unit, part);
        const content: DocumentSection['content'] = [];
        const decided = counts.met + counts.not_met;
        content.push({
            kind: 'paragraph',
            text:
                `${who.name} uppnår ${counts.met} av ${decided} bedömda indikatorer inom området` +
                ` (${STATUS_LABELS.not_met} ${counts.not_met}, ${STATUS_LABELS.excluded} ${counts.excluded}, ${STATUS_LABELS.missing} ${counts.missing}).`,
        });
        const columns = ['Indikator', who.name, ...(previous ? ['Föregående år'] : []), county, 'Riket'];
        content.push(
            table(
                numbering,
                id,
                `${part.title}: ${genitive(who.name)} resultat per indikator, andelen i ${county} och i riket`,
                columns,
                part.entries.map((entry) => [
                    indicatorTitle(entry.indicator),
                    statusText(index, who.unit, entry),
                    ...(previous
                        ? [previous.byUnit.has(who.unit) ? statusText(previous, who.unit, entry) : 'Ingen uppgift']
                        : []),
                    shareWithCounts(index.cell(entry.indicator.number, entry.group, 'lan', who.lanskod)),
                    shareWithCounts(index.cell(entry.indicator.number, entry.group, 'riket', 'riket')),
                ]),
            ),
        );
        const data = peers
            .map((p) => {
                const c = tally(index, p.unit, part);
                return { label: p.name, share: shareOf(c), marked: p.unit === who.unit, text: countsText(c), counts: c };
            })
            .sort((a, b) => (b.share ?? -1) - (a.share ?? -1) || a.label.localeCompare(b.label, 'sv'));
        const lanCounts = regionTally(index, part, 'lan', who.lanskod);
        const reference = shareOf(lanCounts);
        const what = `andelen uppnådda indikatorer inom ${part.title} för de svarande i ${county}`;
        if (data.some((d) => d.share !== undefined)) {
            const ref = reference !== undefined ? { share: reference, label: `${county} ${formatShare(reference)}` } : undefined;
            content.push(
                await figure(
                    numbering,
                    id,
                    `Andel uppnådda indikatorer inom ${part.title}, de svarande i ${county}; ${who.name} markerad`,
                    chartAlt(what, data, ref ? `Streckad linje: ${county} som helhet, ${formatShare(reference)}` : undefined),
                    data,
                    'Andel uppnådda indikatorer',
                    ref,
                ),
            );
            content.push(
                table(
                    numbering,
                    id,
                    `Siffrorna i figur ${numbering.figure}: uppnådda av bedömda indikatorer inom ${part.title}`,
                    ['Kommun eller stadsdel', 'Uppnådda', 'Bedömda', 'Andel'],
                    data.map((d) => [
                        d.marked ? `${d.label} (markerad)` : d.label,
                        String(d.counts.met),
                        String(d.counts.met + d.counts.not_met),
                        formatShare(d.share),
                    ]),
                ),
            );
        } else {
            content.push({
                kind: 'paragraph',
                text: `Inom ${part.title} har ingen svarande i ${county} bedömts, så området har inget diagram.`,
            });
        }
        sections.push({ id, level: 1, title: part.title, content, subsections: [] });
    }
    const code = who.unit;
    return documentOf(
        models,
        `${who.name} (${code}) – ${survey?.title ?? 'Öppna jämförelser'}`,
        `Resultat för ${who.stadsdel ? 'stadsdelen' : 'kommunen'} jämfört med ${county} och riket`,
        `Öppna jämförelser: resultat för ${who.name} (${code})`,
        sections,
        options,
    );
}

/** The report on one län: its shares beside the country's, every län's shares with it marked, its kommuner. */
export async function lanReport(
    models: Model[],
    results: EvaluatedResults,
    lanskod: string,
    options: ReportOptions = {},
): Promise<DescriptionDocument> {
    const county = lanOf(lanskod);
    if (!county)
        throw new ReportError(
            `"${lanskod.slice(0, 10)}" är ingen länskod; länen är ${lanList()
                .map((l) => l.kod)
                .join(', ')}.`,
        );
    const index = new ResultIndex(results);
    const previous = options.previous ? new ResultIndex(options.previous) : undefined;
    const survey = surveyOf(models);
    const members = results.respondents.filter((r) => r.lanskod === lanskod);
    if (members.length === 0)
        throw new ReportError(`Ingen kommun eller stadsdel i ${county.namn} finns bland de svarande i resultaten.`);
    const numbering: Numbering = { table: 0, figure: 0 };
    const sections: DocumentSection[] = [
        introduction(models, county.namn, 'jämfört med riket och de andra länen', previous !== undefined),
    ];
    for (const part of partsOf(models)) {
        const id = `omrade-${sections.length}`;
        const content: DocumentSection['content'] = [];
        const own = regionTally(index, part, 'lan', lanskod);
        content.push({
            kind: 'paragraph',
            text: `I ${county.namn} uppnår de svarande ${countsText(own)} av de bedömda indikatorerna inom området; i riket ${countsText(regionTally(index, part, 'riket', 'riket'))}.`,
        });
        const columns = ['Indikator', county.namn, ...(previous ? ['Föregående år'] : []), 'Riket'];
        content.push(
            table(
                numbering,
                id,
                `${part.title}: andelen som uppnår indikatorn i ${county.namn} och i riket`,
                columns,
                part.entries.map((entry) => [
                    indicatorTitle(entry.indicator),
                    shareWithCounts(index.cell(entry.indicator.number, entry.group, 'lan', lanskod)),
                    ...(previous ? [shareWithCounts(previous.cell(entry.indicator.number, entry.group, 'lan', lanskod))] : []),
                    shareWithCounts(index.cell(entry.indicator.number, entry.group, 'riket', 'riket')),
                ]),
            ),
        );
        const data = lanList().map((l) => {
            const c = regionTally(index, part, 'lan', l.kod);
            return { label: l.namn, share: shareOf(c), marked: l.kod === lanskod, text: countsText(c), counts: c };
        });
        const national = shareOf(regionTally(index, part, 'riket', 'riket'));
        if (data.some((d) => d.share !== undefined)) {
            const ref = national !== undefined ? { share: national, label: `Riket ${formatShare(national)}` } : undefined;
            content.push(
                await figure(
                    numbering,
                    id,
                    `Andel uppnådda indikatorer inom ${part.title} per län; ${county.namn} markerat`,
                    chartAlt(
                        `andelen uppnådda indikatorer inom ${part.title} per län, i kodordning`,
                        data,
                        ref ? `Streckad linje: riket, ${formatShare(national)}` : undefined,
                        'markerat',
                    ),
                    data,
                    'Andel uppnådda indikatorer',
                    ref,
                ),
            );
            content.push(
                table(
                    numbering,
                    id,
                    `Siffrorna i figur ${numbering.figure}: uppnådda av bedömda indikatorer inom ${part.title} per län`,
                    ['Län', 'Uppnådda', 'Bedömda', 'Andel'],
                    data.map((d) => [
                        d.marked ? `${d.label} (markerat)` : d.label,
                        String(d.counts.met),
                        String(d.counts.met + d.counts.not_met),
                        formatShare(d.share),
                    ]),
                ),
            );
        }
        content.push(
            table(
                numbering,
                id,
                `${part.title}: kommunerna och stadsdelarna i ${county.namn}`,
                ['Kommun eller stadsdel', 'Uppnådda', 'Bedömda', 'Andel'],
                members.map((m) => {
                    const c = tally(index, m.unit, part);
                    return [m.name, String(c.met), String(c.met + c.not_met), formatShare(shareOf(c))];
                }),
            ),
        );
        sections.push({ id, level: 1, title: part.title, content, subsections: [] });
    }
    return documentOf(
        models,
        `${county.namn} – ${survey?.title ?? 'Öppna jämförelser'}`,
        `Resultat för länet (${members.length} svarande) jämfört med riket`,
        `Öppna jämförelser: resultat för ${county.namn}`,
        sections,
        options,
    );
}

export async function buildReport(
    models: Model[],
    results: EvaluatedResults,
    target: ReportTarget,
    options: ReportOptions = {},
): Promise<DescriptionDocument> {
    return target.kind === 'unit'
        ? unitReport(models, results, target.unit, options)
        : lanReport(models, results, target.lan, options);
}

/** The report as PDF and as a standalone HTML page. */
export async function renderReport(doc: DescriptionDocument): Promise<{ pdf: Buffer; html: string }> {
    return { pdf: await renderPdf(doc), html: renderHtml(doc, { standalone: true }) };
}
