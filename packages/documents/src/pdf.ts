/**
 * The PDF rendering: tagged PDF/UA-1 with a real structure tree, embedded DejaVu fonts, bookmarks and
 * A4 pages. pdfkit's own table cannot split a row across pages or repeat a header, and the indicator
 * tables need both, so this module lays the document out itself in two steps:
 *
 * 1. layout: text is measured and broken into lines, lines are placed on pages as marks that belong
 *    either to a structure element (H2, P, TH, TD, LBody …) or to an artifact (borders, shading,
 *    footers, repeated table headers);
 * 2. paint: pages are drawn in order, each mark as one marked-content sequence tied to its element.
 *
 * Laying out first also gives the table of contents its page numbers without rendering twice.
 */
import PDFDocumentModule from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import {
    type BulletList,
    type DataTable,
    type DescriptionDocument,
    type DocumentSection,
    type Figure,
    type IndicatorEntry,
    type Paragraph,
    columnAlign,
    columnShares,
    startsNewPage,
} from './model.js';
import { type FontStyle, fontPath } from './fonts.js';
import { escapeXml } from './text.js';
import { PAGE, SIZES, css } from './theme.js';

// ---------------------------------------------------------------- pdfkit, as far as it is used here

interface StructElement {
    add(child: StructElement | StructContent): StructElement;
    end(): void;
    dictionary: { data: Record<string, unknown> };
}
type StructContent = object;

interface OutlineItem {
    addItem(
        title: string,
        options?: { fit?: boolean; top?: number; left?: number; zoom?: number; expanded?: boolean },
    ): OutlineItem;
}

interface Pdf {
    info: Record<string, unknown>;
    outline: OutlineItem;
    page: { width: number; height: number };
    on(event: 'data', listener: (chunk: Uint8Array) => void): void;
    on(event: 'end' | 'error', listener: (arg?: unknown) => void): void;
    registerFont(name: string, src: string): Pdf;
    font(name: string): Pdf;
    fontSize(size: number): Pdf;
    fillColor(color: string): Pdf;
    strokeColor(color: string): Pdf;
    lineWidth(width: number): Pdf;
    widthOfString(text: string): number;
    text(text: string, x: number, y: number, options: { lineBreak: false }): Pdf;
    rect(x: number, y: number, w: number, h: number): Pdf;
    moveTo(x: number, y: number): Pdf;
    lineTo(x: number, y: number): Pdf;
    fill(color?: string): Pdf;
    stroke(color?: string): Pdf;
    addPage(): Pdf;
    addNamedDestination(name: string, ...args: unknown[]): void;
    goTo(x: number, y: number, w: number, h: number, name: string, options: Record<string, unknown>): Pdf;
    struct(type: string, options?: { alt?: string }): StructElement;
    addStructure(element: StructElement): Pdf;
    markStructureContent(tag: string): StructContent;
    markContent(tag: string, options?: { type?: string }): Pdf;
    endMarkedContent(): Pdf;
    endMetadata(): void;
    end(): void;
}

const PDFDocument = PDFDocumentModule as unknown as new (options: Record<string, unknown>) => Pdf;

// ---------------------------------------------------------------- page geometry and styles

const PAGE_WIDTH = PAGE.width;
const PAGE_HEIGHT = PAGE.height;
const LEFT = PAGE.margin.left;
const RIGHT = PAGE_WIDTH - PAGE.margin.right;
const TOP = PAGE.margin.top;
const BOTTOM = PAGE_HEIGHT - PAGE.margin.bottom;
const WIDTH = RIGHT - LEFT;

const ACCENT = css('accent');
const BAND = css('band');
const LABEL_FILL = css('labelFill');
const RULE = css('rule');
const TEXT = css('text');
const MUTED = css('muted');
const WHITE = css('white');

interface TextStyle {
    font: FontStyle;
    size: number;
    leading: number;
    color: string;
}

const STYLE = {
    body: { font: 'regular', size: SIZES.body, leading: 13.5, color: TEXT },
    cell: { font: 'regular', size: SIZES.cell, leading: 12, color: TEXT },
    cellStrong: { font: 'bold', size: SIZES.cell, leading: 12, color: TEXT },
    label: { font: 'bold', size: SIZES.cell, leading: 12, color: TEXT },
    title: { font: 'bold', size: SIZES.title, leading: 33, color: ACCENT },
    subtitle: { font: 'regular', size: SIZES.subtitle, leading: 19, color: TEXT },
    h2: { font: 'bold', size: SIZES.heading1, leading: 22, color: ACCENT },
    h3: { font: 'bold', size: SIZES.heading2, leading: 16.5, color: ACCENT },
    h4: { font: 'bold', size: SIZES.heading3, leading: 15, color: ACCENT },
    indicatorName: { font: 'bold', size: SIZES.indicatorName, leading: 14, color: WHITE },
    areas: { font: 'bold', size: SIZES.cell, leading: 12, color: TEXT },
    caption: { font: 'bold', size: SIZES.caption, leading: 13, color: TEXT },
    toc: { font: 'regular', size: SIZES.body, leading: 15, color: TEXT },
    tocStrong: { font: 'bold', size: SIZES.body, leading: 15, color: TEXT },
    colophon: { font: 'regular', size: SIZES.cell, leading: 12.5, color: TEXT },
    footer: { font: 'regular', size: SIZES.footer, leading: 10, color: MUTED },
} satisfies Record<string, TextStyle>;

