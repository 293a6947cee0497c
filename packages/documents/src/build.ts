/**
 * Builds the indicator description document ("Indikatorer – öppna jämförelser <år>") from models:
 * the introduction with Tabell 1, the section of indicators shared by several areas, then one
 * section per area. Rule sentences come from '@oj/language' (rule-text), never from here, so the
 * published text is the rule that is evaluated.
 */
import {
    type Area,
    type DocumentBlock,
    type DocumentSection as AuthoredSection,
    type Indicator,
    type IndicatorQuestion,
    type Model,
    type PrintedDocument,
    type ReportingLevel,
    type Survey,
    codebookRows,
    comparabilitySentence,
    denominatorSentence,
    isArea,
    isIndicator,
    isPerArea,
    isPrintedDocument,
    inSentence,
    isRegisterIndicator,
    joinSwedish,
    type Register,
    registerOf,
    lowerRegisterIndicator,
    registerRuleText,
    lowerIndicator,
    measureText,
    optionsOf,
    populationSentence,
    printedOptionLabel,
    printedRequirementSentence,
    questionOf,
    ratioText,
    reportingLevelSentence,
    reportingLevelText as levelText,
    surveyOf,
    surveyOfModel,
    surveyPopulationSentence,
} from '@oj/language';
import type {
    BulletList,
    DataTable,
    DescriptionDocument,
    DocumentSection,
    IndicatorEntry,
    IndicatorRow,
    Paragraph,
    SectionContent,
} from './model.js';
import { cleanText, compareSwedish, MONTHS, parseIsoDate, sentence, slug, swedishDate } from './text.js';

/** A survey export as read by @oj/evaluator's readResponseFile: a header and rows of cells. */
export interface ResponseRows {
    columns: string[];
    rows: Array<{ cells: string[] }>;
}

export interface DescriptionOptions {
    /** Overrides the title "Indikatorer – öppna jämförelser <år>". */
    title?: string;
    /** Who publishes the document; shown on the title page and in the document properties. */
    publisher?: string;
    /**
     * The document's date (file metadata). Defaults to the survey's measurement date, else 1 January of
     * its year: a date taken from the source, so the same source always gives the same bytes.
     */
    date?: Date;
    /** A survey export: the response rates ("infoga svarsfrekvens", Tabell 2) are counted from it. */
    responses?: ResponseRows;
}

export const SHARED_SECTION_ID = 'flera-omraden';
export const SHARED_SECTION_TITLE = 'Indikatorer som mäts och publiceras inom flera områden';

/** The printed name of an area: its section title ("rubrik") when it has one, else its label. */
export function areaTitle(area: Area): string {
    return cleanText(area.title ?? area.label);
}

export function indicatorId(indicator: Pick<Indicator, 'number'>): string {
    return `indikator-${indicator.number}`;
}

interface Collected {
    survey?: Survey;
    indicators: Indicator[];
    areas: Area[];
    printed?: PrintedDocument;
}

function collect(models: Model[]): Collected {
    let survey: Survey | undefined;
    let printed: PrintedDocument | undefined;
    const indicators: Indicator[] = [];
    const areas: Area[] = [];
    for (const model of models) {
        survey ??= surveyOfModel(model);
        for (const element of model.elements) {
            if (isIndicator(element)) indicators.push(element);
            else if (isArea(element)) areas.push(element);
            else if (isPrintedDocument(element)) printed ??= element;
        }
    }
    return { survey, indicators, areas, printed };
}

function areasOf(indicator: Indicator): Area[] {
    return indicator.areas.flatMap((a) => (a.ref ? [a.ref] : []));
}

const byName = (a: Indicator, b: Indicator) => compareSwedish(cleanText(a.name), cleanText(b.name)) || a.number - b.number;

