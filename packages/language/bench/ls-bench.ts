/**
 * Language-server benchmark on the synthetic workspace at ten times a real year (3,000 indicators
 * in 50 files), driving the real services in process as the language server does:
 *
 * - ls.coldBuildMs: a fresh process, started with the server's Node flags (server-process.ts), reads,
 *   parses, links, indexes and validates every file (all checks, as `oj check` does and as the
 *   server has done before its first diagnostics); median of --runs fresh processes.
 * - ls.editToDiagnosticsMsP95: typing in the file closest to 1,000 lines, one keystroke at a time
 *   (in a description, in a rule, in a new worked example): DocumentBuilder.update until the
 *   document's diagnostics are there, with the checks the server runs on a change.
 * - ls.hoverMsP95, ls.completionMsP95: HoverProvider.getHoverContent and
 *   CompletionProvider.getCompletion at names, references and rule positions of that file.
 * - ls.heapMB: heap in use after a forced garbage collection, with the workspace loaded and edited.
 * - ls.analysisMs.*: time in the exact rule analysis and worked-example checks
 *   (oj-analysis-validator.ts) during a full validation, on the 10× workspace and on examples/oj2019.
 * - ls.serverRssMB.afterBuild, ls.serverRssMB.after400Edits: the resident memory of a real server
 *   process (out/main.js over stdio, with the server's Node flags) once the 10× workspace's
 *   diagnostics are all published, and after typing 400 characters into the file (server-session.ts).
 * - ls.typingDiagnosticsMsP95.at25ms, .at50ms: while typing one character every 25 ms (then 50 ms)
 *   into that file, each keystroke's time until diagnostics of its text (or a later one) arrive.
 *
 *   npx tsx --expose-gc packages/language/bench/ls-bench.ts [--runs 3] [--out results.json]
 * Prints a table on stderr and the results as JSON on stdout (or to --out).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AstUtils, TextDocument, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createOjServices, collectModelFiles, type Model } from '@oj/language';
import { LANGUAGE_SERVER_EXEC_ARGV } from '@oj/language/server-process';
import { ServerSession, typeAt } from './server-session.js';
import { ANALYSIS_CHECKS, cpuMs, createTimedOjServices, median, percentile, round, syntheticWorkspaceDir } from './support.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../../..');

const { values } = parseArgs({
    options: {
        runs: { type: 'string', default: '3' },
        out: { type: 'string' },
        cold: { type: 'string' },
        seed: { type: 'string', default: '1' },
    },
});

/** Reads and builds a folder as the server does at start-up, and reports how long it took. */
async function coldBuild(dir: string): Promise<{ ms: number; cpuMs: number; files: number; errors: number }> {
    const { shared } = createOjServices(NodeFileSystem);
    const start = performance.now();
    const startCpu = cpuMs();
    const documents = loadDocuments(shared, collectModelFiles([dir]));
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const ms = performance.now() - start;
    const errors = documents.reduce((n, d) => n + (d.diagnostics ?? []).filter((x) => x.severity === 1).length, 0);
    return { ms, cpuMs: cpuMs() - startCpu, files: documents.length, errors };
}

function loadDocuments(shared: LangiumSharedServices, files: string[]): Array<LangiumDocument<Model>> {
    const documents = files.map((file) =>
        shared.workspace.LangiumDocumentFactory.fromString<Model>(fs.readFileSync(file, 'utf-8'), URI.file(file)),
    );
    documents.forEach((d) => shared.workspace.LangiumDocuments.addDocument(d));
    return documents;
}

if (values.cold) {
    // A child process of the benchmark: one cold build, reported as JSON.
    process.stdout.write(JSON.stringify(await coldBuild(values.cold)) + '\n');
    process.exit(0);
}

const log = (line: string) => process.stderr.write(line + '\n');
const dir = syntheticWorkspaceDir('tenfold', Number(values.seed));
const runs = Math.max(1, Number(values.runs));

// ---------------------------------------------------------------- cold build, fresh processes
const cold: Array<{ ms: number; cpuMs: number; files: number; errors: number }> = [];
for (let run = 0; run < runs; run++) {
    // With the flags the extension starts the server with.
    const output = execFileSync(
        process.execPath,
        [...LANGUAGE_SERVER_EXEC_ARGV, ...process.execArgv, fileURLToPath(import.meta.url), '--cold', dir],
        { encoding: 'utf-8', maxBuffer: 1 << 24 },
    );
    cold.push(JSON.parse(output.trim().split('\n').pop()!));
    log(
        `cold build ${run + 1}/${runs}: ${cold[run].ms.toFixed(0)} ms (cpu ${cold[run].cpuMs.toFixed(0)} ms), ${cold[run].files} files, ${cold[run].errors} errors`,
    );
}

