/**
 * The commands of the palette and the editor title bar: export the description (Word, PDF), the
 * codebook, generate the evaluator package, evaluate a response file. Each runs on the server, on the
 * model set of the file it was started from, and writes under the configured output folder.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { type LanguageClient, ResponseError } from 'vscode-languageclient/node';
import {
    EvaluateResponsesRequest,
    ExportCodebookRequest,
    ExportDescriptionRequest,
    type ExportFormat,
    GenerateEvaluatorRequest,
    type ModelErrorData,
    OjErrorCodes,
    sendRequest,
    SurveyInfoRequest,
} from '../protocol.js';
import type { DescriptionPreview } from './preview.js';
import type { DiffView } from './diff-view.js';

/** The .oj file a command works on: the one it was started from in a menu, else the active editor's. */
function targetDocument(resource: unknown): vscode.Uri | undefined {
    if (resource instanceof vscode.Uri && resource.fsPath.endsWith('.oj')) return resource;
    const document = vscode.window.activeTextEditor?.document;
    if (document?.languageId === 'oj' && document.uri.scheme === 'file') return document.uri;
    void vscode.window.showWarningMessage(vscode.l10n.t('Open an .oj file first.'));
    return undefined;
}

/** `oj.output.folder`: absolute, or relative to the workspace folder of the file (else to the file's folder). */
export function outputFolder(uri: vscode.Uri): string {
    const configured = vscode.workspace.getConfiguration('oj', uri).get<string>('output.folder') || 'oj-ut';
    if (path.isAbsolute(configured)) return configured;
    const base = vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath ?? path.dirname(uri.fsPath);
    return path.join(base, configured);
}

/** A name safe in a file name on every system: letters, digits, _ and -. */
function safeName(name: string): string {
    return name.replace(/[^\p{L}\p{N}_-]+/gu, '-');
}

export class OjCommands {
    private readonly output: vscode.OutputChannel;

    constructor(
        private readonly client: LanguageClient,
        private readonly preview: DescriptionPreview,
        private readonly diffView?: DiffView,
    ) {
        this.output = vscode.window.createOutputChannel(vscode.l10n.t('Öppna jämförelser'));
    }

    register(context: vscode.ExtensionContext): void {
        const register = (id: string, run: (resource: unknown) => unknown) =>
            context.subscriptions.push(vscode.commands.registerCommand(id, run));
        register('oj.showPreviewToSide', (resource) => {
            const uri = targetDocument(resource);
            if (uri) this.preview.showToSide(uri);
        });
        register('oj.exportWord', (resource) => this.exportDescription(resource, 'docx'));
        register('oj.exportPdf', (resource) => this.exportDescription(resource, 'pdf'));
        register('oj.exportCodebook', (resource) => this.exportCodebook(resource));
        register('oj.generateEvaluator', (resource) => this.generateEvaluator(resource));
        register('oj.evaluateResponses', (resource) => this.evaluateResponses(resource));
        register('oj.showDiff', (resource) => {
            const uri = targetDocument(resource);
            if (uri && this.diffView) return this.diffView.show(uri);
        });
        context.subscriptions.push(this.output);
    }

    private protocolUri(uri: vscode.Uri): { uri: string } {
        return { uri: this.client.code2ProtocolConverter.asUri(uri) };
    }

    private async surveyStem(uri: vscode.Uri): Promise<string> {
        // Outputs are named after the survey ("OJ2019-indikatorer.pdf"), or after the file when it names none.
        const info = await sendRequest(this.client, SurveyInfoRequest, { textDocument: this.protocolUri(uri) });
        return safeName(info.survey || path.basename(uri.fsPath, '.oj'));
    }