const CELL_PAD = 4;
const LABEL_WIDTH = 128;
const PARAGRAPH_GAP = 6;
const CELL_PARAGRAPH_GAP = 4.5;
const BULLET_INDENT = 11;
const NUMBER_INDENT = 17;

/** How each face is named to pdfkit.font(); set up by renderPdf. */
const FONT_KEY: Record<FontStyle, string> = { regular: 'regular', bold: 'bold', italic: 'italic' };

// ---------------------------------------------------------------- layout model

/** An element of the structure tree as laid out; painted into a pdfkit element later. */
interface StructNode {
    type: string;
    scope?: 'Row' | 'Column';
    colSpan?: number;
    /** The text that replaces a Figure. */
    alt?: string;
    children: StructNode[];
    element?: StructElement;
    /** How many marks still have to be painted; a Link is ended after its last one. */
    pendingMarks: number;
}

type Op =
    | { t: 'text'; x: number; y: number; text: string; style: TextStyle }
    | { t: 'pageref'; right: number; y: number; dest: string; style: TextStyle }
    /** Dot leaders from `from` up to the page number of `dest` set flush right at `right`. */
    | { t: 'leader'; from: number; right: number; y: number; dest: string; style: TextStyle }
    | { t: 'rect'; x: number; y: number; w: number; h: number; color: string }
    | { t: 'frame'; x: number; y: number; w: number; h: number; color: string; width: number }
    | { t: 'line'; x1: number; y1: number; x2: number; y2: number; color: string; width: number }
    | { t: 'link'; x: number; y: number; w: number; h: number; dest: string; label: string }
    | { t: 'svg'; x: number; y: number; w: number; h: number; svg: string };

/** Drawing that belongs to one structure element, or to an artifact when node is undefined. */
interface Mark {
    node?: StructNode;
    artifact?: 'Pagination' | 'Layout';
    ops: Op[];
}

interface Destination {
    id: string;
    y: number;
    outline?: { title: string; parent?: string };
}

interface LaidOutPage {
    marks: Mark[];
    destinations: Destination[];
    /** Pages other than the title page carry the running footer. */
    footer: boolean;
}

/** One line of a block: its height, the space before it, and its marks relative to the line's top-left. */
interface Line {
    height: number;
    before: number;
    marks: Mark[];
}

function node(type: string, parent: StructNode | undefined, extra: Partial<StructNode> = {}): StructNode {
    const n: StructNode = { type, children: [], pendingMarks: 0, ...extra };
    parent?.children.push(n);
    return n;
}

function shift(op: Op, dx: number, dy: number): Op {
    switch (op.t) {
        case 'text':
            return { ...op, x: op.x + dx, y: op.y + dy };
        case 'pageref':
            return { ...op, right: op.right + dx, y: op.y + dy };
        case 'leader':
            return { ...op, from: op.from + dx, right: op.right + dx, y: op.y + dy };
        case 'rect':
        case 'frame':
        case 'link':
        case 'svg':
            return { ...op, x: op.x + dx, y: op.y + dy };
        case 'line':
            return { ...op, x1: op.x1 + dx, y1: op.y1 + dy, x2: op.x2 + dx, y2: op.y2 + dy };
    }
}

/**
 * Text widths from per-character advance widths, measured once per character and face. Kerning is
 * left out, which can only make a measured line a little wider than it is drawn, never narrower.
 */
class Measure {
    private readonly advances = new Map<string, number>();
    private current?: FontStyle;

    constructor(private readonly pdf: Pdf) {}

    width(text: string, style: TextStyle): number {
        let unit = 0;
        for (const ch of text) {
            const key = `${style.font}${ch}`;
            let advance = this.advances.get(key);
            if (advance === undefined) {
                if (this.current !== style.font) {
                    this.pdf.font(FONT_KEY[style.font]).fontSize(1000);
                    this.current = style.font;
                }
                advance = this.pdf.widthOfString(ch) / 1000;
                this.advances.set(key, advance);
            }
            unit += advance;
        }
        return unit * style.size;
    }

    /** Greedy line breaking on spaces; a word longer than the line is broken between characters. */
    wrap(text: string, style: TextStyle, width: number): string[] {
        const lines: string[] = [];
        const space = this.width(' ', style);
        let line = '';
        let lineWidth = 0;
        for (const word of text.split(' ')) {
            if (word.length === 0) continue;
            let w = this.width(word, style);
            if (line && lineWidth + space + w <= width) {
                line += ` ${word}`;
                lineWidth += space + w;
                continue;
            }
            // A wrapped line keeps its trailing space, so that text extracted or read aloud
            // from the tagged content does not run the last word of a line into the next.
            if (line) lines.push(`${line} `);
            if (w <= width) {
                line = word;
                lineWidth = w;
                continue;
            }
            // Break an overlong word (a URL, base64, a long compound) into pieces that fit.
            const pieces = this.breakWord(word, style, width);
            lines.push(...pieces.slice(0, -1));
            line = pieces[pieces.length - 1];
            w = this.width(line, style);
            lineWidth = w;
        }
        if (line) lines.push(line);
        return lines.length > 0 ? lines : [''];
    }

    /**
     * A word wider than the line, in pieces that fit: one pass over its characters (grapheme
     * clusters, so an accent stays with its letter), adding each one's width, so a pasted
     * 100,000-character URL costs as much as 100,000 characters of text, not their square.
     */
    breakWord(word: string, style: TextStyle, width: number): string[] {
        const pieces: string[] = [];
        let piece = '';
        let pieceWidth = 0;
        for (const { segment } of GRAPHEMES.segment(word)) {
            const w = this.width(segment, style);
            if (piece && pieceWidth + w > width) {
                pieces.push(piece);
                piece = '';
                pieceWidth = 0;
            }
            piece += segment;
            pieceWidth += w;
        }
        if (piece || pieces.length === 0) pieces.push(piece);
        return pieces;
    }
}

