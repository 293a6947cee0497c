/**
 * The shared test kit: fixture files (fixtures.ts) with markers (markers.ts), built as workspaces
 * by the language's services and checked against their markers or their worked examples.
 *
 *   test.each(fixtureCases('validation'))('$name', async c => expect(await markerProblems(c)).toEqual([]));
 *
 * Diagnostics cases live under resources/validation, semantic cases (models whose `exempel`
 * blocks are the expectations) under resources/semantics; the conformance suite of
 * @oj/evaluator runs the semantic cases against every engine.
 */
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { clearDocuments } from 'langium/test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { checkExample, createOjServices, type ExampleResult, type Indicator, type Model } from '../../src/index.js';
import type { FixtureCase } from './fixtures.js';
import { type Expectation, readMarkers, type Severity } from './markers.js';

export * from './fixtures.js';
export * from './markers.js';

const { shared } = createOjServices(EmptyFileSystem);

/** The language instance the kit builds with, for tests that call its services (hover) on a built case. */
export const kitShared = shared;

export interface BuiltCase {
    /** The case's own document (markers removed). */
    document: LangiumDocument<Model>;
    models: Model[];
    expectations: Expectation[];
}

/** Builds a case (its file and its folder's shared files) as one validated workspace; earlier cases are removed first. */
export async function buildCase(c: FixtureCase): Promise<BuiltCase> {
    await clearDocuments(shared);
    const marked = readMarkers(c.file.source);
    const files = [
        ...c.shared.map((f) => ({ path: f.path, text: readMarkers(f.source).text })),
        { path: c.file.path, text: marked.text },
    ];
    const documents = files.map((f) =>
        shared.workspace.LangiumDocumentFactory.fromString<Model>(f.text, URI.file(`/resources/${f.path}`)),
    );
    documents.forEach((d) => shared.workspace.LangiumDocuments.addDocument(d));
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const document = documents[documents.length - 1];
    return { document, models: documents.map((d) => d.parseResult.value), expectations: marked.expectations };
}

/** Builds sources given as text (each one file, markers removed) as one validated workspace. */
export async function buildText(...sources: string[]): Promise<BuiltCase> {
    return buildCase({
        name: 'text',
        file: { path: `text${sources.length - 1}.oj`, source: sources[sources.length - 1] },
        shared: sources.slice(0, -1).map((source, i) => ({ path: `text${i}.oj`, source })),
    });
}

const SEVERITY: Record<Severity, number> = { error: 1, warning: 2, info: 3, hint: 4 };

const messageOf = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);
const codeOf = (d: Diagnostic) => String((d.data as { code?: string } | undefined)?.code ?? d.code ?? '');

function describeDiagnostic(document: LangiumDocument, d: Diagnostic): string {
    const text = document.textDocument.getText(d.range);
    const severity = Object.entries(SEVERITY).find(([, n]) => n === d.severity)?.[0] ?? String(d.severity);
    return `${severity} [${codeOf(d)}] "${messageOf(d)}" on »${text}« (line ${d.range.start.line + 1})`;
}

/** What the case's document gets wrong against its markers: one line per expectation not met, empty when all hold. */
export async function markerProblems(c: FixtureCase): Promise<string[]> {
    const { document, expectations } = await buildCase(c);
    if (expectations.length === 0) return [`${c.file.path} has no $TEST$ marker`];
    const diagnostics = document.diagnostics ?? [];
    const problems: string[] = [];
    for (const e of expectations) {
        const matches = diagnostics.filter(
            (d) =>
                d.severity === SEVERITY[e.severity] &&
                (e.code === undefined || codeOf(d) === e.code) &&
                (e.message === undefined || messageOf(d).includes(e.message)) &&
                (e.range === undefined ||
                    (document.textDocument.offsetAt(d.range.start) === e.range.offset &&
                        document.textDocument.offsetAt(d.range.end) === e.range.offset + e.range.length)),
        );
        const what = `${e.severity}${e.code ? ` [${e.code}]` : ''}${e.message ? ` "${e.message}"` : ''}`;
        const where = e.range
            ? ` on »${document.textDocument.getText().slice(e.range.offset, e.range.offset + e.range.length)}«`
            : ' in the file';
        if (!e.absent && matches.length === 0) problems.push(`line ${e.line}: expected ${what}${where}`);
        if (e.absent && matches.length > 0)
            problems.push(
                `line ${e.line}: expected no ${what}${where}, got ${matches.map((d) => describeDiagnostic(document, d)).join('; ')}`,
            );
    }
    if (problems.length > 0)
        problems.push(`diagnostics: ${diagnostics.map((d) => describeDiagnostic(document, d)).join('; ') || 'none'}`);
    return problems;
}

export interface SemanticCase {
    models: Model[];
    indicators: Indicator[];
    /** Errors of the workspace (a semantic case must have none). */
    errors: string[];
    examples: ExampleResult[];
}

/** Builds a semantic case and checks every worked example of its own file with the interpreter. */
export async function semanticCase(c: FixtureCase): Promise<SemanticCase> {
    const { document, models } = await buildCase(c);
    const indicators = document.parseResult.value.elements.filter((e): e is Indicator => e.$type === 'Indicator');
    const errors = (document.diagnostics ?? []).filter((d) => d.severity === 1).map((d) => describeDiagnostic(document, d));
    return { models, indicators, errors, examples: indicators.flatMap((i) => i.examples.flatMap((e) => checkExample(i, e))) };
}
