/**
 * The document model of the 2019 example set: the layout of seed 002 (sections, Tabell 1, the
 * indicator tables) and, for every indicator, the rule text as the seed words it.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Model } from '@oj/language';
import { buildDescriptionDocument, indicatorsOf, SHARED_SECTION_TITLE, type DescriptionDocument, type IndicatorEntry } from '../src/index.js';
import { loadModels, oj2019 } from './fixtures.js';

let models: Model[];
let doc: DescriptionDocument;

beforeAll(async () => {
    const loaded = await loadModels([oj2019]);
    expect(loaded.errors).toEqual([]);
    models = loaded.models;
    doc = buildDescriptionDocument(models);
});

function entry(n: number): IndicatorEntry {
    const found = indicatorsOf(doc).find(i => i.number === n);
    if (!found) throw new Error(`indikator ${n} saknas`);
    return found;
}

function cell(n: number, label: string): string[] {
    const row = entry(n).rows.find(r => r.label === label);
    return (row?.blocks ?? []).flatMap(b => (b.kind === 'paragraph' ? [b.text] : b.items.map(i => i.text)));
}

/**
 * The sentence "För att uppnå indikatorn … krävs: …" per indicator. `seed` is the published wording
 * (seed 002, pages 9–24) verbatim; `expected` is what the rule in examples/oj2019 renders to. They
 * differ only where the seed is inconsistent with itself: "frågan i" beside "fråga i", a doubled
 * "nivå nivå", the conjunction "och" lost in the seed's line breaks, shorthand "Ja på ii A + Ja på
 * ii B" for "Ja på fråga ii A och B", "(1-3)" for items A–C, lower-case "ja eller ej aktuellt", and
 * "Ja på frågan" where the model numbers its single question i.
 */
const RULES: Array<{ n: number; seed: string; expected: string[] }> = [
    {
        n: 1,
        seed: 'För att uppnå indikatorn på kommunnivå krävs: Ja på fråga i Ja på fråga ii A och B Ja på fråga iii, ELLER Ja på fråga i Ja på fråga ii A och B Ej aktuellt på fråga iii.',
        expected: ['För att uppnå indikatorn på kommunnivå krävs: Ja på fråga i och Ja på fråga ii A och B och Ja på fråga iii, ELLER Ja på fråga i och Ja på fråga ii A och B och Ej aktuellt på fråga iii.']
    },
    {
        n: 2,
        seed: 'För att uppnå indikatorn på kommun-/stadsdelsnivå nivå krävs: Ja på frågan i och Ja eller Ej aktuellt på fråga ii.',
        expected: ['För att uppnå indikatorn på kommun-/stadsdelsnivå krävs: Ja på fråga i och Ja eller Ej aktuellt på fråga ii.']
    },
    {
        n: 3,
        seed: 'För att uppnå indikatorn på kommunnivå krävs: Ja på fråga i och Ja på fråga ii',
        expected: ['För att uppnå indikatorn på kommunnivå krävs: Ja på fråga i och Ja på fråga ii.']
    },
    {
        n: 4,
        seed: 'För att uppnå indikatorn på kommunnivå krävs: Ja eller Nej, behövs inte på fråga i och Ja eller Ej aktuellt på fråga ii.',
        expected: ['För att uppnå indikatorn på kommunnivå krävs: Ja eller Nej, behövs inte på fråga i och Ja eller Ej aktuellt på fråga ii.']
    },
    {
        n: 5,
        seed: 'För att uppnå indikatorn på kommun-/stadsdelsnivå nivå krävs för respektive verksamhetsområde: Ja på frågan i och Ja eller Ej aktuellt på fråga ii.',
        expected: ['För att uppnå indikatorn på kommun-/stadsdelsnivå krävs: Ja på fråga i och Ja eller Ej aktuellt på fråga ii.']
    },
    {
        n: 6,
        seed: 'För att uppnå indikatorn på kommun/stadsdelsnivå krävs: Ja på frågan i Ja på ii A + Ja på ii B Ja eller Ej aktuellt på iii. För området Barn och unga - krävs: Ja på frågan i Ja på ii A + Ja på ii B + Ja på ii C Ja eller Ej aktuellt på iii.',
        expected: [
            'För att uppnå indikatorn på kommun/stadsdelsnivå krävs: Ja på fråga i och Ja på fråga ii A och B och Ja eller Ej aktuellt på fråga iii.',
            'För området Barn och unga krävs: Ja på fråga i och Ja på fråga ii A, B och C och Ja eller Ej aktuellt på fråga iii.'
        ]
    },
    {
        n: 7,
        seed: 'För att uppnå indikatorn på kommunnivå krävs: Ja eller Nej, behövs inte på fråga i och Ja eller Ej aktuellt på fråga ii.',
        expected: ['För att uppnå indikatorn på kommunnivå krävs: Ja eller Nej, behövs inte på fråga i och Ja eller Ej aktuellt på fråga ii.']
    },
    {
        n: 8,
        seed: 'För att uppnå indikatorn på kommun/stadsdelsnivå krävs: Ja på samtliga alternativ (1-3) på fråga i och ja eller ej aktuellt på fråga ii.',
        expected: ['För att uppnå indikatorn på kommun/stadsdelsnivå krävs: Ja på samtliga alternativ (A–C) på fråga i och Ja eller Ej aktuellt på fråga ii.']
    },
    {
        n: 9,
        seed: 'För att uppnå indikatorn för respektive område krävs: Ja på frågan.',
        expected: ['För att uppnå indikatorn för respektive område krävs: Ja på fråga i.']
    },
    {
        n: 10,
        seed: 'För att uppnå indikatorn på kommunnivå krävs: Ja på frågan.',
        expected: ['För att uppnå indikatorn på kommunnivå krävs: Ja på fråga i.']
    }
];

