/**
 * examples/constructs, the workspace of issue 12's constructs, as a user runs it: no errors, every
 * outcome shown by a worked example, and `oj evaluate` listing the implausible count of its
 * example responses and keeping it out of the published share.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, test } from 'vitest';
import { root, runOj } from './support.js';

const example = path.join(root, 'examples/constructs');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-constructs-'));
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

describe('examples/constructs', () => {
    test('oj check: no errors or warnings', async () => {
        const result = await runOj(['check', example], root);
        expect(result.stdout).toBe('');
        expect(result.stderr).toContain('7 filer kontrollerade: 0 fel, 0 varningar.');
        expect(result.code).toBe(0);
    });

    test('oj docs: each construct printed as the description words it', async () => {
        const html = path.join(out, 'beskrivning.html');
        const result = await runOj(['docs', example, '--format', 'html', '--out', html], root);
        expect(result.code).toBe(0);
        const text = fs
            .readFileSync(html, 'utf-8')
            .replace(/<[^>]+>/g, '')
            .replace(/\s+/g, ' ');
        expect(text).toContain('För att uppnå indikatorn krävs: Ja på fråga i och minst två av alternativen A–D på fråga ii.');
        expect(text).toContain('För att uppnå indikatorn krävs: Ja på minst tre av alternativen A, B och D på frågan.');
        expect(text).toContain(
            'För området Äldreomsorg: Kommuner och stadsdelar där gäller: Ej aktuellt på fråga i eller Nej på fråga ii, ingår inte i nämnaren.',
        );
        expect(text).toContain('För övriga områden: Ej aktuellt ingår inte i nämnaren.');
        expect(text).toContain(
            'För gruppen LSS barn: Kommuner och stadsdelar som inte uppnår indikatorn och där gäller: Nej på fråga ii, ingår inte i nämnaren.',
        );
        expect(text).toContain('För att uppnå indikatorn krävs: minst 40 timmar på frågan.');
        expect(text).toContain(
            'För att uppnå indikatorn krävs: antalet personer på fråga ii delat med antalet personer på fråga i är minst 80 procent och antalet personer på fråga ii är högst antalet personer på fråga i.',
        );
    });

    test('oj docs: the tick-box reading of a blank box is printed in Word, PDF and HTML', async () => {
        const rule =
            'En tom ruta räknas som ej vald när någon annan ruta i frågan är ikryssad; är alla rutor tomma räknas frågan som obesvarad.';
        const texts: Record<string, string> = {};
        for (const format of ['docx', 'pdf', 'html']) {
            const file = path.join(out, `kryssrutor.${format}`);
            const result = await runOj(['docs', example, '--format', format, '--out', file], root);
            expect(result.code).toBe(0);
            const bytes = fs.readFileSync(file);
            const raw =
                format === 'docx'
                    ? strFromU8(unzipSync(bytes)['word/document.xml'])
                    : format === 'pdf'
                      ? execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf-8' })
                      : bytes.toString('utf-8');
            texts[format] = raw.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
        }
        expect(texts.docx).toContain(rule);
        expect(texts.pdf).toContain(rule);
        expect(texts.html).toContain(rule);
        // Once: only the tick-box question (indicator 4) has such an answer set.
        expect(texts.html.split(rule).length).toBe(2);
    });

    test('oj coverage: every outcome reached by a worked example', async () => {
        const result = await runOj(['coverage', example], root);
        expect(result.stdout + result.stderr).toMatch(/Täckning: (\d+) av \1 möjliga utfall \(100,0 %\)\./);
    });

    test('oj evaluate: the implausible row is listed, treated as missing and kept out of the share', async () => {
        const result = await runOj(
            ['evaluate', example, '--responses', path.join(example, 'svar-exempel.csv'), '--out', out],
            root,
        );
        expect(result.code).toBe(0);
        expect(result.stderr).toContain(
            '1 orimliga värden (en del större än sin helhet) behandlades som saknade:\n  0115, indikator 5: K05_1 = 7 är större än K05_2 = 5\n',
        );
        expect(fs.readFileSync(path.join(out, 'units.csv'), 'utf-8')).toContain('0115,Vallentuna,5,,,missing,,,');
        expect(fs.readFileSync(path.join(out, 'aggregates.csv'), 'utf-8')).toContain('5,,,riket,riket,2,5,0.4000,,1');
    });
});
