/**
 * The bundled server under the ordinary sequences of real clients (issue 20), each case through
 * both the project's LSP client over IPC and a raw JSON-RPC client over stdio: no exit on a quick
 * open and close, errors sent as JSON-RPC errors, closing goes back to disk, a new document does not
 * revalidate the workspace, diagnostics keep coming while typing fast, and the workspace's errors
 * appear before any document is opened.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateWorkspace } from '@oj/synthetic';
import { type Driver, DRIVER_KINDS, startDriver } from './support/drivers.js';
import { examplesDir } from './support/paths.js';

const INDICATORS = 'indikatorer-flera-omraden.oj';
const ANSWER_SETS = 'svarsalternativ.oj';
const ERROR = 1;

const errorsOf = (diagnostics: Array<{ severity?: number }>) => diagnostics.filter((d) => d.severity === ERROR);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until no diagnostics have been published for `quietMs`. */
async function settled(driver: Driver, quietMs = 600): Promise<void> {
    for (;;) {
        const count = driver.publishes().length;
        await sleep(quietMs);
        if (driver.publishes().length === count) return;
    }
}

function copyOf(dir: string, prefix: string): string {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    fs.cpSync(dir, copy, { recursive: true });
    return copy;
}

/** A one-indicator file of the 2019 survey, with the given number. */
function oneIndicator(number: number, title = 'Ny indikator'): string {
    return `tillhör OJ2019

indikator ${number} "${title}" {
    områden EB
    redovisas för EB
    beskrivning "Kommunen har en rutin."
    typ struktur
    kvalitetsområde "Säker"
    fråga i NyRutin${number}: "Har ni en rutin?" svar JNE_NY per område EB
    krävs: Ja på fråga i
}
`;
}

