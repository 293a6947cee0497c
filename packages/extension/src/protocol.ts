/**
 * The requests the extension adds to the language protocol. The server already holds the whole
 * workspace, built and validated, including what is typed but not saved; so the preview, the
 * exports and the generators run there, on exactly the model the diagnostics describe.
 * Shared by the client (extension) and the server; it imports nothing, so it bundles into both.
 */

/**
 * A request's method with its parameter and result types. Not vscode-jsonrpc's RequestType: the
 * client and the server bundle different versions of that package, and only the method name
 * crosses the wire.
 */
export interface OjRequest<P, R> {
    readonly method: string;
    /** Carries the types only; never set. */
    readonly types?: { params: P; result: R };
}

function request<P, R>(method: string): OjRequest<P, R> {
    return { method };
}

/** What can send a request: the language client, or a test's JSON-RPC connection. */
export interface RequestSender {
    sendRequest<R>(method: string, params: unknown): Promise<R>;
}

export function sendRequest<P, R>(sender: RequestSender, type: OjRequest<P, R>, params: P): Promise<R> {
    return sender.sendRequest<R>(type.method, params);
}

export interface DocumentParams {
    /** The .oj file the command was started from; its survey (`tillhör`) decides which files take part. */
    textDocument: { uri: string };
}

/** Where an indicator of the file is in the source and in the preview. */
export interface IndicatorAnchor {
    /** The section id in the preview, e.g. `indikator-6`. */
    id: string;
    number: number;
    /** Zero-based source lines of the indicator's block. */
    startLine: number;
    endLine: number;
}

/**
 * The description of the file's indicators as an HTML fragment (every model text escaped by the
 * renderer) and its style sheet; the client puts them in a page with its own Content-Security-Policy.
 */
export interface PreviewResult {
    body: string;
    css: string;
    title: string;
    anchors: IndicatorAnchor[];
    /**
     * For the reader, in Swedish: indicators shown as they last were complete while being typed,
     * or left out until they are.
     */
    notes?: string[];
}

export const PreviewRequest = request<DocumentParams, PreviewResult>('oj/preview');

export type ExportFormat = 'docx' | 'pdf';

export interface ExportParams extends DocumentParams {
    format: ExportFormat;
    /** Absolute path of the file to write. */
    outFile: string;
}

export interface FilesResult {
    /** Absolute paths of the files written. */
    files: string[];
}

export const ExportDescriptionRequest = request<ExportParams, FilesResult>('oj/exportDescription');

export interface CodebookParams extends DocumentParams {
    outFile: string;
}

export interface CodebookResult extends FilesResult {
    variables: number;
}

export const ExportCodebookRequest = request<CodebookParams, CodebookResult>('oj/exportCodebook');

export interface GenerateEvaluatorParams extends DocumentParams {
    outDir: string;
}

export const GenerateEvaluatorRequest = request<GenerateEvaluatorParams, FilesResult>('oj/generateEvaluator');

export interface EvaluateParams extends DocumentParams {
    /** A survey export, CSV or XLSX. */
    responsesFile: string;
    outDir: string;
}

export interface EvaluateResult extends FilesResult {
    respondentsRead: number;
    respondentsEvaluated: number;
    statuses: Record<'met' | 'not_met' | 'excluded' | 'missing', number>;
    warnings: string[];
}

export const EvaluateResponsesRequest = request<EvaluateParams, EvaluateResult>('oj/evaluateResponses');

/** The survey of a file: its name (for output file names) and whether the model set has errors. */
export interface SurveyInfo {
    survey: string;
    files: string[];
    errors: number;
}

export const SurveyInfoRequest = request<DocumentParams, SurveyInfo>('oj/surveyInfo');

/**
 * What changed since last year (`oj.previousYear`) for the file's survey: the diff document as
 * `oj diff --format html` writes it, as an HTML fragment (model text escaped by the renderer) and
 * its style sheet, or why it cannot be shown.
 */
