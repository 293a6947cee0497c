/**
 * The worked examples (`exempel`) in VS Code's Testing view: every example of the workspace under
 * its file and indicator, with a gutter icon on each, run by the language server (`oj/examples`,
 * the language's own example checker; LSP has no test protocol, so a custom request, as
 * rust-analyzer and vscode-swift do). A failing example shows the expected and the actual status
 * and the answers that decided.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
    type ExampleFile,
    type ExampleOutcomeResult,
    ExamplesRequest,
    type ExampleStatus,
    sendRequest,
    type SourceRange,
    type WorkedExample,
} from '../protocol.js';

/** The status words of the language (`ger … uppnådd`). */
const STATUS_WORDS: Record<ExampleStatus, string> = {
    met: 'uppnådd',
    not_met: 'ej uppnådd',
    excluded: 'utesluten',
    missing: 'saknas',
};

/** Long enough to skip refreshes while a word is typed. */
const REFRESH_DELAY_MS = 500;

interface ExampleData {
    uri: string;
    indicator: number;
    index: number;
}

export class ExampleTests implements vscode.Disposable {
    private readonly controller: vscode.TestController;
    private readonly examples = new WeakMap<vscode.TestItem, ExampleData>();
    private readonly disposables: vscode.Disposable[] = [];
    private refreshTimer: ReturnType<typeof setTimeout> | undefined;
    private readonly pending = new Set<string>();

    constructor(private readonly client: LanguageClient) {
        this.controller = vscode.tests.createTestController('oj.examples', vscode.l10n.t('Worked examples'));
        this.controller.resolveHandler = async (item) => {
            if (!item) await this.refresh();
        };
        this.controller.refreshHandler = async () => {
            await this.refresh();
        };
        const profile = this.controller.createRunProfile(
            vscode.l10n.t('Run all examples'),
            vscode.TestRunProfileKind.Run,
            (request, token) => this.run(request, token),
            true,
        );
        this.disposables.push(
            this.controller,
            profile,
            vscode.workspace.onDidChangeTextDocument((event) => {
                if (event.document.languageId === 'oj') this.scheduleRefresh(event.document.uri);
            }),
            vscode.workspace.onDidSaveTextDocument((document) => {
                if (document.languageId === 'oj') this.scheduleRefresh(document.uri);
            }),
        );
    }

    dispose(): void {
        clearTimeout(this.refreshTimer);
        for (const disposable of this.disposables) disposable.dispose();
    }

    /** Lists the examples of one file, or of the whole workspace. */
    async refresh(uri?: vscode.Uri): Promise<ExampleFile[]> {
        const params = uri ? { textDocument: { uri: this.client.code2ProtocolConverter.asUri(uri) } } : {};
        const { files } = await sendRequest(this.client, ExamplesRequest, params);
        if (!uri) this.controller.items.replace([]);
        for (const file of files) this.updateFile(file);
        if (uri && files.length === 0) this.controller.items.delete(uri.toString());
        return files;
    }

    private scheduleRefresh(uri: vscode.Uri): void {
        this.pending.add(uri.toString());
        clearTimeout(this.refreshTimer);
        this.refreshTimer = setTimeout(() => {
            const uris = [...this.pending];
            this.pending.clear();
            for (const pending of uris) void this.refresh(vscode.Uri.parse(pending)).catch(() => undefined);
        }, REFRESH_DELAY_MS);
    }

    private updateFile(file: ExampleFile): vscode.TestItem {
        const uri = this.client.protocol2CodeConverter.asUri(file.uri);
        const fileItem =
            this.controller.items.get(file.uri) ?? this.controller.createTestItem(file.uri, path.basename(uri.fsPath), uri);
        this.controller.items.add(fileItem);
        const indicators: vscode.TestItem[] = [];
        for (const indicator of file.indicators) {
            const id = `${file.uri}#${indicator.number}`;
            const indicatorItem =
                fileItem.children.get(id) ?? this.controller.createTestItem(id, `${indicator.number} ${indicator.title}`, uri);
            indicatorItem.label = `${indicator.number} ${indicator.title}`;
            indicatorItem.range = toRange(indicator.range);
            indicatorItem.sortText = String(indicator.number).padStart(6, '0');
            const examples: vscode.TestItem[] = [];
            for (const example of indicator.examples) {
                const exampleId = `${id}#${example.index}`;
                const item =
                    indicatorItem.children.get(exampleId) ?? this.controller.createTestItem(exampleId, example.title, uri);
                item.label = example.title;
                item.range = toRange(example.range);
                item.sortText = String(example.index).padStart(6, '0');
                item.error = example.problem;
                this.examples.set(item, { uri: file.uri, indicator: indicator.number, index: example.index });
                examples.push(item);
            }
            indicatorItem.children.replace(examples);
            indicators.push(indicatorItem);
        }
        fileItem.children.replace(indicators);
        return fileItem;
    }

