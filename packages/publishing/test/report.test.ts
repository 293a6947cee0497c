/**
 * Reports for a kommun (0114) and a län (01) of a synthetic response file: the unit's status per
 * indicator beside its län and the country, a chart per area as a tagged Figure with alt text and
 * the chart's numbers in a table, last year beside when given; the PDF tagged, the HTML escaped.
 * The structure is read with pikepdf (Debian python3-pikepdf) when it is installed.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Model } from '@oj/language';
import JSZip from 'jszip';
import { indicatorsOf as documentIndicators, renderDocx } from '@oj/documents';
import {
    barChart,
    buildReport,
    type EvaluatedResults,
    evaluateAndPublish,
    formatShare,
    partsOf,
    publishedStatus,
    readResultsFolder,
    renderReport,
    ReportError,
    ResultIndex,
} from '../src/index.js';
import { kommuner } from '@oj/regions';
import { isNonRespondent, loadModels, root, syntheticResponses, tempDir } from './support.js';

let dir: string;
let models: Model[];
let results: EvaluatedResults;

function python(): string | undefined {
    for (const candidate of ['python3', '/usr/bin/python3']) {
        try {
            execFileSync(candidate, ['-c', 'import pikepdf'], { stdio: 'ignore' });
            return candidate;
        } catch {
            /* next */
        }
    }
    return undefined;
}
const pikepdf = python();
if (!pikepdf)
    console.warn(
        'report.test: python3-pikepdf saknas; strukturträdets Figure-kontroller hoppas över. Installera: apt-get install -y python3-pikepdf',
    );

/** Every Figure of the structure tree with its /Alt and whether it owns marked content; MarkInfo and Lang. */
const FIGURES = `
import json, sys, pikepdf
pdf = pikepdf.open(sys.argv[1])
out = {'marked': bool(pdf.Root.MarkInfo.Marked), 'lang': str(pdf.Root.Lang), 'figures': []}
def walk(e):
    if not isinstance(e, pikepdf.Dictionary) or '/S' not in e: return
    if e.S == '/Figure':
        k = e.get('/K')
        out['figures'].append({'alt': str(e.Alt) if '/Alt' in e else None, 'mcids': len(k) if isinstance(k, pikepdf.Array) else (0 if k is None else 1), 'parent': str(e.P.S)})
    k = e.get('/K')
    for c in (k if isinstance(k, pikepdf.Array) else [k]): walk(c)
k = pdf.Root.StructTreeRoot.K
for c in (k if isinstance(k, pikepdf.Array) else [k]): walk(c)
print(json.dumps(out))
`;

function figuresOf(file: string): {
    marked: boolean;
    lang: string;
    figures: Array<{ alt: string | null; mcids: number; parent: string }>;
} {
    return JSON.parse(execFileSync(pikepdf!, ['-c', FIGURES, file], { encoding: 'utf8' }));
}

// The project's PDF/UA-1 checker (packages/documents/test/support, issue 17); run on every report PDF once it is there.
const PDFUA = path.join(root, 'packages/documents/test/support/pdfua.ts');
const hasPdfUa = fs.existsSync(PDFUA);
if (!hasPdfUa)
    console.warn(
        'report.test: PDF/UA-kontrollen (packages/documents/test/support/pdfua.ts) finns inte ännu; den körs när den finns.',
    );
async function pdfUaFailures(file: string): Promise<string[]> {
    const checker = (await import(PDFUA)) as { pdfUaFailures(input: string): string[] };
    return checker.pdfUaFailures(file);
}

const text = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