const GRAPHEMES = new Intl.Segmenter('sv', { granularity: 'grapheme' });

/** pdfkit places text by the top of its line box; the glyphs are centred in the leading. */
function textTop(style: TextStyle): number {
    return (style.leading - style.size * 1.16) / 2;
}

function textOp(x: number, text: string, style: TextStyle): Op {
    return { t: 'text', x, y: textTop(style), text, style };
}

// ---------------------------------------------------------------- layout

class Layout {
    readonly pages: LaidOutPage[] = [];
    readonly root = node('Document', undefined);
    private page!: LaidOutPage;
    y: number = TOP;
    /** Called after a page break inside a table, to draw the repeated header; returns its height. */
    private repeatHeader?: () => void;

    constructor(
        private readonly measure: Measure,
        private readonly doc: DescriptionDocument,
    ) {}

    newPage(footer = true): void {
        this.page = { marks: [], destinations: [], footer };
        this.pages.push(this.page);
        this.y = TOP;
        this.repeatHeader?.();
    }

    get pageIndex(): number {
        return this.pages.length - 1;
    }

    private push(mark: Mark, dx: number, dy: number): void {
        const ops = mark.ops.map((op) => shift(op, dx, dy));
        const last = this.page.marks[this.page.marks.length - 1];
        // Consecutive lines of one element on one page become one marked-content sequence.
        if (last && mark.node && last.node === mark.node) last.ops.push(...ops);
        else this.page.marks.push({ node: mark.node, artifact: mark.artifact, ops });
    }

    place(line: Line, x: number, y: number): void {
        for (const mark of line.marks) this.push(mark, x, y);
    }

    artifact(ops: Op[], kind: 'Pagination' | 'Layout' = 'Layout'): void {
        this.page.marks.push({ artifact: kind, ops });
    }

    /** A placeholder for shading that has to be painted under text whose extent is not known yet. */
    reserveArtifact(): Mark {
        const mark: Mark = { artifact: 'Layout', ops: [] };
        this.page.marks.push(mark);
        return mark;
    }

    destination(id: string, outline?: Destination['outline']): void {
        this.page.destinations.push({ id, y: this.y, outline });
    }

    fits(height: number): boolean {
        return this.y + height <= BOTTOM;
    }

    /**
     * Places block lines at the left margin, keeping the first `keep` lines together and the last two
     * (no last line or list item alone at the top of a page).
     */
    flow(lines: Line[], x = LEFT, keep = 2): void {
        const head = lines.slice(0, keep).reduce((h, l, i) => h + l.height + (i === 0 ? l.before : 0), 0);
        if (!this.fits(head) && this.y > TOP) this.newPage();
        for (const [index, line] of lines.entries()) {
            const before = this.y === TOP ? 0 : line.before;
            const last = lines[index + 1];
            const tail =
                index === lines.length - 2 && index >= keep && last ? before + line.height + last.before + last.height : 0;
            if (!this.fits(before + line.height) || (tail > 0 && !this.fits(tail) && this.y > TOP)) this.newPage();
            this.y += this.y === TOP ? 0 : line.before;
            this.place(line, x, this.y);
            this.y += line.height;
        }
    }

    // ------------------------------------------------------------ blocks as lines

    textLines(parent: StructNode, type: string, text: string, style: TextStyle, width: number, before: number): Line[] {
        const n = node(type, parent);
        return this.measure.wrap(text, style, width).map((t, i) => ({
            height: style.leading,
            before: i === 0 ? before : 0,
            marks: [{ node: n, ops: [textOp(0, t, style)] }],
        }));
    }

    listLines(parent: StructNode, list: BulletList, style: TextStyle, width: number, before: number): Line[] {
        const l = node('L', parent);
        const lines: Line[] = [];
        list.items.forEach((item, index) => {
            const li = node('LI', l);
            const label = node('Lbl', li);
            const body = node('LBody', li);
            const owner = item.target ? node('Link', body) : body;
            const indent = list.numbered ? NUMBER_INDENT : BULLET_INDENT;
            const texts = this.measure.wrap(item.text, style, width - indent);
            texts.forEach((t, i) => {
                const ops: Op[] = [textOp(indent, t, style)];
                if (item.target) {
                    ops.push({
                        t: 'link',
                        x: indent,
                        y: 0,
                        w: this.measure.width(t, style),
                        h: style.leading,
                        dest: item.target,
                        label: item.text,
                    });
                }
                const marks: Mark[] =
                    i === 0 ? [{ node: label, ops: [textOp(0, list.numbered ? `${index + 1})` : '•', style)] }] : [];
                marks.push({ node: owner, ops });
                lines.push({ height: style.leading, before: i === 0 ? (index === 0 ? before : 2) : 0, marks });
            });
        });
        return lines;
    }

