/**
 * The document model of the 2019 example set: the layout of seed 002 as its dokument.oj lays it
 * out (front matter, sections, Tabell 1, the indicator tables in the printed order) and, for every
 * indicator, the rule text as the seed words it; then the layout generated for a model without a
 * `dokument` (introduction, shared indicators, one section per area).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { isPrintedDocument, type Model } from '@oj/language';
import {
    buildDescriptionDocument,
    indicatorsOf,
    SHARED_SECTION_TITLE,
    type DataTable,
    type DescriptionDocument,
    type DocumentSection,
    type IndicatorEntry,
} from '../src/index.js';
import { loadModels, loadText, oj2019 } from './fixtures.js';

let models: Model[];
let doc: DescriptionDocument;
/** The same models without dokument.oj: the generated layout. */
let generatedDoc: DescriptionDocument;

beforeAll(async () => {
    const loaded = await loadModels([oj2019]);
    expect(loaded.errors).toEqual([]);
    models = loaded.models;
    doc = buildDescriptionDocument(models);
    generatedDoc = buildDescriptionDocument(models.filter((m) => !m.elements.some(isPrintedDocument)));
});

function allSections(sections: DocumentSection[]): DocumentSection[] {
    return sections.flatMap((s) => [s, ...allSections(s.subsections)]);
}

function entry(n: number): IndicatorEntry {
    const found = indicatorsOf(doc).find((i) => i.number === n);
    if (!found) throw new Error(`indikator ${n} saknas`);
    return found;
}

function cell(n: number, label: string): string[] {
    const row = entry(n).rows.find((r) => r.label === label);
    return (row?.blocks ?? []).flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.items.map((i) => i.text)));
}

/**
 * The sentence "För att uppnå indikatorn … krävs: …" per indicator. `seed` is the published wording
 * (seed 002, pages 9–24) verbatim; `expected` is what the rule in examples/oj2019 renders to. They
 * differ only where the seed is inconsistent with itself: "frågan i" beside "fråga i", a doubled
 * "nivå nivå", the conjunction "och" lost in the seed's line breaks, shorthand "Ja på ii A + Ja på
 * ii B" for "Ja på fråga ii A och B", "(1-3)" for items A–C and lower-case "ja eller ej aktuellt".
 * A single question (9, 10) is printed unnumbered, and its rule says "Ja på frågan" as the seed does.
 */
