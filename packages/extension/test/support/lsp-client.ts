/**
 * A real LSP client for the bundled server: the server is forked exactly as the extension's
 * language client forks it (Node IPC, NODE_PATH to the shipped fonts) and driven over JSON-RPC.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { LANGUAGE_SERVER_EXEC_ARGV } from '@oj/language/server-process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    createMessageConnection,
    IPCMessageReader,
    IPCMessageWriter,
    type MessageConnection,
} from 'vscode-languageserver-protocol/node';
import {
    type Diagnostic,
    DidChangeTextDocumentNotification,
    DidCloseTextDocumentNotification,
    DidOpenTextDocumentNotification,
    ExitNotification,
    InitializedNotification,
    InitializeRequest,
    PublishDiagnosticsNotification,
    ShutdownRequest,
} from 'vscode-languageserver-protocol';
import { bundle, extensionDir } from './paths.js';

export interface ServerSession {
    connection: MessageConnection;
    process: ChildProcess;
    /** Everything the server wrote to stderr, for failure messages. */
    stderr: () => string;
    uriOf(file: string): string;
    open(file: string): Promise<string>;
    /** Replaces the whole text of an open document (a new version). */
    change(uri: string, text: string): void;
    /**
     * The next diagnostics published for a document that satisfy the predicate; with `current`, the
     * latest ones already published count too. Call it before the change it waits for.
     */
    diagnostics(
        uri: string,
        predicate?: (diagnostics: Diagnostic[]) => boolean,
        options?: { current?: boolean; timeoutMs?: number },
    ): Promise<Diagnostic[]>;
    /** Opens a document with the given text (a new file never saved, or unsaved text of one on disk). */
    openText(uri: string, text: string): void;
    /** Closes a document in the editor (didClose). */
    closeDocument(uri: string): void;
    /** The version of the text last sent for a document. */
    versionOf(uri: string): number | undefined;
    /** Every publishDiagnostics received, in order, with when it arrived (performance.now()). */
    publishLog: Array<{ uri: string; version?: number; diagnostics: Diagnostic[]; at: number }>;
    /** Every window/logMessage the server sent: its type (1 error, 2 warning, 3 info, 4 log) and text. */
    logs: Array<{ type: number; message: string }>;
    /** Calls back on every publishDiagnostics (the connection takes one handler per method: this is it). */
    onPublish(listener: (entry: ServerSession['publishLog'][number]) => void): void;
    close(): Promise<void>;
}

export interface ServerOptions {
    /** The client's `initializationOptions` (e.g. `{ previousYear: "../oj2019" }`). */
    initializationOptions?: unknown;
}

/** Starts the server of an extension folder (by default this package's build) on a workspace folder. */
export async function startServer(
    workspaceDir: string,
    extensionRoot = extensionDir,
    options: ServerOptions = {},
): Promise<ServerSession> {
    const serverModule = path.join(extensionRoot, path.relative(extensionDir, bundle.server));
    if (!fs.existsSync(serverModule)) throw new Error(`${serverModule} is missing: run "npm run build" first`);
    const child = fork(serverModule, ['--node-ipc', `--clientProcessId=${process.pid}`], {
        env: { ...process.env, NODE_PATH: path.join(extensionRoot, path.relative(extensionDir, bundle.vendor)) },
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
        execArgv: [...LANGUAGE_SERVER_EXEC_ARGV],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk) => {
        stderr += String(chunk);
    });
    child.stdout?.resume();
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));

    const published = new Map<string, Diagnostic[]>();
    const waiters: Array<{ uri: string; predicate: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }> = [];
    const publishLog: ServerSession['publishLog'] = [];
    const publishListeners: Array<(entry: ServerSession['publishLog'][number]) => void> = [];
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
        const entry = { uri: params.uri, version: params.version, diagnostics: params.diagnostics, at: performance.now() };
        publishLog.push(entry);
        for (const listener of publishListeners) listener(entry);
        published.set(params.uri, params.diagnostics);
        for (const waiter of [...waiters]) {
            if (waiter.uri === params.uri && waiter.predicate(params.diagnostics)) {
                waiters.splice(waiters.indexOf(waiter), 1);
                waiter.resolve(params.diagnostics);
            }
        }
    });
    // What VS Code answers when the server asks: no settings of ours, registrations accepted.
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    const logs: ServerSession['logs'] = [];
    connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
        logs.push(params);
    });
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();

    const rootUri = pathToFileURL(workspaceDir).href;
    await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri,
        workspaceFolders: [{ uri: rootUri, name: path.basename(workspaceDir) }],
        initializationOptions: options.initializationOptions,
        capabilities: {
            workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
            textDocument: {
                synchronization: { dynamicRegistration: false },
                hover: { contentFormat: ['markdown', 'plaintext'] },
                completion: { completionItem: { snippetSupport: true } },
                rename: { prepareSupport: true },
                formatting: {},
                publishDiagnostics: { relatedInformation: true, versionSupport: true },
            },
        },
    });
    await connection.sendNotification(InitializedNotification.type, {});

    const versions = new Map<string, number>();
    const session: ServerSession = {
        connection,
        process: child,
        stderr: () => stderr,
        uriOf: (file) => pathToFileURL(path.join(workspaceDir, file)).href,
        async open(file) {
            const uri = session.uriOf(file);
            versions.set(uri, 1);
            await connection.sendNotification(DidOpenTextDocumentNotification.type, {
                textDocument: {
                    uri,
                    languageId: 'oj',
                    version: 1,
                    text: fs.readFileSync(path.join(workspaceDir, file), 'utf-8'),
                },
            });
            return uri;
        },
        openText(uri, text) {
            versions.set(uri, 1);
            void connection.sendNotification(DidOpenTextDocumentNotification.type, {
                textDocument: { uri, languageId: 'oj', version: 1, text },
            });
        },
        closeDocument(uri) {
            versions.delete(uri);
            void connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
        },
        versionOf: (uri) => versions.get(uri),
        publishLog,
        logs,
        onPublish: (listener) => {
            publishListeners.push(listener);
        },
        change(uri, text) {
            const version = (versions.get(uri) ?? 1) + 1;
            versions.set(uri, version);
            void connection.sendNotification(DidChangeTextDocumentNotification.type, {
                textDocument: { uri, version },
                contentChanges: [{ text }],
            });
        },
        diagnostics(uri, predicate = () => true, { current = false, timeoutMs = 20_000 } = {}) {
            const latest = published.get(uri);
            if (current && latest && predicate(latest)) return Promise.resolve(latest);
            return new Promise((resolve, reject) => {
                const waiter = {
                    uri,
                    predicate,
                    resolve: (d: Diagnostic[]) => {
                        clearTimeout(timer);
                        resolve(d);
                    },
                };
                const timer = setTimeout(() => {
                    waiters.splice(waiters.indexOf(waiter), 1);
                    reject(
                        new Error(
                            `No matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(published.get(uri))}\n${stderr}`,
                        ),
                    );
                }, timeoutMs);
                waiters.push(waiter);
            });
        },
        async close() {
            await connection.sendRequest(ShutdownRequest.type);
            await connection.sendNotification(ExitNotification.type);
            await new Promise<void>((resolve) => {
                if (child.exitCode !== null) resolve();
                else child.once('exit', () => resolve());
            });
            connection.dispose();
        },
    };
    return session;
}
