/**
 * The page numbers of the Word file's contents, worked out from the document model. docx's own
 * estimator (docx/layout) reads the whole written body back and lays out any document, which takes
 * seconds at real-year size and gives up at the first table row it cannot break as Word would,
 * leaving the later entries blank. The description document has a few kinds of blocks with known
 * formatting, so they are laid out here directly: lines broken with the font's advance widths, line
 * heights in whole twips, the larger of two paragraphs' spacing between them, keep with next and keep
 * lines, widow control, table rows that break between lines under repeated header rows.
 *
 * The file asks for widow control in its paragraph defaults (docx.ts), so that no reader has to
 * assume it, and the running text is laid out with it: no first line of a paragraph alone at the foot
 * of a page, no last line alone at the top of one, a paragraph of two or three lines moved whole.
 * LibreOffice's Word import applies it to running text whether the file asks or not (its PDF of the
 * file is the same either way), and never in table cells, whatever the file asks: it writes widows
 * and orphans 0 on every cell paragraph (as a .fodt export shows). So the paragraphs of a table row
 * here break between any two lines, as LibreOffice breaks them; Word's breaking of rows is unchecked.
 *
 * Where Word and LibreOffice lay the file out differently, this follows LibreOffice, whose layout
 * can be checked here (Word fills the numbers in again when it updates the fields on opening): a
 * heading that starts a page with a page break before it keeps its space before in LibreOffice.
 */
import PDFDocumentModule from 'pdfkit';
import type { IContext, IXmlableObject, PageNumberEstimator } from 'docx';
import {
    type BulletList,
    type DataTable,
    type DescriptionDocument,
    type DocumentSection,
    type IndicatorEntry,
    type Paragraph as TextParagraph,
    startsNewPage,
} from './model.js';

/** The formatting docx.ts writes, in twips and half-points as docx takes them. */
export interface WordFormat {
    page: { height: number };
    margin: { top: number; bottom: number };
    textWidth: number;
    /** Paragraph styles by id, with Normal's as `Normal`: size in half-points, spacing in twips. */
    styles: Record<string, StyleFormat>;
    /** Left indent of a bullet paragraph. */
    bulletIndent: number;
    cellMargins: { top: number; bottom: number; left: number; right: number };
    /** Border width in eighths of a point. */
    borderSize: number;
    labelWidth: number;
    dataTableWidths: (table: DataTable) => number[];
}

export interface StyleFormat {
    size: number;
    bold?: boolean;
    before?: number;
    after?: number;
    /** Auto line spacing in 240ths of a line. */
    line?: number;
    keepNext?: boolean;
    keepLines?: boolean;
    /** No first line of a paragraph alone at the foot of a page, no last line alone at the top of one. */
    widowControl?: boolean;
    indent?: number;
}

// ---------------------------------------------------------------- text

interface Metrics {
    font(name: string): Metrics;
    fontSize(size: number): Metrics;
    widthOfString(text: string): number;
}

const PDFDocument = PDFDocumentModule as unknown as new (options: Record<string, unknown>) => Metrics;

/** Advance widths in ems by face: a table for code points below 256, the rest looked up once each. */
const advances = new Map<boolean, { table: Float64Array; other: Map<string, number> }>();
let metrics: Metrics | undefined;

/**
 * The document is in Arial, whose advance widths are Helvetica's: pdfkit ships Helvetica's metrics.
 * Kerning is left out, as Word leaves it out unless a run asks for it.
 */
function advance(ch: string, bold: boolean): number {
    metrics ??= new PDFDocument({ autoFirstPage: false });
    const w =
        metrics
            .font(bold ? 'Helvetica-Bold' : 'Helvetica')
            .fontSize(1000)
            .widthOfString(ch) / 1000;
    // A character outside pdfkit's encoding measures 0: take an average letter.
    return w > 0 ? w : 0.556;
}

function advancesOf(bold: boolean) {
    let face = advances.get(bold);
    if (!face) {
        const table = new Float64Array(256);
        for (let c = 32; c < 256; c++) table[c] = advance(String.fromCharCode(c), bold);
        face = { table, other: new Map() };
        advances.set(bold, face);
    }
    return face;
}

