/**
 * The description preview, like Markdown's: opened to the side, following the active .oj editor,
 * re-rendered as you type, and scrolled to the indicator under the cursor.
 */
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { type ExploreResult, ExploreRequest, type IndicatorAnchor, PreviewRequest, sendRequest } from '../protocol.js';
import { previewPage } from '../preview/page.js';

const VIEW_TYPE = 'oj.preview';
/** Long enough to skip renders while a word is typed, short enough to feel live. */
const RENDER_DELAY_MS = 250;

export class DescriptionPreview implements vscode.Disposable {
    private panel: vscode.WebviewPanel | undefined;
    private source: vscode.Uri | undefined;
    private anchors: IndicatorAnchor[] = [];
    private pageLoaded = false;
    private renderTimer: ReturnType<typeof setTimeout> | undefined;
    /** Renders may overtake each other; only the latest request's answer is shown. */
    private renderGeneration = 0;
    private lastRevealed: string | undefined;
    private readonly disposables: vscode.Disposable[] = [];
    /** Listeners of the current panel, let go with it. */
    private panelDisposables: vscode.Disposable[] = [];

    constructor(
        private readonly extensionUri: vscode.Uri,
        private readonly client: LanguageClient,
    ) {
        this.disposables.push(
            vscode.workspace.onDidChangeTextDocument((event) => {
                if (this.panel && this.isSource(event.document.uri)) this.scheduleRender();
            }),
            vscode.window.onDidChangeActiveTextEditor((editor) => {
                if (this.panel && editor?.document.languageId === 'oj' && !this.isSource(editor.document.uri)) {
                    this.source = editor.document.uri;
                    void this.render();
                }
            }),
            vscode.window.onDidChangeTextEditorSelection((event) => {
                if (this.panel && this.isSource(event.textEditor.document.uri) && this.scrollWithCursor()) {
                    this.revealIndicatorAt(event.selections[0].active.line);
                }
            }),
        );
    }

