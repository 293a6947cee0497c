/**
 * Completion through the bundled server and a real LSP client (snippet support on, as VS Code
 * has it), on a copy of the 2019 set: templates only where a declaration may start, never inside
 * a rule, and after "på fråga " the indicator's questions first, with their text (issue 20 item 9);
 * one construct of the rules, to show the server the extension ships has them (issue 12).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
    type CompletionItem,
    CompletionItemKind,
    type CompletionList,
    CompletionRequest,
    InsertTextFormat,
    type Position,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type ServerSession, startServer } from './support/lsp-client.js';
import { examplesDir } from './support/paths.js';

const INDICATORS = 'indikatorer-flera-omraden.oj';

describe('completion through the bundled server', () => {
    let workspace: string;
    let server: ServerSession;
    let uri: string;
    let original: string;

    beforeAll(async () => {
        workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-completion-'));
        fs.cpSync(examplesDir, workspace, { recursive: true });
        server = await startServer(workspace);
        uri = await server.open(INDICATORS);
        original = fs.readFileSync(path.join(workspace, INDICATORS), 'utf-8');
        await server.diagnostics(uri, () => true, { current: true });
    });

    afterAll(async () => {
        await server?.close();
        if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
    });

    /** Sets the document's text and asks for completion where `marker` ("<|>") stands in it. */
    async function completeAt(textWithMarker: string): Promise<CompletionItem[]> {
        const offset = textWithMarker.indexOf('<|>');
        const text = textWithMarker.replace('<|>', '');
        server.change(uri, text);
        const position: Position = TextDocument.create(uri, 'oj', 0, text).positionAt(offset);
        const result = (await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position })) as
            CompletionList | CompletionItem[];
        return Array.isArray(result) ? result : result.items;
    }

    const snippets = (items: CompletionItem[]) => items.filter((i) => i.kind === CompletionItemKind.Snippet);
    const inIndicatorOne = (line: string) =>
        original.replace(
            '    exempel "Rutin med båda delarna, uppföljd" {',
            `    ${line}\n    exempel "Rutin med båda delarna, uppföljd" {`,
        );

    test('at the start of a line between declarations: the templates of declarations, as snippets in Swedish', async () => {
        const items = await completeAt(original.replace('\nindikator 2 ', '\n<|>\nindikator 2 '));
        const templates = snippets(items);
        expect(templates.map((i) => i.label).sort()).toEqual(['fråga', 'indikator', 'område', 'svarsalternativ']);
        const indicator = templates.find((i) => i.label === 'indikator')!;
        expect(indicator.insertTextFormat).toBe(InsertTextFormat.Snippet);
        expect(indicator.detail).toBe('Mall: ny indikator');
        expect(indicator.textEdit?.newText).toMatch(/^indikator \$\{1:11\} "\$\{2:Indikatorns namn\}" \{\n\tområden/);
    });

    test('at the start of a line in an indicator: a question, a question with items and a worked example', async () => {
        const items = await completeAt(inIndicatorOne('<|>'));
        expect(
            snippets(items)
                .map((i) => i.label)
                .sort(),
        ).toEqual(['exempel', 'fråga', 'fråga med alternativ']);
        // The keywords of the indicator's parts are there too.
        expect(items.map((i) => i.label)).toEqual(expect.arrayContaining(['krävs', 'utesluts', 'kommentar']));
    });

    test('inside a rule no snippet; after "på fråga " the questions first, each with its text', async () => {
        for (const rule of [
            'krävs: <|>',
            'krävs: Ja på fråga i och <|>',
            'utesluts: Nej på fråga <|>',
            'krävs: Ja på fråga <|>',
        ]) {
            expect(snippets(await completeAt(inIndicatorOne(rule))), rule).toEqual([]);
        }
        const items = await completeAt(inIndicatorOne('utesluts: Nej på fråga <|>'));
        const sorted = [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
        expect(sorted.slice(0, 3).map((i) => i.label)).toEqual(['i', 'ii', 'iii']);
        expect(sorted[0].detail).toContain('Har ni (mätdatum) en skriftlig och på ledningsnivå beslutad rutin');
        expect(sorted[0].kind).not.toBe(CompletionItemKind.Snippet);
    });

    test('"minst två av alternativen " offers the items of the question named after it, and their range', async () => {
        const items = await completeAt(inIndicatorOne('undantas: Ja på minst två av alternativen <|> på fråga ii'));
        expect(items.map((i) => i.label)).toEqual(expect.arrayContaining(['A', 'B', 'A–B']));
        expect(items.find((i) => i.label === 'A')?.detail).toMatch(/^Att ni aktivt söker upp/);
        server.change(uri, original);
    });
});
