/**
 * Seeded fuzzing of the language services: the example files, mutated token by token (deletions,
 * duplications, swaps, keyword substitutions), cut short, sprinkled with odd unicode, given very
 * long lines and deeply nested rules, are run through every service an editor calls: parse, link,
 * validate, hover, completion, formatting, semantic tokens, document symbols, folding and code
 * actions. A failure is an exception escaping a service, or one a service swallowed into an
 * "An error occurred …" diagnostic (Langium catches exceptions of checks and scope lookups and
 * reports them that way). The CI test runs a few hundred documents; `npm run fuzz` runs 10,000.
 */
import { EmptyFileSystem, TextDocument, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createOjServices, type OjServices } from '@oj/language';
import { Random } from '@oj/synthetic';

export interface SourceFile {
    name: string;
    text: string;
}

/** One mutated document: how it was made (to reproduce it) and the text. */
export interface FuzzCase {
    index: number;
    source: string;
    mutations: string[];
    text: string;
}

export interface FuzzFailure {
    index: number;
    source: string;
    mutations: string[];
    service: string;
    message: string;
    /** The mutated text, for reproducing outside the run. */
    text: string;
}

export interface FuzzReport {
    documents: number;
    failures: FuzzFailure[];
    /** Milliseconds per document, all services together (wall clock). */
    times: number[];
    /** CPU milliseconds per document (user + system, process.cpuUsage): what the budget is measured in. */
    cpuTimes: number[];
    /** The slowest documents by CPU time, slowest first. */
    slowest: SlowCase[];
    /** Every document whose CPU time reached the budget, in order. */
    overBudget: SlowCase[];
}

export interface SlowCase {
    index: number;
    source: string;
    mutations: string[];
    ms: number;
    cpuMs: number;
    text: string;
}

/**
 * A document's budget, in CPU time: wall time on a shared or loaded machine counts the time other
 * processes had the CPU, so a run would fail on an ordinary machine for no fault of the services.
 */
export const DOCUMENT_BUDGET_CPU_MS = 1000;

/** Keywords and punctuation of the grammar, for substitutions that keep the text almost valid. */
const KEYWORDS = [
    'enkät',
    'tillhör',
    'svarsalternativ',
    'område',
    'grupp',
    'fråga',
    'indikator',
    'begrepp',
    'krävs',
    'för',
    'ELLER',
    'utesluts',
    'undantas',
    'andel',
    'exempel',
    'ger',
    'och',
    'eller',
    'inte',
    'på',
    'är',
    'samtliga',
    'något',
    'alternativ',
    'av',
    'antal',
    'svar',
    'flerval',
    'per',
    'variabel',
    'del',
    'enkäten',
    'områden',
    'redovisas',
    'uppnådd',
    'ej',
    'utesluten',
    'saknas',
    'blankt',
    '{',
    '}',
    '(',
    ')',
    ':',
    ',',
    '=',
    '/',
    '>',
    '>=',
    '<>',
    '"',
    '0',
    '1.5',
    '"text"',
];

/** Text no model contains: control characters, lone surrogates, marks, emoji, right-to-left, zero-width, BOM. */
const ODD_TEXT = [
    '\u0000',
    '\u0007',
    '\t',
    '\r',
    '\r\n',
    '\u000b',
    '\u00a0',
    '\u200b',
    '\u200e',
    '\u202e',
    '\ufeff',
    '\ufffd',
    '\ud800',
    '\udfff',
    'e\u0301',
    '\u{1F600}',
    '\u{1F1F8}\u{1F1EA}',
    'åäö',
    'ÅÄÖ',
    'ß',
    'İ',
    'ǅ',
    'Ω',
    '中文',
    'عربى',
    '\\',
    '\\"',
    '"',
    '/*',
    '*/',
    '//',
    '\u2028',
    '\u2029',
    'ı',
    'ﬁ',
];

interface Token {
    offset: number;
    end: number;
}

export class MutationEngine {
    constructor(protected readonly services: OjServices) {}