export function buildDescriptionDocument(models: Model[], options: DescriptionOptions = {}): DescriptionDocument {
    const collected = collect(models);
    if (collected.printed) return authoredDocument(models, collected, collected.printed, options);
    const { survey, indicators, areas } = collected;
    const year = survey?.year;
    const title =
        cleanText(options.title) || (year ? `Indikatorer – öppna jämförelser ${year}` : 'Indikatorer – öppna jämförelser');
    const surveyTitle = cleanText(survey?.title);
    const date = options.date ?? parseIsoDate(survey?.measurementDate) ?? new Date(Date.UTC(year ?? 2000, 0, 1));

    const shared = indicators.filter((i) => areasOf(i).length > 1).sort(byName);
    // Areas that some indicator is published in, alphabetically by their printed title.
    const usedAreas = areas
        .filter((a) => indicators.some((i) => areasOf(i).includes(a)))
        .sort((a, b) => compareSwedish(areaTitle(a), areaTitle(b)));
    const without = indicators.filter((i) => areasOf(i).length === 0).sort(byName);

    const sections: DocumentSection[] = [introduction(survey, year, indicators, usedAreas)];
    if (shared.length > 0) {
        sections.push({
            id: SHARED_SECTION_ID,
            level: 1,
            title: SHARED_SECTION_TITLE,
            content: [
                paragraph(
                    'I detta avsnitt beskrivs indikatorer som är relevanta inom flera områden. Indikatorerna presenteras i bokstavsordning och beskrivs en gång. Vilka områden varje indikator publiceras inom framgår på andra raden i tabellhuvudet. Indikatorerna som beskrivs här är:',
                ),
                indicatorList(shared),
                ...shared.map((i) => indicatorEntry(i, survey)),
            ],
            subsections: [],
        });
    }
    const usedIds = new Set<string>([SHARED_SECTION_ID]);
    for (const area of usedAreas) {
        const own = indicators
            .filter((i) => {
                const a = areasOf(i);
                return a.length === 1 && a[0] === area;
            })
            .sort(byName);
        const sharedHere = shared.filter((i) => areasOf(i).includes(area)).length;
        // An area without indicators of its own gets no section: it would say only that it is empty.
        if (own.length === 0) continue;
        const content: DocumentSection['content'] = [];
        content.push(paragraph('Indikatorerna som beskrivs här är:'), indicatorList(own));
        if (sharedHere > 0) {
            content.push(
                paragraph(
                    `Dessutom mäts och publiceras ${sharedHere} ${sharedHere === 1 ? 'indikator' : 'indikatorer'} inom flera områden; ${sharedHere === 1 ? 'den beskrivs' : 'de beskrivs'} i avsnittet ${SHARED_SECTION_TITLE}.`,
                ),
            );
        }
        content.push(...own.map((i) => indicatorEntry(i, survey)));
        sections.push({
            id: uniqueId(`omrade-${slug(area.name)}`, usedIds),
            level: 1,
            title: areaTitle(area),
            content,
            subsections: [],
        });
    }
    if (without.length > 0) {
        sections.push({
            id: uniqueId('utan-omrade', usedIds),
            level: 1,
            title: 'Indikatorer utan angivet område',
            content: [
                paragraph('Indikatorerna som beskrivs här är:'),
                indicatorList(without),
                ...without.map((i) => indicatorEntry(i, survey)),
            ],
            subsections: [],
        });
    }

    return {
        language: 'sv-SE',
        title,
        subtitle: surveyTitle || undefined,
        publisher: cleanText(options.publisher) || 'Öppna jämförelser',
        description: surveyTitle
            ? `Beskrivning av de ${indicators.length} indikatorerna i ${surveyTitle}`
            : `Beskrivning av ${indicators.length} indikatorer`,
        runningTitle: title.toLocaleUpperCase('sv'),
        date,
        sections,
    };
}

function uniqueId(base: string, used: Set<string>): string {
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
}

function paragraph(text: string, emphasis?: 'strong'): Paragraph {
    return emphasis ? { kind: 'paragraph', text, emphasis } : { kind: 'paragraph', text };
}

function indicatorList(indicators: Indicator[]): BulletList {
    return {
        kind: 'list',
        items: indicators.map((i) => ({ text: `${i.number}. ${cleanText(i.name)}`, target: indicatorId(i) })),
    };
}

