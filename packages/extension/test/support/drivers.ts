/**
 * One interface over the two real clients the editor tests drive the bundled server with: the
 * project's LSP client over Node IPC (vscode-jsonrpc, as VS Code starts the server) and a raw
 * JSON-RPC client over stdio (as Neovim or a script does). A test written against a Driver runs
 * through both.
 */
import { CancellationTokenSource, ResponseError } from 'vscode-languageserver-protocol';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { startServer } from './lsp-client.js';
import { startRawServer } from './raw-client.js';

export interface Publish {
    uri: string;
    version?: number;
    diagnostics: Diagnostic[];
    at: number;
}

/** What a client reads from a response: a result, or a JSON-RPC error. */
export type Answer = { result: unknown } | { error: { code: number; message: string } };

export interface Driver {
    readonly name: string;
    uriOf(file: string): string;
    open(uri: string, text: string): void;
    /** Replaces the whole text; returns the new version. */
    change(uri: string, text: string): number;
    close(uri: string): void;
    request(method: string, params: unknown): Promise<Answer>;
    /** Sends a request and cancels it at once ($/cancelRequest). */
    requestCancelled(method: string, params: unknown): Promise<Answer>;
    publishes(uri?: string): Publish[];
    /** The next publish for a document satisfying the predicate; with `current`, the latest one counts. */
    published(
        uri: string,
        predicate?: (p: Publish) => boolean,
        options?: { current?: boolean; timeoutMs?: number },
    ): Promise<Publish>;
    /** The warnings and errors the server logged (window/logMessage of type 1 or 2). */
    warnings(): string[];
    /** The server process's exit code, or null while it runs. */
    exitCode(): number | null;
    stderr(): string;
    stop(): Promise<void>;
}

export type DriverKind = 'ipc' | 'stdio';
export const DRIVER_KINDS: DriverKind[] = ['ipc', 'stdio'];

function waiterList() {
    const waiters: Array<{ uri: string; predicate: (p: Publish) => boolean; resolve: (p: Publish) => void }> = [];
    return {
        fire(publish: Publish) {
            for (const waiter of [...waiters]) {
                if (waiter.uri === publish.uri && waiter.predicate(publish)) {
                    waiters.splice(waiters.indexOf(waiter), 1);
                    waiter.resolve(publish);
                }
            }
        },
        wait(
            log: () => Publish[],
            uri: string,
            predicate: (p: Publish) => boolean,
            current: boolean,
            timeoutMs: number,
            stderr: () => string,
        ): Promise<Publish> {
            const latest = log()
                .filter((p) => p.uri === uri)
                .pop();
            if (current && latest && predicate(latest)) return Promise.resolve(latest);
            return new Promise((resolve, reject) => {
                const waiter = {
                    uri,
                    predicate,
                    resolve: (p: Publish) => {
                        clearTimeout(timer);
                        resolve(p);
                    },
                };
                const timer = setTimeout(() => {
                    waiters.splice(waiters.indexOf(waiter), 1);
                    reject(
                        new Error(
                            `No matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(
                                log()
                                    .filter((p) => p.uri === uri)
                                    .pop(),
                            )}\n${stderr()}`,
                        ),
                    );
                }, timeoutMs);
                waiters.push(waiter);
            });
        },
    };
}

export async function startDriver(kind: DriverKind, workspaceDir: string): Promise<Driver> {
    const versions = new Map<string, number>();
    const next = (uri: string) => {
        const version = (versions.get(uri) ?? 0) + 1;
        versions.set(uri, version);
        return version;
    };
    const waiters = waiterList();
    if (kind === 'ipc') {
        const session = await startServer(workspaceDir);
        let seen = 0;
        const log = () => {
            for (; seen < session.publishLog.length; seen++) waiters.fire(session.publishLog[seen]);
            return session.publishLog;
        };
        session.onPublish(() => {
            log();
        });
        const answer = async (promise: Promise<unknown>): Promise<Answer> => {
            try {
                return { result: await promise };
            } catch (error) {
                if (error instanceof ResponseError) return { error: { code: error.code, message: error.message } };
                throw error;
            }
        };
        return {
            name: 'LSP client over IPC',
            uriOf: (file) => session.uriOf(file),
            open(uri, text) {
                versions.set(uri, 1);
                session.openText(uri, text);
            },
            change(uri, text) {
                const version = next(uri);
                void session.connection.sendNotification('textDocument/didChange', {
                    textDocument: { uri, version },
                    contentChanges: [{ text }],
                });
                return version;
            },
            close(uri) {
                versions.delete(uri);
                session.closeDocument(uri);
            },
            request: (method, params) => answer(session.connection.sendRequest(method, params)),
            requestCancelled(method, params) {
                const source = new CancellationTokenSource();
                const promise = session.connection.sendRequest(method, params, source.token);
                source.cancel();
                return answer(promise);
            },
            publishes: (uri) => log().filter((p) => uri === undefined || p.uri === uri),
            published: (uri, predicate = () => true, { current = false, timeoutMs = 20_000 } = {}) => {
                log();
                return waiters.wait(log, uri, predicate, current, timeoutMs, session.stderr);
            },
            warnings: () => session.logs.filter((l) => l.type <= 2).map((l) => l.message),
            exitCode: () => session.process.exitCode,
            stderr: session.stderr,
            stop: () => (session.process.exitCode === null ? session.close() : Promise.resolve()),
        };
    }
    const session = await startRawServer(workspaceDir);
    const publishes: Publish[] = [];
    const collect = () => {
        const all = session.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics');
        for (let i = publishes.length; i < all.length; i++) {
            const publish = {
                uri: all[i].params.uri,
                version: all[i].params.version,
                diagnostics: all[i].params.diagnostics,
                at: all[i].at,
            };
            publishes.push(publish);
            waiters.fire(publish);
        }
        return publishes;
    };
    session.onNotification((n) => {
        if (n.method === 'textDocument/publishDiagnostics') collect();
    });
    return {
        name: 'raw JSON-RPC client over stdio',
        uriOf: (file) => session.uriOf(file),
        open(uri, text) {
            versions.set(uri, 1);
            session.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'oj', version: 1, text } });
        },
        change(uri, text) {
            const version = next(uri);
            session.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
            return version;
        },
        close(uri) {
            versions.delete(uri);
            session.notify('textDocument/didClose', { textDocument: { uri } });
        },
        async request(method, params) {
            const response = await session.request(method, params).response;
            return 'error' in response && response.error ? { error: response.error } : { result: response.result };
        },
        async requestCancelled(method, params) {
            const { id, response } = session.request(method, params);
            session.notify('$/cancelRequest', { id });
            const message = await response;
            return 'error' in message && message.error ? { error: message.error } : { result: message.result };
        },
        publishes: (uri) => collect().filter((p) => uri === undefined || p.uri === uri),
        published: (uri, predicate = () => true, { current = false, timeoutMs = 20_000 } = {}) => {
            collect();
            return waiters.wait(collect, uri, predicate, current, timeoutMs, session.stderr);
        },
        warnings: () =>
            session.notifications
                .filter((n) => n.method === 'window/logMessage' && n.params.type <= 2)
                .map((n) => String(n.params.message)),
        exitCode: () => session.process.exitCode,
        stderr: session.stderr,
        stop: () => session.close(),
    };
}
