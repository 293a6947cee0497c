/**
 * "Visa ändringar sedan förra året": the diff of this year's survey against `oj.previousYear`, as
 * `oj diff --format html` renders it, in a webview beside the editor; rendered again when an .oj
 * file is saved. The page is the preview's (strict Content-Security-Policy, the server's escaped
 * fragment), in the editor theme's font.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DiffRequest, type DiffResult, sendRequest } from '../protocol.js';
import { diffPage } from '../preview/diff-page.js';

const VIEW_TYPE = 'oj.diff';

export class DiffView implements vscode.Disposable {
    private panel: vscode.WebviewPanel | undefined;
    private source: vscode.Uri | undefined;
    private generation = 0;
    private readonly disposables: vscode.Disposable[] = [];

    constructor(
        private readonly extensionUri: vscode.Uri,
        private readonly client: LanguageClient,
    ) {
        this.disposables.push(
            vscode.workspace.onDidSaveTextDocument((document) => {
                if (this.panel && document.languageId === 'oj') void this.render();
            }),
            vscode.workspace.onDidChangeConfiguration((event) => {
                if (this.panel && event.affectsConfiguration('oj.previousYear')) void this.render();
            }),
        );
    }

    /** Opens (or shows) the diff for the survey of `uri`; without a previous year, says how to set one. */
    async show(uri: vscode.Uri): Promise<void> {
        const result = await this.request(uri);
        if (!result) return;
        if (!result.configured) {
            const open = vscode.l10n.t('Open Settings');
            const choice = await vscode.window.showInformationMessage(
                vscode.l10n.t(
                    'No previous year is set. Set "oj.previousYear" to the folder of the previous year to compare the indicators with it.',
                ),
                open,
            );
            if (choice === open) await vscode.commands.executeCommand('workbench.action.openSettings', 'oj.previousYear');
            return;
        }
        if (result.problem && !this.panel) {
            void vscode.window.showWarningMessage(result.problem);
            return;
        }
        this.source = uri;
        if (this.panel) this.panel.reveal(vscode.ViewColumn.Beside, true);
        else {
            this.panel = vscode.window.createWebviewPanel(
                VIEW_TYPE,
                vscode.l10n.t('Changes since last year'),
                { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
                {
                    enableScripts: true,
                    enableFindWidget: true,
                    localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'out', 'preview')],
                },
            );
            this.panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'oj-file.svg');
            this.panel.onDidDispose(() => (this.panel = undefined));
        }
        this.showResult(result);
    }

    dispose(): void {
        this.panel?.dispose();
        for (const disposable of this.disposables) disposable.dispose();
    }

    private async request(uri: vscode.Uri): Promise<DiffResult | undefined> {
        try {
            return await sendRequest(this.client, DiffRequest, {
                textDocument: { uri: this.client.code2ProtocolConverter.asUri(uri) },
            });
        } catch (error) {
            void vscode.window.showErrorMessage(vscode.l10n.t('The command failed: {0}', (error as Error).message));
            return undefined;
        }
    }

    private async render(): Promise<void> {
        if (!this.source) return;
        const generation = ++this.generation;
        const result = await this.request(this.source);
        // Saves may overtake each other: only the latest answer is shown.
        if (result && generation === this.generation) this.showResult(result);
    }

    private showResult(result: DiffResult): void {
        const panel = this.panel;
        if (!panel) return;
        const webview = panel.webview;
        const asset = (file: string) =>
            webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'out', 'preview', file)).toString();
        panel.title = result.title ?? vscode.l10n.t('Changes since last year');
        webview.html = diffPage(result, {
            title: panel.title,
            nonce: randomBytes(16).toString('base64'),
            cspSource: webview.cspSource,
            scriptUri: asset('webview.js'),
            styleUri: asset('preview.css'),
        });
    }
}