function introduction(
    survey: Survey | undefined,
    year: number | undefined,
    indicators: Indicator[],
    areas: Area[],
): DocumentSection {
    const surveyTitle = cleanText(survey?.title);
    const count = indicators.length;
    const registerIndicators = indicators.filter(isRegisterIndicator);
    const surveyIndicators = indicators.filter((i) => !isRegisterIndicator(i));
    const table: DataTable = {
        kind: 'table',
        id: 'tabell-1',
        caption: `Tabell 1. Indikatorer som publiceras inom respektive område${surveyTitle ? ` – ${surveyTitle}` : ''}`,
        columns: ['Område', 'Indikatorer som mäts och publiceras i flera områden', 'Totalt antal indikatorer'],
        rows: areas.map((area) => {
            const inArea = indicators.filter((i) => areasOf(i).includes(area));
            return [areaTitle(area), String(inArea.filter((i) => areasOf(i).length > 1).length), String(inArea.length)];
        }),
    };
    const inDocument: DocumentSection = {
        id: 'indikatorerna-i-dokumentet',
        level: 2,
        title: 'Indikatorerna i dokumentet',
        content: [
            paragraph(
                `Först beskrivs de indikatorer som mäts och publiceras inom flera områden, under rubriken ${SHARED_SECTION_TITLE}. Därefter beskrivs de indikatorer som är specifika för respektive område. Både områdena, och indikatorerna inom varje område, presenteras i bokstavsordning. Alla indikatorer är numrerade, och i början av varje område finns en förteckning av de indikatorer som beskrivs i det avsnittet.`,
            ),
            paragraph(
                surveyIndicators.length === 0
                    ? 'Varje indikatorbeskrivning inleds med namnet på indikatorn och de områden där den mäts och publiceras. Vilka personer som räknas i täljaren och nämnaren framgår under rubriken Teknisk beskrivning, och vilka som inte ingår i nämnaren under rubriken Nämnare.'
                    : `Varje indikatorbeskrivning inleds med namnet på indikatorn och de områden där den mäts och publiceras. Vad som krävs för att indikatorn ska vara uppfylld framgår under rubriken Teknisk beskrivning, och vilka svar som inte ingår i nämnaren under rubriken Nämnare.${registerIndicators.length > 0 ? ' För de indikatorer som beräknas ur register framgår där i stället vilka personer som räknas i täljaren och nämnaren.' : ''}`,
            ),
            paragraph(
                'Antalet indikatorer inom respektive område framgår i tabell 1. I tabellen redovisas också hur många av indikatorerna som mäts och publiceras inom flera områden.',
            ),
            table,
        ],
        subsections: [],
    };
    const collection: DocumentSection['content'] = [];
    // Indicators counted from a register are not answered in the survey: their source is said per register.
    if (surveyTitle && surveyIndicators.length > 0) {
        const parts = survey?.parts ?? [];
        collection.push(
            paragraph(
                `Resultaten för indikatorerna bygger på svar från enkäten ${surveyTitle}.${parts.length > 0 ? ` Enkäten innehöll ${parts.length === 1 ? 'en del' : `${parts.length} delar`}:` : ''}`,
            ),
        );
        if (parts.length > 0) collection.push({ kind: 'list', items: parts.map((p) => ({ text: cleanText(p.title) })) });
    }
    const targetPopulation = cleanText(survey ? surveyPopulationSentence(survey) : undefined);
    if (targetPopulation) collection.push(paragraph(`Målpopulation: ${sentence(targetPopulation)}`));
    for (const [register, numbers] of registersOf(registerIndicators)) {
        const which = numbers.length === 1 ? `Indikator ${numbers[0]}` : `Indikatorerna ${joinSwedish(numbers.map(String))}`;
        collection.push(
            paragraph(
                cleanText(
                    `${which} beräknas ur ${inSentence(register.title)} (${register.name}) med uppgifter per person, inte ur enkätsvar.`,
                ),
            ),
        );
    }
    if (survey?.measurementDate) {
        const date = swedishDate(cleanText(survey.measurementDate));
        collection.push(
            paragraph(
                surveyIndicators.length === 0
                    ? `Mätdatum för indikatorerna är den ${date}. Perioder i indikatorernas villkor räknas bakåt från det datumet.`
                    : `Mätdatum för indikatorerna är den ${date}. Det innebär att exempelvis de rutiner, överenskommelser och metoder som resultaten visar ska finnas den ${date}.`,
            ),
        );
    }
    if (survey?.period) {
        collection.push(
            paragraph(
                `Vissa indikatorer avser en mätperiod (${cleanText(survey.period)}); det framgår då i beskrivningen av indikatorn.`,
            ),
        );
    }
    const subsections = [inDocument];
    if (collection.length > 0)
        subsections.push({ id: 'insamling', level: 2, title: 'Insamling av uppgifter', content: collection, subsections: [] });
    const heading = year ? `Beskrivning av indikatorer ${year}` : 'Beskrivning av indikatorer';
    return {
        id: 'beskrivning',
        level: 1,
        title: heading,
        content: [
            paragraph(
                count === 1
                    ? `I detta dokument beskrivs den indikator som publiceras${surveyTitle ? ` utifrån ${surveyTitle}` : ''}.`
                    : `I detta dokument beskrivs de ${count} indikatorer som publiceras${surveyTitle ? ` utifrån ${surveyTitle}` : ''}.`,
            ),
        ],
        subsections,
    };
}

const KIND_TEXT: Record<string, string> = { struktur: 'Struktur', process: 'Process', resultat: 'Resultat' };