describe.each(DRIVER_KINDS)('the server through the %s client, on the 2019 set', (kind) => {
    let workspace: string;
    let driver: Driver;

    beforeAll(async () => {
        workspace = copyOf(examplesDir, 'oj-clients-');
        driver = await startDriver(kind, workspace);
    });

    afterAll(async () => {
        await driver?.stop();
        fs.rmSync(workspace, { recursive: true, force: true });
    });

    test("the workspace's diagnostics are published when it opens, before any document is opened", async () => {
        const answerSets = await driver.published(driver.uriOf(ANSWER_SETS), () => true, { current: true, timeoutMs: 30_000 });
        expect(errorsOf(answerSets.diagnostics)).toEqual([]);
        await driver.published(driver.uriOf(INDICATORS), () => true, { current: true });
        await settled(driver);
    });

    test('didOpen at once followed by didClose of a file not on disk does not end the server', async () => {
        for (let round = 0; round < 12; round++) {
            const uri = driver.uriOf(`ny-indikator-${round}.oj`);
            driver.open(uri, oneIndicator(90 + round));
            driver.change(uri, oneIndicator(90 + round) + '\n// skrivet');
            // No pause, then growing pauses: the close lands before, during and after the update the open started.
            if (round > 0) await sleep(round % 4 === 0 ? 0 : round * 3);
            driver.close(uri);
        }
        const hover = await driver.request('textDocument/hover', {
            textDocument: { uri: driver.uriOf(INDICATORS) },
            position: { line: 0, character: 2 },
        });
        expect('result' in hover, driver.stderr()).toBe(true);
        await settled(driver);
        expect(driver.exitCode(), driver.stderr()).toBeNull();
        // Each document that only the editor had is gone, its diagnostics cleared.
        for (let round = 0; round < 12; round++) {
            const last = driver.publishes(driver.uriOf(`ny-indikator-${round}.oj`)).pop();
            if (last) expect(last.diagnostics, `ny-indikator-${round}.oj`).toEqual([]);
        }
        expect(driver.stderr()).not.toMatch(/ENOENT|Unhandled|Error:/);
    });

    test('a request on a document the server does not have answers with a JSON-RPC error, not a result', async () => {
        const answer = await driver.request('textDocument/hover', {
            textDocument: { uri: driver.uriOf('finns-inte.oj') },
            position: { line: 0, character: 0 },
        });
        expect(answer).toEqual({ error: expect.objectContaining({ code: -32802 }) });
    });

    test('a request without a position answers InvalidParams (-32602), not an internal error', async () => {
        for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/definition']) {
            const answer = await driver.request(method, { textDocument: { uri: driver.uriOf(INDICATORS) } });
            expect(answer, method).toEqual({ error: expect.objectContaining({ code: -32602 }) });
        }
        expect(driver.exitCode()).toBeNull();
    });

    test('completion after "på fråga ii " offers what continues the rule, not the parts of an indicator', async () => {
        const uri = driver.uriOf(INDICATORS);
        const text = fs.readFileSync(path.join(workspace, INDICATORS), 'utf-8');
        const rule = 'Ja på fråga i och Ja eller EjAktuellt på fråga ii\n';
        const edited = text.replace(rule, rule.replace('\n', ' \n'));
        driver.open(uri, edited);
        await driver.published(uri, (p) => p.version === 1);
        const position = positionOf(edited, rule.replace('\n', ' \n'), rule.length);
        const answer = await driver.request('textDocument/completion', { textDocument: { uri }, position });
        expect('result' in answer).toBe(true);
        const result = (answer as { result: { items?: Array<{ label: string }> } | Array<{ label: string }> }).result;
        const labels = (Array.isArray(result) ? result : (result.items ?? [])).map((i) => i.label);
        expect(labels).toEqual(expect.arrayContaining(['och', 'eller', 'ELLER']));
        for (const part of ['beskrivning', 'typ', 'exempel', 'utesluts', 'krävs', 'kommentar'])
            expect(labels).not.toContain(part);
        // After "på fråga " the indicator's questions come first, each with its text.
        const afterQuestion = await driver.request('textDocument/completion', {
            textDocument: { uri },
            position: positionOf(edited, 'EjAktuellt på fråga ii \n', 'EjAktuellt på fråga '.length),
        });
        const questionItems = (
            (afterQuestion as { result: { items: Array<{ label: string; detail?: string; sortText?: string }> } }).result.items ??
            []
        ).sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
        expect(questionItems.slice(0, 2).map((i) => i.label)).toEqual(['i', 'ii']);
        expect(questionItems[0].detail).toContain('Har ni den (mätdatum) en skriftlig');
        // On a line of its own, the parts are offered.
        const lineStart = positionOf(edited, '    utesluts: EjAktuellt på fråga i', 4);
        const atLineStart = await driver.request('textDocument/completion', { textDocument: { uri }, position: lineStart });
        const partLabels = ((atLineStart as { result: { items: Array<{ label: string }> } }).result.items ?? []).map(
            (i) => i.label,
        );
        expect(partLabels).toEqual(expect.arrayContaining(['exempel', 'utesluts']));
        driver.change(uri, text);
        driver.close(uri);
        await settled(driver);
    });

    test("the outline's sections do not pin their first indicator above every later one (sticky scroll)", async () => {
        const answer = await driver.request('textDocument/documentSymbol', { textDocument: { uri: driver.uriOf(INDICATORS) } });
        const symbols = (
            answer as {
                result: Array<{
                    name: string;
                    range: { start: { line: number }; end: { line: number } };
                    children?: Array<{ range: { start: { line: number } } }>;
                }>;
            }
        ).result;
        const sections = symbols.filter((s) => s.children && s.children.length > 1);
        expect(sections.length).toBeGreaterThan(0);
        for (const section of sections) {
            expect(section.range.end.line, section.name).toBe(section.range.start.line);
            // No later indicator's line lies inside the section's own range.
            for (const child of section.children!.slice(1))
                expect(child.range.start.line).toBeGreaterThan(section.range.end.line);
        }
    });

    test('opening and editing files while the editor asks for outline, folding and hover logs no warning', async () => {
        for (const file of fs.readdirSync(workspace).filter((f) => f.endsWith('.oj'))) {
            const uri = driver.uriOf(file);
            const text = fs.readFileSync(path.join(workspace, file), 'utf-8');
            driver.open(uri, text);
            // What VS Code asks for at once when a file opens, before its build is done.
            const asked = [
                driver.request('textDocument/documentSymbol', { textDocument: { uri } }),
                driver.request('textDocument/foldingRange', { textDocument: { uri } }),
                driver.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 4 } }),
            ];
            driver.change(uri, text + '\n');
            asked.push(driver.request('textDocument/documentSymbol', { textDocument: { uri } }));
            await Promise.all(asked);
            driver.change(uri, text);
            driver.close(uri);
        }
        await settled(driver);
        expect(driver.warnings()).toEqual([]);
    });

    test('hover on an indicator\'s number and on the keywords "indikator" and "krävs"', async () => {
        const uri = driver.uriOf(INDICATORS);
        const text = fs.readFileSync(path.join(workspace, INDICATORS), 'utf-8');
        const hoverAt = async (needle: string, offset: number) => {
            const answer = await driver.request('textDocument/hover', {
                textDocument: { uri },
                position: positionOf(text, needle, offset),
            });
            return JSON.stringify((answer as { result: unknown }).result ?? null);
        };
        expect(await hoverAt('indikator 2 "', 2)).toContain('**2. Aktuell rutin för att inte röja skyddade personuppgifter');
        expect(await hoverAt('indikator 2 "', 'indikator '.length)).toContain(
            '**2. Aktuell rutin för att inte röja skyddade personuppgifter',
        );
        const rule = await hoverAt('krävs "på kommun-/stadsdelsnivå": Ja på fråga i och Ja eller EjAktuellt på fråga ii', 2);
        expect(rule).toContain('krävs: Ja på fråga i och Ja eller Ej aktuellt på fråga ii.');
        expect(rule).toContain('Beslutstabell');
    });

    test('a line nested too deep to read gets its own error on that line; a huge name is quoted cut short', async () => {
        const uri = driver.uriOf('trasig.oj');
        const deep = `    krävs: ${'('.repeat(300)}Ja på fråga i${')'.repeat(300)}`;
        const name = 'X'.repeat(200_000);
        const text =
            oneIndicator(80).replace('    krävs: Ja på fråga i\n', `${deep}\n`) +
            oneIndicator(81).replace('krävs: Ja på', `krävs: ${name} på`);
        driver.open(uri, text);
        const published = await driver.published(uri, (p) => p.diagnostics.length > 0);
        const line = text.split('\n').indexOf(deep);
        // Parentheses are guarded across lines by the parser (issue 19): its error names the line and stands on it.
        const nested = published.diagnostics.filter((d) => /nästla[dt] (i mer än|djupare än) 100 nivåer/.test(d.message));
        expect(nested.map((d) => d.range.start.line)).toEqual([line]);
        expect(nested[0].message).toContain(`på rad ${line + 1}`);
        const unknown = published.diagnostics.find((d) => d.message.includes('XXXX'))!;
        expect(unknown.message.length).toBeLessThan(300);
        expect(unknown.message).toContain('…');
        driver.close(uri);
        await driver.published(uri, (p) => p.diagnostics.length === 0);
    });

    test('a cancelled request answers with the RequestCancelled error', async () => {
        const uri = driver.uriOf(INDICATORS);
        const text = fs.readFileSync(path.join(workspace, INDICATORS), 'utf-8');
        driver.open(uri, text);
        await driver.published(uri, () => true);
        // A change starts a rebuild (of a text long enough to take a while: the indicators five times
        // more, renumbered); the completion waits for it and is cancelled meanwhile.
        const indicators = text.slice(text.indexOf('indikator 1 '));
        const copies = [1, 2, 3, 4, 5].map((copy) =>
            indicators.replace(/^indikator (\d+)/gm, (_m, n) => `indikator ${copy * 100 + Number(n)}`),
        );
        driver.change(uri, [text, ...copies].join('\n'));
        const answer = await driver.requestCancelled('textDocument/completion', {
            textDocument: { uri },
            position: { line: 5, character: 0 },
        });
        expect(answer).toEqual({ error: expect.objectContaining({ code: -32800 }) });
        const restored = driver.change(uri, text);
        await driver.published(uri, (p) => p.version === restored && errorsOf(p.diagnostics).length === 0, {
            current: true,
            timeoutMs: 60_000,
        });
        driver.close(uri);
        await settled(driver);
    });

    test('after an unsaved edit and didClose, the other files are checked against the file on disk again', async () => {
        const uri = driver.uriOf(ANSWER_SETS);
        const indicators = driver.uriOf(INDICATORS);
        const text = fs.readFileSync(path.join(workspace, ANSWER_SETS), 'utf-8');
        driver.open(uri, text.replaceAll('JNE_NY', 'JNE_NYTT'));
        const broken = await driver.published(indicators, (p) => errorsOf(p.diagnostics).length > 0);
        expect(
            errorsOf(broken.diagnostics)
                .map((d) => d.message)
                .join('\n'),
        ).toContain('JNE_NY');
        driver.close(uri);
        const back = await driver.published(indicators, (p) => errorsOf(p.diagnostics).length === 0);
        expect(errorsOf(back.diagnostics)).toEqual([]);
        const hover = await driver.request('textDocument/hover', {
            textDocument: { uri: indicators },
            position: positionOf(fs.readFileSync(path.join(workspace, INDICATORS), 'utf-8'), 'svar JNE_NY', 6),
        });
        expect(JSON.stringify(hover)).toContain('JNE\\\\_NY');
        await settled(driver);
    });

    test('a document that only existed in the editor leaves the workspace when closed: no false duplicate, its diagnostics cleared', async () => {
        const uri = driver.uriOf('kopia.oj');
        const indicators = driver.uriOf(INDICATORS);
        driver.open(uri, oneIndicator(1, 'Kopia av indikator 1'));
        const duplicate = await driver.published(indicators, (p) => errorsOf(p.diagnostics).some((d) => d.message.includes('1')));
        expect(errorsOf(duplicate.diagnostics)).toHaveLength(1);
        driver.close(uri);
        const cleared = await driver.published(uri, (p) => p.diagnostics.length === 0);
        expect(cleared.diagnostics).toEqual([]);
        const back = await driver.published(indicators, (p) => errorsOf(p.diagnostics).length === 0, { current: true });
        expect(errorsOf(back.diagnostics)).toEqual([]);
        await settled(driver);
    });
});

