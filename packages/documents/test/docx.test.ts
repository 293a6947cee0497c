/**
 * The Word file of examples/oj2019, read back from its XML parts: heading styles with outline levels,
 * repeating header rows, Swedish, core properties, a table of contents, real lists, reproducible bytes.
 */
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildDescriptionDocument, indicatorsOf, renderDocx, type DescriptionDocument } from '../src/index.js';
import { HOSTILE, loadModels, loadText, oj2019 } from './fixtures.js';

let doc: DescriptionDocument;
let docx: Buffer;
let parts: Record<string, string>;

function read(bytes: Buffer): Record<string, string> {
    return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}

/** The XML of one style, by id. */
function style(id: string): string {
    const match = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(parts['word/styles.xml']);
    if (!match) throw new Error(`stilen ${id} saknas`);
    return match[0];
}

beforeAll(async () => {
    const { models, errors } = await loadModels([oj2019]);
    expect(errors).toEqual([]);
    doc = buildDescriptionDocument(models);
    docx = await renderDocx(doc);
    parts = read(docx);
});

describe('the Word file of examples/oj2019', () => {
    test('heading styles carry outline levels; sections use them', () => {
        expect(style('Heading1')).toContain('<w:outlineLvl w:val="0"/>');
        expect(style('Heading2')).toContain('<w:outlineLvl w:val="1"/>');
        expect(style('Indikatorrubrik')).toContain('<w:outlineLvl w:val="1"/>');
        const body = parts['word/document.xml'];
        const count = (s: string) => body.split(s).length - 1;
        expect(count('<w:pStyle w:val="Heading1"/>')).toBe(doc.sections.length);
        expect(count('<w:pStyle w:val="Heading2"/>')).toBe(doc.sections.reduce((n, s) => n + s.subsections.length, 0));
        expect(count('<w:pStyle w:val="Indikatorrubrik"/>')).toBe(indicatorsOf(doc).length);
        expect(count('<w:pStyle w:val="Title"/>')).toBe(1);
    });

    test('the indicator tables mark their two header rows (name, areas) to repeat on every page', () => {
        const body = parts['word/document.xml'];
        const tables = body.split('<w:tbl>').slice(1);
        expect(tables).toHaveLength(indicatorsOf(doc).length + 1);
        const indicatorTables = tables.filter((t) => t.includes('Indikatorrubrik'));
        expect(indicatorTables).toHaveLength(indicatorsOf(doc).length);
        for (const table of indicatorTables) {
            const rows = table.split('<w:tr>').slice(1);
            expect(rows[0]).toContain('<w:tblHeader/>');
            expect(rows[1]).toContain('<w:tblHeader/>');
            expect(rows[2]).not.toContain('<w:tblHeader/>');
        }
        // Tabell 1 has one header row.
        const table1 = tables.find((t) => !t.includes('Indikatorrubrik'))!;
        expect(table1.split('<w:tblHeader/>').length - 1).toBe(1);
    });

    test('the document language is Swedish', () => {
        expect(parts['word/styles.xml']).toMatch(/<w:rPrDefault><w:rPr>.*<w:lang w:val="sv-SE"\/>/);
        expect(parts['word/settings.xml']).toContain('<w:themeFontLang w:val="sv-SE"/>');
    });

    test('core properties: title, subject, the publisher as creator and the publication date', () => {
        const core = parts['docProps/core.xml'];
        expect(core).toContain('<dc:title>Indikatorer – öppna jämförelser 2019</dc:title>');
        expect(core).toContain('<dc:creator>Socialstyrelsen</dc:creator>');
        expect(core).toMatch(/<dc:subject>Beskrivning av de 10 indikatorerna/);
        expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2019-06-01T00:00:00Z</dcterms:created>');
        expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2019-06-01T00:00:00Z</dcterms:modified>');
    });

    test('a table of contents field over heading levels 1–2, filled in with page numbers, updated on opening', () => {
        const body = parts['word/document.xml'];
        expect(body).toContain('TOC \\h \\o &quot;1-2&quot;');
        expect(body).toContain('<w:docPartGallery w:val="Table of Contents"/>');
        expect(parts['word/settings.xml']).toContain('<w:updateFields/>');
        const entries = [
            ...body.matchAll(
                /PAGEREF (_Toc\d+) \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t xml:space="preserve">(\d+)<\/w:t>/g,
            ),
        ];
        expect(entries.length).toBe(doc.sections.length + doc.sections.reduce((n, s) => n + s.subsections.length, 0));
        const numbers = entries.map((e) => Number(e[2]));
        expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    });

    test('lists are real Word lists, and indicator lists link to the indicators', () => {
        const body = parts['word/document.xml'];
        expect(parts['word/numbering.xml']).toContain('<w:numFmt w:val="bullet"/>');
        expect(body).toContain('<w:numPr><w:ilvl w:val="0"/>');
        for (const indicator of indicatorsOf(doc)) {
            expect(body).toContain(`<w:bookmarkStart w:name="${indicator.id}"`);
            expect(body).toContain(`w:anchor="${indicator.id}"`);
        }
    });

    test('is byte-identical when rendered again from the same source', async () => {
        expect((await renderDocx(buildDescriptionDocument((await loadModels([oj2019])).models))).equals(docx)).toBe(true);
    });
});

describe('model text in the Word file', () => {
    test('is escaped: every part stays well-formed and the text comes back as written', async () => {
        const { models, errors } = await loadText(HOSTILE);
        // The control character in "syfte" is refused by validation (issue 19); the writers must still be safe.
        expect(errors).toEqual([expect.stringContaining('Tecknet U+0001 får inte finnas i modellen')]);
        const hostile = read(await renderDocx(buildDescriptionDocument(models), { pageNumbers: false }));
        const body = hostile['word/document.xml'];
        expect(body).not.toContain('<script>');
        expect(body).toContain('Namn &lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;alert(5)&lt;/script&gt;');
        expect(body).toContain('Beskrivning &lt;style&gt;body{display:none}&lt;/style&gt; &amp; ]]&gt;');
        expect(body).not.toContain('\u0001');
        // Nothing of the model opened an element: the only elements are WordprocessingML's own.
        const names = new Set([...body.matchAll(/<\/?([A-Za-z0-9:]+)[\s/>]/g)].map((m) => m[1]));
        for (const name of names) expect(name, name).toMatch(/^(w|w14|w15|wp|mc|r):/);
    });
});