/** Width of text in points. */
function textWidth(text: string, size: number, bold: boolean): number {
    const { table, other } = advancesOf(bold);
    let em = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c < 256) {
            em += table[c];
            continue;
        }
        let w = other.get(text[i]);
        if (w === undefined) {
            w = advance(text[i], bold);
            other.set(text[i], w);
        }
        em += w;
    }
    return em * size;
}

/**
 * How many lines text breaks into in a width (points), as Word breaks them: after spaces and after
 * a hyphen inside a word, spaces at the end of a line hanging past it, and a word longer than a line
 * broken between characters.
 */
export function lineCount(text: string, size: number, bold: boolean, width: number): number {
    const pieces = text.match(/[^ ]*?-(?=[^ -])|[^ ]+ *| +/g) ?? [];
    let lines = 1;
    let used = 0;
    for (const piece of pieces) {
        const word = piece.trimEnd();
        const w = textWidth(word, size, bold);
        const spaces = textWidth(piece.slice(word.length), size, bold);
        if (used > 0 && used + w > width + 0.01) {
            lines++;
            used = 0;
        }
        if (used === 0 && w > width) {
            // Broken between characters: what is left starts the last line.
            let rest = 0;
            for (const ch of word) {
                const cw = textWidth(ch, size, bold);
                if (rest > 0 && rest + cw > width) {
                    lines++;
                    rest = 0;
                }
                rest += cw;
            }
            used = rest + spaces;
            continue;
        }
        used += w + spaces;
    }
    return lines;
}

/**
 * Text cut after its first `lines` lines as lineCount breaks it: the head and the tail, or undefined
 * where the cut would fall inside a word broken between characters.
 */
export function splitAtLine(
    text: string,
    size: number,
    bold: boolean,
    width: number,
    lines: number,
): [string, string] | undefined {
    const pieces = text.match(/[^ ]*?-(?=[^ -])|[^ ]+ *| +/g) ?? [];
    let line = 1;
    let used = 0;
    let offset = 0;
    for (const piece of pieces) {
        const word = piece.trimEnd();
        const w = textWidth(word, size, bold);
        if (used > 0 && used + w > width + 0.01) {
            if (line === lines) return [text.slice(0, offset).trimEnd(), text.slice(offset)];
            line++;
            used = 0;
        }
        if (used === 0 && w > width) return undefined;
        used += w + textWidth(piece.slice(word.length), size, bold);
        offset += piece.length;
    }
    return undefined;
}

// ---------------------------------------------------------------- blocks

/** Arial's line, ascent and descent and line gap (1854 + 434 + 67 of 2048), which Word makes a single line. */
const ARIAL_LINE = 2355 / 2048;
const TOLERANCE = 0.01;

interface Para {
    kind: 'paragraph';
    lines: number[];
    before: number;
    after: number;
    keepNext: boolean;
    keepLines: boolean;
    widowControl: boolean;
    pageBreakBefore: boolean;
    /** Bookmarks that start in it. */
    marks: string[];
}

interface Row {
    /** The paragraphs of each cell. */
    cells: Para[][];
    cantSplit: boolean;
    header: boolean;
    keepNext: boolean;
    /**
     * The indicator table row it lays out, for the rows a page break splits: its label, and where
     * its content starts in the row's paragraphs (a row continued from the page before starts inside it).
     */
    source?: { indicator: string; row: number; label: string; from: number; line: number };
}

/**
 * Where a page breaks an indicator table's row: the content cell goes on from its paragraph `from`
 * (lists counted item by item), line `line`, on the next page.
 */
export interface RowSplit {
    indicator: string;
    row: number;
    from: number;
    line: number;
}

interface Table {
    kind: 'table';
    rows: Row[];
    marks: string[];
}

type Block = Para | Table;

class Blocks {
    readonly out: Block[] = [];
    private readonly border: number;
    private readonly margins: WordFormat['cellMargins'];

    constructor(private readonly format: WordFormat) {
        this.border = format.borderSize / 8;
        this.margins = format.cellMargins;
    }

