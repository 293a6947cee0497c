/**
 * The one document model behind the Word, PDF and HTML renderers. It holds plain text only: each
 * renderer escapes or encodes it for its own format, so model text can never become markup.
 */

/** A paragraph of running text. `strong` is used for the small sub-headings inside a table cell. */
export interface Paragraph {
    kind: 'paragraph';
    text: string;
    emphasis?: 'strong';
    /** The first part of a paragraph cut where a page breaks it (Word's continued rows): no space after. */
    continues?: boolean;
}

export interface ListItem {
    text: string;
    /** The id of a section or indicator the item refers to, for renderers that can link. */
    target?: string;
    /**
     * An item a page break cuts (Word's continued rows): the head, with no space after it, or the
     * tail, which goes on under the text of the head without a bullet of its own.
     */
    cut?: 'head' | 'tail';
}

export interface BulletList {
    kind: 'list';
    items: ListItem[];
    /** Numbered "1)", "2)" … rather than bulleted. */
    numbered?: boolean;
}

/** A heading inside a section that the contents leave out ("Svarsfrekvens"). */
export interface Heading {
    kind: 'heading';
    text: string;
}

/** A data table whose first column holds row headers ("Tabell 1"). */
export interface DataTable {
    kind: 'table';
    id: string;
    caption: string;
    columns: string[];
    rows: string[][];
    /** Per column; by default the first left and the others right (numbers). */
    align?: Array<'left' | 'center' | 'right'>;
    /** Column widths as shares of the text width; by default half for the first, the rest shared. */
    widths?: number[];
}

/**
 * A chart (or other drawing) as SVG, with the text that stands in for it for a reader who cannot see
 * it. PDF renders it as a tagged Figure with /Alt, HTML as an image in a <figure>; the numbers it
 * shows belong in a DataTable beside it as well.
 */
export interface Figure {
    kind: 'figure';
    id: string;
    caption: string;
    alt: string;
    /** A complete SVG document; its width and height in CSS pixels (1 px = 0.75 pt). */
    svg: string;
    width: number;
    height: number;
}

export function columnAlign(table: DataTable, column: number): 'left' | 'center' | 'right' {
    return table.align?.[column] ?? (column === 0 ? 'left' : 'right');
}

/** Column widths of a data table as shares of the text width. */
export function columnShares(table: DataTable): number[] {
    if (table.widths && table.widths.length === table.columns.length) return table.widths;
    return table.columns.map((_c, i) => (i === 0 ? 0.5 : 0.5 / Math.max(1, table.columns.length - 1)));
}

export type Block = Paragraph | BulletList | DataTable | Heading | Figure;

/** One row of an indicator's table: a label and the blocks of its cell. */
export interface IndicatorRow {
    label: string;
    blocks: Array<Paragraph | BulletList>;
    /** The rest of the row above it, continued on the next page: its label is printed "… (forts.)". */
    continued?: boolean;
}

/**
 * An indicator as the published table: the header (number and name, the areas it is published in)
 * and labelled rows. `id` is stable (`indikator-6`) so a preview can scroll to it.
 */
export interface IndicatorEntry {
    kind: 'indicator';
    id: string;
    number: number;
    name: string;
    /** "6. Aktuell samlad plan för handläggares kompetensutveckling" */
    heading: string;
    /** The areas, as the second row of the table header shows them. */
    areas: string;
    rows: IndicatorRow[];
}

export type SectionContent = Block | IndicatorEntry;

/** A top-level section (level 1) or a subsection of it (level 2). Indicators are level 2 too. */
export interface DocumentSection {
    id: string;
    level: 1 | 2;
    title: string;
    content: SectionContent[];
    subsections: DocumentSection[];
    /**
     * Whether the section starts on a new page. Without it a top-level section starts one when it is
     * the first or holds indicators, as the document did before its layout could be authored.
     */
    newPage?: boolean;
}

export interface DescriptionDocument {
    /** BCP 47 language of every text in the document. */
    language: 'sv-SE';
    /** "Indikatorer – öppna jämförelser 2019" */
    title: string;
    /** The survey's title, under the title on the title page. */
    subtitle?: string;
    /** Who publishes the document (title page, document properties). */
    publisher: string;
    /** One line for the document properties' description/subject. */
    description: string;
    /** The text repeated in the page footer. */
    runningTitle: string;
    /** The document's date: fixed by the source or the caller so that outputs are reproducible. */
    date: Date;
    /** The colophon's paragraphs (copyright, alternative formats, where it is published), on the page after the title page. */
    colophon?: string[];
    /** Whether the document has a table of contents (default true). */
    contents?: boolean;
    sections: DocumentSection[];
}

/** Whether a section starts on a new page (see DocumentSection.newPage). */
export function startsNewPage(section: DocumentSection, first: boolean): boolean {
    return section.newPage ?? (section.level === 1 && (first || section.content.some((c) => c.kind === 'indicator')));
}

/** Every indicator of the document in reading order. */
export function indicatorsOf(doc: DescriptionDocument): IndicatorEntry[] {
    const out: IndicatorEntry[] = [];
    const visit = (section: DocumentSection) => {
        for (const c of section.content) if (c.kind === 'indicator') out.push(c);
        section.subsections.forEach(visit);
    };
    doc.sections.forEach(visit);
    return out;
}