    /** Runs a request with a progress notification; explains the failures a user can fix. */
    private async withProgress<T>(title: string, action: () => Promise<T>): Promise<T | undefined> {
        try {
            return await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, action);
        } catch (error) {
            await this.explain(error);
            return undefined;
        }
    }

    private async explain(error: unknown): Promise<void> {
        if (error instanceof ResponseError && error.code === OjErrorCodes.ModelHasErrors) {
            const data = error.data as ModelErrorData;
            const first = data.errors[0];
            const showProblems = vscode.l10n.t('Show Problems');
            const text =
                data.total === 1
                    ? vscode.l10n.t(
                          'The model has 1 error; nothing was written. {0}, line {1}: {2}',
                          first.file,
                          formatNumber(first.line),
                          first.message,
                      )
                    : vscode.l10n.t(
                          'The model has {0} errors; nothing was written. The first: {1}, line {2}: {3}',
                          formatNumber(data.total),
                          first.file,
                          formatNumber(first.line),
                          first.message,
                      );
            const choice = await vscode.window.showErrorMessage(text, showProblems);
            if (choice === showProblems) await vscode.commands.executeCommand('workbench.actions.view.problems');
        } else if (error instanceof ResponseError && error.code === OjErrorCodes.InvalidResponses) {
            this.output.appendLine(error.message);
            const showDetails = vscode.l10n.t('Show Details');
            const choice = await vscode.window.showErrorMessage(
                vscode.l10n.t('The response file cannot be evaluated; nothing was written.'),
                showDetails,
            );
            if (choice === showDetails) this.output.show(true);
        } else {
            const message = error instanceof Error ? error.message : String(error);
            this.output.appendLine(message);
            void vscode.window.showErrorMessage(vscode.l10n.t('The command failed: {0}', message));
        }
    }

    /**
     * Offers to open a written file with its program (Word, a PDF reader) or to show it in its
     * folder, where the host can: on the desktop. A workbench in the browser (code-server,
     * Codespaces) has neither the machine's programs nor its file manager: there the file is shown
     * in VS Code's own Explorer.
     */
    private async offerOpen(message: string, file: string): Promise<void> {
        const uri = vscode.Uri.file(file);
        if (vscode.env.uiKind === vscode.UIKind.Web) {
            const show = vscode.l10n.t('Show in Explorer');
            if ((await vscode.window.showInformationMessage(message, show)) === show)
                await vscode.commands.executeCommand('revealInExplorer', uri);
            return;
        }
        const open = vscode.l10n.t('Open');
        const reveal = vscode.l10n.t('Reveal in File Explorer');
        const choice = await vscode.window.showInformationMessage(message, open, reveal);
        if (choice === open) await vscode.env.openExternal(uri);
        if (choice === reveal) await vscode.commands.executeCommand('revealFileInOS', uri);
    }

    private async exportDescription(resource: unknown, format: ExportFormat): Promise<void> {
        const uri = targetDocument(resource);
        if (!uri) return;
        const result = await this.withProgress(vscode.l10n.t('Writing the description…'), async () => {
            const outFile = path.join(outputFolder(uri), `${await this.surveyStem(uri)}-indikatorer.${format}`);
            return sendRequest(this.client, ExportDescriptionRequest, { textDocument: this.protocolUri(uri), format, outFile });
        });
        if (result) await this.offerOpen(vscode.l10n.t('The description was written to {0}.', result.files[0]), result.files[0]);
    }

    private async exportCodebook(resource: unknown): Promise<void> {
        const uri = targetDocument(resource);
        if (!uri) return;
        const result = await this.withProgress(vscode.l10n.t('Writing the codebook…'), async () => {
            const outFile = path.join(outputFolder(uri), `${await this.surveyStem(uri)}-kodbok.csv`);
            return sendRequest(this.client, ExportCodebookRequest, { textDocument: this.protocolUri(uri), outFile });
        });
        if (!result) return;
        await vscode.window.showTextDocument(vscode.Uri.file(result.files[0]), { preview: false });
        void vscode.window.showInformationMessage(
            vscode.l10n.t('The codebook has {0} variables: {1}', result.variables, result.files[0]),
        );
    }

    private async generateEvaluator(resource: unknown): Promise<void> {
        const uri = targetDocument(resource);
        if (!uri) return;
        let outDir = '';
        const result = await this.withProgress(vscode.l10n.t('Generating the evaluator package…'), async () => {
            outDir = path.join(outputFolder(uri), `${await this.surveyStem(uri)}-utvarderare`);
            return sendRequest(this.client, GenerateEvaluatorRequest, { textDocument: this.protocolUri(uri), outDir });
        });
        if (!result) return;
        const readme = result.files.find((f) => path.basename(f) === 'README.md');
        if (readme) await vscode.window.showTextDocument(vscode.Uri.file(readme), { preview: false });
        void vscode.window.showInformationMessage(
            vscode.l10n.t('The evaluator package ({0} files) was written to {1}.', result.files.length, outDir),
        );
    }

    private async evaluateResponses(resource: unknown): Promise<void> {
        const uri = targetDocument(resource);
        if (!uri) return;
        const picked = await vscode.window.showOpenDialog({
            canSelectMany: false,
            openLabel: vscode.l10n.t('Evaluate'),
            title: vscode.l10n.t('Choose a survey export (one row per municipality or district)'),
            filters: { [vscode.l10n.t('Survey export')]: ['csv', 'xlsx'] },
        });
        const responsesFile = picked?.[0]?.fsPath;
        if (!responsesFile) return;
        const result = await this.withProgress(vscode.l10n.t('Evaluating {0}…', path.basename(responsesFile)), async () => {
            const outDir = path.join(
                outputFolder(uri),
                `${await this.surveyStem(uri)}-resultat-${safeName(path.basename(responsesFile, path.extname(responsesFile)))}`,
            );
            return sendRequest(this.client, EvaluateResponsesRequest, {
                textDocument: this.protocolUri(uri),
                responsesFile,
                outDir,
            });
        });
        if (!result) return;
        for (const warning of result.warnings) this.output.appendLine(warning);
        const aggregates = result.files.find((f) => path.basename(f) === 'aggregates.csv');
        if (aggregates) await vscode.window.showTextDocument(vscode.Uri.file(aggregates), { preview: false });
        const workbook = result.files.find((f) => f.endsWith('.xlsx'));
        const { met, not_met: notMet, excluded, missing } = result.statuses;
        // The statuses count results (one per respondent, indicator and area), not respondents.
        const summary = vscode.l10n.t(
            '{0} respondents evaluated. Results per indicator and area: {1} met, {2} not met, {3} excluded, {4} missing.',
            formatNumber(result.respondentsEvaluated),
            formatNumber(met),
            formatNumber(notMet),
            formatNumber(excluded),
            formatNumber(missing),
        );
        if (workbook) await this.offerOpen(summary, workbook);
    }
}

/** A count as the interface's language writes it ("1 234" in Swedish). */
function formatNumber(value: number): string {
    return new Intl.NumberFormat(vscode.env.language).format(value);
}
