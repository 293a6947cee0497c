/**
 * Builds the indicator description document ("Indikatorer – öppna jämförelser <år>") from models:
 * the introduction with Tabell 1, the section of indicators shared by several areas, then one
 * section per area. Rule sentences come from '@oj/language' (rule-text), never from here, so the
 * published text is the rule that is evaluated.
 */
import {
    type Area, type Indicator, type IndicatorQuestion, type Model, type ReportingLevel, type Survey,
    comparabilitySentence, denominatorSentence, isArea, isIndicator, isPerArea, joinSwedish, measureText, optionsOf,
    populationSentence, questionOf, ratioText, reportingLevelSentence, reportingLevelText as levelText,
    lowerIndicator, requirementSentence, surveyOf, surveyOfModel, surveyPopulationSentence, unitLabel, unitsOfQuestion
} from '@oj/language';
import type { BulletList, DataTable, DescriptionDocument, DocumentSection, IndicatorEntry, IndicatorRow, Paragraph } from './model.js';
import { cleanText, compareSwedish, parseIsoDate, sentence, slug, swedishDate } from './text.js';

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
}

function collect(models: Model[]): Collected {
    let survey: Survey | undefined;
    const indicators: Indicator[] = [];
    const areas: Area[] = [];
    for (const model of models) {
        survey ??= surveyOfModel(model);
        for (const element of model.elements) {
            if (isIndicator(element)) indicators.push(element);
            else if (isArea(element)) areas.push(element);
        }
    }
    return { survey, indicators, areas };
}

function areasOf(indicator: Indicator): Area[] {
    return indicator.areas.flatMap(a => (a.ref ? [a.ref] : []));
}

const byName = (a: Indicator, b: Indicator) => compareSwedish(cleanText(a.name), cleanText(b.name)) || a.number - b.number;

