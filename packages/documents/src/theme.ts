/**
 * The one look of every document and format: colours, type sizes and A4 page geometry. The PDF,
 * HTML and Word renderers (description and questionnaire alike) take their values from here, so a
 * colour cannot drift between them again (the rule colour once differed between HTML and PDF).
 */

/** Colours as six hex digits without "#": Word's form; `css()` gives the HTML/PDF form. */
export const COLOURS = {
    /** Headings, the indicator name band, the title rule. */
    accent: '1F3A5F',
    /** The areas row of an indicator table and table header rows. */
    band: 'DDE6F0',
    /** The label column of an indicator table. */
    labelFill: 'F1F4F8',
    /** Table borders and the footer rule. */
    rule: '7D8FA6',
    text: '111111',
    /** Footers, continued-row labels, dot leaders, variable names. */
    muted: '4A4A4A',
    /** Links in HTML. */
    link: '0B4F8A',
    white: 'FFFFFF',
} as const;

export type Colour = keyof typeof COLOURS;

export function css(colour: Colour): string {
    return `#${COLOURS[colour].toLowerCase()}`;
}

/** The typefaces: DejaVu Sans is embedded in the PDF; Word and HTML name it first where installed. */
export const FONTS = {
    pdf: 'DejaVu Sans',
    word: 'Arial',
    html: '"DejaVu Sans", Arial, Helvetica, sans-serif',
} as const;

/** Type sizes in points, shared by the formats (Word takes half-points: `halfPoints`). */
export const SIZES = {
    body: 10,
    cell: 9,
    title: 26,
    subtitle: 14,
    heading1: 17,
    heading2: 12.5,
    heading3: 11,
    indicatorName: 10.5,
    caption: 9.5,
    footer: 7.5,
} as const;

export function halfPoints(points: number): number {
    return Math.round(points * 2);
}

/**
 * A4 with its margins, in points (1/72 inch); Word's twips are 20 to the point (`twips`): 2 cm at
 * the sides, 2.2 cm at the top and 2.3 cm at the bottom, where the footer sits.
 */
export const PAGE = {
    width: 595.28,
    height: 841.89,
    margin: { top: 62.35, bottom: 65.2, left: 56.7, right: 56.7 },
    /** The footer's distance from the bottom edge, and the header's from the top (Word). */
    footer: 31.2,
    header: 28.35,
} as const;

export function twips(points: number): number {
    return Math.round(points * 20);
}