// ---------------------------------------------------------------- the workspace in this process
const { shared, Oj } = createOjServices(NodeFileSystem);
const files = collectModelFiles([dir]);
const documents = loadDocuments(shared, files);
await shared.workspace.DocumentBuilder.build(documents, { validation: true });
const lineCount = (d: LangiumDocument) => d.textDocument.lineCount;
const target = [...documents]
    .filter((d) => path.basename(d.uri.fsPath).startsWith('indikatorer-'))
    .sort((a, b) => Math.abs(lineCount(a) - 1000) - Math.abs(lineCount(b) - 1000))[0];
log(`editing ${path.basename(target.uri.fsPath)} (${lineCount(target)} lines)`);

// ---------------------------------------------------------------- typing
/** Where typing happens: after the first occurrence of `anchor` at or after a line, the text typed there. */
interface TypingSession {
    name: string;
    anchor: RegExp;
    fromLine: number;
    text: string;
}

const SESSIONS: TypingSession[] = [
    { name: 'in a description', anchor: /beskrivning "[^"]*/, fromLine: 0, text: ' och har följt upp den under året' },
    {
        name: 'in a rule',
        anchor: /krävs[^:\n]*: [^\n]*/,
        fromLine: Math.floor(lineCount(target) / 2),
        text: ' och Nej på fråga i',
    },
    {
        name: 'a new example',
        anchor: /\n    exempel "[^"]*" \{\n/,
        fromLine: Math.floor(lineCount(target) * 0.8),
        text: '        fråga i = Nej\n',
    },
];

let version = 1;
async function setText(document: LangiumDocument, text: string): Promise<number> {
    const uri = document.uri.toString();
    shared.workspace.TextDocuments!.set(TextDocument.create(uri, 'oj', version++, text));
    const start = performance.now();
    await shared.workspace.DocumentBuilder.update([document.uri], []);
    const ms = performance.now() - start;
    if (!document.diagnostics) throw new Error('no diagnostics after an update');
    return ms;
}

const original = target.textDocument.getText();
const editTimes: number[] = [];
for (const session of SESSIONS) {
    const startOffset = target.textDocument.offsetAt({ line: session.fromLine, character: 0 });
    const match = session.anchor.exec(original.slice(startOffset));
    if (!match) throw new Error(`no place to type ${session.name} in ${target.uri.fsPath}`);
    const at = startOffset + match.index + match[0].length;
    const times: number[] = [];
    for (let typed = 1; typed <= session.text.length; typed++) {
        times.push(await setText(target, original.slice(0, at) + session.text.slice(0, typed) + original.slice(at)));
    }
    log(
        `typing ${session.name}: ${times.length} keystrokes, median ${median(times).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`,
    );
    editTimes.push(...times);
    await setText(target, original);
}

// ---------------------------------------------------------------- hover and completion
const document = shared.workspace.LangiumDocuments.getDocument(target.uri)!;
const textDocument = document.textDocument;
const root = document.parseResult.value;

/** Every name and reference in the file, evenly thinned out to about `count` positions. */
function hoverPositions(count: number): number[] {
    const offsets: number[] = [];
    for (const node of AstUtils.streamAst(root)) {
        const name = Oj.references.NameProvider.getNameNode(node);
        if (name) offsets.push(name.offset + 1);
        for (const reference of AstUtils.streamReferences(node)) {
            if (reference.reference.$refNode) offsets.push(reference.reference.$refNode.offset + 1);
        }
    }
    const step = Math.max(1, Math.floor(offsets.length / count));
    return offsets.filter((_o, i) => i % step === 0);
}

/** Places a methodologist asks for completion: after "på fråga ", after "är ", after a rule's colon, after "för ". */
function completionPositions(count: number): number[] {
    const text = textDocument.getText();
    const offsets: number[] = [];
    for (const pattern of [/på fråga /g, /fråga \w+ är /g, /krävs[^:\n]*: /g, /redovisas för /g, /ger /g]) {
        for (const match of text.matchAll(pattern)) offsets.push(match.index! + match[0].length);
    }
    offsets.sort((a, b) => a - b);
    const step = Math.max(1, Math.floor(offsets.length / count));
    return offsets.filter((_o, i) => i % step === 0);
}

const uri = document.uri.toString();
const hoverTimes: number[] = [];
let hovers = 0;
for (const offset of hoverPositions(200)) {
    const start = performance.now();
    const hover = await Oj.lsp.HoverProvider!.getHoverContent(document, {
        textDocument: { uri },
        position: textDocument.positionAt(offset),
    });
    hoverTimes.push(performance.now() - start);
    if (hover) hovers++;
}
log(
    `hover: ${hoverTimes.length} positions (${hovers} with content), median ${median(hoverTimes).toFixed(2)} ms, p95 ${percentile(hoverTimes, 95).toFixed(2)} ms`,
);

const completionTimes: number[] = [];
let items = 0;
for (const offset of completionPositions(150)) {
    const start = performance.now();
    const list = await Oj.lsp.CompletionProvider!.getCompletion(document, {
        textDocument: { uri },
        position: textDocument.positionAt(offset),
    });
    completionTimes.push(performance.now() - start);
    items += list?.items.length ?? 0;
}
log(
    `completion: ${completionTimes.length} positions (${items} items), median ${median(completionTimes).toFixed(2)} ms, p95 ${percentile(completionTimes, 95).toFixed(2)} ms`,
);