    tokens(text: string): Token[] {
        return this.services.parser.Lexer.tokenize(text).tokens.map((t) => ({
            offset: t.startOffset,
            end: t.startOffset + t.image.length,
        }));
    }

    /** One to four mutations of one source file. */
    mutate(random: Random, source: SourceFile): { text: string; mutations: string[] } {
        let text = source.text;
        const mutations: string[] = [];
        const count = random.int(1, 4);
        for (let m = 0; m < count; m++) {
            const kind = random.weighted({
                deleteTokens: 5,
                duplicateTokens: 4,
                swapTokens: 4,
                keyword: 4,
                truncate: 2,
                unicode: 3,
                longLine: 1,
                deepNesting: 1,
            });
            const result = this.apply(random, text, kind);
            text = result.text;
            mutations.push(result.description);
        }
        return { text, mutations };
    }

    protected apply(random: Random, text: string, kind: string): { text: string; description: string } {
        const tokens = this.tokens(text);
        const anyToken = () => tokens[random.int(0, Math.max(0, tokens.length - 1))] ?? { offset: 0, end: 0 };
        switch (kind) {
            case 'deleteTokens': {
                const first = random.int(0, Math.max(0, tokens.length - 1));
                const run = tokens.slice(first, first + random.int(1, 3));
                if (run.length === 0) return { text, description: 'delete (no tokens)' };
                return {
                    text: text.slice(0, run[0].offset) + text.slice(run[run.length - 1].end),
                    description: `delete ${run.length} token(s) at ${run[0].offset}`,
                };
            }
            case 'duplicateTokens': {
                const first = random.int(0, Math.max(0, tokens.length - 1));
                const run = tokens.slice(first, first + random.int(1, 4));
                if (run.length === 0) return { text, description: 'duplicate (no tokens)' };
                const copy = text.slice(run[0].offset, run[run.length - 1].end);
                const times = random.chance(0.1) ? random.int(10, 200) : 1;
                return {
                    text: text.slice(0, run[0].offset) + `${copy} `.repeat(times) + text.slice(run[0].offset),
                    description: `duplicate ${run.length} token(s) ×${times} at ${run[0].offset}`,
                };
            }
            case 'swapTokens': {
                const a = anyToken();
                const b = random.chance(0.5) ? (tokens[tokens.indexOf(a) + 1] ?? anyToken()) : anyToken();
                const [x, y] = a.offset <= b.offset ? [a, b] : [b, a];
                if (x.end > y.offset) return { text, description: 'swap (same token)' };
                return {
                    text:
                        text.slice(0, x.offset) +
                        text.slice(y.offset, y.end) +
                        text.slice(x.end, y.offset) +
                        text.slice(x.offset, x.end) +
                        text.slice(y.end),
                    description: `swap tokens at ${x.offset} and ${y.offset}`,
                };
            }
            case 'keyword': {
                const token = anyToken();
                const keyword = random.pick(KEYWORDS);
                const replace = random.chance(0.5);
                return {
                    text:
                        text.slice(0, token.offset) +
                        keyword +
                        (replace ? '' : ' ') +
                        text.slice(replace ? token.end : token.offset),
                    description: `${replace ? 'replace token' : 'insert'} "${keyword}" at ${token.offset}`,
                };
            }
            case 'truncate': {
                const at = random.int(0, text.length);
                return { text: text.slice(0, at), description: `truncate at ${at}` };
            }
            case 'unicode': {
                const at = random.int(0, text.length);
                const insert = Array.from({ length: random.int(1, 5) }, () => random.pick(ODD_TEXT)).join('');
                return {
                    text: text.slice(0, at) + insert + text.slice(at),
                    description: `insert ${JSON.stringify(insert)} at ${at}`,
                };
            }
            case 'longLine': {
                // A single long token (a name, a string, a number) of up to 200,000 characters, or a
                // run of tokens (a long option or item list) of up to 20,000 characters.
                const at = anyToken().offset;
                const long = random.int(10_000, 200_000);
                const run = random.int(2_000, 20_000);
                const line = random.pick([
                    () => 'x'.repeat(long),
                    () => `"${'å'.repeat(long)}"`,
                    () => '1'.repeat(long),
                    () => 'Ja eller '.repeat(Math.ceil(run / 9)) + 'Ja på fråga i',
                    () => 'A, '.repeat(Math.ceil(run / 3)) + 'B',
                ])();
                return {
                    text: text.slice(0, at) + line + ' ' + text.slice(at),
                    description: `long line of ${line.length} characters at ${at}`,
                };
            }
            default: {
                const depth = random.int(50, 3000);
                const at = anyToken().offset;
                const nested = random.pick([
                    () => `krävs: ${'('.repeat(depth)}Ja på fråga i${')'.repeat(depth)}`,
                    () => `krävs: ${'inte '.repeat(depth)}Ja på fråga i`,
                    () => `krävs: ${'('.repeat(depth)}Ja på fråga i`,
                    () => `${'{'.repeat(depth)}${'}'.repeat(random.int(0, depth))}`,
                    () => `exempel { ${'fråga i = Ja '.repeat(depth)} ger uppnådd }`,
                ])();
                return {
                    text: text.slice(0, at) + nested + '\n' + text.slice(at),
                    description: `nesting of depth ${depth} at ${at}`,
                };
            }
        }
    }
}

