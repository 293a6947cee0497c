/**
 * Register indicators in the description document (examples/register2019): each prints its data
 * source, the counting rule (Täljare, Nämnare), who is left out, its levels and strata and the
 * small-count suppression, in @oj/language's words; the introduction names the register instead
 * of a survey. The sentences themselves are specified in packages/language/test/register.test.ts.
 */
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Model } from '@oj/language';
import { buildDescriptionDocument, indicatorsOf, type DescriptionDocument, type DocumentSection } from '../src/index.js';
import { loadModels, root } from './fixtures.js';

let doc: DescriptionDocument;

beforeAll(async () => {
    const loaded = await loadModels([path.join(root, 'examples/register2019')]);
    expect(loaded.errors).toEqual([]);
    doc = buildDescriptionDocument(loaded.models as Model[]);
});

function cell(n: number, label: string): string[] {
    const entry = indicatorsOf(doc).find((i) => i.number === n);
    const row = entry?.rows.find((r) => r.label === label);
    return (row?.blocks ?? []).flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.items.map((i) => i.text)));
}

function allSections(sections: DocumentSection[]): DocumentSection[] {
    return sections.flatMap((s) => [s, ...allSections(s.subsections)]);
}

describe('a register indicator in the description', () => {
    test('its rows, in the order of every indicator', () => {
        const entry = indicatorsOf(doc).find((i) => i.number === 30)!;
        expect(entry.rows.map((r) => r.label)).toEqual([
            'Beskrivning',
            'Syfte',
            'Referenser',
            'Önskat värde',
            'Typ av indikator',
            'Kvalitetsområde',
            'Datakälla och felkällor',
            'Teknisk beskrivning',
            'Målpopulation',
            'Nämnare',
            'Redovisningsnivå',
            'Röjandekontroll',
        ]);
    });

    test('data source, Täljare and Nämnare, bortfall, levels, strata and suppression', () => {
        expect(cell(30, 'Datakälla och felkällor')[0]).toMatch(/^Socialstyrelsens register över insatser för äldre/);
        expect(cell(30, 'Datakälla och felkällor')[1]).toMatch(/^Registret bygger på kommunernas inrapportering/);
        expect(cell(30, 'Teknisk beskrivning')).toEqual([
            'Indikatorn beräknas ur registret över insatser enligt socialtjänstlagen (SOL) med uppgifter per person och mätdatum 2019-10-31.',
            'Täljare: Antal personer i nämnaren vars verkställighetsdatum är högst 90 dagar efter beslutsdatum.',
            'Nämnare: Antal personer vars insats är särskilt boende, ålder vid mätdatum är minst 65 och beslutsdatum ligger under de 12 månader som föregår mätdatum (2018-11-01–2019-10-31).',
        ]);
        expect(cell(30, 'Nämnare')[0]).toMatch(/^Personer vars uppgifter inte räcker för att avgöra villkoren/);
        expect(cell(30, 'Redovisningsnivå')).toEqual([
            'Kommuner, län och riket.',
            'Redovisas totalt och uppdelat på kön (kvinnor, män) och åldersgrupp (65–79 år, 80 år och äldre).',
        ]);
        expect(cell(30, 'Röjandekontroll')[0]).toMatch(
            /^Värden som bygger på färre än 5 individer redovisas inte och markeras med ”\.\.”/,
        );
        expect(cell(32, 'Teknisk beskrivning')[1]).toBe(
            'Täljare: Antal personer i nämnaren vars verkställighetsdatum saknas eller verkställighetsdatum är mer än 90 dagar efter beslutsdatum.',
        );
    });

    test('the introduction names the register, not a survey the indicators were not asked in', () => {
        const collection = allSections(doc.sections).find((s) => s.id === 'insamling')!;
        const texts = collection.content.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
        expect(texts[0]).toBe(
            'Indikatorerna 30, 31 och 32 beräknas ur registret över insatser enligt socialtjänstlagen (SOL) med uppgifter per person, inte ur enkätsvar.',
        );
        expect(texts.join(' ')).not.toMatch(/svar från enkäten|rutiner, överenskommelser/);
    });
});
