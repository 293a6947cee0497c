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
    fs.writeFileSync(path.join(dir, 'broken', 'trasig.oj'), 'tillhör OJ2019\nindikator 99 "Trasig" {\n    fråga i Trasig99: "Fråga?" svar JN\n    krävs: Ja på fråga i och\n}\n');
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

    test('writes the questionnaire as Word, and only as Word', async () => {
        const result = await oj(['docs', example, '--kind', 'questionnaire', '--out', 'formular.docx']);
        expect(result.code).toBe(0);
        expect(result.stderr).toContain('Formuläret (docx, 10 indikatorer) skrivet till formular.docx.');
        const refused = await oj(['docs', example, '--kind', 'questionnaire', '--format', 'pdf', '--out', 'formular.pdf']);
        expect(refused.code).toBe(2);
        expect(refused.stderr).toContain('finns bara som Word');
        expect(fs.existsSync(path.join(dir, 'formular.pdf'))).toBe(false);
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