/** Diagnostics that are exceptions a service swallowed, not findings about the model. */
function swallowedExceptions(diagnostics: Diagnostic[]): string[] {
    return diagnostics
        .map((d) => (typeof d.message === 'string' ? d.message : ''))
        .filter((m) => m.startsWith('An error occurred'));
}

/**
 * A workspace with the source files, and one more document whose text each case replaces, so that
 * a mutated document links against a real survey, answer sets and areas.
 */
export class FuzzWorkspace {
    readonly shared: LangiumSharedServices;
    readonly Oj: OjServices;
    readonly engine: MutationEngine;
    protected readonly uri = URI.parse('file:///fuzz/mutated.oj');
    /** What the services wrote to console.error while {@link fuzz} holds it back. */
    readonly logged: string[] = [];
    protected version = 0;

    constructor(readonly sources: SourceFile[]) {
        const services = createOjServices(EmptyFileSystem);
        this.shared = services.shared;
        this.Oj = services.Oj;
        this.engine = new MutationEngine(this.Oj);
    }

    async init(): Promise<void> {
        const documents = this.sources.map((s) =>
            this.shared.workspace.LangiumDocumentFactory.fromString(s.text, URI.parse(`file:///fuzz/base/${s.name}`)),
        );
        documents.forEach((d) => this.shared.workspace.LangiumDocuments.addDocument(d));
        await this.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    }