/** "Bakgrundsmåttet redovisas för kvinnor, män och totalt." for a figure split by a stratification (from the plan). */
function strataSentence(indicator: Indicator): string {
    const strata = lowerIndicator(indicator).units.flatMap((u) => (u.stratum ? [u.stratum.label] : []));
    const labels = [...new Set(strata)].map((l) => cleanText(l).toLocaleLowerCase('sv'));
    return labels.length > 0
        ? `${indicator.measure ? 'Bakgrundsmåttet' : 'Indikatorn'} redovisas för ${joinSwedish(labels)}.`
        : '';
}

/** "Stadsdelar i Stockholm och Göteborg, kommuner, storstäder, län och riket." (kept for callers; the text is @oj/language's). */
export function reportingLevelText(levels: ReportingLevel[]): string {
    return levelText(levels);
}

export function indicatorEntry(indicator: Indicator, documentSurvey: Survey | undefined): IndicatorEntry {
    // An indicator's defaults are its own survey's, never another survey's that shares the document.
    const survey = surveyOf(indicator) ?? documentSurvey;
    const name = cleanText(indicator.name);
    const rows: IndicatorRow[] = [];
    const add = (label: string, blocks: Array<Paragraph | BulletList>) => {
        const kept = blocks.filter((b) => (b.kind === 'paragraph' ? b.text.length > 0 : b.items.length > 0));
        if (kept.length > 0) rows.push({ label, blocks: kept });
    };
    const text = (value: string | undefined) => paragraph(cleanText(value));

    if (indicator.earlier) add('Tidigare namn', [paragraph(`${indicator.earlier.year}: ${cleanText(indicator.earlier.name)}`)]);
    add('Jämförbarhet', [paragraph(cleanText(comparabilitySentence(indicator)))]);
    add('Beskrivning', [text(indicator.description)]);
    add('Syfte', [text(indicator.purpose)]);
    add('Referenser', references(indicator));
    // A background measure describes conditions: it has no desired value (the validator forbids one).
    add('Önskat värde', [
        paragraph(
            indicator.measure
                ? 'Bakgrundsmått, ingen önskad riktning.'
                : cleanText(indicator.directionText) ||
                      (indicator.direction === 'positiv'
                          ? 'Positivt resultat är önskvärt.'
                          : indicator.direction === 'negativ'
                            ? 'Negativt resultat är önskvärt.'
                            : ''),
        ),
    ]);
    add('Typ av indikator', [paragraph(indicator.kinds.map((k) => KIND_TEXT[k] ?? k).join(', '))]);
    add('Kvalitetsområde', [paragraph(indicator.qualityAreas.map(cleanText).join(', '))]);
    if (isRegisterIndicator(indicator)) {
        registerRows(indicator, add, text, survey);
        return entryOf(indicator, name, rows);
    }
    add('Datakälla och felkällor', [
        text(indicator.dataSource ?? survey?.dataSource),
        text(indicator.errorSources ?? survey?.errorSources),
    ]);
    add('Teknisk beskrivning', technicalDescription(indicator));
    add('Definitioner', definitions(indicator));
    add('Målpopulation', [paragraph(cleanText(populationSentence(indicator)))]);
    add('Nämnare', [paragraph(cleanText(denominatorSentence(indicator)))]);
    add('Redovisningsnivå', [paragraph(cleanText(reportingLevelSentence(indicator))), paragraph(strataSentence(indicator))]);
    // Only the author's comments: a generated one would print text the source does not have.
    add(
        'Kommentar',
        indicator.comments.map((c) => paragraph(cleanText(c))),
    );
    return entryOf(indicator, name, rows);
}

function entryOf(indicator: Indicator, name: string, rows: IndicatorRow[]): IndicatorEntry {
    return {
        kind: 'indicator',
        id: indicatorId(indicator),
        number: indicator.number,
        name,
        heading: `${indicator.number}. ${name}`,
        areas: areasOf(indicator).map(areaTitle).join(', '),
        rows,
    };
}

/** The registers the indicators are counted from, in the order first named, with their indicators' numbers. */
function registersOf(indicators: readonly Indicator[]): Map<Register, number[]> {
    const registers = new Map<Register, number[]>();
    for (const indicator of indicators) {
        const register = registerOf(indicator);
        if (register) registers.set(register, [...(registers.get(register) ?? []), indicator.number]);
    }
    for (const numbers of registers.values()) numbers.sort((a, b) => a - b);
    return registers;
}

/**
 * The rows of an indicator computed from a register: its data source, the counting rule (Täljare,
 * Nämnare, what happens to rows the data cannot decide), its population, levels, strata and the
 * small-count suppression, all in @oj/language's words from the plan.
 */
