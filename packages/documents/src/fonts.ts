/** The font shipped with the PDF: DejaVu Sans from the dejavu-fonts-ttf package, embedded as subsets. */
import { createRequire } from 'node:module';
import * as path from 'node:path';

const require = createRequire(import.meta.url);

function fontDirectory(): string {
    // The package has no entry point; its package.json locates the ttf folder beside it.
    return path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
}

export type FontStyle = 'regular' | 'bold' | 'italic';

export const FONT_FILES: Record<FontStyle, string> = {
    regular: 'DejaVuSans.ttf',
    bold: 'DejaVuSans-Bold.ttf',
    italic: 'DejaVuSans-Oblique.ttf',
};

export function fontPath(style: FontStyle): string {
    return path.join(fontDirectory(), FONT_FILES[style]);
}
