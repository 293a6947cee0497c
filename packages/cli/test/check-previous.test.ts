/**
 * `oj check --previous`: what changed against last year's model checked against what the model says
 * about comparability, as ordinary diagnostics (file:line:col severity message [code]).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { root, runOj, testSurvey } from './support.js';

const SURVEY = (year: number) => testSurvey(year);

const INDICATOR = (link: string, rule: string) => `
indikator 1 "Rutin" {
    områden EB
${link}    beskrivning "Kommunen har en rutin."
    syfte "Att belysa rutiner."
    önskad riktning positiv
    typ struktur
    kvalitetsområde "Säker"
    fråga i Rutin: "Har ni en rutin?" svar JN
    fråga ii Uppfoljning: "Har ni följt upp rutinen?" svar JN
    krävs: ${rule}
}
`;

let dir: string;
const write = (name: string, text: string) => {
    fs.mkdirSync(path.join(dir, name), { recursive: true });
    fs.writeFileSync(path.join(dir, name, 'modell.oj'), text);
};
const oj = (args: string[]) => runOj(args, dir);
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

// Two combinations move: fråga i = Ja, fråga ii = Nej from not met to met, and fråga i blank, fråga ii = Nej
// from not met to missing (blank and true is unknown).
const NEW_RULE = 'Ja på fråga i och Ja eller Nej på fråga ii';
const LAST = SURVEY(2019) + INDICATOR('', 'Ja på fråga i och Ja på fråga ii');
const SAYS_COMPARABLE = SURVEY(2020) + INDICATOR('    tidigare 2019 "Rutin" jämförbar "Frågorna är oförändrade."\n', NEW_RULE);
const SAYS_NOTHING = SURVEY(2020) + INDICATOR('', NEW_RULE);
const SAYS_NOT_COMPARABLE =
    SURVEY(2020) + INDICATOR('    tidigare 2019 "Rutin" ej jämförbar "Nej på fråga ii räcker nu."\n', NEW_RULE);
const UNCHANGED_BUT_NOT =
    SURVEY(2020) + INDICATOR('    tidigare 2019 "Rutin" ej jämförbar "Av försiktighet."\n', 'Ja på fråga i och Ja på fråga ii');

beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-check-prev-'));
    write('2019', LAST);
    write('jamforbar', SAYS_COMPARABLE);
    write('tyst', SAYS_NOTHING);
    write('ej-jamforbar', SAYS_NOT_COMPARABLE);
    write('oforandrad', UNCHANGED_BUT_NOT);
    write('trasig', SAYS_NOTHING.replace(`krävs: ${NEW_RULE}`, 'krävs: Ja på fråga i och'));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('oj check --previous', () => {
    test('a changed rule stated as comparable is a warning at its tidigare, naming what changed', async () => {
        const result = await oj(['check', 'jamforbar', '--previous', '2019']);
        expect(result.code).toBe(0);
        const line = lineOf(SAYS_COMPARABLE, 'tidigare 2019');
        expect(result.stdout).toBe(
            `${path.join('jamforbar', 'modell.oj')}:${line}:5 warning Indikator 1 anges som jämförbar med 2019, men den har ändrats: ` +
                'Utfallet ändras för 2 av 9 svarskombinationer. [comparable-but-changed]\n',
        );
        expect(result.stderr).toContain('1 fil kontrollerad: 0 fel, 1 varning.');
    });

    test('without a tidigare the warning stands at the indicator number and asks for a statement', async () => {
        const result = await oj(['check', 'tyst', '--previous', '2019']);
        const line = lineOf(SAYS_NOTHING, 'indikator 1');
        expect(result.stdout).toMatch(
            new RegExp(
                `^tyst/modell\\.oj:${line}:11 warning Indikator 1 har ändrats sedan förra året men säger inte om den är jämförbar \\(skriv "ej jämförbar" med skälet\\): Utfallet ändras för 2 av 9 svarskombinationer\\. \\[comparability-missing\\]\\n$`,
            ),
        );
    });

    test('a change stated as not comparable gives nothing; without --previous nothing is compared', async () => {
        expect((await oj(['check', 'ej-jamforbar', '--previous', '2019'])).stdout).toBe('');
        expect((await oj(['check', 'jamforbar'])).stdout).toBe('');
    });

    test('"ej jämförbar" with nothing changed is information, shown with --verbose and in --json', async () => {
        expect((await oj(['check', 'oforandrad', '--previous', '2019'])).stdout).toBe('');
        const verbose = await oj(['check', 'oforandrad', '--previous', '2019', '--verbose']);
        expect(verbose.stdout).toContain(
            'info Indikator 1 anges som ej jämförbar med 2019, men dess frågor och utfall är oförändrade. [not-comparable-but-unchanged]',
        );
        const json = JSON.parse((await oj(['check', 'jamforbar', '--previous', '2019', '--json'])).stdout);
        expect(json).toMatchObject({ files: 1, errors: 0, warnings: 1 });
        expect(json.diagnostics[0]).toMatchObject({
            severity: 'warning',
            code: 'comparable-but-changed',
            line: lineOf(SAYS_COMPARABLE, 'tidigare 2019'),
            column: 5,
        });
    });

    test('a model with errors is checked as usual and not compared, saying so', async () => {
        const result = await oj(['check', 'trasig', '--previous', '2019']);
        expect(result.code).toBe(1);
        expect(result.stdout).toContain(' error ');
        expect(result.stdout).not.toContain('jämförbar');
        expect(result.stderr).toContain('Jämförelsen med förra årets modell görs när modellen är fri från fel.');
    });

    test("last year's model with errors exits 1 naming it; a missing one exits 2", async () => {
        const broken = await oj(['check', 'tyst', '--previous', 'trasig']);
        expect(broken.code).toBe(1);
        expect(broken.stderr).toContain('Förra årets modell i trasig har 1 fel; kör "oj check trasig" för att se dem.');
        expect((await oj(['check', 'tyst', '--previous', 'finns-inte'])).code).toBe(2);
    });

    test('the example years agree with what changed; a statement turned round or removed is found at its tidigare', async () => {
        const clean = await runOj(['check', 'examples/oj2020', '--previous', 'examples/oj2019'], root);
        expect(clean.code).toBe(0);
        expect(clean.stdout).toBe('');
        const copy = path.join(dir, 'oj2020');
        fs.cpSync(path.join(root, 'examples/oj2020'), copy, { recursive: true });
        const file = path.join(copy, 'indikatorer-flera-omraden.oj');
        const text = fs
            .readFileSync(file, 'utf-8')
            .replace(
                /^( {4}tidigare 2019 "Aktuell rutin för att inte röja skyddade personuppgifter[^"]*") ej jämförbar "[^"]*"$/m,
                '$1 jämförbar',
            )
            .replace(
                /^( {4}tidigare 2019 "Aktuell samlad plan för handläggares kompetensutveckling") ej jämförbar "[^"]*"$/m,
                '$1',
            );
        fs.writeFileSync(file, text);
        const result = await runOj(['check', copy, '--previous', 'examples/oj2019'], root);
        expect(result.code).toBe(0);
        const lines = result.stdout.trim().split('\n');
        const at = (needle: string) => lineOf(text, needle);
        expect(lines).toEqual([
            expect.stringMatching(
                new RegExp(
                    `:${at('tidigare 2019 "Aktuell rutin för att inte röja')}:5 warning Indikator 2 anges som jämförbar med 2019, men den har ändrats: .*Fråga ii: Frågans text har ändrats\\. \\[comparable-but-changed\\]$`,
                ),
            ),
            expect.stringMatching(
                new RegExp(
                    `:${at('tidigare 2019 "Aktuell samlad plan')}:5 warning Indikator 6 har ändrats sedan 2019 men säger inte om den är jämförbar .*Alternativ E .*\\[comparability-missing\\]$`,
                ),
            ),
        ]);
    });
});