    paragraph(
        text: string,
        styleId: string,
        width: number,
        options: Partial<StyleFormat> & { pageBreakBefore?: boolean; marks?: string[]; bold?: boolean } = {},
    ): Para {
        const s = { ...(this.format.styles[styleId] ?? this.format.styles.Normal), ...options };
        const indent = s.indent ?? 0;
        // A single line in whole twips, then its multiple, in whole twips too.
        const lineHeight = Math.round((Math.round(s.size * 10 * ARIAL_LINE) * (s.line ?? 240)) / 240) / 20;
        const count = text.length === 0 ? 1 : lineCount(text, s.size / 2, s.bold ?? false, (width - indent) / 20);
        return {
            kind: 'paragraph',
            lines: Array<number>(count).fill(lineHeight),
            before: (s.before ?? 0) / 20,
            after: (s.after ?? 0) / 20,
            keepNext: s.keepNext ?? false,
            keepLines: s.keepLines ?? false,
            widowControl: s.widowControl ?? false,
            pageBreakBefore: options.pageBreakBefore ?? false,
            marks: options.marks ?? [],
        };
    }

    list(list: BulletList, styleId: string, width: number): Para[] {
        return list.items.map((item) =>
            this.paragraph(item.text, styleId, width, {
                indent: this.format.bulletIndent,
                ...(item.cut === 'head' ? { after: 0 } : {}),
            }),
        );
    }

    cellWidth(width: number): number {
        return width - this.margins.left - this.margins.right;
    }

    /** A table row. Its paragraphs break between any two lines: LibreOffice leaves widow control out of table cells. */
    row(cells: Para[][], options: Partial<Row> = {}): Row {
        for (const paras of cells) for (const p of paras) p.widowControl = false;
        return {
            cells,
            cantSplit: options.cantSplit ?? false,
            header: options.header ?? false,
            keepNext: options.keepNext ?? false,
            source: options.source,
        };
    }

    dataTable(table: DataTable): void {
        const widths = this.format.dataTableWidths(table);
        this.out.push(this.paragraph(table.caption, 'Tabellrubrik', this.format.textWidth));
        const cell = (text: string, i: number, bold = false) => [
            this.paragraph(text, 'Tabelltext', this.cellWidth(widths[i]), { bold }),
        ];
        this.out.push({
            kind: 'table',
            marks: [],
            rows: [
                this.row(
                    table.columns.map((c, i) => cell(c, i, true)),
                    { header: true, cantSplit: true },
                ),
                ...table.rows.map((row) =>
                    this.row(
                        row.map((c, i) => cell(c, i)),
                        { cantSplit: true },
                    ),
                ),
            ],
        });
    }

    indicator(entry: IndicatorEntry): void {
        const full = this.cellWidth(this.format.textWidth);
        const name = this.paragraph(entry.heading, 'Indikatorrubrik', full);
        const rows = [this.row([[name]], { header: true, cantSplit: true, keepNext: name.keepNext })];
        if (entry.areas)
            rows.push(
                this.row([[this.paragraph(entry.areas, 'Tabelltext', full, { bold: true, keepNext: true })]], {
                    header: true,
                    cantSplit: true,
                    keepNext: true,
                }),
            );
        const label = this.cellWidth(this.format.labelWidth);
        const content = this.cellWidth(this.format.textWidth - this.format.labelWidth);
        entry.rows.forEach((row, index) => {
            rows.push(
                this.row(
                    [
                        [
                            row.continued
                                ? this.paragraph(`${row.label} (forts.)`, 'Tabelltext', label)
                                : this.paragraph(row.label, 'Tabelltext', label, { bold: true }),
                        ],
                        row.blocks.flatMap((b) =>
                            b.kind === 'paragraph' ? [this.text(b, 'Tabelltext', content)] : this.list(b, 'Tabelltext', content),
                        ),
                    ],
                    { source: { indicator: entry.id, row: index, label: row.label, from: 0, line: 0 } },
                ),
            );
        });
        this.out.push({ kind: 'table', rows, marks: [entry.id] });
    }

    /** The label cell of a row continued from the page before (docx-continued.ts writes it so). */
    continuedLabel(label: string): Para {
        const p = this.paragraph(`${label} (forts.)`, 'Tabelltext', this.cellWidth(this.format.labelWidth));
        p.widowControl = false;
        return p;
    }

    text(p: TextParagraph, styleId: string, width: number): Para {
        return this.paragraph(p.text, styleId, width, {
            ...(p.emphasis === 'strong' ? { bold: true } : {}),
            ...(p.continues ? { after: 0 } : {}),
        });
    }