function registerRows(
    indicator: Indicator,
    add: (label: string, blocks: Array<Paragraph | BulletList>) => void,
    text: (value: string | undefined) => Paragraph,
    survey: Survey | undefined,
): void {
    const rule = registerRuleText(indicator);
    const plan = lowerRegisterIndicator(indicator);
    add('Datakälla och felkällor', [text(rule.dataSource), text(indicator.errorSources ?? survey?.errorSources)]);
    add('Teknisk beskrivning', [
        paragraph(cleanText(rule.source)),
        paragraph(cleanText(`Täljare: ${rule.numerator}`)),
        paragraph(cleanText(`Nämnare: ${rule.denominator}`)),
    ]);
    add('Definitioner', definitions(indicator));
    add('Målpopulation', [paragraph(cleanText(indicator.targetPopulation ?? rule.population))]);
    // The Nämnare sentence is in Teknisk beskrivning; this row says who is left out of it, as the survey indicators' does.
    add('Nämnare', [paragraph(cleanText(indicator.denominator ?? rule.missing))]);
    add('Redovisningsnivå', [
        paragraph(cleanText(indicator.levels.length > 0 && indicator.levelsText ? indicator.levelsText : levelText(plan.levels))),
        paragraph(cleanText(rule.strata)),
    ]);
    add('Röjandekontroll', [paragraph(cleanText(rule.suppression))]);
    add(
        'Kommentar',
        indicator.comments.map((c) => paragraph(cleanText(c))),
    );
}

function references(indicator: Indicator): Array<Paragraph | BulletList> {
    const knowledge = indicator.references.filter((r) => r.kind === 'kunskapsstöd').map((r) => cleanText(r.text));
    const law = indicator.references.filter((r) => r.kind === 'lagstiftning').map((r) => cleanText(r.text));
    const blocks: Array<Paragraph | BulletList> = [];
    if (knowledge.length > 0) {
        blocks.push(paragraph('Kunskapsstöd och övriga publikationer', 'strong'), {
            kind: 'list',
            items: knowledge.map((t) => ({ text: t })),
        });
    }
    if (law.length > 0) {
        blocks.push(paragraph('Aktuell lagstiftning', 'strong'), ...law.map((t) => paragraph(t)));
    }
    return blocks;
}

/** "Med ledningsnivå avses …", shared terms and the indicator's own definitions in the order written. */
function definitions(indicator: Indicator): Paragraph[] {
    const entries: Array<{ offset: number; text: string }> = [];
    indicator.terms.forEach((ref, i) => {
        const term = ref.ref;
        if (term)
            entries.push({
                offset: ref.$refNode?.offset ?? i,
                text: `Med ${cleanText(term.term)} avses ${cleanText(term.definition)}`,
            });
    });
    indicator.definitions.forEach((definition, i) => {
        entries.push({
            offset: definition.$cstNode?.offset ?? indicator.terms.length + i,
            text: `Med ${cleanText(definition.term)} avses ${cleanText(definition.text)}`,
        });
    });
    return entries.sort((a, b) => a.offset - b.offset).map((e) => paragraph(sentence(e.text)));
}

/** The questions with their answer options, then the rule as the published document words it. */
function technicalDescription(indicator: Indicator): Array<Paragraph | BulletList> {
    const blocks: Array<Paragraph | BulletList> = [];
    const slots = indicator.questions;
    if (slots.length > 0) {
        const subject = indicator.measure ? 'Bakgrundsmåttet' : 'Indikatorn';
        blocks.push(
            paragraph(
                slots.length === 1
                    ? `${subject} beräknas utifrån svar på följande enkätfråga:`
                    : `${subject} beräknas utifrån svar på följande enkätfrågor:`,
            ),
        );
    }
    // A single question is printed without its numeral (and its rule says "på frågan").
    for (const slot of slots) blocks.push(...questionBlocks(slot, slots.length > 1));
    if (indicator.measure) {
        blocks.push(paragraph(`Bakgrundsmåttet är ${measureText(indicator.measure, slots.length === 1)}.`));
    }
    if (indicator.ratio) {
        const ratio = ratioText(indicator);
        if (ratio) blocks.push(paragraph(`Indikatorn är en andel: ${ratio.charAt(0).toLocaleLowerCase('sv')}${ratio.slice(1)}.`));
    }
    // The base rule first, then the area variants in the order written.
    const requirements = [...indicator.requirements].sort(
        (a, b) => (a.units.length === 0 ? 0 : 1) - (b.units.length === 0 ? 0 : 1),
    );
    for (const requirement of requirements) blocks.push(paragraph(printedRequirementSentence(requirement, indicator)));
    // Split by a stratification (per kön): the results are given per stratum and in total, as the plan has them.
    const strata = [
        ...new Set(
            lowerIndicator(indicator).units.flatMap((u) =>
                u.stratum ? [cleanText(u.stratum.label).toLocaleLowerCase('sv')] : [],
            ),
        ),
    ];
    if (strata.length > 0) blocks.push(paragraph(`Resultaten redovisas för ${joinSwedish(strata)}.`));
    return blocks;
}

