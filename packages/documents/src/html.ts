/**
 * The HTML rendering of the description document: what the VS Code preview shows. A standalone page
 * carries a strict Content-Security-Policy (no scripts, no remote anything; its one style sheet is
 * allowed by hash or nonce). Every text from the model goes through escapeHtml.
 */
import { createHash } from 'node:crypto';
import {
    type Block,
    type BulletList,
    type DataTable,
    type DescriptionDocument,
    type DocumentSection,
    type Figure,
    type IndicatorEntry,
    type Paragraph,
    columnAlign,
} from './model.js';
import { escapeHtml as esc } from './text.js';
import { FONTS, SIZES, css } from './theme.js';

export interface HtmlOptions {
    /** A whole page (doctype, head, CSP, style) rather than the article alone. Default true. */
    standalone?: boolean;
    /** A nonce the style element carries and the policy allows (a webview passes a fresh one). */
    nonce?: string;
    /** The webview's own source (`webview.cspSource`), allowed for styles, fonts and images. */
    cspSource?: string;
}

/** The style sheet of the page; exported so an embedder of the fragment can use it too. */
export const DOCUMENT_CSS = `
:root { color-scheme: light; --accent: ${css('accent')}; --band: ${css('band')}; --rule: ${css('rule')}; --label: ${css('labelFill')}; --muted: ${css('muted')}; }
body { font-family: ${FONTS.html}; font-size: ${SIZES.body + 1}pt; line-height: 1.45; color: ${css('text')}; background: ${css('white')}; margin: 0; }
article { max-width: 52rem; margin: 0 auto; padding: 1.5rem 1.25rem 4rem; }
.title-page { border-bottom: 3px solid var(--accent); padding: 3rem 0 2rem; margin-bottom: 2rem; }
.title-page h1 { font-size: 2rem; color: var(--accent); margin: 0 0 .5rem; }
.title-page p { margin: .25rem 0; font-size: 1.1rem; }
.colophon { font-size: .85rem; color: var(--muted); border-bottom: 1px solid var(--rule); padding-bottom: 1rem; margin-bottom: 2rem; }
h2 { font-size: 1.5rem; color: var(--accent); margin: 2.5rem 0 .75rem; }
h3 { font-size: 1.15rem; color: var(--accent); margin: 1.75rem 0 .5rem; }
h4 { font-size: 1.05rem; color: var(--accent); margin: 1.5rem 0 .4rem; }
nav ol { list-style: none; padding-left: 0; }
nav li { margin: .2rem 0; }
nav ol ol { padding-left: 1.25rem; }
ol.numbered > li::marker { content: counter(list-item) ") "; }
a { color: ${css('link')}; }
a:focus { outline: 2px solid ${css('link')}; outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0 1.5rem; }
caption { text-align: left; font-weight: bold; padding-bottom: .4rem; }
th, td { border: 1px solid var(--rule); padding: .35rem .5rem; vertical-align: top; text-align: left; }
thead th { background: var(--band); }
td.number { text-align: right; }
td.center, th.center { text-align: center; }
table.indicator thead th { background: var(--accent); color: ${css('white')}; }
table.indicator thead th :is(h3, h4) { margin: 0; font-size: 1.1rem; color: ${css('white')}; }
table.indicator thead td { background: var(--band); font-weight: bold; }
table.indicator tbody th { width: 24%; background: var(--label); font-weight: bold; }
table.indicator td p, table.indicator td ul { margin: 0 0 .45rem; }
table.indicator td > :last-child { margin-bottom: 0; }
p.strong { font-weight: bold; }
figure { margin: 1rem 0 .5rem; }
figure img { max-width: 100%; height: auto; }
figcaption { font-weight: bold; font-size: .95rem; padding-top: .3rem; }
section.indicator { scroll-margin-top: 1rem; }
@media print { thead { display: table-header-group; } tr { break-inside: avoid; } }
`.trim();