const RULES: Array<{ n: number; seed: string; expected: string[] }> = [
    {
        n: 1,
        seed: 'För att uppnå indikatorn på kommunnivå krävs: Ja på fråga i Ja på fråga ii A och B Ja på fråga iii, ELLER Ja på fråga i Ja på fråga ii A och B Ej aktuellt på fråga iii.',
        expected: [
            'För att uppnå indikatorn på kommunnivå krävs: Ja på fråga i och Ja på fråga ii A och B och Ja på fråga iii, ELLER Ja på fråga i och Ja på fråga ii A och B och Ej aktuellt på fråga iii.',
        ],
    },
    {
        n: 2,
        seed: 'För att uppnå indikatorn på kommun-/stadsdelsnivå nivå krävs: Ja på frågan i och Ja eller Ej aktuellt på fråga ii.',
        expected: [
            'För att uppnå indikatorn på kommun-/stadsdelsnivå krävs: Ja på fråga i och Ja eller Ej aktuellt på fråga ii.',
        ],
    },
    {
        n: 3,
        seed: 'För att uppnå indikatorn på kommunnivå krävs: Ja på fråga i och Ja på fråga ii',
        expected: ['För att uppnå indikatorn på kommunnivå krävs: Ja på fråga i och Ja på fråga ii.'],
    },
    {
        n: 4,
        seed: 'För att uppnå indikatorn på kommunnivå krävs: Ja eller Nej, behövs inte på fråga i och Ja eller Ej aktuellt på fråga ii.',
        expected: [
            'För att uppnå indikatorn på kommunnivå krävs: Ja eller Nej, behövs inte på fråga i och Ja eller Ej aktuellt på fråga ii.',
        ],
    },
    {
        n: 5,
        seed: 'För att uppnå indikatorn på kommun-/stadsdelsnivå nivå krävs för respektive verksamhetsområde: Ja på frågan i och Ja eller Ej aktuellt på fråga ii.',
        expected: [
            'För att uppnå indikatorn på kommun-/stadsdelsnivå krävs: Ja på fråga i och Ja eller Ej aktuellt på fråga ii.',
        ],
    },
    {
        n: 6,
        seed: 'För att uppnå indikatorn på kommun/stadsdelsnivå krävs: Ja på frågan i Ja på ii A + Ja på ii B Ja eller Ej aktuellt på iii. För området Barn och unga - krävs: Ja på frågan i Ja på ii A + Ja på ii B + Ja på ii C Ja eller Ej aktuellt på iii.',
        expected: [
            'För att uppnå indikatorn på kommun/stadsdelsnivå krävs: Ja på fråga i och Ja på fråga ii A och B och Ja eller Ej aktuellt på fråga iii.',
            'För området Barn och unga krävs: Ja på fråga i och Ja på fråga ii A, B och C och Ja eller Ej aktuellt på fråga iii.',
        ],
    },
    {
        n: 7,
        seed: 'För att uppnå indikatorn på kommunnivå krävs: Ja eller Nej, behövs inte på fråga i och Ja eller Ej aktuellt på fråga ii.',
        expected: [
            'För att uppnå indikatorn på kommunnivå krävs: Ja eller Nej, behövs inte på fråga i och Ja eller Ej aktuellt på fråga ii.',
        ],
    },
    {
        n: 8,
        seed: 'För att uppnå indikatorn på kommun/stadsdelsnivå krävs: Ja på samtliga alternativ (1-3) på fråga i och ja eller ej aktuellt på fråga ii.',
        expected: [
            'För att uppnå indikatorn på kommun/stadsdelsnivå krävs: Ja på samtliga alternativ (A–C) på fråga i och Ja eller Ej aktuellt på fråga ii.',
        ],
    },
    {
        n: 9,
        seed: 'För att uppnå indikatorn för respektive område krävs: Ja på frågan.',
        expected: ['För att uppnå indikatorn för respektive område krävs: Ja på frågan.'],
    },
    {
        n: 10,
        seed: 'För att uppnå indikatorn på kommunnivå krävs: Ja på frågan.',
        expected: ['För att uppnå indikatorn på kommunnivå krävs: Ja på frågan.'],
    },
];