    private async run(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> {
        const run = this.controller.createTestRun(request);
        try {
            // The examples asked for: those included (or all), without those excluded.
            const roots = request.include ?? [...collection(this.controller.items)];
            const excluded = new Set(request.exclude ?? []);
            const leaves = roots
                .flatMap((item) => leavesOf(item))
                .filter((item) => !excluded.has(item) && !ancestors(item).some((a) => excluded.has(a)));
            for (const item of leaves) run.enqueued(item);
            const byFile = new Map<string, vscode.TestItem[]>();
            for (const item of leaves) {
                const data = this.examples.get(item);
                if (data) byFile.set(data.uri, [...(byFile.get(data.uri) ?? []), item]);
            }
            for (const [uri, items] of byFile) {
                if (token.isCancellationRequested) break;
                // Checked against the model the editor has now, unsaved text included.
                const [file] = await this.refresh(this.client.protocol2CodeConverter.asUri(uri));
                for (const item of items) {
                    const data = this.examples.get(item);
                    const example =
                        data &&
                        file?.indicators.find((i) => i.number === data.indicator)?.examples.find((e) => e.index === data.index);
                    const current = example && fileItemExample(this.controller, uri, data.indicator, data.index);
                    const target = current ?? item;
                    run.started(target);
                    if (!example) run.skipped(target);
                    else this.report(run, target, example);
                }
            }
        } finally {
            run.end();
        }
    }

    private report(run: vscode.TestRun, item: vscode.TestItem, example: WorkedExample): void {
        if (example.problem) {
            run.errored(item, new vscode.TestMessage(vscode.l10n.t('The example cannot be run: {0}', example.problem)));
            return;
        }
        if (example.passed) {
            run.passed(item);
            return;
        }
        run.failed(
            item,
            example.outcomes.filter((o) => !o.passed).map((outcome) => failureMessage(item, outcome)),
        );
    }
}

/** "Exemplet ger ej uppnådd för BU, inte uppnådd. Avgjort av: fråga i = Nej." with the two statuses to compare. */
function failureMessage(item: vscode.TestItem, outcome: ExampleOutcomeResult): vscode.TestMessage {
    const unit = outcome.unit ? ` ${vscode.l10n.t('for {0}', outcome.unit)}` : '';
    const expected = outcome.expected ? STATUS_WORDS[outcome.expected] : '';
    const actual = STATUS_WORDS[outcome.actual];
    const deciding = outcome.deciding.map((d) => d.text).join(', ');
    const text =
        vscode.l10n.t('The example gives {0}{1}, not {2}.', actual, unit, expected) +
        (deciding ? ` ${vscode.l10n.t('Decided by: {0}.', deciding)}` : '');
    const message = vscode.TestMessage.diff(
        text,
        `${expected}${unit}`,
        `${actual}${unit}\n${outcome.deciding.map((d) => `${d.text}   (${d.variable})`).join('\n')}`,
    );
    if (item.uri) message.location = new vscode.Location(item.uri, toRange(outcome.range));
    return message;
}

function fileItemExample(
    controller: vscode.TestController,
    uri: string,
    indicator: number,
    index: number,
): vscode.TestItem | undefined {
    return controller.items.get(uri)?.children.get(`${uri}#${indicator}`)?.children.get(`${uri}#${indicator}#${index}`);
}

function* collection(items: vscode.TestItemCollection): Iterable<vscode.TestItem> {
    for (const [, item] of items) yield item;
}

function leavesOf(item: vscode.TestItem): vscode.TestItem[] {
    const children = [...collection(item.children)];
    return children.length === 0 ? [item] : children.flatMap(leavesOf);
}

function ancestors(item: vscode.TestItem): vscode.TestItem[] {
    const list: vscode.TestItem[] = [];
    for (let parent = item.parent; parent; parent = parent.parent) list.push(parent);
    return list;
}

function toRange(range: SourceRange): vscode.Range {
    return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}