/** The position of `needle` in `text`, plus `offset` characters. */
function positionOf(text: string, needle: string, offset = 0): { line: number; character: number } {
    const index = text.indexOf(needle);
    if (index < 0) throw new Error(`"${needle}" not found`);
    const before = text.slice(0, index + offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

describe.each(DRIVER_KINDS)('the server through the %s client, on a synthetic workspace', (kind) => {
    let workspace: string;
    let driver: Driver;
    let files: Array<{ path: string; text: string }>;

    beforeAll(async () => {
        workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-clients-synthetic-'));
        // Ten files of indicators, and one of sixty (about 1,000 lines) to type in.
        files = [...generateWorkspace({ seed: 3, indicators: 100, files: 10 })];
        for (const file of files) fs.writeFileSync(path.join(workspace, file.path), file.text);
        driver = await startDriver(kind, workspace);
        for (const file of files) driver.open(driver.uriOf(file.path), file.text);
        await driver.published(driver.uriOf(files[files.length - 1].path), () => true, { current: true, timeoutMs: 60_000 });
        await settled(driver);
    }, 120_000);

    afterAll(async () => {
        await driver?.stop();
        fs.rmSync(workspace, { recursive: true, force: true });
    });

    test('opening a new one-indicator file publishes for that file, not for every open document', async () => {
        const before = driver.publishes().length;
        const survey = /tillhör (\S+)/.exec(files.find((f) => f.path.startsWith('indikatorer-'))!.text)![1];
        const answerSet = /svar (\S+)/.exec(files.find((f) => f.path.startsWith('indikatorer-'))!.text)![1];
        const uri = driver.uriOf('ny-indikator.oj');
        driver.open(uri, oneIndicator(900).replace('OJ2019', survey).replace('JNE_NY', answerSet));
        await driver.published(uri);
        await settled(driver);
        const others = new Set(
            driver
                .publishes()
                .slice(before)
                .map((p) => p.uri)
                .filter((u) => u !== uri),
        );
        // At most the file declaring the answer set it uses ("never used" may change there).
        expect([...others].map((u) => path.basename(u))).toEqual(
            others.size === 0 ? [] : [expect.stringMatching(/svarsalternativ/)],
        );
        driver.close(uri);
        await settled(driver);
    });

    test('typing faster than the file rebuilds: its diagnostics keep coming, each with the version it describes', async () => {
        const file = [...files].filter((f) => f.path.startsWith('indikatorer-')).sort((a, b) => b.text.length - a.text.length)[0];
        const uri = driver.uriOf(file.path);
        const anchor = file.text.indexOf('beskrivning "') + 'beskrivning "'.length;
        const typed = ' och har följt upp den under året och rapporterat till nämnden';
        const start = driver.publishes(uri).length;
        const sentAt: number[] = [];
        let lastVersion = 0;
        for (let i = 1; i <= typed.length; i++) {
            lastVersion = driver.change(uri, file.text.slice(0, anchor) + typed.slice(0, i) + file.text.slice(anchor));
            sentAt.push(performance.now());
            await sleep(10);
        }
        const typingEnded = performance.now();
        const final = await driver.published(uri, (p) => p.version === lastVersion, { current: true });
        const duringTyping = driver
            .publishes(uri)
            .slice(start)
            .filter((p) => p.at < typingEnded);
        // Typing took more than half a second; diagnostics arrived while it went on.
        expect(typingEnded - sentAt[0]).toBeGreaterThan(500);
        expect(duringTyping.length, `${duringTyping.length} publishes while typing`).toBeGreaterThanOrEqual(2);
        for (const publish of driver.publishes(uri).slice(start)) expect(publish.version).toBeTypeOf('number');
        expect(errorsOf(final.diagnostics)).toEqual([]);
        driver.change(uri, file.text);
        await settled(driver);
    });
});
