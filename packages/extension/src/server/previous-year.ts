/**
 * Last year's workspace in the editor (`oj.previousYear`, or the initialization option
 * `previousYear` for any LSP client): loaded as `oj diff` and `oj check --previous` load it
 * (loadYearWorkspace from @oj/changes), reloaded when its files change, and compared with this
 * year's indicators through the same functions as the command line (matchIndicators,
 * diffIndicatorPair, comparabilityFinding). It gives the hover's "Ändrat sedan 2019: …", the
 * comparability warning as a diagnostic, and the diff document of `oj/diff`.
 *
 * What is cached: last year's model (until its files or the setting change), the matching of
 * indicators per survey and each indicator's diff (until this year's documents change: they are
 * then computed again when first asked, one indicator at a time). The comparability warnings are
 * found in the background after a build (debounced, one document at a time) and the documents
 * whose warnings changed are validated again: validation itself only looks them up, so that the
 * diagnostics while typing come as fast as without last year.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
    AstUtils,
    CstUtils,
    DocumentState,
    GrammarAST,
    GrammarUtils,
    type LangiumDocument,
    URI,
    type ValidationChecks,
} from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { type Connection, type Hover, type HoverParams, MessageType, ShowMessageNotification } from 'vscode-languageserver';
import {
    type Indicator,
    isIndicator,
    type Model,
    type OjAstType,
    type OjServices,
    surveyKeyOfModel,
    surveyOfModel,
} from '@oj/language';
import { DOCUMENT_CSS, renderHtml } from '@oj/documents';
import type { DiffResult } from '../protocol.js';
import type { ModelSet } from './model-set.js';
import {
    changeSummary,
    type ComparabilityFinding,
    diffDocument,
    diffIndicatorPair,
    diffModels,
    summaryLine,
    type IndicatorDiff,
    loadYearWorkspace,
    type MatchReason,
    matchIndicators,
    unmatchedDiff,
    type YearWorkspace,
    YearWorkspaceError,
} from '@oj/changes';

/** The setting's key under the language's section ("oj"). */
export const PREVIOUS_YEAR_SETTING = 'previousYear';
/** Files of last year's folder are often saved several at a time (a formatter, a checkout). */
const RELOAD_DELAY_MS = 300;
/** After a build, while typing goes on: the comparison waits for a pause. */
const REFRESH_DELAY_MS = 300;

