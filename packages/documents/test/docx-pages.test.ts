/**
 * The page numbers in the Word file's contents, laid out from the document model (docx-pages.ts):
 * every entry has one, they follow the document's order, they are the pages LibreOffice puts the
 * headings on, and the estimator gives docx's contents bookmarks the pages of their headings.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { generateWorkspace } from '@oj/synthetic';
import { describe, expect, test } from 'vitest';
import { buildDescriptionDocument, indicatorsOf, renderDocx, type DescriptionDocument } from '../src/index.js';
import { wordFormat } from '../src/docx.js';
import { layOutPages, modelPageNumbers } from '../src/docx-pages.js';
import { loadModels, oj2019 } from './fixtures.js';

interface TocEntry { level: number; title: string; page: string }

/** The entries of the contents as written: level, title and the page number after the tab. */
function tocEntries(docx: Buffer): TocEntry[] {
    const body = strFromU8(unzipSync(docx)['word/document.xml']);
    const contents = /<w:sdtContent>([\s\S]*?)<\/w:sdtContent>/.exec(body)![1];
    return [...contents.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].flatMap(([, p]) => {
        const level = /<w:pStyle w:val="TOC(\d)"\/>/.exec(p);
        if (!level) return [];
        const [title, number] = p.split('PAGEREF');
        const texts = (xml: string) => [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map(m => m[1]).join('');
        return [{ level: Number(level[1]), title: texts(title), page: texts(number ?? '') }];
    });
}

async function syntheticYear(indicators: number): Promise<DescriptionDocument> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-docx-pages-'));
    try {
        for (const file of generateWorkspace({ seed: 2019, indicators, files: 8, year: 2019 })) {
            fs.mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
            fs.writeFileSync(path.join(dir, file.path), file.text);
        }
        const { models, errors } = await loadModels([dir]);
        expect(errors).toEqual([]);
        return buildDescriptionDocument(models);
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

describe('the page numbers of the Word contents', () => {
    test('examples/oj2019: the pages LibreOffice and Word put the headings on', async () => {
        const { models, errors } = await loadModels([oj2019]);
        expect(errors).toEqual([]);
        const entries = tocEntries(await renderDocx(buildDescriptionDocument(models)));
        // Checked against soffice --convert-to pdf of the same file, and docx's own estimator.
        expect(entries.map(e => `${e.level} ${e.page}`)).toEqual([
            '1 3', '2 3', '2 3', '1 5', '1 20', '1 21', '1 21', '1 22', '1 22', '1 22', '1 22'
        ]);
    });

    test('a synthetic year: every entry has a page, in order, each area with indicators on a page of its own', async () => {
        const doc = await syntheticYear(120);
        const entries = tocEntries(await renderDocx(doc));
        expect(entries).toHaveLength(doc.sections.length + doc.sections.reduce((n, s) => n + s.subsections.length, 0));
        for (const entry of entries) expect(entry.page, entry.title).toMatch(/^\d+$/);
        const pages = entries.map(e => Number(e.page));
        expect(pages).toEqual([...pages].sort((a, b) => a - b));
        const areas = entries.filter((_e, i) => i > 0 && entries[i].level === 1).map(e => Number(e.page));
        for (let i = 1; i < areas.length; i++) expect(areas[i]).toBeGreaterThan(areas[i - 1]);
        // The pages LibreOffice puts the headings on (soffice --headless --convert-to pdf, then
        // pdftotext -layout): check them again there when the generator or the formatting changes.
        expect(pages).toEqual([3, 3, 3, 5, 20, 34, 46, 63, 75, 90, 107]);
        // Title page, contents, then about a page per indicator table; LibreOffice makes 128 pages,
        // and puts every section and indicator on the page laid out here.
        const { pageCount } = layOutPages(doc, wordFormat());
        expect(pages[pages.length - 1]).toBeLessThan(pageCount);
        expect(pageCount).toBeGreaterThan(indicatorsOf(doc).length * 0.9);
        expect(pageCount).toBe(128);
    });

    test('the contents bookmarks docx puts beside the headings get their headings\' pages', async () => {
        const doc = await syntheticYear(40);
        const { pages } = layOutPages(doc, wordFormat());
        const [first, second] = doc.sections;
        const heading = (toc: string, id: string) => ({ 'w:p': [
            { 'w:pPr': [{ 'w:pStyle': { _attr: { 'w:val': 'Heading1' } } }] },
            { 'w:bookmarkStart': { _attr: { 'w:name': toc, 'w:id': 1 } } },
            { 'w:bookmarkStart': { _attr: { 'w:name': id, 'w:id': 2 } } }
        ] });
        const body = { 'w:body': [heading('_Toc7', first.id), heading('_Toc9', second.id)] };
        const estimate = modelPageNumbers(doc, wordFormat())(body, {} as never);
        expect(estimate.bookmarks.get('_Toc7')).toBe(String(pages.get(first.id)));
        expect(estimate.bookmarks.get('_Toc9')).toBe(String(pages.get(second.id)));
        for (const indicator of indicatorsOf(doc)) expect(estimate.bookmarks.get(indicator.id)).toMatch(/^\d+$/);
    });
});