function questionBlocks(slot: IndicatorQuestion, numbered: boolean): Array<Paragraph | BulletList> {
    const question = questionOf(slot);
    if (!question) return [];
    const blocks: Array<Paragraph | BulletList> = [
        paragraph(numbered ? `${slot.name}) ${cleanText(question.text)}` : cleanText(question.text)),
    ];
    const items = question.items.map((item) => ({ text: `${item.name}. ${cleanText(item.text)}` }));
    if (items.length > 0 && !question.multipleChoice) blocks.push({ kind: 'list', items });
    // As printed, a per-area question says so in its answer options ("för respektive område"); the
    // areas it is asked for are the indicator's, named in the table header.
    const perArea = isPerArea(question);
    const strata = question.stratification?.ref?.strata ?? [];
    if (strata.length > 0) {
        blocks.push(
            paragraph(
                `Frågan besvaras för ${joinSwedish(strata.map((s) => cleanText(s.label).toLocaleLowerCase('sv')))} var för sig.`,
            ),
        );
    }
    const scope = perArea ? ' för respektive område' : '';
    if (question.multipleChoice && items.length > 0) {
        blocks.push(paragraph(`Svarsalternativ${scope} (flera kan väljas): ${items.map((i) => i.text).join(', ')}`));
    } else if (question.numeric) {
        blocks.push(paragraph(`Svaret anges som ett antal${scope}.`));
    } else {
        const labels = optionsOf(question)
            .map((o) => cleanText(printedOptionLabel(question, o)))
            .join('/');
        if (labels) blocks.push(paragraph(`Svarsalternativ${scope}: ${labels}${items.length > 0 ? ' för respektive del' : ''}`));
    }
    // A tick-box answer set ("tom ruta räknas som EjVald när någon ruta är ikryssad") changes how a
    // blank is read, so a reader of the description must be told, in the words of the form.
    const unticked = question.answerSet?.ref?.blankRule?.option?.ref;
    if (unticked) {
        const label = cleanText(printedOptionLabel(question, unticked)).toLocaleLowerCase('sv');
        blocks.push(
            paragraph(
                `En tom ruta räknas som ${label} när någon annan ruta i frågan är ikryssad; är alla rutor tomma räknas frågan som obesvarad.`,
            ),
        );
    }
    return blocks;
}

// ---------------------------------------------------------------- the document as the author lays it out

/** "2019-06" or "2019-06-14" as a date (the first of the month for a month). */
function publicationDate(text: string | undefined): Date | undefined {
    const t = cleanText(text);
    return parseIsoDate(/^\d{4}-\d{2}$/.test(t) ? `${t}-01` : t);
}

