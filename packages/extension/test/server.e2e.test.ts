/**
 * The bundled language server (out/server/main.cjs) as the extension starts it, driven by a real
 * LSP client over Node IPC on a copy of the 2019 set: diagnostics, hover, completion, rename,
 * formatting, an edit that breaks and then fixes the model, and the extension's own requests.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
    type CompletionItem,
    type CompletionList,
    CompletionRequest,
    DiagnosticSeverity,
    DocumentFormattingRequest,
    type Hover,
    HoverRequest,
    type MarkupContent,
    type Position,
    RenameRequest,
    ResponseError,
    type TextEdit,
    type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import JSZip from 'jszip';
import { codebookCsv as cliCodebookCsv, generate as cliGenerate } from '@oj/cli';
import {
    EvaluateResponsesRequest,
    ExportCodebookRequest,
    ExportDescriptionRequest,
    GenerateEvaluatorRequest,
    type ModelErrorData,
    OjErrorCodes,
    PreviewRequest,
    sendRequest,
    SurveyInfoRequest,
} from '../src/protocol.js';
import { type ServerSession, startServer } from './support/lsp-client.js';
import { examplesDir } from './support/paths.js';

const INDICATORS = 'indikatorer-flera-omraden.oj';
const ANSWER_SETS = 'svarsalternativ.oj';

let workspace: string;
let outDir: string;
let server: ServerSession;
let indicatorsUri: string;
let original: string;

/** The position of the n-th occurrence of `needle` in `text`, plus `offset` characters. */
function positionOf(text: string, needle: string, offset = 0, occurrence = 1): Position {
    let index = -1;
    for (let i = 0; i < occurrence; i++) {
        index = text.indexOf(needle, index + 1);
        if (index < 0) throw new Error(`"${needle}" occurs fewer than ${occurrence} times`);
    }
    const before = text.slice(0, index + offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

const errorsOf = (diagnostics: Array<{ severity?: DiagnosticSeverity }>) =>
    diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
const textDocument = () => ({ uri: indicatorsUri });

beforeAll(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-ext-lsp-'));
    fs.cpSync(examplesDir, workspace, { recursive: true });
    outDir = path.join(workspace, 'oj-ut');
    original = fs.readFileSync(path.join(workspace, INDICATORS), 'utf-8');
    server = await startServer(workspace);
    indicatorsUri = await server.open(INDICATORS);
});

afterAll(async () => {
    await server?.close();
    fs.rmSync(workspace, { recursive: true, force: true });
});

describe('the bundled server with a real LSP client', () => {
    test('publishes diagnostics for the 2019 set, without errors', async () => {
        const diagnostics = await server.diagnostics(indicatorsUri, () => true, { current: true });
        expect(errorsOf(diagnostics), server.stderr()).toEqual([]);
        const answerSets = await server.diagnostics(server.uriOf(ANSWER_SETS), () => true, { current: true });
        expect(errorsOf(answerSets)).toEqual([]);
    });

    test('hover on an answer option in a rule: its label, code and answer set', async () => {
        const hover = (await server.connection.sendRequest(HoverRequest.type, {
            textDocument: textDocument(),
            position: positionOf(original, 'EjAktuellt på fråga iii', 2),
        })) as Hover;
        const value = (hover.contents as MarkupContent).value;
        expect(value).toContain('**Ej aktuellt, då det upprättades nyligen**');
        expect(value).toContain('Kod 3 i svarsalternativen JNE\\_NY');
    });

    test('completion after "svar" offers the survey\'s answer sets', async () => {
        const result = (await server.connection.sendRequest(CompletionRequest.type, {
            textDocument: textDocument(),
            position: positionOf(original, 'svar JNE_NY', 'svar '.length),
        })) as CompletionList | CompletionItem[];
        const labels = (Array.isArray(result) ? result : result.items).map((item) => item.label);
        expect(labels).toEqual(expect.arrayContaining(['JN', 'JNE_OMR', 'JNE_NY', 'JNBE']));
    });

    test('rename of an answer set edits its declaration and every use in other files', async () => {
        const edit = (await server.connection.sendRequest(RenameRequest.type, {
            textDocument: textDocument(),
            position: positionOf(original, 'svar JNE_NY', 'svar '.length),
            newName: 'JNE_NYLIGEN',
        })) as WorkspaceEdit;
        const changes = edit.changes ?? {};
        const answerSetEdits = changes[server.uriOf(ANSWER_SETS)] ?? [];
        const indicatorEdits = changes[indicatorsUri] ?? [];
        expect(answerSetEdits).toHaveLength(1);
        expect(indicatorEdits.length).toBe(original.match(/\bJNE_NY\b/g)!.length);
        expect(new Set([...answerSetEdits, ...indicatorEdits].map((e) => e.newText))).toEqual(new Set(['JNE_NYLIGEN']));
    });

    test('formatting restores a file whose indentation and spacing were lost', async () => {
        const flattened = original
            .split('\n')
            .map((line) => line.trimStart().replace(/ \{$/, '{'))
            .join('\n');
        expect(flattened).not.toBe(original);
        const published = server.diagnostics(indicatorsUri);
        server.change(indicatorsUri, flattened);
        await published;
        const edits = (await server.connection.sendRequest(DocumentFormattingRequest.type, {
            textDocument: textDocument(),
            options: { tabSize: 4, insertSpaces: true },
        })) as TextEdit[];
        const formatted = TextDocument.applyEdits(TextDocument.create(indicatorsUri, 'oj', 0, flattened), edits);
        expect(formatted).toBe(original);
        const restored = server.diagnostics(indicatorsUri, (d) => errorsOf(d).length === 0);
        server.change(indicatorsUri, original);
        await restored;
    });

    test('an edit that breaks a reference shows an error; undoing it clears the error', async () => {
        const broken = original.replace('svar JNE_NY', 'svar JNE_NYY');
        const withError = server.diagnostics(indicatorsUri, (d) => errorsOf(d).length > 0);
        server.change(indicatorsUri, broken);
        const errors = errorsOf(await withError);
        // The unresolved answer set, then its options in the rules that can no longer be resolved.
        expect(errors[0].range.start).toEqual(positionOf(broken, 'JNE_NYY'));
        expect(errors[0].message).toContain('JNE_NYY');
        expect(errors.slice(1).every((e) => e.range.start.line > errors[0].range.start.line)).toBe(true);

        const fixed = server.diagnostics(indicatorsUri, (d) => errorsOf(d).length === 0);
        server.change(indicatorsUri, original);
        await fixed;
    });
});

describe("the extension's requests", () => {
    test('oj/surveyInfo names the survey and its files', async () => {
        const info = await sendRequest(server.connection, SurveyInfoRequest, { textDocument: textDocument() });
        expect(info).toEqual({
            survey: 'OJ2019',
            errors: 0,
            files: ['begrepp.oj', 'dokument.oj', 'enkat.oj', 'indikatorer-flera-omraden.oj', 'omraden.oj', 'svarsalternativ.oj'],
        });
    });

    test("oj/preview: the file's indicators as an escaped fragment, with their source lines", async () => {
        const preview = await sendRequest(server.connection, PreviewRequest, { textDocument: textDocument() });
        expect(preview.title).toBe('Indikatorer – öppna jämförelser 2019');
        expect(preview.anchors.map((a) => a.id)).toEqual(Array.from({ length: 10 }, (_, i) => `indikator-${i + 1}`));
        expect(preview.anchors[0].startLine).toBe(positionOf(original, 'indikator 1 "').line);
        expect(preview.anchors[1].startLine).toBe(positionOf(original, 'indikator 2 "').line);
        for (const anchor of preview.anchors) expect(preview.body).toContain(`id="${anchor.id}"`);
        expect(preview.body).not.toMatch(/<script|<html[\s>]|<head[\s>]/i);
        expect(preview.css).toContain('section.indicator');
    });

    test('oj/preview follows unsaved edits', async () => {
        const renamed = original.replace(
            '"Aktuell rutin för att förhindra avhysning av barnfamiljer"',
            '"Rutin mot avhysning, ändrad"',
        );
        const published = server.diagnostics(indicatorsUri);
        server.change(indicatorsUri, renamed);
        const preview = await sendRequest(server.connection, PreviewRequest, { textDocument: textDocument() });
        expect(preview.body).toContain('Rutin mot avhysning, ändrad');
        await published;
        const restored = server.diagnostics(indicatorsUri);
        server.change(indicatorsUri, original);
        await restored;
    });

    test('oj/exportCodebook writes what `oj codebook` writes, byte for byte', async () => {
        const outFile = path.join(outDir, 'OJ2019-kodbok.csv');
        const result = await sendRequest(server.connection, ExportCodebookRequest, { textDocument: textDocument(), outFile });
        const cli = await cliCodebookCsv([examplesDir]);
        expect(result).toEqual({ files: [outFile], variables: cli.rows });
        expect(fs.readFileSync(outFile, 'utf-8')).toBe(cli.csv);
    });

    test('oj/generateEvaluator writes the package `oj generate` writes', async () => {
        const serverDir = path.join(outDir, 'OJ2019-utvarderare');
        const cliDir = path.join(workspace, 'cli-generated');
        const result = await sendRequest(server.connection, GenerateEvaluatorRequest, {
            textDocument: textDocument(),
            outDir: serverDir,
        });
        const cli = await cliGenerate([examplesDir], cliDir);
        expect(result.files.map((f) => path.relative(serverDir, f)).sort()).toEqual([...cli.files].sort());
        for (const file of cli.files) {
            expect(fs.readFileSync(path.join(serverDir, file), 'utf-8'), file).toBe(
                fs.readFileSync(path.join(cliDir, file), 'utf-8'),
            );
        }
    });

    test('oj/exportDescription writes a PDF with the shipped font embedded', async () => {
        const outFile = path.join(outDir, 'OJ2019-indikatorer.pdf');
        await sendRequest(server.connection, ExportDescriptionRequest, { textDocument: textDocument(), format: 'pdf', outFile });
        const pdf = fs.readFileSync(outFile);
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
    });

    test('oj/exportDescription writes a Word document with the indicators', async () => {
        const outFile = path.join(outDir, 'OJ2019-indikatorer.docx');
        await sendRequest(server.connection, ExportDescriptionRequest, { textDocument: textDocument(), format: 'docx', outFile });
        const docx = await JSZip.loadAsync(fs.readFileSync(outFile));
        const body = await docx.file('word/document.xml')!.async('string');
        expect(body).toContain('Aktuell rutin för att förhindra avhysning av barnfamiljer');
    });

    test('oj/evaluateResponses evaluates a survey export and writes the result files', async () => {
        const variables = (await cliCodebookCsv([examplesDir])).csv
            .split('\n')
            .slice(1)
            .filter(Boolean)
            .map((line) => line.split(',')[0]);
        const answers: Record<string, string> = { I01_1: '1', I01_2A: '1', I01_2B: '1', I01_3: '3' };
        const responsesFile = path.join(workspace, 'svar.csv');
        // Upplands Väsby: a kommun in OJ2019's population (Stockholm answers by its stadsdelar).
        fs.writeFileSync(
            responsesFile,
            `unit,name,${variables.join(',')}\n0114,Upplands Väsby,${variables.map((v) => answers[v] ?? '').join(',')}\n`,
        );
        const resultDir = path.join(outDir, 'OJ2019-resultat-svar');
        const result = await sendRequest(server.connection, EvaluateResponsesRequest, {
            textDocument: textDocument(),
            responsesFile,
            outDir: resultDir,
        });
        expect(result.respondentsEvaluated).toBe(1);
        expect(result.files.map((f) => path.basename(f))).toEqual([
            'units.csv',
            'aggregates.csv',
            'indicators.csv',
            'results.xlsx',
        ]);
        expect(fs.readFileSync(path.join(resultDir, 'units.csv'), 'utf-8')).toMatch(/^0114,Upplands Väsby,1,,,met,,,$/m);
    });

    test('an invalid response file is refused with every problem named', async () => {
        const responsesFile = path.join(workspace, 'fel.csv');
        fs.writeFileSync(responsesFile, 'kommun,I01_1\n0180,1\n');
        const failure = sendRequest(server.connection, EvaluateResponsesRequest, {
            textDocument: textDocument(),
            responsesFile,
            outDir: path.join(outDir, 'fel'),
        });
        await expect(failure).rejects.toSatisfy(
            (error: ResponseError<unknown>) =>
                error.code === OjErrorCodes.InvalidResponses && error.message.includes('Kolumnen "unit"'),
        );
        expect(fs.existsSync(path.join(outDir, 'fel'))).toBe(false);
    });

    test('a model with errors generates nothing and says where the first error is', async () => {
        const broken = original.replace('svar JNE_NY', 'svar JNE_NYY');
        const withError = server.diagnostics(indicatorsUri, (d) => errorsOf(d).length > 0);
        server.change(indicatorsUri, broken);
        await withError;
        const target = path.join(outDir, 'trasig');
        const failure = sendRequest(server.connection, GenerateEvaluatorRequest, {
            textDocument: textDocument(),
            outDir: target,
        });
        await expect(failure).rejects.toSatisfy(
            (error: ResponseError<ModelErrorData>) =>
                error.code === OjErrorCodes.ModelHasErrors &&
                error.data!.total >= 1 &&
                error.data!.errors[0].file === INDICATORS &&
                error.data!.errors[0].line === positionOf(broken, 'JNE_NYY').line + 1,
        );
        expect(fs.existsSync(target)).toBe(false);
        const fixed = server.diagnostics(indicatorsUri, (d) => errorsOf(d).length === 0);
        server.change(indicatorsUri, original);
        await fixed;
    });
});