    /** Runs every service on one text; returns the failures and the time it took. */
    async check(text: string): Promise<{ ms: number; cpuMs: number; failures: Array<{ service: string; message: string }> }> {
        const failures: Array<{ service: string; message: string }> = [];
        const start = performance.now();
        const cpuStart = process.cpuUsage();
        const cpuMs = () => {
            const used = process.cpuUsage(cpuStart);
            return (used.user + used.system) / 1000;
        };
        const run = async (service: string, action: () => unknown) => {
            this.logged.length = 0;
            try {
                await action();
            } catch (error) {
                failures.push({
                    service,
                    message: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error),
                });
            }
            // Langium catches exceptions of some services (completion of a reference, for one) and logs them.
            for (const message of this.logged.splice(0)) failures.push({ service: `${service} (logged)`, message });
        };
        const uri = this.uri.toString();
        this.shared.workspace.TextDocuments!.set(TextDocument.create(uri, 'oj', ++this.version, text));
        await run('parse, link, validate', () => this.shared.workspace.DocumentBuilder.update([this.uri], []));
        const document = this.shared.workspace.LangiumDocuments.getDocument(this.uri) as LangiumDocument | undefined;
        if (!document) {
            failures.push({ service: 'build', message: 'the document is not in the workspace after an update' });
            return { ms: performance.now() - start, cpuMs: cpuMs(), failures };
        }
        for (const message of swallowedExceptions(document.diagnostics ?? []))
            failures.push({ service: 'validate (swallowed)', message });
        const textDocument = document.textDocument;
        const lsp = this.Oj.lsp;
        // Positions spread over the document, including its very start and end.
        const offsets = [0, text.length, ...[0.1, 0.3, 0.5, 0.7, 0.9].map((f) => Math.floor(text.length * f))];
        for (const offset of offsets) {
            const position = textDocument.positionAt(offset);
            await run('hover', () => lsp.HoverProvider?.getHoverContent(document, { textDocument: { uri }, position }));
            await run('completion', () => lsp.CompletionProvider?.getCompletion(document, { textDocument: { uri }, position }));
        }
        await run('formatting', () =>
            lsp.Formatter?.formatDocument(document, { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } }),
        );
        await run('semantic tokens', () => lsp.SemanticTokenProvider?.semanticHighlight(document, { textDocument: { uri } }));
        await run('document symbols', () => lsp.DocumentSymbolProvider?.getSymbols(document, { textDocument: { uri } }));
        await run('folding', () => lsp.FoldingRangeProvider?.getFoldingRanges(document, { textDocument: { uri } }));
        const diagnostics = (document.diagnostics ?? []).slice(0, 8);
        for (const diagnostic of diagnostics) {
            await run('code actions', () =>
                lsp.CodeActionProvider?.getCodeActions(document, {
                    textDocument: { uri },
                    range: diagnostic.range,
                    context: { diagnostics: [diagnostic] },
                }),
            );
        }
        return { ms: performance.now() - start, cpuMs: cpuMs(), failures };
    }
}

/**
 * Runs `count` mutated documents from seed `seed`. Langium logs the exceptions it swallows to
 * console.error; that output is held back here and counted as failures of the service that logged it.
 */
export async function fuzz(options: {
    seed: number;
    count: number;
    sources: SourceFile[];
    budgetCpuMs?: number;
    onProgress?: (done: number, report: FuzzReport) => void;
}): Promise<FuzzReport> {
    const budget = options.budgetCpuMs ?? DOCUMENT_BUDGET_CPU_MS;
    const workspace = new FuzzWorkspace(options.sources);
    await workspace.init();
    const random = new Random(options.seed);
    const report: FuzzReport = { documents: 0, failures: [], times: [], cpuTimes: [], slowest: [], overBudget: [] };
    const consoleError = console.error;
    console.error = (...args: unknown[]) => {
        workspace.logged.push(
            args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}\n${a.stack ?? ''}` : String(a))).join(' '),
        );
    };
    try {
        for (let index = 0; index < options.count; index++) {
            const source = random.pick(options.sources);
            const { text, mutations } = workspace.engine.mutate(random, source);
            const result = await workspace.check(text);
            report.documents++;
            report.times.push(result.ms);
            report.cpuTimes.push(result.cpuMs);
            const slowCase = { index, source: source.name, mutations, ms: result.ms, cpuMs: result.cpuMs, text };
            if (result.cpuMs >= budget) report.overBudget.push(slowCase);
            if (report.slowest.length < 5 || result.cpuMs > report.slowest[report.slowest.length - 1].cpuMs) {
                report.slowest.push(slowCase);
                report.slowest.sort((a, b) => b.cpuMs - a.cpuMs);
                report.slowest.length = Math.min(report.slowest.length, 5);
            }
            for (const failure of result.failures)
                report.failures.push({ index, source: source.name, mutations, text, ...failure });
            options.onProgress?.(index + 1, report);
        }
    } finally {
        console.error = consoleError;
    }
    return report;
}

/** The texts of a case, reproducible without running the others: the same seed draws the same cases in order. */
export function describeFailure(failure: FuzzFailure): string {
    return `#${failure.index} ${failure.source} [${failure.mutations.join('; ')}] ${failure.service}: ${failure.message.split('\n')[0]}`;
}