    cellBlockLines(parent: StructNode, blocks: Array<Paragraph | BulletList>, width: number): Line[] {
        const lines: Line[] = [];
        blocks.forEach((block, i) => {
            const before = i === 0 ? 0 : CELL_PARAGRAPH_GAP;
            if (block.kind === 'paragraph') {
                lines.push(
                    ...this.textLines(
                        parent,
                        'P',
                        block.text,
                        block.emphasis === 'strong' ? STYLE.cellStrong : STYLE.cell,
                        width,
                        before,
                    ),
                );
            } else {
                lines.push(...this.listLines(parent, block, STYLE.cell, width, before));
            }
        });
        return lines;
    }

    // ------------------------------------------------------------ document parts

    titlePage(): void {
        this.newPage(false);
        const sect = node('Sect', this.root);
        this.y = 250;
        this.artifact([{ t: 'rect', x: LEFT, y: this.y - 24, w: 64, h: 5, color: ACCENT }]);
        this.flow(this.textLines(sect, 'H1', this.doc.title, STYLE.title, WIDTH, 0));
        if (this.doc.subtitle) this.flow(this.textLines(sect, 'P', this.doc.subtitle, STYLE.subtitle, WIDTH, 14));
        this.flow(this.textLines(sect, 'P', this.doc.publisher, STYLE.body, WIDTH, 22));
    }

    /** The colophon on the page after the title page, set at the foot of the page as printed. */
    colophon(): void {
        const paragraphs = this.doc.colophon ?? [];
        if (paragraphs.length === 0) return;
        this.newPage(false);
        const sect = node('Sect', this.root);
        const lines = paragraphs.flatMap((text, i) =>
            this.textLines(sect, 'P', text, STYLE.colophon, WIDTH * 0.8, i === 0 ? 0 : PARAGRAPH_GAP),
        );
        const height = lines.reduce((h, l, i) => h + l.height + (i === 0 ? 0 : l.before), 0);
        this.y = Math.max(TOP, BOTTOM - height);
        this.flow(lines, LEFT, 99);
    }

    contents(): void {
        if (this.doc.contents === false) return;
        this.newPage();
        const sect = node('Sect', this.root);
        this.destination('innehall', { title: 'Innehåll' });
        this.flow(this.textLines(sect, 'H2', 'Innehåll', STYLE.h2, WIDTH, 0));
        this.y += 8;
        const toc = node('TOC', sect);
        const entry = (id: string, title: string, indent: number, style: TextStyle) => {
            const item = node('TOCI', toc);
            const link = node('Link', item);
            const numberWidth = 34;
            const texts = this.measure.wrap(title, style, WIDTH - indent - numberWidth - 12);
            texts.forEach((t, i) => {
                const last = i === texts.length - 1;
                const ops: Op[] = [textOp(indent, t, style)];
                if (last) ops.push({ t: 'pageref', right: WIDTH, y: textTop(style), dest: id, style });
                ops.push({ t: 'link', x: indent, y: 0, w: WIDTH - indent, h: style.leading, dest: id, label: title });
                const marks: Mark[] = [{ node: link, ops }];
                if (last) {
                    // Dot leaders are decoration: an artifact between the title and the page number,
                    // run up to the number once it is known (when the pages are painted).
                    const leader = { ...style, color: MUTED };
                    marks.push({
                        artifact: 'Layout',
                        ops: [
                            {
                                t: 'leader',
                                from: indent + this.measure.width(t, style) + 4,
                                right: WIDTH,
                                y: textTop(style),
                                dest: id,
                                style: leader,
                            },
                        ],
                    });
                }
                this.flow([{ height: style.leading, before: i === 0 && indent === 0 ? 4 : 0, marks }], LEFT, 1);
            });
        };
        for (const section of this.doc.sections) {
            entry(section.id, section.title, 0, STYLE.tocStrong);
            for (const sub of section.subsections) entry(sub.id, sub.title, 16, STYLE.toc);
        }
    }

    section(section: DocumentSection, parent: StructNode, parentId?: string): void {
        const sect = node('Sect', parent);
        const heading = section.level === 1 ? STYLE.h2 : STYLE.h3;
        // Headings below the section's own: H3 in a top-level section, H4 in a subsection.
        const inner = section.level === 1 ? 'H3' : 'H4';
        const innerStyle = section.level === 1 ? STYLE.h3 : STYLE.h4;
        // A section that starts a page does (the first, one of indicators, or as the author says); a
        // short section follows on the same page when its heading and a few lines fit.
        const space = section.level === 1 ? 30 : 14;
        if (
            this.pages.length === 0 ||
            startsNewPage(section, section === this.doc.sections[0]) ||
            !this.fits(space + heading.leading * 2 + 3 * STYLE.body.leading)
        ) {
            this.newPage();
        } else if (this.y > TOP) {
            this.y += space;
        }
        this.destination(section.id, { title: section.title, parent: parentId });
        this.flow(this.textLines(sect, section.level === 1 ? 'H2' : 'H3', section.title, heading, WIDTH, 0), LEFT, 99);
        this.y += section.level === 1 ? 6 : 2;
        for (const [index, content] of section.content.entries()) {
            switch (content.kind) {
                case 'paragraph':
                    this.flow(
                        this.textLines(
                            sect,
                            'P',
                            content.text,
                            content.emphasis ? { ...STYLE.body, font: 'bold' } : STYLE.body,
                            WIDTH,
                            PARAGRAPH_GAP,
                        ),
                    );
                    break;
                case 'list':
                    this.flow(this.listLines(sect, content, STYLE.body, WIDTH, PARAGRAPH_GAP));
                    break;
                case 'heading': {
                    const lines = this.textLines(sect, inner, content.text, innerStyle, WIDTH, 14);
                    // A heading stays with what follows it: the paragraphs up to the next table or
                    // heading (a question and its legend) and the start of that table, or two lines.
                    const next: number[] = [];
                    for (const c of section.content.slice(index + 1)) {
                        if (c.kind !== 'paragraph') {
                            if (c.kind === 'table') next.push(60);
                            break;
                        }
                        next.push(this.measure.wrap(c.text, STYLE.body, WIDTH).length * STYLE.body.leading + PARAGRAPH_GAP);
                    }
                    const following = next.reduce((a, b) => a + b, 0);
                    const keep = following > 0 && following < (BOTTOM - TOP) / 3 ? following : 2 * STYLE.body.leading;
                    if (this.y > TOP && !this.fits(14 + lines.length * innerStyle.leading + keep)) this.newPage();
                    this.flow(lines, LEFT, 99);
                    break;
                }
                case 'table':
                    this.dataTable(content, sect);
                    break;
                case 'figure':
                    this.figure(content, sect);
                    break;
                case 'indicator':
                    this.indicator(content, sect, section.id, inner);
                    break;
            }
        }
        for (const sub of section.subsections) this.section(sub, sect, section.id);
    }