    /** The height of a row's cells, with its margins and top border. */
    rowHeight(row: Row): number {
        return this.border + (this.margins.top + this.margins.bottom) / 20 + Math.max(...row.cells.map(stackHeight));
    }

    get borderWidth(): number {
        return this.border;
    }

    get cellPadding(): number {
        return (this.margins.top + this.margins.bottom) / 20;
    }
}

/** Paragraphs one under the other in a cell, with the larger of two spacings between them. */
function stackHeight(paras: Para[]): number {
    let height = 0;
    paras.forEach((p, i) => {
        height += (i === 0 ? p.before : Math.max(0, p.before - paras[i - 1].after)) + sum(p.lines) + p.after;
    });
    return height;
}

function sum(values: number[]): number {
    let total = 0;
    for (const v of values) total += v;
    return total;
}

/**
 * The lines of a paragraph that go on a page where `fits` of them fit: none of one kept together,
 * and with widow control at least two at the foot of the page if it starts there, and at least two
 * left for the top of the next (so a paragraph of two or three lines moves whole).
 */
export function linesKept(total: number, p: Pick<Para, 'keepLines' | 'widowControl'>, fits: number, fromStart: boolean): number {
    if (fits >= total) return total;
    if (p.keepLines && fromStart) return 0;
    if (!p.widowControl) return fits;
    const count = Math.min(fits, total - 2);
    return count < (fromStart ? 2 : 1) ? 0 : count;
}

/** The fewest lines of a paragraph that start it at the foot of a page. */
function leastLines(p: Para): number {
    const n = p.lines.length;
    const least = p.keepLines || (p.widowControl && n <= 3) ? n : p.widowControl ? 2 : 1;
    return sum(p.lines.slice(0, least));
}

function linesThatFit(lines: number[], room: number): number {
    let used = 0;
    for (let i = 0; i < lines.length; i++) {
        used += lines[i];
        if (used > room + TOLERANCE) return i;
    }
    return lines.length;
}

// ---------------------------------------------------------------- pages

interface State {
    block: number;
    page: number;
    y: number;
    /** The space after the paragraph above, which the next paragraph's space before may outgrow. */
    after: number;
    /** Nothing is on the page yet. */
    empty: boolean;
    marks: number;
    splits: number;
}

class Pages {
    page = 1;
    y: number;
    after = 0;
    empty = true;
    readonly marks: Array<[string, number]> = [];
    readonly splits: RowSplit[] = [];
    private readonly top: number;
    private readonly bottom: number;

    constructor(
        format: WordFormat,
        private readonly blocks: Blocks,
    ) {
        this.top = format.margin.top / 20;
        this.bottom = (format.page.height - format.margin.bottom) / 20;
        this.y = this.top;
    }

    save(block: number): State {
        return {
            block,
            page: this.page,
            y: this.y,
            after: this.after,
            empty: this.empty,
            marks: this.marks.length,
            splits: this.splits.length,
        };
    }

    restore(state: State): void {
        ({ page: this.page, y: this.y, after: this.after, empty: this.empty } = state);
        this.marks.length = state.marks;
        this.splits.length = state.splits;
    }

    newPage(): void {
        this.page++;
        this.y = this.top;
        this.after = 0;
        this.empty = true;
    }

    /** Lays out the blocks; keep-with-next chains that would end a page move to the next page whole. */
    layOut(blocks: Block[]): void {
        let chain: State | undefined;
        let forced = -1;
        for (let i = 0; i < blocks.length; i++) {
            const block = blocks[i];
            const before = this.save(i);
            if (i === forced && !this.empty) this.newPage();
            const start = block.kind === 'paragraph' ? this.paragraph(block) : this.table(block);
            const keepsNext = block.kind === 'paragraph' ? block.keepNext : block.rows[block.rows.length - 1].keepNext;
            const breaksBefore = block.kind === 'paragraph' && block.pageBreakBefore;
            if (
                chain &&
                start > before.page &&
                !breaksBefore &&
                chain.page === before.page &&
                !chain.empty &&
                forced !== chain.block
            ) {
                // What is kept with this block would end the page without it: move them all.
                this.restore(chain);
                forced = chain.block;
                i = chain.block - 1;
                chain = undefined;
                continue;
            }
            if (keepsNext) chain ??= before;
            else chain = undefined;
        }
    }

