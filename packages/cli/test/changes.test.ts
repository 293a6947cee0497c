/** `oj new-year` and `oj diff` as a user runs them: files written, exit codes, the document formats. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { root, runOj } from './support.js';

describe('oj new-year', () => {
    test('writes next year and lists what to review', async () => {
        const out = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-ny-'));
        const run = await runOj(['new-year', 'examples/oj2019', '--year', '2020', '--out', out], root);
        expect(run.code).toBe(0);
        expect(run.stderr).toMatch(/\d+ filer för 2020 skrivna till .*; 10 indikatorer länkade till 2019./);
        expect(run.stdout).toMatch(/^Att granska \(\d+\):/);
        expect(fs.readFileSync(path.join(out, 'enkat.oj'), 'utf-8')).toContain('mätdatum "2020-02-01"');
        expect((await runOj(['check', out], root)).code).toBe(0);
    });

    test('a year that is not a year is a usage error, and nothing is written', async () => {
        const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'oj-ny-')), 'ny');
        const run = await runOj(['new-year', 'examples/oj2019', '--year', 'nästa', '--out', out], root);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('--year ska vara ett årtal med fyra siffror');
        expect(fs.existsSync(out)).toBe(false);
    });
});

describe('oj diff', () => {
    test('terminal: the example years', async () => {
        const run = await runOj(['diff', 'examples/oj2019', 'examples/oj2020'], root);
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('Jämförelse OJ2019 (2019, 10 indikatorer) → OJ2020 (2020, 10 indikatorer)');
        expect(run.stdout).toContain('fråga i = Ja, fråga ii = Ej aktuellt: 2019 ej uppnådd → 2020 uppnådd (1 kombination)');
        expect(run.stdout).not.toMatch(/\u001b\[/);
    });

    test('--json is the ModelDiff', async () => {
        const run = await runOj(['diff', 'examples/oj2019', 'examples/oj2020', '--json'], root);
        const diff = JSON.parse(run.stdout);
        expect(diff.summary).toMatchObject({ added: 1, removed: 1 });
        expect(diff.indicators.find((i: { after?: { number: number } }) => i.after?.number === 3).behaviour).toHaveLength(8);
    });

    test('--format html and docx for reviewers', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-diff-'));
        const html = await runOj(
            [
                'diff',
                'examples/oj2019',
                'examples/oj2020',
                '--format',
                'html',
                '--out',
                path.join(dir, 'd.html'),
                '--date',
                '2020-06-01',
            ],
            root,
        );
        expect(html.code).toBe(0);
        const text = fs.readFileSync(path.join(dir, 'd.html'), 'utf-8');
        expect(text).toContain('<html lang="sv-SE"');
        expect(text).toContain('Svarskombinationer som får ett annat utfall');
        const docx = await runOj(
            [
                'diff',
                'examples/oj2019',
                'examples/oj2020',
                '--format',
                'docx',
                '--out',
                path.join(dir, 'd.docx'),
                '--date',
                '2020-06-01',
            ],
            root,
        );
        expect(docx.code).toBe(0);
        expect(fs.readFileSync(path.join(dir, 'd.docx')).subarray(0, 2).toString()).toBe('PK');
    });

    test('a model with errors exits 1', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-diff-'));
        fs.writeFileSync(path.join(dir, 'trasig.oj'), 'indikator 1 "x" { krävs: Ja på fråga i }\n');
        const run = await runOj(['diff', 'examples/oj2019', dir], root);
        expect(run.code).toBe(1);
    });
});
