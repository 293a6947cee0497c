/**
 * The Word rendering: heading styles with outline levels, a table of contents field, real lists,
 * indicator tables whose two header rows repeat on every page, Swedish as the document language and
 * filled-in core properties. docx escapes all text it writes; the package is made reproducible after.
 */
import {
    AlignmentType,
    Bookmark,
    BorderStyle,
    Document,
    Footer,
    HeadingLevel,
    InternalHyperlink,
    LevelFormat,
    LineRuleType,
    Packer,
    PageNumber,
    Paragraph,
    ShadingType,
    Table,
    TableCell,
    TableLayoutType,
    TableOfContents,
    TableRow,
    TabStopType,
    TextRun,
    WidthType,
    type IParagraphOptions,
} from 'docx';
import {
    type BulletList,
    type DataTable,
    type DescriptionDocument,
    type DocumentSection,
    type IndicatorEntry,
    type Paragraph as TextParagraph,
    columnAlign,
    columnShares,
    startsNewPage,
} from './model.js';
import { COLOURS, FONTS, PAGE, SIZES, halfPoints, twips } from './theme.js';
import { withContinuedRows } from './docx-continued.js';
import { renumberBookmarks, reproduciblePackage } from './docx-package.js';
import { modelPageNumbers, type StyleFormat, type WordFormat } from './docx-pages.js';

// A4 in twentieths of a point, with the theme's margins.
export const A4 = { width: twips(PAGE.width), height: twips(PAGE.height) };
export const MARGIN = {
    top: twips(PAGE.margin.top),
    bottom: twips(PAGE.margin.bottom),
    left: twips(PAGE.margin.left),
    right: twips(PAGE.margin.right),
    header: twips(PAGE.header),
    footer: twips(PAGE.footer),
};
export const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

const ACCENT = COLOURS.accent;
const BAND = COLOURS.band;
const LABEL_FILL = COLOURS.labelFill;
const RULE = COLOURS.rule;
export const FONT = FONTS.word;

const BULLETS = 'punktlista';
const NUMBERS = 'numrerad';

export const border = { style: BorderStyle.SINGLE, size: 4, color: RULE };
export const borders = { top: border, bottom: border, left: border, right: border };
export const cellMargins = { top: 70, bottom: 70, left: 100, right: 100 };

