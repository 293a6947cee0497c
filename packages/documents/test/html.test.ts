/**
 * The HTML the extension's preview shows: a strict Content-Security-Policy, stable indicator ids to
 * scroll to, the same layout as Word and PDF, and every model text escaped.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { DOCUMENT_CSS, buildDescriptionDocument, indicatorsOf, renderHtml, type DescriptionDocument } from '../src/index.js';
import { HOSTILE, loadModels, loadText, oj2019 } from './fixtures.js';

let doc: DescriptionDocument;
let html: string;

beforeAll(async () => {
    const { models, errors } = await loadModels([oj2019]);
    expect(errors).toEqual([]);
    doc = buildDescriptionDocument(models);
    html = renderHtml(doc, { standalone: true });
});

function policy(page: string): string {
    const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page);
    if (!match) throw new Error('ingen Content-Security-Policy');
    return match[1].replace(/&#39;/g, "'");
}

describe('the HTML page', () => {
    test('is Swedish, titled, and allows nothing but its own style sheet', () => {
        expect(html.startsWith('<!DOCTYPE html>\n<html lang="sv-SE">')).toBe(true);
        expect(html).toContain('<title>Indikatorer – öppna jämförelser 2019</title>');
        const csp = policy(html);
        expect(csp).toContain("default-src 'none'");
        const hash = createHash('sha256').update(DOCUMENT_CSS).digest('base64');
        expect(csp).toContain(`style-src 'sha256-${hash}'`);
        expect(csp).not.toMatch(/script-src|unsafe-inline|unsafe-eval|\*/);
        expect(html).not.toMatch(/<script|\son[a-z]+=/i);
        expect(html).toContain(`<style>${DOCUMENT_CSS}</style>`);
    });

    test('a webview passes its nonce and source, which the policy allows', () => {
        const page = renderHtml(doc, { nonce: 'abc123XYZ', cspSource: 'https://file+.vscode-resource.vscode-cdn.net' });
        const csp = policy(page);
        expect(csp).toContain("'nonce-abc123XYZ'");
        expect(csp).toContain('style-src');
        expect(csp).toMatch(/style-src [^;]*https:\/\/file\+\.vscode-resource\.vscode-cdn\.net/);
        expect(page).toContain('<style nonce="abc123XYZ">');
        expect(() => renderHtml(doc, { nonce: "x'; script-src *" })).toThrow(/Content-Security-Policy/);
    });

    test('every indicator is a section with a stable id and a heading in its table header', () => {
        for (const indicator of indicatorsOf(doc)) {
            expect(html).toContain(
                `<section class="indicator" id="indikator-${indicator.number}" aria-labelledby="indikator-${indicator.number}-rubrik">`,
            );
            // In a subsection (h3), so the name is an h4.
            expect(html).toContain(`<th colspan="2" scope="colgroup"><h4 id="indikator-${indicator.number}-rubrik">`);
        }
        expect(html).toContain('<a href="#indikator-6">Aktuell samlad plan för handläggares kompetensutveckling</a>');
        expect(html).toContain('<th scope="row">Teknisk beskrivning</th>');
        expect(html).toContain(
            '<caption>Tabell 1. Indikatorer som publiceras inom respektive område – Socialtjänst och kommunal hälso- och sjukvård, juni 2019</caption>',
        );
        expect(html).toContain('<ol class="numbered">\n<li>Ekonomiskt bistånd</li>');
        expect(html).toContain('<section class="colophon" aria-label="Om publikationen">');
        expect(html).toContain('<h3>Indikatorer ett stöd för utveckling</h3>');
        expect(html).toContain('<h4>Svarsfrekvens</h4>');
    });

    test('the fragment has the article only', () => {
        const fragment = renderHtml(doc, { standalone: false });
        expect(fragment.startsWith('<article lang="sv-SE">')).toBe(true);
        expect(fragment).not.toContain('<style');
    });

    test('model text is escaped everywhere', async () => {
        const { models, errors } = await loadText(HOSTILE);
        // The control character in "syfte" is refused by validation (issue 19); the writers must still be safe.
        expect(errors).toEqual([expect.stringContaining('Tecknet U+0001 får inte finnas i modellen')]);
        const page = renderHtml(buildDescriptionDocument(models, { title: 'T </title><script>alert(0)</script>' }));
        expect(page).not.toMatch(/<script|<svg|<img|<a href="javascript|<style>body|<b>|<i>|<[^>]*\son[a-z]+=/i);
        expect(page).toContain('&lt;script&gt;alert(5)&lt;/script&gt;');
        expect(page).toContain('<title>T &lt;/title&gt;&lt;script&gt;alert(0)&lt;/script&gt;</title>');
        expect(page).toContain('Kommentar &#39;&quot; &lt;');
        expect(page).not.toContain('\u0001');
    });
});
