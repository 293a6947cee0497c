/**
 * The extension in a web editor (vscode.dev and the like): the language server runs as a web
 * worker, with every editor service of the language. The preview and the commands write files
 * and need the desktop.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const worker = new Worker(vscode.Uri.joinPath(context.extensionUri, 'out/server/worker.js').toString(true));
    client = new LanguageClient('oj', vscode.l10n.t('Öppna jämförelser language server'), worker, {
        documentSelector: [{ language: 'oj' }],
    });
    await client.start();
}

export function deactivate(): Promise<void> | undefined {
    return client?.stop();
}