/** The styles both Word documents share: Swedish text, Arial, headings with outline levels. */
export function wordStyles() {
    return {
        default: {
            document: {
                run: { font: FONT, size: halfPoints(SIZES.body), language: { value: 'sv-SE' } },
                // Widow control asked for rather than left to the reader's default; the contents' page
                // numbers are laid out with it (docx-pages.ts, which also says where LibreOffice applies it).
                paragraph: { spacing: { after: 120, line: 264, lineRule: LineRuleType.AUTO }, widowControl: true },
            },
            title: {
                run: { font: FONT, size: halfPoints(SIZES.title), bold: true, color: ACCENT },
                paragraph: { spacing: { before: 3600, after: 280 } },
            },
            heading1: {
                run: { font: FONT, size: halfPoints(SIZES.heading1), bold: true, color: ACCENT },
                paragraph: { spacing: { before: 360, after: 160 }, keepNext: true, keepLines: true, outlineLevel: 0 },
            },
            heading2: {
                run: { font: FONT, size: halfPoints(SIZES.heading2), bold: true, color: ACCENT },
                paragraph: { spacing: { before: 280, after: 100 }, keepNext: true, keepLines: true, outlineLevel: 1 },
            },
        },
        paragraphStyles: [
            {
                // A heading inside a section ("Svarsfrekvens"): an outline level below the section's, not in the contents.
                id: 'Mellanrubrik',
                name: 'Mellanrubrik',
                basedOn: 'Normal',
                next: 'Normal',
                quickFormat: true,
                run: { font: FONT, size: halfPoints(SIZES.heading3), bold: true, color: ACCENT },
                paragraph: { spacing: { before: 240, after: 80 }, keepNext: true, keepLines: true, outlineLevel: 2 },
            },
            {
                id: 'Kolofon',
                name: 'Kolofon',
                basedOn: 'Normal',
                next: 'Kolofon',
                run: { size: halfPoints(SIZES.cell) },
                paragraph: { spacing: { after: 120 } },
            },
            {
                // The indicator's name in its table: a heading (outline level 2) that the contents leave out.
                id: 'Indikatorrubrik',
                name: 'Indikatorrubrik',
                basedOn: 'Normal',
                next: 'Normal',
                quickFormat: true,
                run: { font: FONT, size: halfPoints(SIZES.indicatorName), bold: true, color: COLOURS.white },
                paragraph: { spacing: { before: 40, after: 40 }, keepNext: true, outlineLevel: 1 },
            },
            {
                id: 'Innehallsrubrik',
                name: 'TOC Heading',
                basedOn: 'Normal',
                next: 'Normal',
                run: { font: FONT, size: halfPoints(SIZES.heading1), bold: true, color: ACCENT },
                paragraph: { spacing: { after: 200 } },
            },
            {
                id: 'Tabelltext',
                name: 'Tabelltext',
                basedOn: 'Normal',
                next: 'Tabelltext',
                quickFormat: true,
                run: { size: halfPoints(SIZES.cell) },
                paragraph: { spacing: { after: 80, line: 252, lineRule: LineRuleType.AUTO } },
            },
            {
                id: 'Tabellrubrik',
                name: 'caption',
                basedOn: 'Normal',
                next: 'Normal',
                run: { size: halfPoints(SIZES.caption), bold: true },
                paragraph: { spacing: { before: 200, after: 80 }, keepNext: true },
            },
            {
                id: 'Sidfot',
                name: 'footer',
                basedOn: 'Normal',
                run: { size: halfPoints(SIZES.footer), color: COLOURS.muted },
                paragraph: { spacing: { after: 0 } },
            },
        ],
    };
}

const BULLET_INDENT = { left: 340, hanging: 250 };

export const bulletNumbering = {
    config: [
        {
            reference: BULLETS,
            levels: [
                {
                    level: 0,
                    format: LevelFormat.BULLET,
                    text: '•',
                    alignment: AlignmentType.LEFT,
                    style: { paragraph: { indent: BULLET_INDENT } },
                },
            ],
        },
        {
            reference: NUMBERS,
            levels: [
                {
                    level: 0,
                    format: LevelFormat.DECIMAL,
                    text: '%1)',
                    alignment: AlignmentType.LEFT,
                    style: { paragraph: { indent: BULLET_INDENT } },
                },
            ],
        },
    ],
};

/** Each numbered list starts again at 1: its own instance of the numbering. */
let numberedInstance = 0;

function textParagraph(p: TextParagraph, style?: string): Paragraph {
    return new Paragraph({
        style,
        // The first part of a paragraph a page break cuts (docx-continued.ts) has no space after it.
        ...(p.continues ? { spacing: { after: 0 } } : {}),
        children: [new TextRun({ text: p.text, bold: p.emphasis === 'strong' ? true : undefined })],
    });
}

function listParagraphs(list: BulletList, style?: string): Paragraph[] {
    const numbering = list.numbered
        ? { reference: NUMBERS, level: 0, instance: ++numberedInstance }
        : { reference: BULLETS, level: 0 };
    return list.items.map(
        (item) =>
            new Paragraph({
                style,
                // The tail of an item cut by a page break goes on under its text, without a bullet.
                ...(item.cut === 'tail' ? { indent: { left: BULLET_INDENT.left } } : { numbering }),
                ...(item.cut === 'head' ? { spacing: { after: 0 } } : {}),
                children: item.target
                    ? [
                          new InternalHyperlink({
                              anchor: item.target,
                              children: [new TextRun({ text: item.text, style: 'Hyperlink' })],
                          }),
                      ]
                    : [new TextRun(item.text)],
            }),
    );
}