    /** A chart: a Figure element carrying the alt text, scaled to the text width, and its caption below. */
    figure(figure: Figure, parent: StructNode): void {
        const caption = this.measure.wrap(figure.caption, STYLE.caption, WIDTH);
        const captionHeight = caption.length * STYLE.caption.leading + 4;
        // CSS pixels to points, made smaller only when the figure would not fit the text width or a page.
        const scale = Math.min(0.75, WIDTH / figure.width, (BOTTOM - TOP - 10 - captionHeight) / figure.height);
        const w = figure.width * scale;
        const h = figure.height * scale;
        this.y += 10;
        if (!this.fits(h + captionHeight) && this.y > TOP + 10) this.newPage();
        this.destination(figure.id);
        this.page.marks.push({
            node: node('Figure', parent, { alt: figure.alt }),
            ops: [{ t: 'svg', x: LEFT, y: this.y, w, h, svg: figure.svg }],
        });
        this.y += h + 4;
        this.flow(this.textLines(parent, 'P', figure.caption, STYLE.caption, WIDTH, 0), LEFT, 99);
    }

    /** A small table with a header row (repeated on later pages) and a row-header column. */
    dataTable(table: DataTable, parent: StructNode): void {
        const t = node('Table', parent);
        const widths = columnShares(table).map((share) => WIDTH * share);
        const xs = widths.map((_w, i) => widths.slice(0, i).reduce((a, b) => a + b, 0));
        const caption = node('Caption', t);
        this.y += 10;
        const captionLines = this.measure.wrap(table.caption, STYLE.caption, WIDTH);
        const headStyle = STYLE.label;
        const headLines = table.columns.map((c, i) => this.measure.wrap(c, headStyle, widths[i] - 2 * CELL_PAD));
        const headHeight = Math.max(...headLines.map((l) => l.length)) * headStyle.leading + 2 * CELL_PAD;
        if (!this.fits(captionLines.length * STYLE.caption.leading + headHeight + 2 * STYLE.cell.leading + 4 * CELL_PAD))
            this.newPage();
        for (const line of captionLines) {
            this.place(
                { height: STYLE.caption.leading, before: 0, marks: [{ node: caption, ops: [textOp(0, line, STYLE.caption)] }] },
                LEFT,
                this.y,
            );
            this.y += STYLE.caption.leading;
        }
        this.y += 3;
        const thead = node('THead', t);
        const tr = node('TR', thead);
        const headCells = table.columns.map(() => node('P', node('TH', tr, { scope: 'Column' })));
        const drawHead = (asArtifact: boolean) => {
            this.artifact([
                { t: 'rect', x: LEFT, y: this.y, w: WIDTH, h: headHeight, color: BAND },
                ...xs.map((x, i): Op => ({
                    t: 'frame',
                    x: LEFT + x,
                    y: this.y,
                    w: widths[i],
                    h: headHeight,
                    color: RULE,
                    width: 0.6,
                })),
            ]);
            headLines.forEach((lines, i) =>
                lines.forEach((text, j) => {
                    const centred =
                        columnAlign(table, i) === 'center'
                            ? (widths[i] - 2 * CELL_PAD - this.measure.width(text, headStyle)) / 2
                            : 0;
                    const ops = [
                        shift(
                            textOp(0, text, headStyle),
                            LEFT + xs[i] + CELL_PAD + centred,
                            this.y + CELL_PAD + j * headStyle.leading,
                        ),
                    ];
                    if (asArtifact) this.artifact(ops, 'Pagination');
                    else this.page.marks.push({ node: headCells[i], ops });
                }),
            );
            this.y += headHeight;
        };
        drawHead(false);
        this.repeatHeader = () => drawHead(true);
        const tbody = node('TBody', t);
        for (const row of table.rows) {
            const r = node('TR', tbody);
            const cells = row.map((text, i) => {
                const cellNode = node(i === 0 ? 'TH' : 'TD', r, i === 0 ? { scope: 'Row' } : {});
                const style = i === 0 ? STYLE.cell : STYLE.cell;
                const lines = this.measure.wrap(text, style, widths[i] - 2 * CELL_PAD);
                return { p: node('P', cellNode), lines, style };
            });
            const height = Math.max(...cells.map((c) => c.lines.length)) * STYLE.cell.leading + 2 * CELL_PAD;
            if (!this.fits(height)) this.newPage();
            this.artifact(
                xs.map((x, i): Op => ({ t: 'frame', x: LEFT + x, y: this.y, w: widths[i], h: height, color: RULE, width: 0.6 })),
            );
            cells.forEach((cell, i) =>
                cell.lines.forEach((text, j) => {
                    // Numbers are right-aligned so that they line up (the default for every column but the first).
                    const align = columnAlign(table, i);
                    const free = widths[i] - 2 * CELL_PAD - this.measure.width(text, cell.style);
                    const x = LEFT + xs[i] + CELL_PAD + (align === 'right' ? free : align === 'center' ? free / 2 : 0);
                    this.page.marks.push({
                        node: cell.p,
                        ops: [shift(textOp(0, text, cell.style), x, this.y + CELL_PAD + j * cell.style.leading)],
                    });
                }),
            );
            this.y += height;
        }
        this.repeatHeader = undefined;
        this.y += 6;
    }

