/** The part of svg-to-pdfkit's API the PDF renderer uses (the package ships no types). */
declare module 'svg-to-pdfkit' {
    interface SvgToPdfOptions {
        width?: number;
        height?: number;
        preserveAspectRatio?: string;
        fontCallback?: (
            family: string,
            bold: boolean,
            italic: boolean,
            options: { fauxBold?: boolean; fauxItalic?: boolean },
        ) => string;
        warningCallback?: (message: string) => void;
        assumePt?: boolean;
    }
    export default function SVGtoPDF(doc: unknown, svg: string, x: number, y: number, options?: SvgToPdfOptions): void;
}
