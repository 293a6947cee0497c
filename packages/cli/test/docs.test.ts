/**
 * `oj docs` as a user runs it: the bin through the shell's PATH, the three formats and the
 * questionnaire, exit codes, and the same bytes from two separate runs.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { root, runOj } from './support.js';

const example = path.join(root, 'examples/oj2019');
let dir: string;

const oj = (args: string[]) => runOj(args, dir);

beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-docs-'));
    fs.mkdirSync(path.join(dir, 'broken'));
    for (const file of fs.readdirSync(example)) fs.copyFileSync(path.join(example, file), path.join(dir, 'broken', file));
    // A rule cut off after "och": a syntax error.
    fs.writeFileSync(
        path.join(dir, 'broken', 'trasig.oj'),
        'tillhör OJ2019\nindikator 99 "Trasig" {\n    fråga i Trasig99: "Fråga?" svar JN\n    krävs: Ja på fråga i och\n}\n',
    );
});

describe('oj docs', () => {
    test('writes the description as PDF, the same bytes on every run', async () => {
        const first = await oj(['docs', example, '--format', 'pdf', '--out', 'a.pdf']);
        expect(first.code).toBe(0);
        expect(first.stderr).toContain('Indikatorbeskrivningen (pdf, 10 indikatorer) skriven till a.pdf.');
        const second = await oj(['docs', example, '-o', 'b.pdf']);
        expect(second.code).toBe(0);
        const a = fs.readFileSync(path.join(dir, 'a.pdf'));
        expect(a.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
        expect(a.toString('latin1')).toContain('/Lang (sv-SE)');
        expect(a.equals(fs.readFileSync(path.join(dir, 'b.pdf')))).toBe(true);
    });

    test('writes the description as Word', async () => {
        const result = await oj(['docs', example, '--format', 'docx', '--out', 'indikatorer.docx']);
        expect(result.code).toBe(0);
        const bytes = fs.readFileSync(path.join(dir, 'indikatorer.docx'));
        expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
        expect(bytes.includes(Buffer.from('word/document.xml'))).toBe(true);
    });

    test('writes HTML to standard output when no file is named', async () => {
        const result = await oj(['docs', example, '--format', 'html']);
        expect(result.code).toBe(0);
        expect(result.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
        expect(result.stdout).toContain('id="indikator-6"');
    });

    test('writes the questionnaire as Word, PDF and HTML', async () => {
        const result = await oj(['docs', example, '--kind', 'questionnaire', '--out', 'formular.docx']);
        expect(result.code).toBe(0);
        expect(result.stderr).toContain('Formuläret (docx, 10 indikatorer) skrivet till formular.docx.');
        const pdf = await oj(['docs', example, '--kind', 'questionnaire', '--format', 'pdf', '--out', 'formular.pdf']);
        expect(pdf.code).toBe(0);
        expect(fs.readFileSync(path.join(dir, 'formular.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
        const html = await oj(['docs', example, '--kind', 'questionnaire', '--format', 'html']);
        expect(html.code).toBe(0);
        expect(html.stdout).toContain('<h3>Indikator 1, fråga i</h3>');
    });

    test('counts the response rates (Tabell 2) from --responses', async () => {
        fs.writeFileSync(path.join(dir, 'svar.csv'), 'unit,I01_1,I02_1_EB\n0114,1,\n0115,,2\n');
        const result = await oj(['docs', example, '--format', 'html', '--responses', 'svar.csv']);
        expect(result.code).toBe(0);
        expect(result.stdout).toContain(
            '<caption>Tabell 2. Svarsfrekvens för insamling av uppgifter till öppna jämförelser 2019, procent och antal av 312 kommuner och stadsdelar</caption>',
        );
        expect(result.stdout).toContain(
            '<th scope="row">Gemensam - flera områden inklusive Krisberedskap (G-del)</th><td class="number">1</td><td class="number">2</td>',
        );
    });

    test('refuses a model with errors, and says why, without writing a file', async () => {
        const result = await oj(['docs', 'broken', '--format', 'pdf', '--out', 'broken.pdf']);
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/Modellen har \d+ fel; kör "oj check"/);
        expect(fs.existsSync(path.join(dir, 'broken.pdf'))).toBe(false);
    });

    test('asks for a format or an output file it can name one by', async () => {
        const result = await oj(['docs', example, '--out', 'indikatorer.txt']);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain('Ange --format docx, pdf eller html');
        const noOut = await oj(['docs', example, '--format', 'pdf']);
        expect(noOut.code).toBe(2);
        expect(noOut.stderr).toContain('--out krävs för pdf');
    });
});