beforeAll(async () => {
    dir = tempDir('report');
    models = await loadModels();
    fs.writeFileSync(path.join(dir, 'svar.csv'), syntheticResponses(models).csv);
    await evaluateAndPublish(models, path.join(dir, 'svar.csv'), path.join(dir, 'ut'));
    results = readResultsFolder(path.join(dir, 'ut'));
    // Last year: the same kommuner, other answers.
    fs.writeFileSync(path.join(dir, 'svar-2018.csv'), syntheticResponses(models, 2018).csv);
    await evaluateAndPublish(models, path.join(dir, 'svar-2018.csv'), path.join(dir, 'ut-2018'));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the report on a kommun (0114)', () => {
    let file: string;
    let html: string;
    let doc: Awaited<ReturnType<typeof buildReport>>;

    beforeAll(async () => {
        doc = await buildReport(
            models,
            results,
            { kind: 'unit', unit: '0114' },
            { previous: readResultsFolder(path.join(dir, 'ut-2018')) },
        );
        const rendered = await renderReport(doc);
        file = path.join(dir, 'rapport-0114.pdf');
        fs.writeFileSync(file, rendered.pdf);
        html = rendered.html;
    });

    test('names the kommun, its län and the survey', () => {
        expect(doc.title).toBe('Upplands Väsby (0114) – Öppna jämförelser socialtjänst 2019');
        expect(doc.subtitle).toBe('Resultat för kommunen jämfört med Stockholms län och riket');
        expect(documentIndicators(doc)).toEqual([]);
        expect(doc.sections.map((s) => s.title)).toEqual(['Om rapporten', ...partsOf(models).map((p) => p.title)]);
    });

    test("per area: the status per indicator beside last year, the län's and the country's share, with the counts", () => {
        const index = new ResultIndex(results);
        const lastYear = new ResultIndex(readResultsFolder(path.join(dir, 'ut-2018')));
        const area = doc.sections.find((s) => s.title === 'Ekonomiskt bistånd')!;
        const table = area.content.find((c) => c.kind === 'table')!;
        expect(table.kind === 'table' && table.columns).toEqual([
            'Indikator',
            'Upplands Väsby',
            'Föregående år',
            'Stockholms län',
            'Riket',
        ]);
        if (table.kind !== 'table') return;
        const part = partsOf(models).find((p) => p.title === 'Ekonomiskt bistånd')!;
        table.rows.forEach((row, i) => {
            const entry = part.entries[i];
            expect(row[0]).toBe(`${entry.indicator.number}. ${entry.indicator.name}`);
            expect(row[1]).toBe(publishedStatus(index.result('0114', entry.indicator.number, entry.group)!.status));
            expect(row[2]).toBe(publishedStatus(lastYear.result('0114', entry.indicator.number, entry.group)!.status));
            const lan = index.cell(entry.indicator.number, entry.group, 'lan', '01')!;
            expect(row[3]).toBe(`${formatShare(lan.share)} (${lan.numerator} av ${lan.denominator})`);
        });
    });

    test('per area a chart: an SVG figure with alt text naming the marked kommun, and its numbers in the table after it', () => {
        const area = doc.sections.find((s) => s.title === 'Ekonomiskt bistånd')!;
        const i = area.content.findIndex((c) => c.kind === 'figure');
        const figure = area.content[i];
        const numbers = area.content[i + 1];
        expect(figure.kind).toBe('figure');
        expect(numbers.kind).toBe('table');
        if (figure.kind !== 'figure' || numbers.kind !== 'table') return;
        expect(figure.svg).toMatch(/^<svg /);
        expect(figure.alt).toMatch(
            /^Liggande stapeldiagram: andelen uppnådda indikatorer inom Ekonomiskt bistånd för de svarande i Stockholms län, \d+ staplar\. Upplands Väsby \(markerad\): \d+\s% \(\d+ av \d+\)\./,
        );
        expect(figure.alt).toContain('Alla värden står i tabellen under diagrammet.');
        expect(numbers.columns).toEqual(['Kommun eller stadsdel', 'Uppnådda', 'Bedömda', 'Andel']);
        const peers = results.respondents.filter((r) => r.lanskod === '01');
        expect(numbers.rows).toHaveLength(peers.length);
        expect(numbers.rows.filter((r) => r[0] === 'Upplands Väsby (markerad)')).toHaveLength(1);
        // Every kommun of the table is a bar label in the chart.
        for (const row of numbers.rows) expect(figure.svg).toContain(row[0].replace(' (markerad)', ''));
    });

    test('the PDF is tagged, Swedish, with text a screen reader gets', () => {
        const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
        expect(info).toMatch(/^Tagged:\s+yes$/m);
        expect(info).toMatch(/^Title:\s+Upplands Väsby \(0114\) – Öppna jämförelser socialtjänst 2019$/m);
        const content = text(file);
        expect(content).toContain('Tabell 1. Barn och unga: Upplands Väsbys resultat per indikator');
        expect(content).toContain('Figur 1. Andel uppnådda indikatorer inom Barn och unga');
        expect(content).toMatch(/Upplands Väsby uppnår \d+ av \d+ bedömda indikatorer inom området/);
    });

    test.skipIf(!pikepdf)('every chart is a Figure with its alt text and its own marked content', () => {
        const tree = figuresOf(file);
        expect(tree).toMatchObject({ marked: true, lang: 'sv-SE' });
        const figures = doc.sections.flatMap((s) => s.content).filter((c) => c.kind === 'figure');
        expect(tree.figures).toHaveLength(figures.length);
        tree.figures.forEach((f, i) => {
            expect(f.alt).toBe(figures[i].kind === 'figure' ? figures[i].alt : '');
            expect(f.mcids).toBeGreaterThan(0);
        });
    });

    test.skipIf(!hasPdfUa)("passes the project's PDF/UA-1 checks", async () => {
        expect(await pdfUaFailures(file)).toEqual([]);
    });

    test('the HTML has each chart as an image with the same alt text, in a figure with its caption', () => {
        const figures = [
            ...html.matchAll(
                /<figure id="[^"]+">\n<img src="data:image\/svg\+xml;base64,([^"]+)" alt="([^"]*)" width="\d+" height="\d+">\n<figcaption>([^<]+)<\/figcaption>/g,
            ),
        ];
        expect(figures.length).toBe(doc.sections.flatMap((s) => s.content).filter((c) => c.kind === 'figure').length);
        expect(Buffer.from(figures[0][1], 'base64').toString('utf8')).toMatch(/^<svg /);
        expect(figures[0][2]).toContain('Upplands Väsby (markerad)');
        expect(figures[0][3]).toBe(
            'Figur 1. Andel uppnådda indikatorer inom Barn och unga, de svarande i Stockholms län; Upplands Väsby markerad',
        );
    });

    test('in Word a chart is its caption and its text, before the table of its numbers', async () => {
        const zip = await JSZip.loadAsync(await renderDocx(doc));
        const xml = await zip.file('word/document.xml')!.async('string');
        const figure = doc.sections.flatMap((s) => s.content).find((c) => c.kind === 'figure')!;
        if (figure.kind !== 'figure') return;
        const caption = xml.indexOf(figure.caption);
        expect(caption).toBeGreaterThan(0);
        expect(xml.indexOf(figure.alt.replace(/&/g, '&amp;'), caption)).toBeGreaterThan(caption);
    });

    test('the same results give the same PDF', async () => {
        const again = await renderReport(
            await buildReport(
                models,
                results,
                { kind: 'unit', unit: '0114' },
                { previous: readResultsFolder(path.join(dir, 'ut-2018')) },
            ),
        );
        expect(again.pdf.equals(fs.readFileSync(file))).toBe(true);
    });
});

