/**
 * One theme for every document and format (theme.ts): the renderers name no colour of their own,
 * and the same colour reaches the HTML style sheet, the PDF and the Word file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { inflateSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { COLOURS, DOCUMENT_CSS, PAGE, buildDescriptionDocument, css, renderDocx, renderPdf } from '../src/index.js';
import { loadModels, oj2019 } from './fixtures.js';

const SRC = path.join(__dirname, '../src');

describe('the theme', () => {
    test('no renderer writes a colour literal: every colour comes from theme.ts', () => {
        for (const file of fs.readdirSync(SRC).filter((f) => f.endsWith('.ts') && f !== 'theme.ts')) {
            const text = fs.readFileSync(path.join(SRC, file), 'utf8');
            expect(text.match(/#[0-9a-fA-F]{3}\b|#[0-9a-fA-F]{6}\b|'[0-9A-F]{6}'/g) ?? [], file).toEqual([]);
        }
    });

    test('the rule colour is the same in HTML, PDF and Word', async () => {
        const { models } = await loadModels([oj2019]);
        const doc = buildDescriptionDocument(models);
        expect(DOCUMENT_CSS).toContain(`--rule: ${css('rule')};`);
        const word = strFromU8(unzipSync(await renderDocx(doc))['word/document.xml']);
        expect(word).toContain(`w:color="${COLOURS.rule}"`);
        // In the PDF the colour is set as RGB fractions in the page content (pdfkit writes "r g b SCN" for strokes).
        const [r, g, b] = [0, 2, 4].map((i) => parseInt(COLOURS.rule.slice(i, i + 2), 16) / 255);
        const pdf = (await renderPdf(doc)).toString('latin1');
        const streams = [...pdf.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)].map((m) => {
            try {
                return inflateSync(Buffer.from(m[1], 'latin1')).toString('latin1');
            } catch {
                return '';
            }
        });
        expect(streams.some((s) => s.includes(`${r} ${g} ${b} SCN`))).toBe(true);
    });

    test('Word and PDF share the page geometry', async () => {
        const { models } = await loadModels([oj2019]);
        const word = strFromU8(unzipSync(await renderDocx(buildDescriptionDocument(models)))['word/document.xml']);
        expect(word).toContain(
            `<w:pgMar w:top="${Math.round(PAGE.margin.top * 20)}" w:right="${Math.round(PAGE.margin.right * 20)}" w:bottom="${Math.round(PAGE.margin.bottom * 20)}" w:left="${Math.round(PAGE.margin.left * 20)}"`,
        );
    });
});