    /** Places a paragraph; gives the page its first line is on. */
    paragraph(p: Para): number {
        if (p.pageBreakBefore && !this.empty) this.newPage();
        // The space before a paragraph is left out at the top of a page the text flowed onto.
        const space = () => (this.empty && this.page > 1 && !p.pageBreakBefore ? 0 : Math.max(this.after, p.before) - this.after);
        let from = 0;
        let first = this.page;
        for (;;) {
            const gap = space();
            const rest = p.lines.slice(from);
            const fits = linesThatFit(rest, this.bottom - this.y - gap);
            let count = linesKept(rest.length, p, fits, from === 0);
            if (count === 0 && this.empty) count = Math.max(1, fits);
            if (count === 0) {
                this.newPage();
                continue;
            }
            if (from === 0) {
                first = this.page;
                for (const mark of p.marks) this.marks.push([mark, this.page]);
            }
            this.y += gap + sum(rest.slice(0, count));
            this.after = 0;
            this.empty = false;
            from += count;
            if (from >= p.lines.length) break;
            this.newPage();
        }
        this.y += p.after;
        this.after = p.after;
        return first;
    }

    /** Places a table; gives the page its first row is on. */
    table(t: Table): number {
        const border = this.blocks.borderWidth;
        const padding = this.blocks.cellPadding;
        const heights = t.rows.map((r) => this.blocks.rowHeight(r));
        heights[heights.length - 1] += border;
        let headerHeight = 0;
        for (let i = 0; i < t.rows.length && t.rows[i].header; i++) headerHeight += heights[i];
        this.after = 0;

        // The rows kept with the next go on one page with the first line of the row they are kept
        // with, above its bottom margin and the border where the table breaks.
        let kept = 0;
        while (kept < t.rows.length - 1 && t.rows[kept].keepNext) kept++;
        const least =
            sum(heights.slice(0, kept)) +
            (t.rows[kept].cantSplit ? heights[kept] : 2 * border + padding + firstLines(t.rows[kept]));
        if (!this.empty && this.y + least > this.bottom + TOLERANCE) this.newPage();
        const first = this.page;
        for (const mark of t.marks) this.marks.push([mark, this.page]);

        const continuePage = () => {
            this.newPage();
            this.y += headerHeight;
        };
        const atHeaders = () => this.y <= this.top + headerHeight + TOLERANCE;
        t.rows.forEach((row, i) => {
            const last = i === t.rows.length - 1;
            // Where the table breaks after the row, its bottom border is drawn below it.
            const fits = this.y + heights[i] + (last ? 0 : border) <= this.bottom + TOLERANCE;
            if (!fits && (row.cantSplit || row.header)) {
                if (!atHeaders()) continuePage();
            } else if (!fits) {
                this.splitRow(row, last ? border : 0, continuePage, atHeaders);
                return;
            }
            this.y += heights[i];
            this.empty = false;
        });
        return first;
    }

    /** A row placed where it fits, else moved below the repeated headers or split across pages. */
    private placeRow(row: Row, bottomBorder: number, continuePage: () => void, atHeaders: () => boolean): void {
        const border = this.blocks.borderWidth;
        const height = this.blocks.rowHeight(row) + bottomBorder;
        const fits = this.y + height + (bottomBorder > 0 ? 0 : border) <= this.bottom + TOLERANCE;
        if (!fits) {
            this.splitRow(row, bottomBorder, continuePage, atHeaders);
            return;
        }
        this.y += height;
        this.empty = false;
    }