    /** An indicator as its published table; the name and area rows repeat on every page it spans. */
    indicator(entry: IndicatorEntry, parent: StructNode, sectionId: string, headingType = 'H3'): void {
        const sect = node('Sect', parent);
        const table = node('Table', sect);
        const thead = node('THead', table);
        const nameCell = node('TH', node('TR', thead), { scope: 'Column', colSpan: 2 });
        const heading = node(headingType, nameCell);
        const areasCell = entry.areas ? node('TD', node('TR', thead), { colSpan: 2 }) : undefined;
        const areasNode = areasCell ? node('P', areasCell) : undefined;

        const nameLines = this.measure.wrap(entry.heading, STYLE.indicatorName, WIDTH - 2 * CELL_PAD - 2);
        const nameHeight = nameLines.length * STYLE.indicatorName.leading + 2 * CELL_PAD + 2;
        const areaLines = entry.areas ? this.measure.wrap(entry.areas, STYLE.areas, WIDTH - 2 * CELL_PAD) : [];
        const areasHeight = areaLines.length > 0 ? areaLines.length * STYLE.areas.leading + 2 * CELL_PAD : 0;

        const drawHeader = (asArtifact: boolean) => {
            this.artifact([
                { t: 'rect', x: LEFT, y: this.y, w: WIDTH, h: nameHeight, color: ACCENT },
                ...(areasHeight > 0
                    ? [
                          { t: 'rect', x: LEFT, y: this.y + nameHeight, w: WIDTH, h: areasHeight, color: BAND } as Op,
                          {
                              t: 'frame',
                              x: LEFT,
                              y: this.y + nameHeight,
                              w: WIDTH,
                              h: areasHeight,
                              color: RULE,
                              width: 0.6,
                          } as Op,
                      ]
                    : []),
            ]);
            const put = (n: StructNode | undefined, ops: Op[]) => {
                if (asArtifact || !n) this.artifact(ops, 'Pagination');
                else this.page.marks.push({ node: n, ops });
            };
            nameLines.forEach((t, i) =>
                put(heading, [
                    shift(
                        textOp(0, t, STYLE.indicatorName),
                        LEFT + CELL_PAD + 1,
                        this.y + CELL_PAD + 1 + i * STYLE.indicatorName.leading,
                    ),
                ]),
            );
            areaLines.forEach((t, i) =>
                put(areasNode, [
                    shift(textOp(0, t, STYLE.areas), LEFT + CELL_PAD, this.y + nameHeight + CELL_PAD + i * STYLE.areas.leading),
                ]),
            );
            this.y += nameHeight + areasHeight;
        };

        const tbody = node('TBody', table);
        const contentWidth = WIDTH - LABEL_WIDTH - 2 * CELL_PAD;
        const rows = entry.rows.map((row) => {
            const tr = node('TR', tbody);
            const th = node('TH', tr, { scope: 'Row' });
            const td = node('TD', tr);
            return {
                text: row.label,
                label: this.textLines(th, 'P', row.label, STYLE.label, LABEL_WIDTH - 2 * CELL_PAD, 0),
                content: this.cellBlockLines(td, row.blocks, contentWidth),
            };
        });

        // Start on a new page unless the header and the start of the first row fit here.
        const first = rows[0];
        const firstHeight = first
            ? Math.max(first.label.length, Math.min(3, first.content.length)) * STYLE.cell.leading + 2 * CELL_PAD
            : 0;
        if (this.y > TOP && !this.fits(18 + nameHeight + areasHeight + firstHeight)) this.newPage();
        else if (this.y > TOP) this.y += 18;
        this.destination(entry.id, { title: entry.heading, parent: sectionId });
        drawHeader(false);
        this.repeatHeader = () => drawHeader(true);

        for (const row of rows) this.tableRow(row.text, row.label, row.content);
        this.repeatHeader = undefined;
    }