export function cell(children: Paragraph[], options: { fill?: string; columnSpan?: number; width?: number } = {}): TableCell {
    return new TableCell({
        children,
        borders,
        margins: cellMargins,
        columnSpan: options.columnSpan,
        width: options.width ? { size: options.width, type: WidthType.DXA } : undefined,
        shading: options.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: options.fill } : undefined,
    });
}

function dataTableWidths(table: DataTable): number[] {
    return columnShares(table).map((share) => Math.floor(TEXT_WIDTH * share));
}

function dataTable(table: DataTable): Array<Paragraph | Table> {
    const widths = dataTableWidths(table);
    const small = (text: string, options: Partial<IParagraphOptions> = {}, bold = false) =>
        new Paragraph({ style: 'Tabelltext', ...options, children: [new TextRun({ text, bold: bold || undefined })] });
    return [
        new Paragraph({ style: 'Tabellrubrik', children: [new TextRun(table.caption)] }),
        new Table({
            width: { size: TEXT_WIDTH, type: WidthType.DXA },
            columnWidths: widths,
            layout: TableLayoutType.FIXED,
            rows: [
                new TableRow({
                    tableHeader: true,
                    cantSplit: true,
                    children: table.columns.map((c, i) => cell([small(c, {}, true)], { fill: BAND, width: widths[i] })),
                }),
                ...table.rows.map(
                    (row) =>
                        new TableRow({
                            cantSplit: true,
                            children: row.map((c, i) => {
                                const align = columnAlign(table, i);
                                return cell(
                                    [
                                        small(
                                            c,
                                            align === 'left'
                                                ? {}
                                                : { alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER },
                                        ),
                                    ],
                                    { width: widths[i] },
                                );
                            }),
                        }),
                ),
            ],
        }),
    ];
}

const LABEL_WIDTH = 2300;

function indicatorTable(entry: IndicatorEntry): Table {
    const contentWidth = TEXT_WIDTH - LABEL_WIDTH;
    const header: TableRow[] = [
        new TableRow({
            tableHeader: true,
            cantSplit: true,
            children: [
                cell(
                    [
                        new Paragraph({
                            style: 'Indikatorrubrik',
                            children: [new Bookmark({ id: entry.id, children: [new TextRun(entry.heading)] })],
                        }),
                    ],
                    { fill: ACCENT, columnSpan: 2, width: TEXT_WIDTH },
                ),
            ],
        }),
    ];
    if (entry.areas) {
        header.push(
            new TableRow({
                tableHeader: true,
                cantSplit: true,
                children: [
                    cell(
                        [
                            new Paragraph({
                                style: 'Tabelltext',
                                keepNext: true,
                                children: [new TextRun({ text: entry.areas, bold: true })],
                            }),
                        ],
                        { fill: BAND, columnSpan: 2, width: TEXT_WIDTH },
                    ),
                ],
            }),
        );
    }
    const body = entry.rows.map(
        (row) =>
            new TableRow({
                children: [
                    cell(
                        [
                            new Paragraph({
                                style: 'Tabelltext',
                                // A row continued from the page before says so, as in the PDF.
                                children: [
                                    row.continued
                                        ? new TextRun({ text: `${row.label} (forts.)`, color: COLOURS.muted })
                                        : new TextRun({ text: row.label, bold: true }),
                                ],
                            }),
                        ],
                        { fill: LABEL_FILL, width: LABEL_WIDTH },
                    ),
                    cell(
                        row.blocks.flatMap((b) =>
                            b.kind === 'paragraph' ? [textParagraph(b, 'Tabelltext')] : listParagraphs(b, 'Tabelltext'),
                        ),
                        { width: contentWidth },
                    ),
                ],
            }),
    );
    return new Table({
        width: { size: TEXT_WIDTH, type: WidthType.DXA },
        columnWidths: [LABEL_WIDTH, contentWidth],
        layout: TableLayoutType.FIXED,
        rows: [...header, ...body],
    });
}