    showToSide(uri: vscode.Uri): void {
        this.source = uri;
        if (this.panel) {
            this.panel.reveal(vscode.ViewColumn.Beside, true);
        } else {
            this.panel = vscode.window.createWebviewPanel(
                VIEW_TYPE,
                this.title(),
                { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
                {
                    enableScripts: true,
                    enableFindWidget: true,
                    localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'out', 'preview')],
                },
            );
            this.panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'oj-file.svg');
            this.pageLoaded = false;
            this.panel.onDidDispose(
                () => {
                    this.panel = undefined;
                    this.pageLoaded = false;
                    for (const disposable of this.panelDisposables) disposable.dispose();
                    this.panelDisposables = [];
                },
                null,
                this.panelDisposables,
            );
            this.panel.webview.onDidReceiveMessage((message) => this.onMessage(message), null, this.panelDisposables);
            // A hidden webview is discarded and comes back with its first page: render it anew then
            // (but not when it only gains or loses focus, which would lose the reader's place).
            let visible = true;
            this.panel.onDidChangeViewState(
                (event) => {
                    const nowVisible = event.webviewPanel.visible;
                    if (nowVisible && !visible) {
                        this.pageLoaded = false;
                        void this.render();
                    }
                    visible = nowVisible;
                },
                null,
                this.panelDisposables,
            );
        }
        void this.render();
    }

    dispose(): void {
        clearTimeout(this.renderTimer);
        this.panel?.dispose();
        for (const disposable of this.disposables) disposable.dispose();
    }

    private isSource(uri: vscode.Uri): boolean {
        return this.source?.toString() === uri.toString();
    }

    private scrollWithCursor(): boolean {
        return vscode.workspace.getConfiguration('oj', this.source).get<boolean>('preview.scrollWithCursor', true);
    }

    private title(): string {
        return vscode.l10n.t('Preview {0}', this.source ? path.basename(this.source.fsPath) : '');
    }

    private scheduleRender(): void {
        clearTimeout(this.renderTimer);
        this.renderTimer = setTimeout(() => void this.render(), RENDER_DELAY_MS);
    }

    private cursorAnchor(): IndicatorAnchor | undefined {
        const editor = vscode.window.visibleTextEditors.find((e) => this.isSource(e.document.uri));
        if (!editor) return undefined;
        const line = editor.selection.active.line;
        return this.anchors.find((a) => a.startLine <= line && line <= a.endLine);
    }

    private revealIndicatorAt(line: number): void {
        const anchor = this.anchors.find((a) => a.startLine <= line && line <= a.endLine);
        if (!anchor || anchor.id === this.lastRevealed) return;
        this.lastRevealed = anchor.id;
        void this.panel?.webview.postMessage({ type: 'reveal', id: anchor.id });
    }

    private async render(): Promise<void> {
        const panel = this.panel;
        const source = this.source;
        if (!panel || !source) return;
        const generation = ++this.renderGeneration;
        panel.title = this.title();
        try {
            const result = await sendRequest(this.client, PreviewRequest, {
                textDocument: { uri: this.client.code2ProtocolConverter.asUri(source) },
            });
            if (generation !== this.renderGeneration || panel !== this.panel) return;
            this.anchors = result.anchors;
            const reveal = this.scrollWithCursor() ? this.cursorAnchor()?.id : undefined;
            this.lastRevealed = reveal;
            if (!this.pageLoaded) {
                const webview = panel.webview;
                const asset = (file: string) =>
                    webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'out', 'preview', file)).toString();
                webview.html = previewPage({
                    body: result.body,
                    css: result.css,
                    title: result.title,
                    reveal,
                    nonce: randomBytes(16).toString('base64'),
                    cspSource: webview.cspSource,
                    scriptUri: asset('webview.js'),
                    styleUri: asset('preview.css'),
                });
                this.pageLoaded = true;
                if (result.notes?.length) await panel.webview.postMessage({ type: 'stale', message: result.notes.join(' ') });
            } else {
                await panel.webview.postMessage({ type: 'update', body: result.body, reveal, notes: result.notes });
            }
        } catch (error) {
            if (generation !== this.renderGeneration || panel !== this.panel) return;
            // A reviewer never sees an internal error: it goes to the server's log, the preview keeps its page.
            this.client.error(`oj/preview: ${error instanceof Error ? error.message : String(error)}`, undefined, false);
            if (this.pageLoaded) {
                await panel.webview.postMessage({
                    type: 'stale',
                    message: vscode.l10n.t('The preview shows the last text that could be rendered.'),
                });
            } else {
                void vscode.window.showErrorMessage(
                    vscode.l10n.t('The preview could not be rendered; see the language server log.'),
                );
            }
        }
    }

    private onMessage(message: {
        type?: string;
        id?: string;
        number?: number;
        unit?: string;
        answers?: Record<string, string>;
    }): void {
        if (message.type === 'explore' || message.type === 'writeExample') {
            void this.explore(message as ExplorerMessage);
            return;
        }
        if (message.type !== 'showSource' || !this.source) return;
        const anchor = this.anchors.find((a) => a.id === message.id);
        if (!anchor) return;
        const position = new vscode.Position(anchor.startLine, 0);
        const column =
            vscode.window.visibleTextEditors.find((e) => this.isSource(e.document.uri))?.viewColumn ?? vscode.ViewColumn.One;
        void vscode.window.showTextDocument(this.source, { viewColumn: column, selection: new vscode.Range(position, position) });
    }

    /** The decision explorer: evaluates the picked answers on the server, or writes them as a new example. */
    private async explore(message: ExplorerMessage): Promise<void> {
        const source = this.source;
        if (!source || typeof message.number !== 'number') return;
        const params = {
            textDocument: { uri: this.client.code2ProtocolConverter.asUri(source) },
            indicator: message.number,
            unit: message.unit,
            answers: { ...message.answers },
        };
        let result: ExploreResult | null;
        try {
            result = await sendRequest(this.client, ExploreRequest, params);
        } catch (error) {
            this.client.error(`oj/explore: ${error instanceof Error ? error.message : String(error)}`, undefined, false);
            result = null;
        }
        if (message.type === 'explore') {
            await this.panel?.webview.postMessage({ type: 'explored', id: message.id, result });
            return;
        }
        if (!result) return;
        const edit = new vscode.WorkspaceEdit();
        const at = new vscode.Position(result.insertAt.line, result.insertAt.character);
        edit.insert(source, at, result.example);
        if (await vscode.workspace.applyEdit(edit)) {
            const column =
                vscode.window.visibleTextEditors.find((e) => this.isSource(e.document.uri))?.viewColumn ?? vscode.ViewColumn.One;
            await vscode.window.showTextDocument(source, { viewColumn: column, selection: new vscode.Range(at, at) });
        }
    }
}

interface ExplorerMessage {
    type: 'explore' | 'writeExample';
    id?: string;
    number?: number;
    unit?: string;
    answers?: Record<string, string>;
}