    /** One label/content row; it may continue on following pages, below the repeated header. */
    private tableRow(labelText: string, label: Line[], content: Line[]): void {
        const labelHeight = label.reduce((h, l) => h + l.height, 0);
        const headContent = content.slice(0, 2).reduce((h, l, i) => h + l.height + (i === 0 ? 0 : l.before), 0);
        if (!this.fits(Math.max(labelHeight, headContent) + 2 * CELL_PAD)) this.newPage();
        let shading = this.reserveArtifact();
        let top = this.y;
        let cy = top + CELL_PAD;
        let labelBottom = cy;
        for (const line of label) {
            this.place(line, LEFT + CELL_PAD, labelBottom);
            labelBottom += line.height;
        }
        const close = (bottom: number) => {
            shading.ops.push(
                { t: 'rect', x: LEFT, y: top, w: LABEL_WIDTH, h: bottom - top, color: LABEL_FILL },
                { t: 'frame', x: LEFT, y: top, w: WIDTH, h: bottom - top, color: RULE, width: 0.6 },
                { t: 'line', x1: LEFT + LABEL_WIDTH, y1: top, x2: LEFT + LABEL_WIDTH, y2: bottom, color: RULE, width: 0.6 },
            );
        };
        // Lines of one paragraph share its structure node: a paragraph is not left with one line
        // alone at the foot of a page (its first) or at the top of the next (its last).
        const owner = (line: Line | undefined) => line?.marks[line.marks.length - 1]?.node;
        const fitsHere = (line: Line, at: number) =>
            at + (at === top + CELL_PAD ? 0 : line.before) + line.height + CELL_PAD <= BOTTOM;
        for (const [index, line] of content.entries()) {
            const before = cy === top + CELL_PAD ? 0 : line.before;
            const next = content[index + 1];
            const afterNext = content[index + 2];
            const placedHere = cy > top + CELL_PAD;
            const sameAsNext = next !== undefined && owner(next) === owner(line) && next.before === 0;
            const firstOfParagraph = index === 0 || owner(content[index - 1]) !== owner(line) || line.before > 0;
            const nextIsLast =
                sameAsNext && (afterNext === undefined || owner(afterNext) !== owner(next) || afterNext.before > 0);
            const nextFits = next !== undefined && fitsHere(next, cy + before + line.height);
            const keepWithNext = placedHere && sameAsNext && !nextFits && (firstOfParagraph || nextIsLast);
            if (cy + before + line.height + CELL_PAD > BOTTOM || keepWithNext) {
                close(Math.max(cy, labelBottom) + CELL_PAD);
                this.newPage();
                shading = this.reserveArtifact();
                top = this.y;
                cy = top + CELL_PAD;
                labelBottom = cy;
                // The label again, marked as continued: a reading aid, not content (an artifact).
                for (const text of this.measure.wrap(
                    `${labelText} (forts.)`,
                    { ...STYLE.label, font: 'regular', color: MUTED },
                    LABEL_WIDTH - 2 * CELL_PAD,
                )) {
                    this.artifact(
                        [shift(textOp(0, text, { ...STYLE.label, font: 'regular', color: MUTED }), LEFT + CELL_PAD, labelBottom)],
                        'Pagination',
                    );
                    labelBottom += STYLE.label.leading;
                }
                this.place(line, LEFT + LABEL_WIDTH + CELL_PAD, cy);
                cy += line.height;
                continue;
            }
            cy += before;
            this.place(line, LEFT + LABEL_WIDTH + CELL_PAD, cy);
            cy += line.height;
        }
        const bottom = Math.max(cy, labelBottom) + CELL_PAD;
        close(bottom);
        this.y = bottom;
    }

    footers(): void {
        this.pages.forEach((page, index) => {
            if (!page.footer) return;
            const y = PAGE_HEIGHT - PAGE.footer - 14;
            const number = String(index + 1);
            page.marks.push({
                artifact: 'Pagination',
                ops: [
                    { t: 'line', x1: LEFT, y1: y - 6, x2: RIGHT, y2: y - 6, color: RULE, width: 0.5 },
                    shift(textOp(0, this.doc.runningTitle, STYLE.footer), LEFT, y),
                    shift(textOp(0, number, STYLE.footer), RIGHT - this.measure.width(number, STYLE.footer), y),
                ],
            });
        });
    }
}

// ---------------------------------------------------------------- paint

function createElements(pdf: Pdf, n: StructNode, parent?: StructElement): void {
    const element = pdf.struct(n.type, n.alt ? { alt: n.alt } : {});
    if (n.scope || n.colSpan) {
        element.dictionary.data.A = {
            O: 'Table',
            ...(n.scope ? { Scope: n.scope } : {}),
            ...(n.colSpan ? { ColSpan: n.colSpan } : {}),
        };
    }
    n.element = element;
    if (parent) parent.add(element);
    else pdf.addStructure(element);
    for (const child of n.children) createElements(pdf, child, element);
}

class Painter {
    private font?: FontStyle;
    private size?: number;
    private color?: string;

    constructor(
        private readonly pdf: Pdf,
        private readonly pageOf: Map<string, number>,
    ) {}

    paint(mark: Mark): void {
        const pdf = this.pdf;
        if (mark.node) {
            const content = pdf.markStructureContent(mark.node.type);
            for (const op of mark.ops) this.op(op, mark.node);
            pdf.endMarkedContent();
            mark.node.element!.add(content);
            // A link is complete after its last mark: end it now, on the page its annotation is on.
            if (--mark.node.pendingMarks === 0 && mark.node.type === 'Link') mark.node.element!.end();
        } else {
            pdf.markContent('Artifact', { type: mark.artifact ?? 'Layout' });
            for (const op of mark.ops) this.op(op);
            pdf.endMarkedContent();
        }
    }

    private setText(style: TextStyle): void {
        if (this.font !== style.font) {
            this.pdf.font(FONT_KEY[style.font]);
            this.font = style.font;
        }
        if (this.size !== style.size) {
            this.pdf.fontSize(style.size);
            this.size = style.size;
        }
        if (this.color !== style.color) {
            this.pdf.fillColor(style.color);
            this.color = style.color;
        }
    }

