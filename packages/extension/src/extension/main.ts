/**
 * The extension on the desktop: starts the bundled language server (Node, over IPC) when an .oj
 * file opens, and registers the preview and the commands that run on it.
 */
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { LANGUAGE_SERVER_EXEC_ARGV } from '@oj/language/server-process';
import { OjCommands } from './commands.js';
import { DescriptionPreview } from './preview.js';
import { DiffView } from './diff-view.js';
import { ExampleTests } from './examples.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const serverModule = context.asAbsolutePath('out/server/main.cjs');
    // The PDF renderer finds its font package by module resolution; the .vsix has no node_modules,
    // so the build copies the fonts to out/vendor and the server resolves packages there too.
    const options = { env: { NODE_PATH: context.asAbsolutePath('out/vendor') } };
    const serverOptions: ServerOptions = {
        run: {
            module: serverModule,
            transport: TransportKind.ipc,
            options: { ...options, execArgv: [...LANGUAGE_SERVER_EXEC_ARGV] },
        },
        debug: {
            module: serverModule,
            transport: TransportKind.ipc,
            options: { ...options, execArgv: [...LANGUAGE_SERVER_EXEC_ARGV, '--nolazy', '--inspect=6009'] },
        },
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ scheme: 'file', language: 'oj' }],
        synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.oj') },
        // Last year's folder (oj.previousYear) as set when the server starts; changes arrive as configuration.
        initializationOptions: { previousYear: vscode.workspace.getConfiguration('oj').get<string>('previousYear') || undefined },
    };
    client = new LanguageClient('oj', vscode.l10n.t('Öppna jämförelser language server'), serverOptions, clientOptions);
    const preview = new DescriptionPreview(context.extensionUri, client);
    context.subscriptions.push(preview);
    const diffView = new DiffView(context.extensionUri, client);
    context.subscriptions.push(diffView);
    new OjCommands(client, preview, diffView).register(context);
    await client.start();
    // After the start: the Testing view asks the server for the examples as soon as it is opened.
    context.subscriptions.push(new ExampleTests(client));
    // The preview and the commands run on the Node server; menus show them where it runs (not only
    // on the desktop: also in code-server and Codespaces, whose workbench is a web page).
    await vscode.commands.executeCommand('setContext', 'oj.nodeServer', true);
}

export function deactivate(): Promise<void> | undefined {
    return client?.stop();
}