const SPACER = { before: 0, after: 160, line: 240 };
const SUBTITLE = { after: 240, size: 28 };

/** Space between two tables, which Word would otherwise join into one. */
function spacer(): Paragraph {
    return new Paragraph({ spacing: { ...SPACER, lineRule: LineRuleType.AUTO }, children: [] });
}

function sectionChildren(section: DocumentSection, first: boolean): Array<Paragraph | Table> {
    const out: Array<Paragraph | Table> = [];
    const ownPage = startsNewPage(section, first);
    out.push(
        new Paragraph({
            heading: section.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
            pageBreakBefore: ownPage || undefined,
            children: [new Bookmark({ id: section.id, children: [new TextRun(section.title)] })],
        }),
    );
    let previousTable = false;
    for (const content of section.content) {
        switch (content.kind) {
            case 'paragraph':
                out.push(textParagraph(content));
                previousTable = false;
                break;
            case 'heading':
                out.push(new Paragraph({ style: 'Mellanrubrik', children: [new TextRun(content.text)] }));
                previousTable = false;
                break;
            case 'list':
                out.push(...listParagraphs(content));
                previousTable = false;
                break;
            case 'table':
                out.push(...dataTable(content));
                previousTable = true;
                break;
            // Word gets a chart as its caption and its text; the table of its numbers follows it.
            case 'figure':
                out.push(
                    textParagraph({ kind: 'paragraph', text: content.caption, emphasis: 'strong' }),
                    textParagraph({ kind: 'paragraph', text: content.alt }),
                );
                previousTable = false;
                break;
            case 'indicator':
                if (previousTable) out.push(spacer());
                out.push(indicatorTable(content));
                previousTable = true;
                break;
        }
    }
    if (previousTable) out.push(spacer());
    section.subsections.forEach((sub) => out.push(...sectionChildren(sub, false)));
    return out;
}

export function footer(text: string): Footer {
    return new Footer({
        children: [
            new Paragraph({
                style: 'Sidfot',
                border: { top: { style: BorderStyle.SINGLE, size: 4, color: RULE, space: 4 } },
                tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
                children: [new TextRun(text), new TextRun({ children: ['\t', PageNumber.CURRENT] })],
            }),
        ],
    });
}

/** The document's core properties and settings, shared with the questionnaire. */
export function coreProperties(doc: { title: string; publisher: string; description: string }) {
    return {
        title: doc.title,
        subject: doc.description,
        description: doc.description,
        creator: doc.publisher,
        lastModifiedBy: doc.publisher,
        keywords: 'öppna jämförelser; indikatorer',
        revision: 1,
    };
}

/** Word's settings part names the language of the theme fonts; docx leaves it out, Word then assumes English. */
export function swedishSettings(xml: string): string {
    return xml.includes('<w:themeFontLang')
        ? xml.replace(/<w:themeFontLang[^>]*\/>/, '<w:themeFontLang w:val="sv-SE"/>')
        : xml.replace(/<\/w:settings>\s*$/, '<w:themeFontLang w:val="sv-SE"/></w:settings>');
}

interface StyleOptions {
    run?: { size?: number; bold?: boolean };
    paragraph?: {
        spacing?: { before?: number; after?: number; line?: number };
        keepNext?: boolean;
        keepLines?: boolean;
        widowControl?: boolean;
    };
}

function styleFormat({ run = {}, paragraph = {} }: StyleOptions): Partial<StyleFormat> {
    const format: Partial<StyleFormat> = {
        size: run.size,
        bold: run.bold,
        before: paragraph.spacing?.before,
        after: paragraph.spacing?.after,
        line: paragraph.spacing?.line,
        keepNext: paragraph.keepNext,
        keepLines: paragraph.keepLines,
        widowControl: paragraph.widowControl,
    };
    return Object.fromEntries(Object.entries(format).filter(([, v]) => v !== undefined));
}