describe('the report on a län (01)', () => {
    let doc: Awaited<ReturnType<typeof buildReport>>;
    let file: string;

    beforeAll(async () => {
        doc = await buildReport(models, results, { kind: 'lan', lan: '01' });
        file = path.join(dir, 'rapport-lan-01.pdf');
        fs.writeFileSync(file, (await renderReport(doc)).pdf);
    });

    test('per area the län beside the country, every län in a chart with this one marked, and its kommuner', () => {
        const area = doc.sections.find((s) => s.title === 'Ekonomiskt bistånd')!;
        const tables = area.content.filter((c) => c.kind === 'table');
        expect(tables.map((t) => t.kind === 'table' && t.columns[1])).toEqual(['Stockholms län', 'Uppnådda', 'Uppnådda']);
        const [, perLan, members] = tables;
        if (perLan.kind !== 'table' || members.kind !== 'table') return;
        expect(perLan.rows.map((r) => r[0])).toContain('Stockholms län (markerat)');
        expect(perLan.rows).toHaveLength(21);
        expect(members.rows.map((r) => r[0])).toEqual(results.respondents.filter((r) => r.lanskod === '01').map((r) => r.name));
        const figure = area.content.find((c) => c.kind === 'figure');
        expect(figure?.kind === 'figure' && figure.alt).toMatch(
            /per län, i kodordning, 21 staplar\. Stockholms län \(markerat\)/,
        );
    });

    test.skipIf(!hasPdfUa)("passes the project's PDF/UA-1 checks", async () => {
        expect(await pdfUaFailures(file)).toEqual([]);
    });

    test.skipIf(!pikepdf)('its charts are tagged Figures with alt text', () => {
        const tree = figuresOf(file);
        expect(tree.figures.length).toBe(partsOf(models).length);
        expect(tree.figures.every((f) => f.alt && f.alt.startsWith('Liggande stapeldiagram') && f.mcids > 0)).toBe(true);
    });
});

describe('what a report refuses', () => {
    test('a kommun that did not respond, a code that is not one, a län code that does not exist', async () => {
        const absent = kommuner().find((k) => isNonRespondent(k.kod))!;
        expect(results.respondents.some((r) => r.unit === absent.kod)).toBe(false);
        await expect(buildReport(models, results, { kind: 'unit', unit: absent.kod })).rejects.toThrow(
            new ReportError(`${absent.namn} (${absent.kod}) finns inte bland de svarande i resultaten: kommunen svarade inte.`),
        );
        await expect(buildReport(models, results, { kind: 'unit', unit: '<b>' })).rejects.toThrow(/"<b>" är ingen enhetskod/);
        // Stockholm answers by its stadsdelar (målpopulation kommuner, stadsdelar): the report is on one of them.
        const stockholm = results.respondents.filter((r) => r.kommunkod === '0180').map((r) => r.unit);
        expect(stockholm.length).toBeGreaterThan(0);
        expect(stockholm.every((unit) => /^0180-\d{2}$/.test(unit))).toBe(true);
        await expect(buildReport(models, results, { kind: 'unit', unit: '0180' })).rejects.toThrow(
            new ReportError(`0180 har svarat genom sina stadsdelar; ange en av dem: ${stockholm.join(', ')}.`),
        );
        await expect(buildReport(models, results, { kind: 'lan', lan: '02' })).rejects.toThrow(/"02" är ingen länskod/);
    });
});

describe('charts', () => {
    test('untrusted labels are escaped in the SVG', async () => {
        const chart = await barChart(
            [{ label: '<script>alert(1)</script> & Co', share: 0.5, marked: true, text: '50 %' }],
            'Andel',
        );
        expect(chart.svg).not.toContain('<script>');
        expect(chart.svg).toContain('&lt;script&gt;');
        expect(chart.width).toBeGreaterThan(300);
    });
});
