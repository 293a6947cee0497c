/**
 * The generated 2019 PDF read back as text (poppler's pdftotext), against the published document
 * (seed 002, "Indikatorer – öppna jämförelser 2019", pages 1–24): the indicators' numbers and names
 * in the published order, the answer labels each question prints, "Ja på frågan" for the two
 * single-question indicators, the front matter, and the length of the section.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildDescriptionDocument, renderPdf } from '../src/index.js';
import { hasTool, loadModels, oj2019 } from './fixtures.js';

/** Numbers and names as the published document prints them, in its order (pages 9–24). */
const PUBLISHED = [
    '1. Aktuell rutin för att förhindra avhysning av barnfamiljer',
    '2. Aktuell rutin för att inte röja skyddade personuppgifter vid handläggning och genomförande av insatser',
    '3. Aktuell rutin för information om samordnad individuell plan (SIP)',
    '4. Aktuell rutin för intern samordning',
    '5. Aktuell rutin vid indikation på att en vuxen utsatts för våld',
    '6. Aktuell samlad plan för handläggares kompetensutveckling',
    '7. Aktuell överenskommelse om samverkan i enskilda ärenden',
    '8. Aktuell överenskommelse med regioner/landsting',
    '9. Använder AUDIT för att upptäcka riskfylld alkoholkonsumtion',
    '10. Använder DUDIT för att upptäcka drogrelaterade problem',
];

const poppler = hasTool('pdftotext') && hasTool('pdfinfo');
if (!poppler) throw new Error('published-2019.test: pdftotext och pdfinfo saknas. Installera: apt-get install -y poppler-utils');

let file: string;
/** The text of each page, lines joined and white space collapsed. */
let pages: string[];

beforeAll(async () => {
    const { models, errors } = await loadModels([oj2019]);
    expect(errors).toEqual([]);
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'oj-2019-')), 'indikatorer-2019.pdf');
    fs.writeFileSync(file, await renderPdf(buildDescriptionDocument(models)));
    const count = Number(/^Pages:\s+(\d+)$/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    pages = Array.from({ length: count }, (_v, i) =>
        execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' })
            .replace(/\s+/g, ' ')
            .trim(),
    );
});

/** One page as pdftotext -layout lays it out, line by line. */
function layout(page: number): string[] {
    return execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' }).split(
        '\n',
    );
}

/** The text from the first page on which `heading` begins an indicator description to where the next one begins. */
function description(n: number): string {
    const all = pages.join(' ');
    const start = all.indexOf(`${PUBLISHED[n - 1]} `, all.indexOf('Indikatorerna som beskrivs här är:') + 1);
    const next = n < PUBLISHED.length ? all.indexOf(`${PUBLISHED[n]} `, start) : all.length;
    return all.slice(start, next);
}

describe('the 2019 description document as its text reads', () => {
    test('the indicators in the published order: numbers and names, 7 before 8', () => {
        const all = pages.join(' ');
        const body = all.slice(all.indexOf('Indikatorerna som beskrivs här är:'));
        const positions = PUBLISHED.map((heading) => body.indexOf(`${heading} `));
        for (const [i, p] of positions.entries()) expect(p, PUBLISHED[i]).toBeGreaterThan(0);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
        // Indicator 1 (one area) is in the shared section, not in a section of its own after 10.
        expect(all).not.toMatch(/Ekonomiskt bistånd Indikatorerna som beskrivs här är:/);
    });

    test('the answer labels each question prints', () => {
        for (const n of [1, 2, 3, 4, 5])
            expect(description(n), `indikator ${n}`).toContain('Ej aktuellt, då rutinen upprättades nyligen');
        expect(description(6)).toContain('Ej aktuellt, då planen upprättades nyligen');
        for (const n of [7, 8])
            expect(description(n), `indikator ${n}`).toContain('Ej aktuellt, då överenskommelsen upprättades nyligen');
        expect(pages.join(' ')).not.toContain('då det upprättades nyligen');
    });

    test('indicators 9 and 10: the single question unnumbered, "Ja på frågan", no Kommentar', () => {
        expect(description(9)).toContain('För att uppnå indikatorn för respektive område krävs: Ja på frågan.');
        expect(description(10)).toContain('För att uppnå indikatorn på kommunnivå krävs: Ja på frågan.');
        for (const n of [9, 10]) {
            expect(description(n)).toContain('Indikatorn beräknas utifrån svar på följande enkätfråga: Använder ni (mätdatum)');
            expect(description(n)).not.toContain('Kommentar');
        }
    });

    test('front matter: title page, colophon, contents, and the document dated June 2019', () => {
        expect(pages[0]).toBe(
            'Indikatorer – öppna jämförelser 2019 Socialtjänst och kommunal hälso- och sjukvård Socialstyrelsen',
        );
        expect(pages[1]).toMatch(
            /^Denna publikation skyddas av upphovsrättslagen\..*Publicerad www\.socialstyrelsen\.se, juni 2019$/,
        );
        // Each entry's dot leaders run unbroken up to its page number.
        const contents = layout(3)
            .filter((l) => l.includes('....'))
            .map((l) => l.trim().replace(/ {2,}/g, '  '));
        expect(contents).toEqual([
            expect.stringMatching(/^Beskrivning av indikatorer 2019 \.{20,} 4$/),
            expect.stringMatching(/^Indikatorerna i dokumentet \.{20,} 4$/),
            expect.stringMatching(/^Socialtjänst \.{20,} 6$/),
            expect.stringMatching(/^Indikatorer som mäts och publiceras inom flera områden \.{20,} 6$/),
        ]);
        expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/^CreationDate:\s+\w+ Jun\s+1 00:00:00 2019 UTC$/m);
    });

    test('title page to the end of indicator 10 in at most 24 pages, as published', () => {
        const last = pages.findIndex((p) => p.includes(PUBLISHED[9]));
        expect(last).toBeGreaterThan(0);
        expect(pages.length).toBeLessThanOrEqual(24);
    });

    test('no page starts with the last line of a list alone (the rest of the list on the page before)', () => {
        for (let page = 2; page <= pages.length; page++) {
            const lines = layout(page).filter((l) => l.trim().length > 0);
            const listLine = (l: string | undefined) => l !== undefined && /^\s*(•|\d+\))\s/.test(l);
            // A list that starts a page goes on with a second item or a wrapped line of the first.
            if (listLine(lines[0]))
                expect(listLine(lines[1]) || /^\s{2,}\S/.test(lines[1] ?? ''), `sida ${page}: ${lines[0]}`).toBe(true);
        }
    });
});