export function buildDescriptionDocument(models: Model[], options: DescriptionOptions = {}): DescriptionDocument {
    const { survey, indicators, areas } = collect(models);
    const year = survey?.year;
    const title = cleanText(options.title) || (year ? `Indikatorer – öppna jämförelser ${year}` : 'Indikatorer – öppna jämförelser');
    const surveyTitle = cleanText(survey?.title);
    const date = options.date
        ?? parseIsoDate(survey?.measurementDate)
        ?? new Date(Date.UTC(year ?? 2000, 0, 1));

    const shared = indicators.filter(i => areasOf(i).length > 1).sort(byName);
    // Areas that some indicator is published in, alphabetically by their printed title.
    const usedAreas = areas.filter(a => indicators.some(i => areasOf(i).includes(a)))
        .sort((a, b) => compareSwedish(areaTitle(a), areaTitle(b)));
    const without = indicators.filter(i => areasOf(i).length === 0).sort(byName);

    const sections: DocumentSection[] = [introduction(survey, year, indicators, usedAreas)];
    if (shared.length > 0) {
        sections.push({
            id: SHARED_SECTION_ID,
            level: 1,
            title: SHARED_SECTION_TITLE,
            content: [
                paragraph('I detta avsnitt beskrivs indikatorer som är relevanta inom flera områden. Indikatorerna presenteras i bokstavsordning och beskrivs en gång. Vilka områden varje indikator publiceras inom framgår på andra raden i tabellhuvudet. Indikatorerna som beskrivs här är:'),
                indicatorList(shared),
                ...shared.map(i => indicatorEntry(i, survey))
            ],
            subsections: []
        });
    }
    const usedIds = new Set<string>([SHARED_SECTION_ID]);
    for (const area of usedAreas) {
        const own = indicators.filter(i => { const a = areasOf(i); return a.length === 1 && a[0] === area; }).sort(byName);
        const sharedHere = shared.filter(i => areasOf(i).includes(area)).length;
        const content: DocumentSection['content'] = [];
        if (own.length > 0) {
            content.push(paragraph('Indikatorerna som beskrivs här är:'), indicatorList(own));
        } else {
            content.push(paragraph('Inga indikatorer är specifika för området.'));
        }
        if (sharedHere > 0) {
            content.push(paragraph(`Dessutom mäts och publiceras ${sharedHere} ${sharedHere === 1 ? 'indikator' : 'indikatorer'} inom flera områden; ${sharedHere === 1 ? 'den beskrivs' : 'de beskrivs'} i avsnittet ${SHARED_SECTION_TITLE}.`));
        }
        content.push(...own.map(i => indicatorEntry(i, survey)));
        sections.push({ id: uniqueId(`omrade-${slug(area.name)}`, usedIds), level: 1, title: areaTitle(area), content, subsections: [] });
    }
    if (without.length > 0) {
        sections.push({
            id: uniqueId('utan-omrade', usedIds),
            level: 1,
            title: 'Indikatorer utan angivet område',
            content: [paragraph('Indikatorerna som beskrivs här är:'), indicatorList(without), ...without.map(i => indicatorEntry(i, survey))],
            subsections: []
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
        sections
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
    return { kind: 'list', items: indicators.map(i => ({ text: `${i.number}. ${cleanText(i.name)}`, target: indicatorId(i) })) };
}

function introduction(survey: Survey | undefined, year: number | undefined, indicators: Indicator[], areas: Area[]): DocumentSection {
    const surveyTitle = cleanText(survey?.title);
    const count = indicators.length;
    const table: DataTable = {
        kind: 'table',
        id: 'tabell-1',
        caption: `Tabell 1. Indikatorer som publiceras inom respektive område${surveyTitle ? ` – ${surveyTitle}` : ''}`,
        columns: ['Område', 'Indikatorer som mäts och publiceras i flera områden', 'Totalt antal indikatorer'],
        rows: areas.map(area => {
            const inArea = indicators.filter(i => areasOf(i).includes(area));
            return [areaTitle(area), String(inArea.filter(i => areasOf(i).length > 1).length), String(inArea.length)];
        })
    };
    const inDocument: DocumentSection = {
        id: 'indikatorerna-i-dokumentet',
        level: 2,
        title: 'Indikatorerna i dokumentet',
        content: [
            paragraph(`Först beskrivs de indikatorer som mäts och publiceras inom flera områden, under rubriken ${SHARED_SECTION_TITLE}. Därefter beskrivs de indikatorer som är specifika för respektive område. Både områdena, och indikatorerna inom varje område, presenteras i bokstavsordning. Alla indikatorer är numrerade, och i början av varje område finns en förteckning av de indikatorer som beskrivs i det avsnittet.`),
            paragraph('Varje indikatorbeskrivning inleds med namnet på indikatorn och de områden där den mäts och publiceras. Vad som krävs för att indikatorn ska vara uppfylld framgår under rubriken Teknisk beskrivning, och vilka svar som inte ingår i nämnaren under rubriken Nämnare.'),
            paragraph('Antalet indikatorer inom respektive område framgår i tabell 1. I tabellen redovisas också hur många av indikatorerna som mäts och publiceras inom flera områden.'),
            table
        ],
        subsections: []
    };
    const collection: DocumentSection['content'] = [];
    if (surveyTitle) {
        const parts = survey?.parts ?? [];
        collection.push(paragraph(`Resultaten för indikatorerna bygger på svar från enkäten ${surveyTitle}.${parts.length > 0 ? ` Enkäten innehöll ${parts.length === 1 ? 'en del' : `${parts.length} delar`}:` : ''}`));
        if (parts.length > 0) collection.push({ kind: 'list', items: parts.map(p => ({ text: cleanText(p.title) })) });
    }
    const targetPopulation = cleanText(survey ? surveyPopulationSentence(survey) : undefined);
    if (targetPopulation) collection.push(paragraph(`Målpopulation: ${sentence(targetPopulation)}`));
    if (survey?.measurementDate) {
        const date = swedishDate(cleanText(survey.measurementDate));
        collection.push(paragraph(`Mätdatum för indikatorerna är den ${date}. Det innebär att exempelvis de rutiner, överenskommelser och metoder som resultaten visar ska finnas den ${date}.`));
    }
    if (survey?.period) {
        collection.push(paragraph(`Vissa indikatorer avser en mätperiod (${cleanText(survey.period)}); det framgår då i beskrivningen av indikatorn.`));
    }
    const subsections = [inDocument];
    if (collection.length > 0) subsections.push({ id: 'insamling', level: 2, title: 'Insamling av uppgifter', content: collection, subsections: [] });
    const heading = year ? `Beskrivning av indikatorer ${year}` : 'Beskrivning av indikatorer';
    return {
        id: 'beskrivning',
        level: 1,
        title: heading,
        content: [paragraph(count === 1
            ? `I detta dokument beskrivs den indikator som publiceras${surveyTitle ? ` utifrån ${surveyTitle}` : ''}.`
            : `I detta dokument beskrivs de ${count} indikatorer som publiceras${surveyTitle ? ` utifrån ${surveyTitle}` : ''}.`)],
        subsections
    };
}

const KIND_TEXT: Record<string, string> = { struktur: 'Struktur', process: 'Process', resultat: 'Resultat' };

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
        const kept = blocks.filter(b => (b.kind === 'paragraph' ? b.text.length > 0 : b.items.length > 0));
        if (kept.length > 0) rows.push({ label, blocks: kept });
    };
    const text = (value: string | undefined) => paragraph(cleanText(value));

    if (indicator.earlier) add('Tidigare namn', [paragraph(`${indicator.earlier.year}: ${cleanText(indicator.earlier.name)}`)]);
    add('Jämförbarhet', [paragraph(cleanText(comparabilitySentence(indicator)))]);
    add('Beskrivning', [text(indicator.description)]);
    add('Syfte', [text(indicator.purpose)]);
    add('Referenser', references(indicator));
    // A background measure describes conditions: it has no desired value (the validator forbids one).
    add('Önskat värde', [paragraph(indicator.measure ? 'Bakgrundsmått, ingen önskad riktning.' : cleanText(indicator.directionText)
        || (indicator.direction === 'positiv' ? 'Positivt resultat är önskvärt.' : indicator.direction === 'negativ' ? 'Negativt resultat är önskvärt.' : ''))]);
    add('Typ av indikator', [paragraph(indicator.kinds.map(k => KIND_TEXT[k] ?? k).join(', '))]);
    add('Kvalitetsområde', [paragraph(indicator.qualityAreas.map(cleanText).join(', '))]);
    add('Datakälla och felkällor', [text(indicator.dataSource ?? survey?.dataSource), text(indicator.errorSources ?? survey?.errorSources)]);
    add('Teknisk beskrivning', technicalDescription(indicator));
    add('Definitioner', definitions(indicator));
    add('Målpopulation', [paragraph(cleanText(populationSentence(indicator)))]);
    add('Nämnare', [paragraph(cleanText(denominatorSentence(indicator)))]);
    add('Redovisningsnivå', [paragraph(cleanText(reportingLevelSentence(indicator)))]);
    const comments = indicator.comments.map(c => paragraph(cleanText(c)));
    add('Kommentar', comments.length > 0 ? comments : [paragraph([groupsSentence(indicator), strataSentence(indicator)].filter(Boolean).join(' '))]);

    return {
        kind: 'indicator',
        id: indicatorId(indicator),
        number: indicator.number,
        name,
        heading: `${indicator.number}. ${name}`,
        areas: areasOf(indicator).map(areaTitle).join(', '),
        rows
    };
}

/** "Indikatorn redovisas för kvinnor, män och totalt." for an indicator split by a stratification. */
function strataSentence(indicator: Indicator): string {
    const strata = lowerIndicator(indicator).units.flatMap(u => (u.stratum ? [u.stratum.label] : []));
    const labels = [...new Set(strata)].map(l => cleanText(l).toLocaleLowerCase('sv'));
    return labels.length > 0 ? `${indicator.measure ? 'Bakgrundsmåttet' : 'Indikatorn'} redovisas för ${joinSwedish(labels)}.` : '';
}

/** Without a comment of its own, an indicator reported per group says so (the seed's usual comment). */
function groupsSentence(indicator: Indicator): string {
    const groups = indicator.groups.flatMap(g => (g.ref ? [cleanText(unitLabel(g.ref))] : []));
    return groups.length > 0 ? `Indikatorn redovisas separat för följande områden och grupper: ${groups.join(', ')}.` : '';
}

function references(indicator: Indicator): Array<Paragraph | BulletList> {
    const knowledge = indicator.references.filter(r => r.kind === 'kunskapsstöd').map(r => cleanText(r.text));
    const law = indicator.references.filter(r => r.kind === 'lagstiftning').map(r => cleanText(r.text));
    const blocks: Array<Paragraph | BulletList> = [];
    if (knowledge.length > 0) {
        blocks.push(paragraph('Kunskapsstöd och övriga publikationer', 'strong'), { kind: 'list', items: knowledge.map(t => ({ text: t })) });
    }
    if (law.length > 0) {
        blocks.push(paragraph('Aktuell lagstiftning', 'strong'), ...law.map(t => paragraph(t)));
    }
    return blocks;
}

/** "Med ledningsnivå avses …", shared terms and the indicator's own definitions in the order written. */
function definitions(indicator: Indicator): Paragraph[] {
    const entries: Array<{ offset: number; text: string }> = [];
    indicator.terms.forEach((ref, i) => {
        const term = ref.ref;
        if (term) entries.push({ offset: ref.$refNode?.offset ?? i, text: `Med ${cleanText(term.term)} avses ${cleanText(term.definition)}` });
    });
    indicator.definitions.forEach((definition, i) => {
        entries.push({ offset: definition.$cstNode?.offset ?? indicator.terms.length + i, text: `Med ${cleanText(definition.term)} avses ${cleanText(definition.text)}` });
    });
    return entries.sort((a, b) => a.offset - b.offset).map(e => paragraph(sentence(e.text)));
}

/** The questions with their answer options, then the rule as the published document words it. */
function technicalDescription(indicator: Indicator): Array<Paragraph | BulletList> {
    const blocks: Array<Paragraph | BulletList> = [];
    const slots = indicator.questions;
    if (slots.length > 0) {
        const subject = indicator.measure ? 'Bakgrundsmåttet' : 'Indikatorn';
        blocks.push(paragraph(slots.length === 1
            ? `${subject} beräknas utifrån svar på följande enkätfråga:`
            : `${subject} beräknas utifrån svar på följande enkätfrågor:`));
    }
    for (const slot of slots) blocks.push(...questionBlocks(slot));
    if (indicator.measure) {
        blocks.push(paragraph(`Bakgrundsmåttet är ${measureText(indicator.measure)}.`));
    }
    if (indicator.ratio) {
        const ratio = ratioText(indicator);
        if (ratio) blocks.push(paragraph(`Indikatorn är en andel: ${ratio.charAt(0).toLocaleLowerCase('sv')}${ratio.slice(1)}.`));
    }
    // The base rule first, then the area variants in the order written.
    const requirements = [...indicator.requirements].sort((a, b) => (a.units.length === 0 ? 0 : 1) - (b.units.length === 0 ? 0 : 1));
    for (const requirement of requirements) blocks.push(paragraph(requirementSentence(requirement)));
    return blocks;
}

function questionBlocks(slot: IndicatorQuestion): Array<Paragraph | BulletList> {
    const question = questionOf(slot);
    if (!question) return [];
    const blocks: Array<Paragraph | BulletList> = [paragraph(`${slot.name}) ${cleanText(question.text)}`)];
    const items = question.items.map(item => ({ text: `${item.name}. ${cleanText(item.text)}` }));
    if (items.length > 0 && !question.multipleChoice) blocks.push({ kind: 'list', items });
    const perArea = isPerArea(question);
    if (perArea) {
        blocks.push(paragraph(`Frågan besvaras för respektive område: ${joinSwedish(unitsOfQuestion(question).map(u => cleanText(unitLabel(u))))}.`));
    }
    const strata = question.stratification?.ref?.strata ?? [];
    if (strata.length > 0) {
        blocks.push(paragraph(`Frågan besvaras för ${joinSwedish(strata.map(s => cleanText(s.label).toLocaleLowerCase('sv')))} var för sig.`));
    }
    const scope = perArea ? ' för respektive område' : '';
    if (question.multipleChoice && items.length > 0) {
        blocks.push(paragraph(`Svarsalternativ${scope} (flera kan väljas): ${items.map(i => i.text).join(', ')}`));
    } else if (question.numeric) {
        blocks.push(paragraph(`Svaret anges som ett antal${scope}.`));
    } else {
        const labels = optionsOf(question).map(o => cleanText(o.label)).join('/');
        if (labels) blocks.push(paragraph(`Svarsalternativ${scope}: ${labels}${items.length > 0 ? ' för respektive del' : ''}`));
    }
    return blocks;
}