/** Markdown's and HTML's special characters in model text, escaped for a hover. */
export function escapeMarkdown(text: string): string {
    return text.replace(/[\\`*_{}[\]()#+\-.!|<>&~]/g, (c) =>
        c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`,
    );
}

interface Matching {
    pairs: Map<Indicator, { before?: Indicator; by?: MatchReason }>;
}

export class PreviousYear {
    private root: string | undefined;
    private fromInitialization: string | undefined;
    /** The setting as the client's configuration gives it: '' when it is set to nothing, undefined when the client has none. */
    private fromSettings: string | undefined;
    /** The folder in use (resolved), undefined when none is set. */
    private folder: string | undefined;
    private last: YearWorkspace | undefined;
    /** Why last year cannot be compared (unreadable, or with errors), in Swedish. */
    private problem: string | undefined;
    private loading: Promise<void> = Promise.resolve();
    private watcher: fs.FSWatcher | undefined;
    private reloadTimer: ReturnType<typeof setTimeout> | undefined;
    private readonly matchings = new Map<string, Matching>();
    private diffs = new WeakMap<Indicator, { before: Indicator; by: MatchReason; diff: IndicatorDiff }>();
    /** The comparability findings per document (URI) and indicator number, as the last comparison found them. */
    private readonly findings = new Map<string, Map<number, ComparabilityFinding>>();
    /** Documents built since the last comparison. */
    private readonly pending = new Set<string>();
    private refreshTimer: ReturnType<typeof setTimeout> | undefined;

    constructor(
        private readonly connection: Connection,
        private readonly shared: LangiumSharedServices,
    ) {}

    register(services: OjServices): void {
        const server = this.shared.lsp.LanguageServer;
        const configuration = this.shared.workspace.ConfigurationProvider;
        server.onInitialize((params) => {
            const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
            this.root = folder ? URI.parse(folder).fsPath : undefined;
            const option = (params.initializationOptions as { previousYear?: unknown } | undefined)?.previousYear;
            this.fromInitialization = typeof option === 'string' && option.trim() !== '' ? option : undefined;
        });
        server.onInitialized(async () => {
            const value = await configuration.getConfiguration('oj', PREVIOUS_YEAR_SETTING);
            this.fromSettings = typeof value === 'string' ? value.trim() : undefined;
            this.configure();
        });
        configuration.onConfigurationSectionUpdate(({ section, configuration: settings }) => {
            if (section !== 'oj') return;
            const value = (settings as Record<string, unknown> | null | undefined)?.[PREVIOUS_YEAR_SETTING];
            this.fromSettings = typeof value === 'string' ? value.trim() : undefined;
            this.configure();
        });
        // This year's model changed: matchings and diffs are computed again when next asked (a
        // rebuild that changes no document, as `revalidate` asks for, keeps them).
        const builder = this.shared.workspace.DocumentBuilder;
        builder.onUpdate((changed, deleted) => {
            if (changed.length + deleted.length > 0) this.forget();
        });
        // After a build, the comparison of the documents built, in the background (see `refresh`).
        builder.onBuildPhase(DocumentState.Validated, (built) => {
            for (const document of built) this.pending.add(document.uri.toString());
            clearTimeout(this.refreshTimer);
            this.refreshTimer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
        });
        // Validation only reports what the background comparison found, so that it stays as fast as without it.
        const checks: ValidationChecks<OjAstType> = {
            Indicator: (indicator, accept) => {
                if (!this.last) return;
                const finding = this.findings.get(AstUtils.getDocument(indicator).uri.toString())?.get(indicator.number);
                if (!finding) return;
                accept(finding.severity, finding.message, {
                    node: indicator,
                    property: indicator.earlier ? 'earlier' : 'number',
                    code: finding.code,
                });
            },
        };
        services.validation.ValidationRegistry.register(checks, this);
        // The hover of an indicator (its keyword, number or name) gets the change since last year.
        const hover = services.lsp.HoverProvider!;
        const base = hover.getHoverContent.bind(hover);
        hover.getHoverContent = async (document, params) => this.withChange(document, params, await base(document, params));
    }

    /** Waits for a load under way (tests, and `oj/diff` right after the setting changed). */
    ready(): Promise<void> {
        return this.loading;
    }

    /** The folder set, resolved against the workspace folder; undefined when none is set. */
    configuredFolder(): string | undefined {
        // A setting cleared in the editor turns the comparison off, whatever the server was started with.
        const value = this.fromSettings !== undefined ? this.fromSettings : this.fromInitialization;
        if (!value) return undefined;
        return path.isAbsolute(value) ? path.normalize(value) : path.resolve(this.root ?? process.cwd(), value);
    }

    private configure(): void {
        const folder = this.configuredFolder();
        if (folder === this.folder) return;
        this.folder = folder;
        this.reload();
    }

    /** Loads one after the other; a failure is logged and never stops the next load. */
    private reload(): void {
        this.loading = this.loading
            .then(() => this.load())
            .catch((error: unknown) => this.connection.console.error(`Förra årets modell kunde inte läsas in: ${String(error)}`));
    }

    private async load(): Promise<void> {
        this.watcher?.close();
        this.watcher = undefined;
        this.last = undefined;
        this.problem = undefined;
        const folder = this.folder;
        if (folder) {
            try {
                const last = await loadYearWorkspace(folder);
                if (last.errors.length > 0) {
                    const first = last.errors[0];
                    this.problem =
                        `Förra årets modell i ${folder} har ${last.errors.length} fel och jämförs inte förrän de är rättade. ` +
                        `Det första: ${path.relative(folder, first.file) || path.basename(first.file)}, rad ${first.line}: ${first.message}`;
                } else this.last = last;
            } catch (error) {
                if (!(error instanceof YearWorkspaceError)) throw error;
                this.problem = `Förra årets modell (oj.previousYear) kan inte läsas: ${error.message}`;
            }
            // A notification, not a request: nothing to answer, and a client without buttons shows it too.
            if (this.problem)
                void this.connection.sendNotification(ShowMessageNotification.type, {
                    type: MessageType.Info,
                    message: this.problem,
                });
            this.watch(folder);
        }
        await this.revalidate();
    }

    /** Reloads last year when one of its .oj files changes (persistent: false, so that it never keeps the server alive). */
    private watch(folder: string): void {
        try {
            const target = fs.statSync(folder).isDirectory() ? folder : path.dirname(folder);
            this.watcher = fs.watch(target, { recursive: true, persistent: false }, (_event, file) => {
                if (file && !String(file).endsWith('.oj')) return;
                clearTimeout(this.reloadTimer);
                this.reloadTimer = setTimeout(() => this.reload(), RELOAD_DELAY_MS);
            });
        } catch {
            // A folder that does not exist yet: the setting's problem message says so.
        }
    }

    /** Validates this year's documents again, so that the comparability warnings follow last year's model. */
    private async revalidate(): Promise<void> {
        this.forget();
        this.findings.clear();
        const workspace = this.shared.workspace;
        await workspace.WorkspaceManager.ready;
        await workspace.WorkspaceLock.write(async (token) => {
            for (const document of workspace.LangiumDocuments.all) {
                if (document.state >= DocumentState.Validated)
                    workspace.DocumentBuilder.resetToState(document, DocumentState.IndexedReferences);
            }
            await workspace.DocumentBuilder.update([], [], token);
        });
    }

    private forget(): void {
        this.matchings.clear();
        this.diffs = new WeakMap();
    }

    /**
     * Compares the documents built since the last time, one document per read of the workspace (so
     * that an edit never waits for more than one), and validates again those whose findings changed:
     * their diagnostics then carry the comparability warnings.
     */
    private async refresh(): Promise<void> {
        const workspace = this.shared.workspace;
        const uris = [...this.pending];
        this.pending.clear();
        const changed: LangiumDocument[] = [];
        for (const uri of uris) {
            if (this.pending.size > 0) break; // A newer build: its own refresh follows.
            await workspace.WorkspaceLock.read(() => {
                const parsed = URI.parse(uri);
                const document = workspace.LangiumDocuments.hasDocument(parsed)
                    ? (workspace.LangiumDocuments.getDocument(parsed) as LangiumDocument<Model>)
                    : undefined;
                const found = new Map<number, ComparabilityFinding>();
                if (document && this.last)
                    for (const indicator of document.parseResult.value.elements.filter(isIndicator)) {
                        const finding = this.diffOf(indicator)?.finding;
                        if (finding) found.set(indicator.number, finding);
                    }
                const before = this.findings.get(uri);
                if (found.size > 0) this.findings.set(uri, found);
                else this.findings.delete(uri);
                if (document && !sameFindings(before, found)) changed.push(document);
            });
            await new Promise((resolve) => setImmediate(resolve));
        }
        if (changed.length === 0) return;
        await workspace.WorkspaceLock.write(async (token) => {
            for (const document of changed)
                if (document.state >= DocumentState.Validated)
                    workspace.DocumentBuilder.resetToState(document, DocumentState.IndexedReferences);
            await workspace.DocumentBuilder.update([], [], token);
        });
    }

    /** Last year's files are never this year's, even when they sit in the same workspace. */
    private isLastYears(document: LangiumDocument): boolean {
        const folder = this.last?.folder;
        if (!folder) return false;
        const relative = path.relative(folder, document.uri.fsPath);
        return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
    }

    /** This year's documents of a survey, as the commands take them (model-set.ts), last year's left out. */
    thisYear(surveyKey: string): Array<LangiumDocument<Model>> {
        return this.shared.workspace.LangiumDocuments.all
            .filter((d) => surveyKey === '' || [surveyKey, ''].includes(surveyKeyOfModel(d.parseResult.value as Model)))
            .filter((d) => !this.isLastYears(d))
            .toArray() as Array<LangiumDocument<Model>>;
    }

    /** Whether a survey is compared with last year: a later year than last year's (a survey of the same year is another survey). */
    private compared(documents: Array<LangiumDocument<Model>>): boolean {
        const year = documents.map((d) => surveyOfModel(d.parseResult.value)).find((s) => s)?.year;
        return year === undefined || this.last?.year === undefined || year > this.last.year;
    }

    private matching(surveyKey: string): Matching | undefined {
        const cached = this.matchings.get(surveyKey);
        if (cached) return cached;
        if (!this.last) return undefined;
        const documents = this.thisYear(surveyKey);
        const matching: Matching = { pairs: new Map() };
        if (this.compared(documents)) {
            const byNumber = (a: Indicator, b: Indicator) => a.number - b.number;
            const now = documents.flatMap((d) => d.parseResult.value.elements.filter(isIndicator)).sort(byNumber);
            const old = this.last.models.flatMap((m) => m.elements.filter(isIndicator)).sort(byNumber);
            for (const pair of matchIndicators(old, now, this.last.year))
                if (pair.after) matching.pairs.set(pair.after, { before: pair.before, by: pair.by });
        }
        this.matchings.set(surveyKey, matching);
        return matching;
    }

    /** The indicator's diff against last year, or undefined when there is nothing to compare it with. */
    diffOf(indicator: Indicator): IndicatorDiff | undefined {
        if (!this.last) return undefined;
        const document = AstUtils.getDocument(indicator);
        if (this.isLastYears(document) || !isComparable(document, indicator)) return undefined;
        const pair = this.matching(surveyKeyOfModel(document.parseResult.value as Model))?.pairs.get(indicator);
        if (!pair) return undefined;
        if (!pair.before || !pair.by) return unmatchedDiff(undefined, indicator);
        try {
            return this.pairDiff(pair.before, indicator, pair.by);
        } catch (error) {
            // An indicator half typed in a way lowering does not expect: no comparison until it is complete.
            this.connection.console.log(
                `Jämförelsen med förra året hoppade över indikator ${indicator.number}: ${String(error)}`,
            );
            return undefined;
        }
    }

    /** A matched pair's diff, cached until this year's documents change. */
    private pairDiff(before: Indicator, after: Indicator, by: MatchReason): IndicatorDiff {
        const cached = this.diffs.get(after);
        if (cached && cached.before === before && cached.by === by) return cached.diff;
        const diff = diffIndicatorPair(before, after, by);
        this.diffs.set(after, { before, by, diff });
        return diff;
    }

    /** "2019", or "förra året" when last year's survey names no year. */
    yearText(): string {
        return this.last?.year !== undefined ? String(this.last.year) : 'förra året';
    }

    /** For `oj/diff`: last year's model, or why there is none. */
    state(): { folder?: string; last?: YearWorkspace; problem?: string } {
        return { folder: this.folder, last: this.last, problem: this.problem };
    }

    /** The diff document of a model set against last year, as `oj diff --format html` renders it. */
    diffResult(set: ModelSet, date = new Date()): DiffResult {
        if (!this.folder) return { configured: false };
        const { folder, last, problem } = this;
        if (!last) return { configured: true, folder, problem: problem ?? `Förra årets modell i ${folder} läses in.` };
        const documents = set.documents.filter((d) => !this.isLastYears(d));
        const errors = documents.reduce((n, d) => n + (d.diagnostics ?? []).filter((x) => (x.severity ?? 1) === 1).length, 0);
        if (errors > 0)
            return {
                configured: true,
                folder,
                problem: `Modellen har ${errors} fel; jämförelsen med förra året visas när de är rättade.`,
            };
        // The indicators' diffs the hover and the warnings computed are reused.
        const diff = diffModels(
            last.models,
            documents.map((d) => d.parseResult.value),
            (before, after, by) => this.pairDiff(before, after, by),
        );
        const document = diffDocument(diff, date);
        return {
            configured: true,
            folder,
            title: document.title,
            body: renderHtml(document, { standalone: false }),
            css: DOCUMENT_CSS,
            summary: summaryLine(diff),
        };
    }

    private withChange(document: LangiumDocument, params: HoverParams, hover: Hover | undefined): Hover | undefined {
        if (!this.last) return hover;
        const indicator = indicatorAt(document, params);
        const diff = indicator ? this.diffOf(indicator) : undefined;
        if (!diff) return hover;
        const line = escapeMarkdown(changeSummary(diff, this.yearText()));
        const value =
            hover && typeof hover.contents === 'object' && 'value' in hover.contents ? `${hover.contents.value}\n\n---\n\n` : '';
        return { contents: { kind: 'markdown', value: `${value}${line}` } };
    }
}

function sameFindings(a: Map<number, ComparabilityFinding> | undefined, b: Map<number, ComparabilityFinding>): boolean {
    if ((a?.size ?? 0) !== b.size) return false;
    for (const [number, finding] of b) {
        const other = a?.get(number);
        if (!other || other.code !== finding.code || other.message !== finding.message) return false;
    }
    return true;
}

/** The indicator whose keyword, number or name is under the cursor. */
function indicatorAt(document: LangiumDocument, params: HoverParams): Indicator | undefined {
    const root = document.parseResult.value.$cstNode;
    const offset = document.textDocument.offsetAt(params.position);
    const leaf = root ? CstUtils.findLeafNodeAtOffset(root, offset) : undefined;
    if (!leaf || leaf.offset + leaf.length <= offset || !isIndicator(leaf.astNode)) return undefined;
    const keyword = GrammarAST.isKeyword(leaf.grammarSource) ? leaf.grammarSource.value : undefined;
    const feature = GrammarUtils.findAssignment(leaf)?.feature;
    return keyword === 'indikator' || feature === 'number' || feature === 'name' ? leaf.astNode : undefined;
}

/** A rule can be compared once its file parses and the indicator's names resolve. */
function isComparable(document: LangiumDocument, indicator: Indicator): boolean {
    if (document.parseResult.lexerErrors.length > 0 || document.parseResult.parserErrors.length > 0) return false;
    return !AstUtils.streamAst(indicator).some((node) =>
        AstUtils.streamReferences(node).some((r) => r.reference.error !== undefined),
    );
}