describe('the description document of examples/oj2019', () => {
    test('has the sections of seed 002 in the printed order, as dokument.oj lays them out', () => {
        expect(doc.title).toBe('Indikatorer – öppna jämförelser 2019');
        expect(doc.sections.map((s) => s.title)).toEqual(['Beskrivning av indikatorer 2019', 'Socialtjänst']);
        expect(doc.sections[0].subsections.map((s) => s.title)).toEqual(['Indikatorerna i dokumentet']);
        // No area has an indicator of its own among 1–10, so no (empty) area section follows.
        expect(doc.sections[1].subsections.map((s) => s.title)).toEqual([SHARED_SECTION_TITLE]);
        expect(doc.sections.map((s) => s.newPage)).toEqual([true, true]);
        const inner = allSections(doc.sections).flatMap((s) => s.content.flatMap((c) => (c.kind === 'heading' ? [c.text] : [])));
        expect(inner).toEqual([
            'Indikatorer ett stöd för utveckling',
            'Jämförelserna – ett av flera underlag',
            'Insamling av uppgifter till öppna jämförelser',
            'Svarsfrekvens',
        ]);
    });

    test('prints indicators 1–10 in the published order (7 before 8) in the shared section, listed by name first', () => {
        const all = indicatorsOf(doc);
        expect(all.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        for (const i of all) expect(i.id).toBe(`indikator-${i.number}`);
        const shared = doc.sections[1].subsections[0];
        const list = shared.content.find((c) => c.kind === 'list');
        expect(list?.kind === 'list' && list.items.map((i) => i.text)).toEqual(all.map((i) => i.name));
        expect(list?.kind === 'list' && list.items.map((i) => i.target)).toEqual(all.map((i) => i.id));
    });

    test('front matter from the model: subtitle, publisher, colophon, and the publication month as the date', () => {
        expect(doc.subtitle).toBe('Socialtjänst och kommunal hälso- och sjukvård');
        expect(doc.publisher).toBe('Socialstyrelsen');
        expect(doc.colophon?.[0]).toMatch(/^Denna publikation skyddas av upphovsrättslagen\./);
        expect(doc.colophon?.at(-1)).toBe('Publicerad www.socialstyrelsen.se, juni 2019');
        expect(doc.date.toISOString()).toBe('2019-06-01T00:00:00.000Z');
        const intro = doc.sections[0];
        expect(intro.content[0]).toEqual({
            kind: 'paragraph',
            text: expect.stringMatching(/^I juni 2019 publicerar Socialstyrelsen öppna jämförelser/),
        });
        expect(intro.content[1]).toMatchObject({ kind: 'list', numbered: true });
    });

    test('answer labels as printed for each question, from one shared answer set', () => {
        const labels = (n: number) =>
            cell(n, 'Teknisk beskrivning').filter((t) => t.startsWith('Svarsalternativ') && t.includes('nyligen'));
        for (const n of [1, 2, 3, 4, 5])
            expect(labels(n), `indikator ${n}`).toEqual([
                expect.stringContaining('Ja/Nej/Ej aktuellt, då rutinen upprättades nyligen'),
            ]);
        expect(labels(6)).toEqual([expect.stringContaining('Ja/Nej/Ej aktuellt, då planen upprättades nyligen')]);
        for (const n of [7, 8])
            expect(labels(n), `indikator ${n}`).toEqual([
                expect.stringContaining('Ja/Nej/Ej aktuellt, då överenskommelsen upprättades nyligen'),
            ]);
        expect(doc.sections.flatMap((s) => JSON.stringify(s)).join('')).not.toContain('då det upprättades nyligen');
    });

    test('a single question is printed unnumbered; no Kommentar where the source has none', () => {
        for (const n of [9, 10]) {
            const technical = cell(n, 'Teknisk beskrivning');
            expect(technical[0]).toBe('Indikatorn beräknas utifrån svar på följande enkätfråga:');
            expect(technical[1]).toMatch(/^Använder ni \(mätdatum\)/);
            expect(cell(n, 'Nämnare')).toEqual(['De kommuner och stadsdelar som har svarat. Ej aktuellt ingår inte i nämnaren.']);
            expect(entry(n).rows.map((r) => r.label)).not.toContain('Kommentar');
        }
        expect(cell(2, 'Kommentar')).toEqual([expect.stringMatching(/^Indikator redovisas följande områden och grupper/)]);
    });

    test('Svarsfrekvens: Tabell 2 counted from a response file, among the population the author gives', () => {
        expect(
            allSections(doc.sections)
                .flatMap((s) => s.content)
                .filter((c) => c.kind === 'table')
                .map((c) => (c as DataTable).id),
        ).toEqual(['tabell-1']);
        const columns = ['unit', 'I01_1', 'I02_1_EB'];
        const responses = {
            columns,
            rows: [{ cells: ['0114', '1', ''] }, { cells: ['0115', '', '2'] }, { cells: ['0117', '', ''] }],
        };
        const withRates = buildDescriptionDocument(models, { responses });
        const table = allSections(withRates.sections)
            .flatMap((s) => s.content)
            .find((c): c is DataTable => c.kind === 'table' && c.id === 'tabell-2');
        expect(table?.caption).toBe(
            'Tabell 2. Svarsfrekvens för insamling av uppgifter till öppna jämförelser 2019, procent och antal av 312 kommuner och stadsdelar',
        );
        // Every question of 1–10 is in the shared part (G): two of the three units answered some of it.
        expect(table?.rows).toEqual([['Gemensam - flera områden inklusive Krisberedskap (G-del)', '1', '2']]);
    });

    test('Tabell 1 counts indicators per area and those shared with other areas', () => {
        const table = doc.sections[0].subsections[0].content.find((c) => c.kind === 'table');
        expect(table?.kind).toBe('table');
        if (table?.kind !== 'table') return;
        expect(table.caption).toMatch(/^Tabell 1\. /);
        const eb = table.rows.find((r) => r[0] === 'Ekonomiskt bistånd');
        // Indicators 1–7, 9 and 10 are published in Ekonomiskt bistånd; all but 1 also in other areas.
        expect(eb).toEqual(['Ekonomiskt bistånd', '8', '9']);
        const mb = table.rows.find((r) => r[0] === 'Missbruks- och beroendevård');
        expect(mb).toEqual(['Missbruks- och beroendevård', '7', '7']);
    });

    test('every indicator table has the printed parts in the published order', () => {
        expect(entry(1).rows.map((r) => r.label)).toEqual([
            'Tidigare namn',
            'Beskrivning',
            'Syfte',
            'Referenser',
            'Önskat värde',
            'Typ av indikator',
            'Kvalitetsområde',
            'Datakälla och felkällor',
            'Teknisk beskrivning',
            'Definitioner',
            'Målpopulation',
            'Nämnare',
            'Redovisningsnivå',
        ]);
        expect(cell(1, 'Tidigare namn')).toEqual(['2018: Motverka hemlöshet och utestängning från bostadsmarknaden']);
        expect(entry(2).areas).toBe(
            'Ekonomiskt bistånd, Missbruks- och beroendevård, Stöd till personer med funktionsnedsättning LSS, Stöd till personer med psykisk funktionsnedsättning Socialpsykiatri, Sociala barn- och ungdomsvården, Våld i nära relation, Äldreomsorg',
        );
        expect(cell(9, 'Redovisningsnivå')).toEqual([
            'Stadsdelar i Stockholm och Göteborg, kommuner, storstäder, län och riket.',
        ]);
        expect(cell(2, 'Definitioner')[0]).toBe(
            'Med ledningsnivå avses den nivå inom organisationen som har mandat att besluta om gemensamma rutiner.',
        );
    });

    test.each(RULES)('indicator $n: the rule reads as the seed words it', ({ n, expected }) => {
        const technical = cell(n, 'Teknisk beskrivning');
        expect(technical.filter((t) => t.startsWith('För att uppnå') || t.startsWith('För området'))).toEqual(expected);
    });

    test('technical descriptions list the questions with their answer options', () => {
        const technical = cell(6, 'Teknisk beskrivning');
        expect(technical[0]).toBe('Indikatorn beräknas utifrån svar på följande enkätfrågor:');
        expect(technical).toContain(
            'i) Har ni en samlad plan för handläggarnas kompetensutveckling i nedanstående områden inom socialtjänsten?',
        );
        expect(
            technical.some((t) =>
                t.startsWith('Svarsalternativ för respektive område (flera kan väljas): A. Kontinuerlig handledning'),
            ),
        ).toBe(true);
        expect(technical).toContain(
            'Svarsalternativ för respektive område: Ja/Nej/Ej aktuellt, området finns inte i vår socialtjänst/kommun',
        );
        const one = cell(1, 'Teknisk beskrivning');
        expect(one).toContain(
            'A. Att ni aktivt söker upp alla barnfamiljer med hyresskuld, oavsett om föräldrarna själva söker ekonomiskt bistånd eller inte?',
        );
        expect(one).toContain('Svarsalternativ: Ja/Nej för respektive del');
    });

    test('the denominator sentence follows from the exclusion, as the seed writes it', () => {
        expect(cell(2, 'Nämnare')).toEqual([
            'De kommuner och stadsdelar som har svarat. Ej aktuellt som svar på fråga i ingår inte i nämnaren.',
        ]);
        // Indicator 3 has no exclusion of its own: "området saknas" on its answer set excludes.
        expect(cell(3, 'Nämnare')).toEqual(['De kommuner och stadsdelar som har svarat. Ej aktuellt ingår inte i nämnaren.']);
        expect(cell(1, 'Nämnare')).toEqual(['De kommuner och stadsdelar som har svarat.']);
    });

    test('the same source gives the same document', () => {
        expect(buildDescriptionDocument(models)).toEqual(doc);
    });
});

describe('the layout generated for a model without a dokument', () => {
    test('introduction, the shared indicators, then the areas alphabetically, none of them empty', () => {
        const titles = generatedDoc.sections.map((s) => s.title);
        expect(titles[0]).toBe('Beskrivning av indikatorer 2019');
        expect(titles[1]).toBe(SHARED_SECTION_TITLE);
        // Only Ekonomiskt bistånd has an indicator of its own (1); the other areas get no empty section.
        expect(titles.slice(2)).toEqual(['Ekonomiskt bistånd']);
        expect(generatedDoc.sections[0].subsections.map((s) => s.title)).toEqual([
            'Indikatorerna i dokumentet',
            'Insamling av uppgifter',
        ]);
    });

    test('indicators sorted by name within their section; an indicator of one area opens that area', () => {
        const shared = generatedDoc.sections[1].content.filter((c): c is IndicatorEntry => c.kind === 'indicator');
        expect(shared.map((i) => i.name)).toEqual([...shared.map((i) => i.name)].sort((a, b) => a.localeCompare(b, 'sv')));
        const eb = generatedDoc.sections.find((s) => s.title === 'Ekonomiskt bistånd')!;
        expect(eb.content.filter((c) => c.kind === 'indicator').map((c) => (c as IndicatorEntry).number)).toEqual([1]);
    });

    test('introduction states the measurement date and the survey parts from the model', () => {
        const collection = generatedDoc.sections[0].subsections[1].content;
        const texts = collection.flatMap((b) =>
            b.kind === 'paragraph' ? [b.text] : b.kind === 'list' ? b.items.map((i) => i.text) : [],
        );
        expect(texts.join(' ')).toContain('Mätdatum för indikatorerna är den 1 februari 2019.');
        expect(texts).toContain('Gemensam - flera områden inklusive Krisberedskap (G-del)');
        expect(texts).toContain('Äldreomsorgen (del 8)');
    });

    test('the date comes from the source (its measurement date), so documents are reproducible', () => {
        expect(generatedDoc.date.toISOString()).toBe('2019-02-01T00:00:00.000Z');
    });
});

describe('an authored document', () => {
    const SURVEY = `enkät T2030 "Test 2030" {
    år 2030
    mätdatum "2030-02-01"
    variabelmönster "T{indikator:02}_{fråga}{del}[_{grupp}]"
    datakälla "Enkät."
    nämnare "De som svarat."
    redovisningsnivåer kommun
}
svarsalternativ JN { Ja = 1 "Ja" Nej = 2 "Nej" }
område A "Område A"
område B "Område B"
område C "Område C"
`;
    const indicator = (n: number, areas: string) => `indikator ${n} "Indikator ${n}" {
    områden ${areas}
    beskrivning "B." syfte "S." önskad riktning positiv typ struktur kvalitetsområde "Säker"
    fråga i F${n}: "Har ni?" svar JN
    krävs: Ja på fråga i
}
`;

    test('puts unplaced indicators in generated area sections and leaves out areas without any, unless the author keeps one', async () => {
        const { models: m, errors } = await loadText({
            'enkat.oj': SURVEY + indicator(1, 'A, B') + indicator(2, 'A') + indicator(3, 'B'),
            'dokument.oj': `tillhör T2030
dokument "Titel" {
    avsnitt "Inledning" { stycke "Text." }
    avsnitt "Område C" { stycke "Inga indikatorer i år." }
    avsnitt "Indikatorer" { indikatorer 1  infoga områdesavsnitt }
}`,
        });
        expect(errors).toEqual([]);
        const authored = buildDescriptionDocument(m);
        expect(authored.sections.map((s) => s.title)).toEqual(['Inledning', 'Område C', 'Indikatorer']);
        expect(
            authored.sections[2].subsections.map((s) => [
                s.title,
                s.content.filter((c) => c.kind === 'indicator').map((c) => (c as IndicatorEntry).number),
            ]),
        ).toEqual([
            ['Område A', [2]],
            ['Område B', [3]],
        ]);
        expect(indicatorsOf(authored).map((i) => i.number)).toEqual([1, 2, 3]);
    });

    test('describes every indicator: without "infoga områdesavsnitt" those placed nowhere follow at the end', async () => {
        const { models: m, errors } = await loadText({
            'enkat.oj': SURVEY + indicator(1, 'A, B') + indicator(2, 'A'),
            'dokument.oj': `tillhör T2030
dokument "Titel" {
    avsnitt "Indikator 2" { indikatorer 1 }
}`,
        });
        expect(errors).toEqual([]);
        const authored = buildDescriptionDocument(m);
        expect(authored.sections.map((s) => [s.title, s.level])).toEqual([
            ['Indikator 2', 1],
            ['Område A', 1],
        ]);
        expect(indicatorsOf(authored).map((i) => i.number)).toEqual([1, 2]);
        // A section's id never takes an indicator's anchor.
        expect(authored.sections[0].id).not.toBe('indikator-2');
    });
});

describe('tick boxes in the technical description', () => {
    const SURVEY = `enkät T2030 "Test 2030" {
    år 2030
    mätdatum "2030-02-01"
    variabelmönster "T{indikator:02}_{fråga}{del}[_{grupp}]"
    datakälla "Enkät."
    nämnare "De som svarat."
    redovisningsnivåer kommun
}
svarsalternativ VAL { Vald = 1 "Vald" EjVald = 0 "Ej vald" }
svarsalternativ KRYSS { Vald = 1 "Vald" EjVald = 0 "Ej vald" tom ruta räknas som EjVald när någon ruta är ikryssad }
område A "Område A"
`;
    const indicator = (n: number, set: string) => `indikator ${n} "Indikator ${n}" {
    områden A
    beskrivning "B." syfte "S." önskad riktning positiv typ struktur kvalitetsområde "Säker"
    fråga i F${n}: "Vilka former?" svar ${set} flerval alternativ A "a" alternativ B "b" alternativ C "c"
    krävs: minst två av alternativen A–C på fråga i
}
`;
    const RULE =
        'En tom ruta räknas som ej vald när någon annan ruta i frågan är ikryssad; är alla rutor tomma räknas frågan som obesvarad.';

    test("a tick-box answer set's reading of a blank box is printed with its question; an ordinary flerval set prints nothing of it", async () => {
        const { models: m, errors } = await loadText({ 'enkat.oj': SURVEY + indicator(1, 'KRYSS') + indicator(2, 'VAL') });
        expect(errors).toEqual([]);
        const technical = (n: number) =>
            (
                indicatorsOf(buildDescriptionDocument(m))
                    .find((i) => i.number === n)
                    ?.rows.find((r) => r.label === 'Teknisk beskrivning')?.blocks ?? []
            ).flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
        expect(technical(1)).toEqual([
            'Indikatorn beräknas utifrån svar på följande enkätfråga:',
            'Vilka former?',
            'Svarsalternativ (flera kan väljas): A. a, B. b, C. c',
            RULE,
            'För att uppnå indikatorn krävs: minst två av alternativen A–C på frågan.',
        ]);
        expect(technical(2)).not.toContain(RULE);
    });
});