/** Renders the document as HTML: a full page with CSP by default, else the article fragment. */
export function renderHtml(doc: DescriptionDocument, options: HtmlOptions = {}): string {
    const body = renderArticle(doc);
    if (options.standalone === false) return body;
    const styleHash = createHash('sha256').update(DOCUMENT_CSS).digest('base64');
    const styleSources = [`'sha256-${styleHash}'`];
    if (options.nonce) styleSources.push(`'nonce-${cspToken(options.nonce)}'`);
    const source = options.cspSource ? ` ${cspToken(options.cspSource)}` : '';
    const policy = [
        "default-src 'none'",
        `style-src ${styleSources.join(' ')}${source}`,
        `img-src data:${source}`,
        `font-src${source || " 'none'"}`,
        "base-uri 'none'",
        "form-action 'none'",
    ].join('; ');
    const nonceAttr = options.nonce ? ` nonce="${esc(options.nonce)}"` : '';
    return `<!DOCTYPE html>
<html lang="${doc.language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(policy)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.title)}</title>
<style${nonceAttr}>${DOCUMENT_CSS}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** A CSP source or nonce may not contain characters that end or split a directive. */
function cspToken(value: string): string {
    if (!/^[A-Za-z0-9+/=:._\-*]+$/.test(value))
        throw new Error(`Ogiltigt värde i Content-Security-Policy: ${JSON.stringify(value)}`);
    return value;
}

function renderArticle(doc: DescriptionDocument): string {
    const out: string[] = [];
    out.push(`<article lang="${doc.language}">`);
    out.push('<header class="title-page">');
    out.push(`<h1>${esc(doc.title)}</h1>`);
    if (doc.subtitle) out.push(`<p>${esc(doc.subtitle)}</p>`);
    out.push(`<p>${esc(doc.publisher)}</p>`);
    out.push('</header>');
    if (doc.colophon && doc.colophon.length > 0) {
        out.push(
            '<section class="colophon" aria-label="Om publikationen">',
            ...doc.colophon.map((t) => `<p>${esc(t)}</p>`),
            '</section>',
        );
    }
    if (doc.contents !== false) {
        out.push('<nav aria-labelledby="innehall">', '<h2 id="innehall">Innehåll</h2>', '<ol>');
        for (const section of doc.sections) {
            out.push(`<li><a href="#${esc(section.id)}">${esc(section.title)}</a>`);
            if (section.subsections.length > 0) {
                out.push(
                    '<ol>',
                    ...section.subsections.map((s) => `<li><a href="#${esc(s.id)}">${esc(s.title)}</a></li>`),
                    '</ol>',
                );
            }
            out.push('</li>');
        }
        out.push('</ol>', '</nav>');
    }
    for (const section of doc.sections) renderSection(section, out);
    out.push('</article>');
    return out.join('\n');
}

function renderSection(section: DocumentSection, out: string[]): void {
    const tag = section.level === 1 ? 'h2' : 'h3';
    // Headings inside the section (and its indicators' names) are one level below its own.
    const inner = section.level === 1 ? 'h3' : 'h4';
    out.push(`<section id="${esc(section.id)}" aria-labelledby="${esc(section.id)}-rubrik">`);
    out.push(`<${tag} id="${esc(section.id)}-rubrik">${esc(section.title)}</${tag}>`);
    for (const content of section.content) {
        if (content.kind === 'indicator') renderIndicator(content, out, inner);
        else if (content.kind === 'heading') out.push(`<${inner}>${esc(content.text)}</${inner}>`);
        else renderBlock(content, out);
    }
    for (const sub of section.subsections) renderSection(sub, out);
    out.push('</section>');
}

function renderBlock(block: Block, out: string[]): void {
    switch (block.kind) {
        case 'paragraph':
            out.push(renderParagraph(block));
            break;
        case 'list':
            out.push(renderList(block));
            break;
        case 'table':
            renderTable(block, out);
            break;
        case 'figure':
            renderFigure(block, out);
            break;
        case 'heading':
            out.push(`<h3>${esc(block.text)}</h3>`);
            break;
    }
}

/**
 * A chart as an image from a data: URL (the page's policy allows img-src data:): the SVG is never
 * parsed as part of the page, so nothing in it can run or restyle the page; alt carries its text.
 */
function renderFigure(figure: Figure, out: string[]): void {
    const src = `data:image/svg+xml;base64,${Buffer.from(figure.svg, 'utf8').toString('base64')}`;
    out.push(
        `<figure id="${esc(figure.id)}">`,
        `<img src="${src}" alt="${esc(figure.alt)}" width="${Math.round(figure.width)}" height="${Math.round(figure.height)}">`,
        `<figcaption>${esc(figure.caption)}</figcaption>`,
        '</figure>',
    );
}

function renderParagraph(p: Paragraph): string {
    return p.emphasis === 'strong' ? `<p class="strong">${esc(p.text)}</p>` : `<p>${esc(p.text)}</p>`;
}

function renderList(list: BulletList): string {
    const items = list.items.map((item) =>
        item.target ? `<li><a href="#${esc(item.target)}">${esc(item.text)}</a></li>` : `<li>${esc(item.text)}</li>`,
    );
    return list.numbered ? `<ol class="numbered">\n${items.join('\n')}\n</ol>` : `<ul>\n${items.join('\n')}\n</ul>`;
}

function renderTable(table: DataTable, out: string[]): void {
    out.push(`<table id="${esc(table.id)}">`, `<caption>${esc(table.caption)}</caption>`);
    // Column widths as attributes, which the page's Content-Security-Policy allows (style attributes it does not).
    if (table.widths)
        out.push(`<colgroup>${table.widths.map((w) => `<col width="${Math.round(w * 1000) / 10}%">`).join('')}</colgroup>`);
    out.push('<thead><tr>');
    // A column of boxes is headed centred over them; numbers and text keep their headers at the left.
    out.push(
        table.columns
            .map((c, i) =>
                columnAlign(table, i) === 'center'
                    ? `<th scope="col" class="center">${esc(c)}</th>`
                    : `<th scope="col">${esc(c)}</th>`,
            )
            .join(''),
    );
    out.push('</tr></thead>', '<tbody>');
    for (const row of table.rows) {
        out.push(
            `<tr><th scope="row">${esc(row[0] ?? '')}</th>${row
                .slice(1)
                .map(
                    (c, i) =>
                        `<td class="${columnAlign(table, i + 1) === 'right' ? 'number' : columnAlign(table, i + 1)}">${esc(c)}</td>`,
                )
                .join('')}</tr>`,
        );
    }
    out.push('</tbody>', '</table>');
}

function renderIndicator(entry: IndicatorEntry, out: string[], tag = 'h3'): void {
    const id = esc(entry.id);
    out.push(`<section class="indicator" id="${id}" aria-labelledby="${id}-rubrik">`);
    out.push('<table class="indicator">', '<thead>');
    out.push(`<tr><th colspan="2" scope="colgroup"><${tag} id="${id}-rubrik">${esc(entry.heading)}</${tag}></th></tr>`);
    if (entry.areas) out.push(`<tr><td colspan="2">${esc(entry.areas)}</td></tr>`);
    out.push('</thead>', '<tbody>');
    for (const row of entry.rows) {
        const cell = row.blocks.map((b) => (b.kind === 'paragraph' ? renderParagraph(b) : renderList(b))).join('\n');
        out.push(`<tr><th scope="row">${esc(row.label)}</th><td>${cell}</td></tr>`);
    }
    out.push('</tbody>', '</table>', '</section>');
}