/** The formatting written above, as the layout of the contents' page numbers (docx-pages.ts) reads it. */
export function wordFormat(): WordFormat {
    const styles = wordStyles();
    const normal = styleFormat(styles.default.document);
    const formats: Record<string, Partial<StyleFormat>> = {
        Title: styleFormat(styles.default.title),
        Heading1: styleFormat(styles.default.heading1),
        Heading2: styleFormat(styles.default.heading2),
        ...Object.fromEntries(styles.paragraphStyles.map((s) => [s.id, styleFormat(s)])),
        // docx's own styles of the contents' entries and of lists.
        TOC1: { after: 100 },
        TOC2: { after: 100, indent: 200 },
        ListParagraph: {},
        Subtitle: { after: SUBTITLE.after, size: SUBTITLE.size },
        Spacer: SPACER,
    };
    return {
        page: A4,
        margin: MARGIN,
        textWidth: TEXT_WIDTH,
        styles: Object.fromEntries(
            Object.entries({ Normal: {}, ...formats }).map(([id, f]) => [id, { size: 20, ...normal, ...f }]),
        ),
        bulletIndent: BULLET_INDENT.left,
        cellMargins,
        borderSize: border.size,
        labelWidth: LABEL_WIDTH,
        dataTableWidths,
    };
}

export interface DocxOptions {
    /**
     * Write the page numbers of the table of contents, from the pages laid out (default true). Without
     * them the contents have no numbers until Word updates its fields, which it offers on opening.
     */
    pageNumbers?: boolean;
    /** Split indicator rows where a page breaks them and label the rest "(forts.)" (default true). */
    continuedRows?: boolean;
}

/** Renders the document as a .docx file. The same document gives the same bytes. */
export async function renderDocx(source: DescriptionDocument, options: DocxOptions = {}): Promise<Buffer> {
    numberedInstance = 0;
    // Rows a page breaks are split there and continued as "… (forts.)" rows.
    const doc = options.continuedRows === false ? source : withContinuedRows(source, wordFormat());
    const children: Array<Paragraph | Table | TableOfContents> = [
        new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }),
        ...(doc.subtitle
            ? [
                  new Paragraph({
                      spacing: { after: SUBTITLE.after },
                      children: [new TextRun({ text: doc.subtitle, size: SUBTITLE.size })],
                  }),
              ]
            : []),
        new Paragraph({ children: [new TextRun(doc.publisher)] }),
        ...(doc.colophon ?? []).map(
            (text, i) =>
                new Paragraph({ style: 'Kolofon', pageBreakBefore: i === 0 || undefined, children: [new TextRun(text)] }),
        ),
        ...(doc.contents === false
            ? []
            : [
                  new Paragraph({ style: 'Innehallsrubrik', pageBreakBefore: true, children: [new TextRun('Innehåll')] }),
                  new TableOfContents('Innehåll', { hyperlink: true, headingStyleRange: '1-2' }),
              ]),
    ];
    doc.sections.forEach((section, i) => children.push(...sectionChildren(section, i === 0)));

    const document = new Document({
        ...coreProperties(doc),
        features: { updateFields: true },
        // Page numbers in the contents, laid out from the model, so that the file reads right before
        // Word updates its fields (and in readers that never do).
        pageNumbers: options.pageNumbers === false ? undefined : modelPageNumbers(doc, wordFormat()),
        styles: wordStyles(),
        numbering: bulletNumbering,
        sections: [
            {
                properties: {
                    titlePage: true,
                    page: { size: A4, margin: MARGIN },
                },
                footers: {
                    default: footer(doc.runningTitle),
                    first: new Footer({ children: [new Paragraph({ style: 'Sidfot', children: [] })] }),
                },
                children,
            },
        ],
    });
    const packed = await Packer.toBuffer(document);
    return reproduciblePackage(packed, {
        date: doc.date,
        parts: { 'word/settings.xml': swedishSettings, 'word/document.xml': renumberBookmarks },
    });
}
