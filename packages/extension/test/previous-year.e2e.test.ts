/**
 * Last year's workspace in the editor, through the bundled server and a real LSP client: with
 * `previousYear` set (as an initialization option, or as the `oj` settings a client pushes), the
 * hover of an indicator of examples/oj2020 says what changed since 2019 (or that nothing did), a
 * changed indicator that says it is comparable is warned about, `oj/diff` returns the diff
 * document, last year's own files get no comparison, and a change of last year's files on disk is
 * followed. Without a previous year there is no hover line and `oj/diff` says so.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
    DiagnosticSeverity,
    DidChangeConfigurationNotification,
    type Hover,
    HoverRequest,
    type MarkupContent,
    type Position,
} from 'vscode-languageserver-protocol';
import { DiffRequest, sendRequest } from '../src/protocol.js';
import { type ServerSession, startServer } from './support/lsp-client.js';
import { repoDir } from './support/paths.js';

const FILE = 'oj2020/indikatorer-flera-omraden.oj';
const LAST_FILE = 'oj2019/indikatorer-flera-omraden.oj';

let workspace: string;
let text: string;

function positionOf(source: string, needle: string, offset = 0): Position {
    const index = source.indexOf(needle);
    if (index < 0) throw new Error(`"${needle}" not found`);
    const before = source.slice(0, index + offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

async function hoverText(server: ServerSession, uri: string, source: string, needle: string, offset = 0): Promise<string> {
    const hover = (await server.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri },
        position: positionOf(source, needle, offset),
    })) as Hover | null;
    return hover ? (hover.contents as MarkupContent).value : '';
}

/** Asks until the answer satisfies the predicate (the server reloads last year in the background). */
async function eventually<T>(ask: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
    const end = Date.now() + timeoutMs;
    let value = await ask();
    while (!ok(value)) {
        if (Date.now() > end) throw new Error(`No matching answer within ${timeoutMs} ms; last: ${JSON.stringify(value)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
        value = await ask();
    }
    return value;
}

beforeAll(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-ext-previous-'));
    for (const year of ['oj2019', 'oj2020'])
        fs.cpSync(path.join(repoDir, 'examples', year), path.join(workspace, year), { recursive: true });
    text = fs.readFileSync(path.join(workspace, FILE), 'utf-8');
});

afterAll(() => {
    fs.rmSync(workspace, { recursive: true, force: true });
});

describe('with last year set as an initialization option', () => {
    let server: ServerSession;
    let uri: string;

    beforeAll(async () => {
        server = await startServer(workspace, undefined, { initializationOptions: { previousYear: 'oj2019' } });
        uri = await server.open(FILE);
        await server.diagnostics(uri);
    });

    afterAll(async () => {
        await server?.close();
    });

    test('a relaxed rule: the hover on the keyword says how many combinations move and that it is not comparable', async () => {
        const value = await hoverText(server, uri, text, 'indikator 3 ');
        expect(value).toContain('**3. Aktuell rutin för information om samordnad individuell plan (SIP)**');
        expect(value).toContain('Ändrat sedan 2019:');
        expect(value).toContain('ändras för 1 av 16 svarskombinationer');
        expect(value).toContain('inte jämförbar med 2019');
    });

    test('a renamed indicator, hovered on its name: the old name, and still comparable', async () => {
        const value = await hoverText(server, uri, text, '"Aktuell rutin för att förebygga avhysning', 2);
        expect(value).toContain(
            'Ändrat sedan 2019: nytt namn \\(2019: "Aktuell rutin för att förhindra avhysning av barnfamiljer"\\)',
        );
        expect(value).toContain('; jämförbar med 2019\\.');
    });

    test('an unchanged indicator, hovered on its number, and a new one', async () => {
        expect(await hoverText(server, uri, text, 'indikator 7 ', 10)).toContain('Oförändrat sedan 2019\\.');
        expect(await hoverText(server, uri, text, 'indikator 9 ', 10)).toContain(
            'Ny sedan 2019: ingen motsvarande indikator 2019\\.',
        );
    });

    test("last year's own files, open in the same workspace, are not compared with themselves", async () => {
        const lastText = fs.readFileSync(path.join(workspace, LAST_FILE), 'utf-8');
        const lastUri = await server.open(LAST_FILE);
        await server.diagnostics(lastUri);
        const value = await hoverText(server, lastUri, lastText, 'indikator 3 ');
        expect(value).toContain('**3. ');
        expect(value).not.toContain('sedan 2019');
    });

    test('a changed indicator that says it is comparable is warned about at its link, as oj check --previous does', async () => {
        const comparability = (d: { code?: unknown }) => d.code === 'comparable-but-changed';
        expect((await server.diagnostics(uri, () => true, { current: true })).filter(comparability)).toEqual([]);
        const changed = text.replace(
            /(tidigare 2019 "Aktuell rutin för information om samordnad individuell plan \(SIP\)") ej jämförbar "[^"]*"/,
            '$1 jämförbar',
        );
        expect(changed).not.toBe(text);
        server.change(uri, changed);
        const diagnostics = await server.diagnostics(uri, (d) => d.some(comparability));
        const warning = diagnostics.find(comparability)!;
        expect(warning.severity).toBe(DiagnosticSeverity.Warning);
        expect(warning.message).toMatch(/^Indikator 3 anges som jämförbar med 2019, men den har ändrats: Utfallet för /);
        expect(warning.range.start.line).toBe(positionOf(changed, 'tidigare 2019 "Aktuell rutin för information').line);
        // Saying why not again removes it.
        server.change(uri, text);
        await server.diagnostics(uri, (d) => !d.some(comparability));
    });

    test("oj/diff returns the diff document of this year's survey against last year", async () => {
        const result = await sendRequest(server.connection, DiffRequest, { textDocument: { uri } });
        expect(result.configured).toBe(true);
        expect(result.problem).toBeUndefined();
        expect(result.folder).toBe(path.join(workspace, 'oj2019'));
        expect(result.summary).toBe(
            '1 tillagd, 1 borttagen, 7 ändrade, 2 oförändrade; beteendet ändrat i 1, 5 inte jämförbara med föregående år.',
        );
        expect(result.title).toMatch(/2019.*2020/);
        expect(result.body).toContain('Aktuell rutin för information om samordnad individuell plan (SIP)');
        expect(result.body).not.toMatch(/<script|<html/i);
        expect(result.css).toBeTruthy();
    });

    test("a change of last year's files on disk is followed", async () => {
        // Last year's description of indicator 4 made this year's: the indicator no longer changes.
        const file = path.join(workspace, LAST_FILE);
        const before = fs.readFileSync(file, 'utf-8');
        const same = before.replace(
            'beslutad rutin för intern samordning i enskilda',
            'beslutad rutin för samordning i enskilda',
        );
        expect(same).not.toBe(before);
        expect(await hoverText(server, uri, text, 'indikator 4 ')).toContain('Ändrat sedan 2019: ändrad text: beskrivning');
        try {
            fs.writeFileSync(file, same);
            await eventually(
                () => hoverText(server, uri, text, 'indikator 4 '),
                (v) => v.includes('Oförändrat sedan 2019'),
            );
        } finally {
            fs.writeFileSync(file, before);
        }
        await eventually(
            () => hoverText(server, uri, text, 'indikator 4 '),
            (v) => v.includes('Ändrat sedan 2019: ändrad text: beskrivning'),
        );
    });
});

describe('without last year, then set by the client as settings', () => {
    let server: ServerSession;
    let uri: string;
    const messages: Array<{ type: number; message: string }> = [];

    beforeAll(async () => {
        server = await startServer(workspace);
        server.connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
            messages.push(params);
        });
        uri = await server.open(FILE);
        await server.diagnostics(uri);
    });

    afterAll(async () => {
        await server?.close();
    });

    test('no previous year: the hover has no line about it and oj/diff says none is set', async () => {
        const value = await hoverText(server, uri, text, 'indikator 3 ');
        expect(value).toContain('**3. ');
        expect(value).not.toContain('sedan');
        expect(await sendRequest(server.connection, DiffRequest, { textDocument: { uri } })).toEqual({ configured: false });
    });

    test('workspace/didChangeConfiguration with oj.previousYear turns the comparison on', async () => {
        await server.connection.sendNotification(DidChangeConfigurationNotification.type, {
            settings: { oj: { previousYear: path.join(workspace, 'oj2019') } },
        });
        const value = await eventually(
            () => hoverText(server, uri, text, 'indikator 7 ', 10),
            (v) => v.includes('sedan 2019'),
        );
        expect(value).toContain('Oförändrat sedan 2019\\.');
    });

    test('the setting cleared turns it off again', async () => {
        await server.connection.sendNotification(DidChangeConfigurationNotification.type, {
            settings: { oj: { previousYear: '' } },
        });
        await eventually(
            () => hoverText(server, uri, text, 'indikator 7 ', 10),
            (v) => v.includes('**7. ') && !v.includes('sedan 2019'),
        );
        expect(await sendRequest(server.connection, DiffRequest, { textDocument: { uri } })).toEqual({ configured: false });
    });

    test('last year with errors: one Swedish information message, no comparison, no crash', async () => {
        const broken = path.join(workspace, 'trasig2019');
        fs.cpSync(path.join(workspace, 'oj2019'), broken, { recursive: true });
        const file = path.join(broken, 'indikatorer-flera-omraden.oj');
        fs.writeFileSync(file, fs.readFileSync(file, 'utf-8').replace('svar JNE_OMR', 'svar FINNS_INTE'));
        await server.connection.sendNotification(DidChangeConfigurationNotification.type, {
            settings: { oj: { previousYear: 'trasig2019' } },
        });
        await eventually(
            async () => messages.length,
            (n) => n > 0,
        );
        expect(messages).toHaveLength(1);
        expect(messages[0].type).toBe(3);
        expect(messages[0].message).toMatch(
            /^Förra årets modell i .*trasig2019 har \d+ fel och jämförs inte förrän de är rättade\. Det första: /,
        );
        const result = await sendRequest(server.connection, DiffRequest, { textDocument: { uri } });
        expect(result.configured).toBe(true);
        expect(result.problem).toBe(messages[0].message);
        expect(await hoverText(server, uri, text, 'indikator 7 ', 10)).not.toContain('sedan');
        expect(server.stderr()).toBe('');
    });
});