export interface DiffResult {
    /** False when no previous year is set: the client offers to open the setting. */
    configured: boolean;
    /** Last year's folder, resolved. */
    folder?: string;
    /** Why there is no diff (last year unreadable or with errors, this year with errors), in Swedish. */
    problem?: string;
    body?: string;
    css?: string;
    title?: string;
    /** "2 tillagda, 1 borttagen, …": the diff's summary line. */
    summary?: string;
}

export const DiffRequest = request<DocumentParams, DiffResult>('oj/diff');

/** Error codes of the extension's requests (application range of JSON-RPC). */
export const OjErrorCodes = {
    /** The model has errors; nothing was generated. `data` carries the first errors. */
    ModelHasErrors: 1001,
    /** The response file is invalid; `data` carries the problems. */
    InvalidResponses: 1002,
    UnknownDocument: 1003,
} as const;

export interface ModelErrorData {
    errors: Array<{ file: string; line: number; message: string }>;
    total: number;
}

/** A zero-based range in a document, as LSP gives them. */
export interface SourceRange {
    start: { line: number; character: number };
    end: { line: number; character: number };
}

export type ExampleStatus = 'met' | 'not_met' | 'excluded' | 'missing';

/** One answer that decided a status, as the reader names it. */
export interface DecidingAnswer {
    /** The survey variable, e.g. `I02_iiA_BU`. */
    variable: string;
    /** "fråga ii A för BU = Nej", or "= blankt". */
    text: string;
}

/** One outcome of a worked example (`ger BU: uppnådd`), checked. */
export interface ExampleOutcomeResult {
    /** The area or group, when the outcome or the indicator names one. */
    unit?: string;
    expected?: ExampleStatus;
    actual: ExampleStatus;
    passed: boolean;
    deciding: DecidingAnswer[];
    range: SourceRange;
}

export interface WorkedExample {
    /** Stable within the indicator: the example's position among its examples. */
    index: number;
    title: string;
    range: SourceRange;
    /** Set when the example cannot be run (a name in it is unresolved, or the indicator is half typed). */
    problem?: string;
    outcomes: ExampleOutcomeResult[];
    passed: boolean;
}

export interface ExampleIndicator {
    number: number;
    title: string;
    range: SourceRange;
    examples: WorkedExample[];
}

export interface ExampleFile {
    uri: string;
    indicators: ExampleIndicator[];
}

export interface ExamplesParams {
    /** One document; without it, every document of the workspace. */
    textDocument?: { uri: string };
}

/**
 * The worked examples of the workspace, each checked by the language's example checker
 * (`checkExample`, the reference interpreter): what the Testing view lists and runs.
 */
export const ExamplesRequest = request<ExamplesParams, { files: ExampleFile[] }>('oj/examples');

/** Answers picked in the decision explorer, by question numeral ("ii") or numeral and item ("ii A"): an option's name or a number. */
export interface ExploreParams extends DocumentParams {
    indicator: number;
    /** The area or group evaluated; the indicator's first when absent. */
    unit?: string;
    answers: Record<string, string>;
}

/** A piece of printed rule text; `decided` when it names a question whose answer decided. */
export interface RuleSegment {
    text: string;
    decided?: boolean;
}

export interface ExplorerQuestion {
    numeral: string;
    text: string;
    options: Array<{ name: string; label: string }>;
    items: Array<{ name: string; label: string }>;
    /** Answered with a number (no answer set). */
    numeric: boolean;
    perArea: boolean;
}

export interface ExploreResult {
    indicator: number;
    title: string;
    units: Array<{ name: string; label: string }>;
    unit?: string;
    questions: ExplorerQuestion[];
    status: ExampleStatus;
    /** The status as the language writes it ("ej uppnådd"). */
    statusText: string;
    deciding: DecidingAnswer[];
    rule: RuleSegment[];
    exclusion: RuleSegment[];
    /** The answers as a new worked example, and where in the source it goes. */
    example: string;
    insertAt: { line: number; character: number };
}

export const ExploreRequest = request<ExploreParams, ExploreResult | null>('oj/explore');