    /** A row that breaks across pages between the lines of its cells, the headers repeated above each part. */
    private splitRow(row: Row, bottomBorder: number, continuePage: () => void, atHeaders: () => boolean): void {
        const border = this.blocks.borderWidth;
        const padding = this.blocks.cellPadding;
        let parts = row.cells.map((paras) => ({ paras, from: 0, line: 0 }));
        let firstPart = true;
        for (;;) {
            const whole = parts.map((part) => fillCell(part.paras, part.from, part.line, Infinity, firstPart));
            const height = border + padding + Math.max(...whole.map((f) => f.height)) + bottomBorder;
            if (this.y + height + (bottomBorder > 0 ? 0 : border) <= this.bottom + TOLERANCE) {
                this.y += height;
                break;
            }
            // The part on this page, above the row's bottom margin and the table's border where it breaks.
            const room = this.bottom - this.y - 2 * border - padding;
            const filled = parts.map((part) => fillCell(part.paras, part.from, part.line, room, firstPart));
            const placesAll = filled.every((f, c) => f.placed > 0 || parts[c].from >= parts[c].paras.length);
            if (atHeaders() && filled.every((f) => f.placed === 0)) {
                // Not a line fits under the headers: let it run past the page rather than loop.
                this.y += height;
                break;
            }
            if (!placesAll && !atHeaders()) {
                continuePage();
                continue;
            }
            const content = filled[1];
            if (row.source && content && content.from < content.paras.length && (content.from > 0 || content.line > 0)) {
                // The Word file splits the row here (docx-continued.ts): the rest is a row of its own,
                // labelled "… (forts.)", laid out as such from the top of the next page.
                const { indicator, row: index, label } = row.source;
                const from = row.source.from + content.from;
                const line = content.from === 0 ? row.source.line + content.line : content.line;
                this.splits.push({ indicator, row: index, from, line });
                const rest = content.paras
                    .slice(content.from)
                    .map((p, i) => (i === 0 && content.line > 0 ? { ...p, lines: p.lines.slice(content.line), before: 0 } : p));
                const tail: Row = {
                    cells: [[this.blocks.continuedLabel(label)], rest],
                    cantSplit: false,
                    header: false,
                    keepNext: false,
                    source: { indicator, row: index, label, from, line },
                };
                this.empty = false;
                continuePage();
                this.placeRow(tail, bottomBorder, continuePage, atHeaders);
                return;
            }
            parts = filled.map((f) => ({ paras: f.paras, from: f.from, line: f.line }));
            firstPart = false;
            this.empty = false;
            continuePage();
        }
        this.empty = false;
    }
}

/** The first line of each cell of a row, with the space before it. */
function firstLines(row: Row): number {
    return Math.max(0, ...row.cells.map(([p]) => (p ? p.before + leastLines(p) : 0)));
}

/**
 * Fills a cell's part of a row that breaks across pages: as many lines as fit in the room, from a
 * paragraph (`from`) and a line of it (`line`). A paragraph's space after has to fit below its last line.
 */
function fillCell(paras: Para[], from: number, line: number, room: number, firstPart: boolean) {
    let height = 0;
    let placed = 0;
    let previousAfter: number | undefined;
    for (let i = from; i < paras.length; i++) {
        const p = paras[i];
        const start = i === from ? line : 0;
        const space =
            start > 0
                ? 0
                : previousAfter === undefined
                  ? firstPart
                      ? p.before
                      : 0
                  : Math.max(0, p.before - previousAfter) + previousAfter;
        const rest = p.lines.slice(start);
        let fits = linesThatFit(rest, room - height - space);
        if (fits === rest.length && height + space + sum(rest) + p.after > room + TOLERANCE) fits--;
        const count = linesKept(rest.length, p, fits, start === 0);
        if (count < rest.length) {
            if (count > 0) {
                height += space + sum(rest.slice(0, count));
                placed += count;
            }
            return { paras, from: i, line: start + count, height, placed, done: false };
        }
        height += space + sum(rest);
        placed += rest.length;
        previousAfter = p.after;
    }
    return { paras, from: paras.length, line: 0, height: height + (previousAfter ?? 0), placed, done: true };
}

// ---------------------------------------------------------------- the document

