/**
 * The frame every `oj` command shares, as a user meets it: Swedish help and usage errors, one
 * exit-code rule (0 success, 1 the input has errors, 2 usage or file problems), empty input as an
 * error, Swedish numbers and plurals, output files written whole or not at all, and plain output
 * when piped (NO_COLOR honoured).
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { root, runOj, testSurvey } from './support.js';
import { agree, count, percent } from '../src/format.js';

const COMMANDS = ['check', 'codebook', 'coverage', 'generate', 'evaluate', 'docs'];
let dir: string;

const oj = (args: string[], env: Record<string, string | undefined> = {}) => runOj(args, dir, env);

const MODEL = `${testSurvey()}
indikator 1 "Rutin" {
    områden EB
    beskrivning "Kommunen har en rutin."
    typ struktur
    kvalitetsområde "Säker"
    fråga i Rutin: "Har ni en rutin?" svar JN
    krävs: Ja på fråga i
    exempel "Ja" { fråga i = Ja  ger uppnådd }
}
`;

beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-frame-'));
    fs.mkdirSync(path.join(dir, 'tom'));
    fs.writeFileSync(path.join(dir, 'tom', 'anteckningar.txt'), 'inga modellfiler här\n');
    fs.mkdirSync(path.join(dir, 'utan-indikatorer'));
    fs.writeFileSync(
        path.join(dir, 'utan-indikatorer', 'svar.oj'),
        'svarsalternativ JN {\n    Ja = 1 "Ja"\n    Nej = 2 "Nej"\n}\n',
    );
    // One warning: the description lacks "Syfte" and "Önskad riktning".
    fs.writeFileSync(path.join(dir, 'en.oj'), MODEL);
    fs.mkdirSync(path.join(dir, 'två'));
    const [survey, rest] = [MODEL.slice(0, MODEL.indexOf('svarsalternativ')), MODEL.slice(MODEL.indexOf('svarsalternativ'))];
    fs.writeFileSync(path.join(dir, 'två', 'enkat.oj'), survey);
    fs.writeFileSync(path.join(dir, 'två', 'indikatorer.oj'), `tillhör T2019\n\n${rest}`);
    fs.writeFileSync(path.join(dir, 'svar.csv'), 'unit,name,T1_1\n0180,Stockholm,1\n');
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('help and version, in Swedish', () => {
    const ENGLISH =
        /Usage:|Options:|Arguments:|Commands:|display help|output the version|\(default:|\(choices:|\[options\]|\[command\]/;

    test('oj --help lists the commands, an example and the exit-code rule, in Swedish', async () => {
        const result = await oj(['--help']);
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(/^Användning: oj \[flaggor\] \[kommando\]/);
        for (const command of COMMANDS) expect(result.stdout).toMatch(new RegExp(`^  ${command} \\[flaggor\\]`, 'm'));
        expect(result.stdout).toContain('Exempel:\n  $ oj check examples/oj2019');
        expect(result.stdout).toContain(
            'Slutkoder:\n  0  klart utan fel\n  1  indata (modellen eller svarsfilen) har fel\n  2  felaktigt anrop',
        );
        expect(result.stdout).not.toMatch(ENGLISH);
    });

    test.each(COMMANDS)('oj %s --help shows an example of the command and the exit codes, in Swedish', async (command) => {
        const result = await oj([command, '--help']);
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(new RegExp(`^Användning: oj ${command} \\[flaggor\\] <sökvägar\\.\\.\\.>`));
        expect(result.stdout).toMatch(new RegExp(`Exempel:\\n  \\$ oj ${command} `));
        expect(result.stdout).toContain('Slutkoder:');
        expect(result.stdout).not.toMatch(ENGLISH);
    });

    test('choices and defaults are noted in Swedish', async () => {
        const help = (await oj(['docs', '--help'])).stdout.replace(/\s+/g, ' ');
        expect(help).toContain('(val: "docx", "pdf", "html")');
        expect(help).toContain('(val: "description", "questionnaire", standard: "description")');
    });

    test('--version prints the version of the command line', async () => {
        const { version } = JSON.parse(fs.readFileSync(path.join(root, 'packages/cli/package.json'), 'utf-8'));
        const result = await oj(['--version']);
        expect(result).toMatchObject({ code: 0, stdout: `${version}\n` });
    });
});

describe('usage errors: Swedish, exit 2', () => {
    test.each([
        [['check'], 'fel: argumentet <sökvägar> saknas.\nSkriv "oj check --help" för hjälp.\n'],
        [['check', '--jsn', 'en.oj'], 'fel: okänd flagga --jsn\n(Menade du --json?)\nSkriv "oj check --help" för hjälp.\n'],
        [['chek', 'en.oj'], 'fel: okänt kommando chek\n(Menade du check?)\nSkriv "oj --help" för hjälp.\n'],
        [
            ['docs', 'en.oj', '--format', 'rtf'],
            'fel: ogiltigt värde "rtf" för -f, --format <format>. Tillåtna värden: docx, pdf, html.\nSkriv "oj docs --help" för hjälp.\n',
        ],
        [['docs', 'en.oj', '--out'], 'fel: flaggan -o, --out <fil> behöver ett värde.\nSkriv "oj docs --help" för hjälp.\n'],
        [['evaluate', 'en.oj', '--out', 'ut'], '--responses eller --register krävs: svarsfilen, registerfilen eller båda.\n'],
        [['coverage', 'en.oj', '--min', 'många'], '--min ska vara en procentsats mellan 0 och 100, inte "många".\n'],
        [['docs', 'en.oj', '--format', 'pdf'], '--out krävs för pdf.\n'],
        [['docs', 'en.oj', '--out', 'a.html', '--date', '2019-13-01'], 'Ogiltigt datum "2019-13-01": ange ÅÅÅÅ-MM-DD.\n'],
    ])('oj %j', async (args, message) => {
        const result = await oj(args);
        expect(result.stderr).toBe(message);
        expect(result.code).toBe(2);
    });

    test('oj without a command shows the help on stderr and exits 2', async () => {
        const result = await oj([]);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/^Användning: oj/);
    });
});

describe('empty input is an error for every command', () => {
    const argsFor = (command: string, input: string): string[] => {
        switch (command) {
            case 'generate':
                return [command, input, '--out', `paket-${command}`];
            case 'evaluate':
                return [command, input, '--responses', 'svar.csv', '--out', `resultat-${command}`];
            case 'docs':
                return [command, input, '--out', `dokument-${command}.pdf`];
            case 'codebook':
                return [command, input, '--out', `kodbok-${command}.csv`];
            default:
                return [command, input];
        }
    };
    const written = () => fs.readdirSync(dir).filter((f) => /^(paket|resultat|dokument|kodbok)-/.test(f));

    test.each(COMMANDS)('oj %s on a folder without .oj files: exit 2, nothing written', async (command) => {
        const result = await oj(argsFor(command, 'tom'));
        expect(result.stderr).toBe('Inga modellfiler (.oj) i tom.\n');
        expect(result.code).toBe(2);
        expect(written()).toEqual([]);
    });

    test.each(COMMANDS)('oj %s on a model without indicators: exit 1, nothing written', async (command) => {
        const result = await oj(argsFor(command, 'utan-indikatorer'));
        expect(result.stderr).toBe('Modellen i utan-indikatorer har inga indikatorer.\n');
        expect(result.code).toBe(1);
        expect(written()).toEqual([]);
    });

    test.each(COMMANDS)('oj %s on a path that does not exist: exit 2', async (command) => {
        const result = await oj(argsFor(command, 'finns-inte'));
        expect(result.stderr).toBe('Kan inte läsa finns-inte: filen eller mappen finns inte.\n');
        expect(result.code).toBe(2);
    });
});

describe('Swedish numbers and agreement', () => {
    test('counts agree with their nouns and participles', () => {
        expect(`${count(1, 'fil', 'filer')} ${agree(1, 'kontrollerad', 'kontrollerade')}`).toBe('1 fil kontrollerad');
        expect(`${count(2, 'fil', 'filer')} ${agree(2, 'kontrollerad', 'kontrollerade')}`).toBe('2 filer kontrollerade');
        expect(count(0, 'varning', 'varningar')).toBe('0 varningar');
    });

    test('a share is written with a decimal comma and a space before the percent sign', () => {
        expect(percent(100)).toBe('100,0 %');
        expect(percent((2 / 3) * 100)).toBe('66,7 %');
    });

    test('oj check: "1 fil kontrollerad: 0 fel, 1 varning." and "2 filer kontrollerade"', async () => {
        const one = await oj(['check', 'en.oj']);
        expect(one.code).toBe(0);
        expect(one.stderr).toBe('1 fil kontrollerad: 0 fel, 1 varning.\n');
        const two = await oj(['check', 'två']);
        expect(two.stderr).toBe('2 filer kontrollerade: 0 fel, 1 varning.\n');
    });

    test('oj coverage writes the share Swedish style', async () => {
        const result = await oj(['coverage', 'en.oj']);
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(/^Täckning: 1 av 3 möjliga utfall \(33,3 %\)\.$/m);
    });

    test('oj coverage --min: below the minimum is exit 1, with the reason', async () => {
        const result = await oj(['coverage', 'en.oj', '--min', '75']);
        expect(result.code).toBe(1);
        expect(result.stderr).toBe('Täckningen 33,3 % är lägre än --min 75,0 %.\n');
    });
});

describe('output files: whole or not at all, file problems in Swedish (exit 2)', () => {
    test('an output path that is a folder', async () => {
        fs.mkdirSync(path.join(dir, 'en-mapp.csv'));
        const result = await oj(['codebook', 'en.oj', '--out', 'en-mapp.csv']);
        expect(result.code).toBe(2);
        expect(result.stderr).toBe('Kunde inte skriva en-mapp.csv: det är en mapp, inte en fil.\n');
    });

    test('an output path below a file', async () => {
        const result = await oj(['docs', 'en.oj', '--out', 'svar.csv/indikatorer.pdf']);
        expect(result.code).toBe(2);
        expect(result.stderr).toBe('Kunde inte skriva svar.csv/indikatorer.pdf: det finns redan en fil med det namnet.\n');
        expect(fs.readFileSync(path.join(dir, 'svar.csv'), 'utf-8')).toBe('unit,name,T1_1\n0180,Stockholm,1\n');
    });

    test('a package over a file of the same name leaves no half-written package', async () => {
        fs.mkdirSync(path.join(dir, 'paketet'));
        fs.writeFileSync(path.join(dir, 'paketet', 'src'), 'en fil där en mapp ska vara\n');
        const result = await oj(['generate', 'en.oj', '--out', 'paketet']);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/^Kunde inte skriva paketet\/src\/\S+: det finns redan en fil med det namnet\.\n$/);
        expect(fs.readdirSync(path.join(dir, 'paketet'))).toEqual(['src']);
    });
});

describe('piped output is plain', () => {
    const ESCAPE = /\x1b\[/;

    test('no escape codes when piped, colour only on request (FORCE_COLOR), and never with NO_COLOR', async () => {
        fs.writeFileSync(path.join(dir, 'trasig.oj'), MODEL.replace('krävs: Ja på fråga i', 'krävs: Ja på fråga i och'));
        const plain = await oj(['check', 'trasig.oj'], { FORCE_COLOR: undefined, NO_COLOR: undefined });
        expect(plain.code).toBe(1);
        expect(plain.stdout).toMatch(/^trasig\.oj:\d+:\d+ error /m);
        expect(plain.stdout + plain.stderr).not.toMatch(ESCAPE);
        const forced = await oj(['check', 'trasig.oj'], { FORCE_COLOR: '1', NO_COLOR: undefined });
        expect(forced.stdout).toMatch(/\x1b\[31merror\x1b\[0m/);
        const noColor = await oj(['check', 'trasig.oj'], { FORCE_COLOR: '1', NO_COLOR: '1' });
        expect(noColor.stdout).not.toMatch(ESCAPE);
        expect(noColor.stdout).toBe(plain.stdout);
    });

    test('oj evaluate, piped, writes no progress line', async () => {
        const result = await oj(['evaluate', 'en.oj', '--responses', 'svar.csv', '--out', 'resultat']);
        expect(result.code).toBe(0);
        expect(result.stderr).toContain('Läste 1 svarande, utvärderade 1: 1 uppnådd, 0 ej uppnådd, 0 utesluten, 0 saknas.');
        expect(result.stderr).not.toMatch(/\r|\x1b\[/);
    });
});

const system = '/usr/bin/node';
const systemVersion = fs.existsSync(system) ? (await promisify(execFile)(system, ['--version'])).stdout.trim() : '';

describe('running the bin', () => {
    const run = promisify(execFile);
    const bin = path.join(root, 'packages/cli/bin/oj.js');

    test('output cut short by a closed pipe (| head, | true) is not an error: exit 0, no stack trace', async () => {
        // `true` exits without reading, so every write of oj meets a closed pipe.
        const { stderr } = await run('bash', ['-o', 'pipefail', '-c', `"${bin}" codebook en.oj | true`], {
            cwd: dir,
            env: { ...process.env, PATH: `${path.join(root, 'node_modules/.bin')}:${process.env.PATH}` },
        });
        expect(stderr).not.toMatch(/EPIPE|at /);
    });

    test('before a build it says how to build and exits 2', async () => {
        // The bin alone, as in a clone installed with --ignore-scripts: no out/ beside it.
        const unbuilt = path.join(dir, 'unbuilt-cli', 'bin');
        fs.mkdirSync(unbuilt, { recursive: true });
        fs.copyFileSync(bin, path.join(unbuilt, 'oj.js'));
        const result = await run(path.join(root, 'node_modules/node/bin/node'), [path.join(unbuilt, 'oj.js'), 'check', 'en.oj'], {
            cwd: dir,
        }).then(
            () => ({ code: 0, stderr: '' }),
            (e: { code: number; stderr: string }) => e,
        );
        expect(result.code).toBe(2);
        expect(result.stderr).toBe('oj är inte byggt: kör "npm ci" (som bygger) eller "npm run build" i projektmappen.\n');
    });

    test.skipIf(!/^v(1\d|20)\./.test(systemVersion))(
        'on a Node older than 21 it says to use npx (Node 22) and exits 2',
        async () => {
            const result = await run(system, [bin, 'check', 'en.oj'], { cwd: dir }).then(
                () => ({ code: 0, stderr: '' }),
                (e: { code: number; stderr: string }) => e,
            );
            expect(result.code).toBe(2);
            expect(result.stderr).toContain(
                `oj behöver Node 22 (du kör Node ${systemVersion.slice(1)}). Kör "npx oj …" i projektmappen`,
            );
        },
    );
});