    private op(op: Op, owner?: StructNode): void {
        const pdf = this.pdf;
        switch (op.t) {
            case 'text':
                this.setText(op.style);
                pdf.text(op.text, op.x, op.y, { lineBreak: false });
                break;
            case 'pageref': {
                this.setText(op.style);
                const text = String((this.pageOf.get(op.dest) ?? 0) + 1);
                pdf.text(text, op.right - pdf.widthOfString(text), op.y, { lineBreak: false });
                break;
            }
            case 'leader': {
                this.setText(op.style);
                const number = pdf.widthOfString(String((this.pageOf.get(op.dest) ?? 0) + 1));
                const dot = pdf.widthOfString('.');
                const end = op.right - number - 4;
                const dots = Math.floor((end - op.from) / dot);
                if (dots > 2) pdf.text('.'.repeat(dots), end - dots * dot, op.y, { lineBreak: false });
                break;
            }
            case 'rect':
                pdf.rect(op.x, op.y, op.w, op.h).fill(op.color);
                this.color = undefined;
                break;
            case 'frame':
                pdf.lineWidth(op.width).rect(op.x, op.y, op.w, op.h).stroke(op.color);
                break;
            case 'line':
                pdf.lineWidth(op.width).moveTo(op.x1, op.y1).lineTo(op.x2, op.y2).stroke(op.color);
                break;
            case 'link':
                pdf.goTo(op.x, op.y, op.w, op.h, op.dest, { structParent: owner?.element, Contents: new String(op.label) });
                break;
            case 'svg':
                // Text in the chart is drawn in the embedded DejaVu faces, never a standard font.
                SVGtoPDF(pdf, op.svg, op.x, op.y, {
                    width: op.w,
                    height: op.h,
                    preserveAspectRatio: 'xMinYMin meet',
                    fontCallback: (_family: string, bold: boolean) => FONT_KEY[bold ? 'bold' : 'regular'],
                });
                this.font = this.size = this.color = undefined;
                break;
        }
    }

    newPage(): void {
        this.font = this.size = this.color = undefined;
    }
}

function countMarks(pages: LaidOutPage[]): void {
    for (const page of pages) for (const mark of page.marks) if (mark.node) mark.node.pendingMarks++;
}

/** Renders the document as a tagged PDF/UA-1 file. The same document gives the same bytes. */
export function renderPdf(doc: DescriptionDocument): Promise<Buffer> {
    const pdf = new PDFDocument({
        size: 'A4',
        margins: { top: TOP, bottom: PAGE_HEIGHT - BOTTOM, left: LEFT, right: PAGE_WIDTH - RIGHT },
        pdfVersion: '1.7',
        tagged: true,
        lang: doc.language,
        displayTitle: true,
        subset: 'PDF/UA',
        autoFirstPage: false,
        font: fontPath('regular'),
        info: {
            Title: doc.title,
            Author: doc.publisher,
            Subject: doc.description,
            Keywords: 'öppna jämförelser, indikatorer',
            Creator: 'oj docs',
            Producer: 'oj docs (PDFKit)',
            CreationDate: doc.date,
            ModDate: doc.date,
        },
    });
    // pdfkit writes the document information into the XMP metadata without escaping it; a title
    // with "&" or "<" would make the metadata invalid XML. Escape the values for that step only.
    const writeMetadata = pdf.endMetadata.bind(pdf);
    pdf.endMetadata = () => {
        const info = pdf.info;
        pdf.info = Object.fromEntries(Object.entries(info).map(([k, v]) => [k, typeof v === 'string' ? escapeXml(v) : v]));
        try {
            writeMetadata();
        } finally {
            pdf.info = info;
        }
    };
    // The regular face is the document's default font, opened under its path; naming it again
    // would make pdfkit open and parse the file on every switch to it (it caches the first name only).
    pdf.registerFont('bold', fontPath('bold'));
    pdf.registerFont('italic', fontPath('italic'));
    FONT_KEY.regular = fontPath('regular');

    const result = new Promise<Buffer>((resolve, reject) => {
        const chunks: Uint8Array[] = [];
        pdf.on('data', (chunk) => chunks.push(chunk));
        pdf.on('end', () => resolve(Buffer.concat(chunks)));
        pdf.on('error', (error) => reject(error));
    });

    const layout = new Layout(new Measure(pdf), doc);
    layout.titlePage();
    layout.colophon();
    layout.contents();
    for (const section of doc.sections) layout.section(section, layout.root);
    layout.footers();

    const pageOf = new Map<string, number>();
    layout.pages.forEach((page, index) => page.destinations.forEach((d) => pageOf.set(d.id, index)));
    countMarks(layout.pages);
    createElements(pdf, layout.root);

    const painter = new Painter(pdf, pageOf);
    const outlines = new Map<string, OutlineItem>();
    for (const page of layout.pages) {
        pdf.addPage();
        painter.newPage();
        for (const dest of page.destinations) {
            pdf.addNamedDestination(dest.id, 'XYZ', 0, dest.y, null);
            if (dest.outline) {
                const parent = (dest.outline.parent && outlines.get(dest.outline.parent)) || pdf.outline;
                // pdfkit measures `left` from the right edge of the page: the page width means x = 0.
                outlines.set(dest.id, parent.addItem(dest.outline.title, { fit: false, top: dest.y, left: PAGE_WIDTH, zoom: 0 }));
            }
        }
        for (const mark of page.marks) painter.paint(mark);
    }
    layout.root.element!.end();
    pdf.end();
    return result;
}