function sectionBlocks(b: Blocks, section: DocumentSection, first: boolean, width: number): void {
    const ownPage = startsNewPage(section, first);
    b.out.push(
        b.paragraph(section.title, section.level === 1 ? 'Heading1' : 'Heading2', width, {
            pageBreakBefore: ownPage,
            marks: [section.id],
        }),
    );
    let previousTable = false;
    for (const content of section.content) {
        switch (content.kind) {
            case 'paragraph':
                b.out.push(b.text(content, 'Normal', width));
                previousTable = false;
                break;
            case 'heading':
                b.out.push(b.paragraph(content.text, 'Mellanrubrik', width));
                previousTable = false;
                break;
            case 'list':
                b.out.push(...b.list(content, 'ListParagraph', width));
                previousTable = false;
                break;
            case 'table':
                b.dataTable(content);
                previousTable = true;
                break;
            case 'figure':
                b.out.push(
                    b.text({ kind: 'paragraph', text: content.caption, emphasis: 'strong' }, 'Normal', width),
                    b.text({ kind: 'paragraph', text: content.alt }, 'Normal', width),
                );
                previousTable = false;
                break;
            case 'indicator':
                if (previousTable) b.out.push(spacer(b, width));
                b.indicator(content);
                previousTable = true;
                break;
        }
    }
    if (previousTable) b.out.push(spacer(b, width));
    section.subsections.forEach((sub) => sectionBlocks(b, sub, false, width));
}

function spacer(b: Blocks, width: number): Para {
    return b.paragraph('', 'Spacer', width);
}

/** The page each section and indicator starts on, by its id, and the number of pages. */
export function layOutPages(
    doc: DescriptionDocument,
    format: WordFormat,
): { pages: Map<string, number>; pageCount: number; splits: RowSplit[] } {
    const b = new Blocks(format);
    const width = format.textWidth;
    b.out.push(b.paragraph(doc.title, 'Title', width));
    if (doc.subtitle) b.out.push(b.paragraph(doc.subtitle, 'Subtitle', width));
    b.out.push(b.paragraph(doc.publisher, 'Normal', width));
    (doc.colophon ?? []).forEach((text, i) => b.out.push(b.paragraph(text, 'Kolofon', width, { pageBreakBefore: i === 0 })));
    if (doc.contents !== false) {
        b.out.push(b.paragraph('Innehåll', 'Innehallsrubrik', width, { pageBreakBefore: true }));
        // The entries of the contents, each with a tab to its page number at the right margin.
        const entries = doc.sections.flatMap((s) => [
            { s, style: 'TOC1' },
            ...s.subsections.map((sub) => ({ s: sub, style: 'TOC2' })),
        ]);
        for (const { s, style } of entries) b.out.push(b.paragraph(`${s.title} 999`, style, width));
        b.out.push(b.paragraph('', 'Normal', width));
    }
    doc.sections.forEach((section, i) => sectionBlocks(b, section, i === 0, width));

    const pages = new Pages(format, b);
    pages.layOut(b.out);
    return { pages: new Map(pages.marks), pageCount: pages.page, splits: pages.splits };
}

/** The names of the bookmarks that start in each top-level paragraph of a formatted body. */
function paragraphBookmarks(body: IXmlableObject): string[][] {
    const root = (body as Record<string, unknown>)['w:body'];
    const children = Array.isArray(root) ? root : [];
    return children.flatMap((child) => {
        const content = (child as Record<string, unknown>)['w:p'];
        if (!Array.isArray(content)) return [];
        const names = content.flatMap((item) => {
            const start = (item as Record<string, unknown>)['w:bookmarkStart'] as { _attr?: Record<string, unknown> } | undefined;
            const name = start?._attr?.['w:name'];
            return typeof name === 'string' ? [name] : [];
        });
        return names.length > 0 ? [names] : [];
    });
}

/**
 * A page number estimator for docx (the `pageNumbers` of a Document) that lays out the document
 * model's pages. The contents' bookmarks (_Toc…) are docx's own, put beside each heading's bookmark:
 * each gets the page of the heading whose bookmark it shares a paragraph with.
 */
export function modelPageNumbers(doc: DescriptionDocument, format: WordFormat): PageNumberEstimator {
    return (body: IXmlableObject, _context: IContext) => {
        const { pages, pageCount } = layOutPages(doc, format);
        const numbers = new Map<string, number>(pages);
        for (const names of paragraphBookmarks(body)) {
            const page = names.map((n) => pages.get(n)).find((p) => p !== undefined);
            if (page === undefined) continue;
            for (const name of names) if (name.startsWith('_Toc')) numbers.set(name, page);
        }
        return {
            bookmarks: new Map([...numbers].map(([name, page]) => [name, String(page)])),
            bookmarkPageNumbers: numbers,
            pageCount,
        };
    };
}