// ---------------------------------------------------------------- heap
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc (npx tsx --expose-gc …) to measure the heap');
gc();
gc();
const heapMB = process.memoryUsage().heapUsed / (1024 * 1024);
log(`heap after forced GC: ${heapMB.toFixed(0)} MB`);

// ---------------------------------------------------------------- the exact analysis' share of validation
async function analysisShare(inputs: string[]): Promise<{ analysisMs: number; validationMs: number }> {
    const timed = createTimedOjServices(NodeFileSystem);
    const docs = loadDocuments(timed.shared, collectModelFiles(inputs));
    await timed.shared.workspace.DocumentBuilder.build(docs, { validation: false });
    const start = performance.now();
    for (const doc of docs) doc.diagnostics = await timed.Oj.validation.DocumentValidator.validateDocument(doc);
    const validationMs = performance.now() - start;
    const analysisMs = ANALYSIS_CHECKS.reduce((sum, key) => sum + (timed.checkTimes.get(key)?.ms ?? 0), 0);
    return { analysisMs, validationMs };
}
const shareTenfold = await analysisShare([dir]);
const shareExamples = await analysisShare([path.join(ROOT, 'examples/oj2019')]);
for (const [name, share] of [
    ['10× workspace', shareTenfold],
    ['examples/oj2019', shareExamples],
] as const) {
    log(
        `analysis on ${name}: ${share.analysisMs.toFixed(1)} ms of ${share.validationMs.toFixed(1)} ms validation (${((100 * share.analysisMs) / share.validationMs).toFixed(0)} %)`,
    );
}

// ---------------------------------------------------------------- a real server process
const server = new ServerSession(dir);
const serverStart = performance.now();
await server.initialize();
await server.waitForAll(files.map((file) => server.uriOf(file)));
await new Promise((resolve) => setTimeout(resolve, 2000));
const rssAfterBuild = server.rssMB();
log(
    `server process: all ${files.length} files' diagnostics after ${((performance.now() - serverStart) / 1000).toFixed(1)} s, RSS ${rssAfterBuild.toFixed(0)} MB`,
);
const targetUri = server.uriOf(target.uri.fsPath);
server.notify('textDocument/didOpen', { textDocument: { uri: targetUri, languageId: 'oj', version: 1, text: original } });
await server.waitForVersion(targetUri, 1);
const typingAt = original.indexOf('beskrivning "') + 'beskrivning "'.length;
const sentence = 'Kommunen har en aktuell och skriftlig rutin som följs upp varje år av nämnden. ';
const typed = sentence.repeat(Math.ceil(200 / sentence.length)).slice(0, 200);
const at25 = await typeAt(server, targetUri, original, typingAt, typed, 25, 1);
const base = original.slice(0, typingAt) + typed + original.slice(typingAt);
const at50 = await typeAt(server, targetUri, base, typingAt + typed.length, typed, 50, at25.lastVersion);
await new Promise((resolve) => setTimeout(resolve, 2000));
const rssAfterEdits = server.rssMB();
log(
    `typing at 25 ms: p95 ${percentile(at25.latencies, 95).toFixed(0)} ms, median ${median(at25.latencies).toFixed(0)} ms; at 50 ms: p95 ${percentile(at50.latencies, 95).toFixed(0)} ms, median ${median(at50.latencies).toFixed(0)} ms`,
);
log(`server process after 400 edits: RSS ${rssAfterEdits.toFixed(0)} MB`);
await server.close();

const results = {
    'ls.coldBuildMs': round(median(cold.map((c) => c.ms)), 0),
    'ls.coldBuildCpuMs': round(median(cold.map((c) => c.cpuMs)), 0),
    'ls.editToDiagnosticsMsP95': round(percentile(editTimes, 95)),
    'ls.editToDiagnosticsMsMedian': round(median(editTimes)),
    'ls.hoverMsP95': round(percentile(hoverTimes, 95), 2),
    'ls.completionMsP95': round(percentile(completionTimes, 95), 2),
    'ls.heapMB': round(heapMB, 0),
    'ls.analysisMs.tenfold': round(shareTenfold.analysisMs, 0),
    'ls.validationMs.tenfold': round(shareTenfold.validationMs, 0),
    'ls.analysisMs.oj2019': round(shareExamples.analysisMs),
    'ls.validationMs.oj2019': round(shareExamples.validationMs),
    'ls.serverRssMB.afterBuild': round(rssAfterBuild, 0),
    'ls.serverRssMB.after400Edits': round(rssAfterEdits, 0),
    'ls.typingDiagnosticsMsP95.at25ms': round(percentile(at25.latencies, 95), 0),
    'ls.typingDiagnosticsMsP95.at50ms': round(percentile(at50.latencies, 95), 0),
};
const json = JSON.stringify(results, null, 2) + '\n';
if (values.out) fs.writeFileSync(values.out, json);
else process.stdout.write(json);