/** "juni 2019" */
export function monthAndYear(date: Date): string {
    return `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

interface AuthoredContext {
    models: Model[];
    survey?: Survey;
    indicators: Indicator[];
    areas: Area[];
    byNumber: Map<number, Indicator>;
    /** Indicators the author placed somewhere; the rest go to the generated area sections. */
    placed: Set<Indicator>;
    usedIds: Set<string>;
    tables: number;
    options: DescriptionOptions;
    subtitle: string;
    published?: Date;
}

function authoredDocument(
    models: Model[],
    collected: Collected,
    printed: PrintedDocument,
    options: DescriptionOptions,
): DescriptionDocument {
    const { survey, indicators, areas } = collected;
    const title = cleanText(options.title) || cleanText(printed.title);
    const published = publicationDate(printed.published);
    const subtitle = cleanText(printed.subtitle) || cleanText(survey?.title);
    const byNumber = new Map(indicators.map((i) => [i.number, i] as const));
    const placed = new Set<Indicator>();
    for (const block of allBlocks(printed.sections)) {
        if (block.$type === 'IndicatorsBlock')
            for (const n of block.numbers) {
                const i = byNumber.get(n);
                if (i) placed.add(i);
            }
    }
    // Section ids must not take an indicator's anchor or the contents'.
    const usedIds = new Set(['innehall', ...indicators.map(indicatorId)]);
    const context: AuthoredContext = {
        models,
        survey,
        indicators,
        areas,
        byNumber,
        placed,
        usedIds,
        tables: 0,
        options,
        subtitle,
        published,
    };
    const sections = printed.sections.map((section) => authoredSection(section, 1, context));
    // Every indicator is described: without "infoga områdesavsnitt" the ones placed nowhere get
    // their area sections at the end of the document.
    const generatesAreas = [...allBlocks(printed.sections)].some(
        (b) => b.$type === 'GeneratedBlock' && b.content === 'områdesavsnitt',
    );
    if (!generatesAreas) sections.push(...areaSections(context, 1));
    const date =
        options.date ?? published ?? parseIsoDate(survey?.measurementDate) ?? new Date(Date.UTC(survey?.year ?? 2000, 0, 1));
    const surveyTitle = cleanText(survey?.title);
    return {
        language: 'sv-SE',
        title,
        subtitle: subtitle || undefined,
        publisher: cleanText(options.publisher) || cleanText(printed.publisher) || 'Öppna jämförelser',
        description: surveyTitle
            ? `Beskrivning av de ${indicators.length} indikatorerna i ${surveyTitle}`
            : `Beskrivning av ${indicators.length} indikatorer`,
        runningTitle: title.toLocaleUpperCase('sv'),
        date,
        colophon: printed.colophon.map(cleanText).filter(Boolean),
        sections,
    };
}

function* allBlocks(sections: AuthoredSection[]): Generator<DocumentBlock> {
    for (const section of sections) {
        for (const block of section.blocks) {
            yield block;
            if (block.$type === 'DocumentSection') yield* allBlocks([block]);
        }
    }
}

/** An authored section; one nested deeper than the contents show is printed at the second level. */
function authoredSection(section: AuthoredSection, depth: number, context: AuthoredContext): DocumentSection {
    const level = depth === 1 ? 1 : 2;
    const out: DocumentSection = {
        id: uniqueId(slug(cleanText(section.title)), context.usedIds),
        level,
        title: cleanText(section.title),
        content: [],
        subsections: [],
        // A top-level section starts a page, as the printed document's parts do.
        newPage: depth === 1,
    };
    const own = section.blocks.flatMap((b) =>
        b.$type === 'IndicatorsBlock' ? b.numbers.flatMap((n) => context.byNumber.get(n) ?? []) : [],
    );
    for (const block of section.blocks) {
        switch (block.$type) {
            case 'DocumentSection':
                out.subsections.push(authoredSection(block, depth + 1, context));
                break;
            case 'TextBlock':
                out.content.push(paragraph(cleanText(block.text)));
                break;
            case 'HeadingBlock':
                out.content.push({ kind: 'heading', text: cleanText(block.text) });
                break;
            case 'ListBlock':
                out.content.push({
                    kind: 'list',
                    items: block.items.map((t) => ({ text: cleanText(t) })),
                    ...(block.numbered ? { numbered: true } : {}),
                });
                break;
            case 'IndicatorsBlock':
                for (const n of block.numbers) {
                    const indicator = context.byNumber.get(n);
                    if (indicator) out.content.push(indicatorEntry(indicator, context.survey));
                }
                break;
            case 'GeneratedBlock':
                out.content.push(...generated(block.content, block.population, own, context, out, depth));
                break;
        }
    }
    return out;
}

function generated(
    what: string,
    population: number | undefined,
    own: Indicator[],
    context: AuthoredContext,
    section: DocumentSection,
    depth: number,
): SectionContent[] {
    switch (what) {
        case 'förteckning':
            // As printed: the names only, each a link to its description.
            return own.length > 0
                ? [{ kind: 'list', items: own.map((i) => ({ text: cleanText(i.name), target: indicatorId(i) })) }]
                : [];
        case 'områdestabell':
            return [areaTable(context)];
        case 'svarsfrekvens': {
            const table = responseRateTable(context, population);
            return table ? [table] : [];
        }
        case 'områdesavsnitt':
            section.subsections.push(...areaSections(context, depth + 1));
            return [];
        default:
            return [];
    }
}

function usedAreas(context: AuthoredContext): Area[] {
    return context.areas
        .filter((a) => context.indicators.some((i) => areasOf(i).includes(a)))
        .sort((a, b) => compareSwedish(areaTitle(a), areaTitle(b)));
}

function areaTable(context: AuthoredContext): DataTable {
    const n = ++context.tables;
    const when = context.published ? `, ${monthAndYear(context.published)}` : '';
    return {
        kind: 'table',
        id: `tabell-${n}`,
        caption: `Tabell ${n}. Indikatorer som publiceras inom respektive område${context.subtitle ? ` – ${context.subtitle}` : ''}${when}`,
        columns: ['Område', 'Indikatorer som mäts och publiceras i flera områden', 'Totalt antal indikatorer'],
        rows: usedAreas(context).map((area) => {
            const inArea = context.indicators.filter((i) => areasOf(i).includes(area));
            return [areaTitle(area), String(inArea.filter((i) => areasOf(i).length > 1).length), String(inArea.length)];
        }),
    };
}

/**
 * Tabell 2: per part of the survey, how many units answered it (any of its variables not blank) and
 * their share of the population (`bland N`, else the rows of the file). Without a response file
 * there is nothing to count and no table.
 */
function responseRateTable(context: AuthoredContext, population: number | undefined): DataTable | undefined {
    const responses = context.options.responses;
    if (!responses) return undefined;
    const column = new Map(responses.columns.map((c, i) => [c.trim(), i] as const));
    const byPart = new Map<string, { title: string; columns: number[] }>();
    const parts = context.survey?.parts ?? [];
    for (const row of codebookRows(context.models)) {
        const part = row.source.question.part?.ref;
        const key = part?.name ?? '';
        const index = column.get(row.variable);
        const entry = byPart.get(key) ?? {
            title: part ? cleanText(part.title) : cleanText(context.survey?.title) || 'Enkäten',
            columns: [],
        };
        if (index !== undefined) entry.columns.push(index);
        byPart.set(key, entry);
    }
    const order = (key: string) => {
        const i = parts.findIndex((p) => p.name === key);
        return i < 0 ? parts.length : i;
    };
    const total = population ?? responses.rows.length;
    const n = ++context.tables;
    const year = context.survey?.year;
    return {
        kind: 'table',
        id: `tabell-${n}`,
        caption: `Tabell ${n}. Svarsfrekvens för insamling av uppgifter${year ? ` till öppna jämförelser ${year}` : ''}, procent och antal av ${total} kommuner och stadsdelar`,
        columns: ['Del av enkäten', 'Andel svarande', 'Antal svarande'],
        rows: [...byPart.entries()]
            .sort(([a], [b]) => order(a) - order(b))
            .map(([, entry]) => {
                const answered = responses.rows.filter((r) => entry.columns.some((i) => (r.cells[i] ?? '').trim() !== '')).length;
                return [entry.title, total > 0 ? String(Math.round((100 * answered) / total)) : '–', String(answered)];
            }),
    };
}

/** One section per area for the indicators the author placed nowhere; an area without any is left out. */
function areaSections(context: AuthoredContext, depth: number): DocumentSection[] {
    const rest = context.indicators.filter((i) => !context.placed.has(i));
    const level = depth === 1 ? 1 : 2;
    const sections: DocumentSection[] = [];
    const shared = rest.filter((i) => areasOf(i).length > 1).sort(byName);
    if (shared.length > 0) {
        sections.push({
            id: uniqueId(SHARED_SECTION_ID, context.usedIds),
            level,
            title: SHARED_SECTION_TITLE,
            newPage: true,
            content: [
                paragraph('Indikatorerna som beskrivs här är:'),
                indicatorList(shared),
                ...shared.map((i) => indicatorEntry(i, context.survey)),
            ],
            subsections: [],
        });
    }
    for (const area of usedAreas(context)) {
        const own = rest
            .filter((i) => {
                const a = areasOf(i);
                return a.length === 1 && a[0] === area;
            })
            .sort(byName);
        if (own.length === 0) continue;
        sections.push({
            id: uniqueId(`omrade-${slug(area.name)}`, context.usedIds),
            level,
            title: areaTitle(area),
            newPage: true,
            content: [
                paragraph('Indikatorerna som beskrivs här är:'),
                indicatorList(own),
                ...own.map((i) => indicatorEntry(i, context.survey)),
            ],
            subsections: [],
        });
    }
    const without = rest.filter((i) => areasOf(i).length === 0).sort(byName);
    if (without.length > 0) {
        sections.push({
            id: uniqueId('utan-omrade', context.usedIds),
            level,
            title: 'Indikatorer utan angivet område',
            newPage: true,
            content: [
                paragraph('Indikatorerna som beskrivs här är:'),
                indicatorList(without),
                ...without.map((i) => indicatorEntry(i, context.survey)),
            ],
            subsections: [],
        });
    }
    return sections;
}
