/**
 * `oj check` as a user runs it: the bin through the shell's PATH, file:line:col output, exit codes.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runOj, testSurvey } from './support.js';
import { check } from '../src/commands/check.js';

let dir: string;

const VALID = `${testSurvey()}
indikator 1 "Rutin" {
    områden EB
    beskrivning "Kommunen har en rutin."
    syfte "Att belysa rutiner."
    önskad riktning positiv
    typ struktur
    kvalitetsområde "Säker"
    fråga i Rutin: "Har ni en rutin?" svar JN
    krävs: Ja på fråga i
}
`;

const oj = (args: string[]) => runOj(args, dir);

beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-check-'));
    fs.writeFileSync(path.join(dir, 'valid.oj'), VALID);
    fs.writeFileSync(path.join(dir, 'broken.oj'), VALID.replace('krävs: Ja på fråga i', 'krävs: Ja på fråga i och'));
    fs.writeFileSync(
        path.join(dir, 'wrong-option.oj'),
        VALID.replace('krävs: Ja på fråga i', 'krävs: Kanske på fråga i')
            .replace('"Rutin"', '"Rutin 2"')
            .replace('indikator 1', 'indikator 2'),
    );
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('oj check', () => {
    test('a valid model exits 0 and prints nothing on stdout', async () => {
        const result = await oj(['check', 'valid.oj']);
        expect(result.stdout).toBe('');
        expect(result.stderr).toContain('1 fil kontrollerad: 0 fel, 0 varningar.');
        expect(result.code).toBe(0);
    });

    test('a syntax error is reported as file:line:col and exits 1', async () => {
        const result = await oj(['check', 'broken.oj']);
        expect(result.code).toBe(1);
        const line = VALID.split('\n').findIndex((l) => l.includes('krävs:')) + 2;
        expect(result.stdout).toMatch(new RegExp(`^broken\\.oj:${line}:1 error `, 'm'));
    });

    test('an unknown answer option names the answer set and the options it has', async () => {
        const result = await oj(['check', 'wrong-option.oj']);
        expect(result.code).toBe(1);
        expect(result.stdout).toMatch(
            /wrong-option\.oj:\d+:12 error Kanske är inget svarsalternativ på fråga i \(JN: Ja, Nej\)\. \[unknown-option\]/,
        );
    });

    test('model text with ESC, a bidi override or U+FFFF: exit 1, and nothing of it reaches the terminal raw (issue 19)', async () => {
        const hostile = VALID.replace('"Säker"', '"Säker\u001b[2J\u001b]0;titel\u0007\u202E"').replace(
            '"Kommunen har en rutin."',
            '"Kommunen har en rutin.\uFFFF"',
        );
        fs.writeFileSync(path.join(dir, 'hostile.oj'), hostile);
        const result = await oj(['check', 'hostile.oj']);
        expect(result.code).toBe(1);
        expect(result.stdout).not.toMatch(/[\u001b\u0007\u202E\uFFFF]/);
        expect(result.stdout).toContain('error Tecknet U+001B får inte finnas i modellen');
        expect(result.stdout).toContain('error Tecknet U+202E får inte finnas i modellen');
        expect(result.stdout).toContain('error Tecknet U+FFFF får inte finnas i modellen');
        // The quality-area warning quotes the text: its controls are shown as code points.
        expect(result.stdout).toContain('"SäkerU+001B[2JU+001B]0;titelU+0007U+202E" är inget känt kvalitetsområde');
    });

    test('--json gives the same diagnostics for machines', async () => {
        const result = await oj(['check', '--json', 'wrong-option.oj']);
        const json = JSON.parse(result.stdout);
        expect(json).toMatchObject({ files: 1, errors: 1 });
        expect(json.diagnostics[0]).toMatchObject({ file: 'wrong-option.oj', severity: 'error', code: 'unknown-option' });
    });

    test('a path that does not exist is an error, not an empty success', async () => {
        const result = await oj(['check', 'nothing-here']);
        expect(result.code).toBe(2);
        expect(result.stderr).toBe('Kan inte läsa nothing-here: filen eller mappen finns inte.\n');
    });

    test('one file of a workspace: the folder its survey is declared in is checked, and a note says so', async () => {
        const workspace = path.join(dir, 'arbetsyta');
        fs.mkdirSync(workspace, { recursive: true });
        const [header, ...rest] = VALID.split('\nindikator 1');
        fs.writeFileSync(path.join(workspace, 'enkat.oj'), header);
        fs.writeFileSync(path.join(workspace, 'indikatorer.oj'), `tillhör T2019\n\nindikator 1${rest.join('\nindikator 1')}`);
        const result = await oj(['check', path.join('arbetsyta', 'indikatorer.oj')]);
        expect(result.stderr).toContain(
            'arbetsyta/indikatorer.oj hör till enkäten T2019, som deklareras i arbetsyta/enkat.oj: hela mappen arbetsyta kontrolleras.',
        );
        expect(result.stderr).toContain('2 filer kontrollerade: 0 fel, 0 varningar.');
        expect(result.code).toBe(0);
        // The same file with a survey declared nowhere: the survey is the one error, and no folder is added.
        fs.writeFileSync(path.join(workspace, 'annan.oj'), `tillhör T2020\n\nindikator 3${rest.join('\nindikator 1')}`);
        const alone = await oj(['check', '--json', path.join('arbetsyta', 'annan.oj')]);
        const json = JSON.parse(alone.stdout);
        expect(json.notes).toEqual([]);
        expect(json.files).toBe(1);
        expect(json.diagnostics.find((d: { code?: string }) => d.code === 'unknown-reference')?.message).toBe(
            'Det finns ingen enkät som heter T2020.',
        );
        fs.rmSync(workspace, { recursive: true, force: true });
    });

    test('in-process check reports the same diagnostics', async () => {
        const { diagnostics } = await check([path.join(dir, 'wrong-option.oj')]);
        expect(diagnostics.map((d) => d.code)).toEqual(['unknown-option']);
    });
});