describe('the description document of examples/oj2019', () => {
    test('has the sections of seed 002: introduction, shared indicators, then the areas alphabetically', () => {
        const titles = doc.sections.map(s => s.title);
        expect(titles[0]).toBe('Beskrivning av indikatorer 2019');
        expect(titles[1]).toBe(SHARED_SECTION_TITLE);
        const areas = titles.slice(2);
        expect(areas).toEqual([...areas].sort((a, b) => a.localeCompare(b, 'sv')));
        expect(areas).toContain('Ekonomiskt bistånd');
        expect(areas[areas.length - 1]).toBe('Äldreomsorg');
        expect(doc.title).toBe('Indikatorer – öppna jämförelser 2019');
        expect(doc.sections[0].subsections.map(s => s.title)).toEqual(['Indikatorerna i dokumentet', 'Insamling av uppgifter']);
    });

    test('numbers every indicator once, with a stable id, sorted by name within its section', () => {
        const all = indicatorsOf(doc);
        expect(all.map(i => i.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        for (const i of all) expect(i.id).toBe(`indikator-${i.number}`);
        const shared = doc.sections[1].content.filter((c): c is IndicatorEntry => c.kind === 'indicator');
        expect(shared.map(i => i.name)).toEqual([...shared.map(i => i.name)].sort((a, b) => a.localeCompare(b, 'sv')));
        // Indicator 1 is published in one area only, so it opens that area's section.
        const eb = doc.sections.find(s => s.title === 'Ekonomiskt bistånd')!;
        expect(eb.content.filter(c => c.kind === 'indicator').map(c => (c as IndicatorEntry).number)).toEqual([1]);
    });

    test('Tabell 1 counts indicators per area and those shared with other areas', () => {
        const table = doc.sections[0].subsections[0].content.find(c => c.kind === 'table');
        expect(table?.kind).toBe('table');
        if (table?.kind !== 'table') return;
        expect(table.caption).toMatch(/^Tabell 1\. /);
        const eb = table.rows.find(r => r[0] === 'Ekonomiskt bistånd');
        // Indicators 1–7, 9 and 10 are published in Ekonomiskt bistånd; all but 1 also in other areas.
        expect(eb).toEqual(['Ekonomiskt bistånd', '8', '9']);
        const mb = table.rows.find(r => r[0] === 'Missbruks- och beroendevård');
        expect(mb).toEqual(['Missbruks- och beroendevård', '7', '7']);
    });

    test('introduction states the measurement date and the survey parts from the model', () => {
        const collection = doc.sections[0].subsections[1].content;
        const texts = collection.flatMap(b => (b.kind === 'paragraph' ? [b.text] : b.kind === 'list' ? b.items.map(i => i.text) : []));
        expect(texts.join(' ')).toContain('Mätdatum för indikatorerna är den 1 februari 2019.');
        expect(texts).toContain('Gemensam - flera områden inklusive Krisberedskap (G-del)');
        expect(texts).toContain('Äldreomsorgen (del 8)');
    });

    test('every indicator table has the printed parts in the published order', () => {
        expect(entry(1).rows.map(r => r.label)).toEqual([
            'Tidigare namn', 'Beskrivning', 'Syfte', 'Referenser', 'Önskat värde', 'Typ av indikator', 'Kvalitetsområde',
            'Datakälla och felkällor', 'Teknisk beskrivning', 'Definitioner', 'Målpopulation', 'Nämnare', 'Redovisningsnivå'
        ]);
        expect(cell(1, 'Tidigare namn')).toEqual(['2018: Motverka hemlöshet och utestängning från bostadsmarknaden']);
        expect(entry(2).areas).toBe('Ekonomiskt bistånd, Missbruks- och beroendevård, Stöd till personer med funktionsnedsättning LSS, Stöd till personer med psykisk funktionsnedsättning Socialpsykiatri, Sociala barn- och ungdomsvården, Våld i nära relation, Äldreomsorg');
        expect(cell(9, 'Redovisningsnivå')).toEqual(['Stadsdelar i Stockholm och Göteborg, kommuner, storstäder, län och riket.']);
        expect(cell(2, 'Definitioner')[0]).toBe('Med ledningsnivå avses den nivå inom organisationen som har mandat att besluta om gemensamma rutiner.');
    });

    test.each(RULES)('indicator $n: the rule reads as the seed words it', ({ n, expected }) => {
        const technical = cell(n, 'Teknisk beskrivning');
        expect(technical.filter(t => t.startsWith('För att uppnå') || t.startsWith('För området'))).toEqual(expected);
    });

    test('technical descriptions list the questions with their answer options', () => {
        const technical = cell(6, 'Teknisk beskrivning');
        expect(technical[0]).toBe('Indikatorn beräknas utifrån svar på följande enkätfrågor:');
        expect(technical).toContain('i) Har ni en samlad plan för handläggarnas kompetensutveckling i nedanstående områden inom socialtjänsten?');
        expect(technical.some(t => t.startsWith('Svarsalternativ för respektive område (flera kan väljas): A. Kontinuerlig handledning'))).toBe(true);
        expect(technical).toContain('Svarsalternativ för respektive område: Ja/Nej/Ej aktuellt, området finns inte i vår socialtjänst/kommun');
        const one = cell(1, 'Teknisk beskrivning');
        expect(one).toContain('A. Att ni aktivt söker upp alla barnfamiljer med hyresskuld, oavsett om föräldrarna själva söker ekonomiskt bistånd eller inte?');
        expect(one).toContain('Svarsalternativ: Ja/Nej för respektive del');
    });

    test('the denominator sentence follows from the exclusion, as the seed writes it', () => {
        expect(cell(2, 'Nämnare')).toEqual(['De kommuner och stadsdelar som har svarat. Ej aktuellt som svar på fråga i ingår inte i nämnaren.']);
        // Indicator 3 has no exclusion of its own: "området saknas" on its answer set excludes.
        expect(cell(3, 'Nämnare')).toEqual(['De kommuner och stadsdelar som har svarat. Ej aktuellt ingår inte i nämnaren.']);
        expect(cell(1, 'Nämnare')).toEqual(['De kommuner och stadsdelar som har svarat.']);
    });

    test('the date comes from the source, so documents are reproducible', () => {
        expect(doc.date.toISOString()).toBe('2019-02-01T00:00:00.000Z');
        expect(buildDescriptionDocument(models)).toEqual(doc);
    });
});
