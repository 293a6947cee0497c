/**
 * A raw JSON-RPC client over stdio, as editors other than VS Code (Neovim, Helix, a script) drive
 * the server: `node out/server/main.cjs --stdio`, messages framed by Content-Length headers and
 * parsed here by hand, no vscode-jsonrpc on this side. It sees exactly what goes over the wire,
 * so a response is checked for `result` versus `error` as the client would read it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LANGUAGE_SERVER_EXEC_ARGV } from '@oj/language/server-process';
import { bundle } from './paths.js';

export interface RawResponse {
    jsonrpc: '2.0';
    id: number;
    result?: unknown;
    error?: { code: number; message: string; data?: unknown };
}

export interface RawNotification {
    method: string;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a raw JSON-RPC frame is untyped until the test reads it
    params: any;
    /** When it arrived (performance.now()). */
    at: number;
}

export interface RawSession {
    process: ChildProcess;
    stderr(): string;
    uriOf(file: string): string;
    /** Sends a request and resolves with the whole response message. */
    request(method: string, params?: unknown): { id: number; response: Promise<RawResponse> };
    notify(method: string, params?: unknown): void;
    /** Every notification received so far, in order. */
    notifications: RawNotification[];
    /** The diagnostics notifications for one document, in order. */
    published(uri: string): RawNotification[];
    /** The next notification (after those already received, or with `current` also those) matching. */
    waitFor(
        predicate: (n: RawNotification) => boolean,
        options?: { timeoutMs?: number; current?: boolean },
    ): Promise<RawNotification>;
    /** Calls back on every notification from the server. */
    onNotification(listener: (n: RawNotification) => void): void;
    /** Resolves with the exit code when the server process ends. */
    exited: Promise<number | null>;
    close(): Promise<void>;
}

/** Starts the bundled server over stdio on a workspace folder and initializes it like a plain LSP client. */
export async function startRawServer(workspaceDir: string): Promise<RawSession> {
    if (!fs.existsSync(bundle.server)) throw new Error(`${bundle.server} is missing: run "npm run build" first`);
    const child = spawn(process.execPath, [...LANGUAGE_SERVER_EXEC_ARGV, bundle.server, '--stdio'], {
        env: { ...process.env, NODE_PATH: bundle.vendor },
        stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk) => {
        stderr += String(chunk);
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

    const pending = new Map<number, (response: RawResponse) => void>();
    const notifications: RawNotification[] = [];
    const listeners: Array<(n: RawNotification) => void> = [];
    const waiters: Array<{ predicate: (n: RawNotification) => boolean; resolve: (n: RawNotification) => void }> = [];
    const write = (message: object) => {
        const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf-8');
        child.stdin!.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
    };
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a raw JSON-RPC frame is untyped until the test reads it
    const handle = (message: any) => {
        if (message.id !== undefined && message.method === undefined) {
            pending.get(message.id)?.(message);
            pending.delete(message.id);
        } else if (message.id !== undefined) {
            // A request from the server (configuration, registrations, progress): answered as VS Code does.
            const result = message.method === 'workspace/configuration' ? message.params.items.map(() => null) : null;
            write({ id: message.id, result });
        } else {
            const notification = { method: message.method, params: message.params, at: performance.now() };
            notifications.push(notification);
            for (const listener of listeners) listener(notification);
            for (const waiter of [...waiters]) {
                if (waiter.predicate(notification)) {
                    waiters.splice(waiters.indexOf(waiter), 1);
                    waiter.resolve(notification);
                }
            }
        }
    };
    let buffer = Buffer.alloc(0);
    child.stdout!.on('data', (chunk: Buffer) => {
        buffer = Buffer.concat([buffer, chunk]);
        for (;;) {
            const headerEnd = buffer.indexOf('\r\n\r\n');
            if (headerEnd < 0) return;
            const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
            if (buffer.length < headerEnd + 4 + length) return;
            const body = buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf-8');
            buffer = buffer.subarray(headerEnd + 4 + length);
            handle(JSON.parse(body));
        }
    });

    let nextId = 1;
    const session: RawSession = {
        process: child,
        stderr: () => stderr,
        uriOf: (file) => pathToFileURL(path.join(workspaceDir, file)).href,
        request(method, params) {
            const id = nextId++;
            const response = new Promise<RawResponse>((resolve, reject) => {
                pending.set(id, resolve);
                void exited.then((code) =>
                    reject(new Error(`The server exited (${code}) before answering ${method}:\n${stderr}`)),
                );
            });
            write({ id, method, params });
            return { id, response };
        },
        notify(method, params) {
            write({ method, params });
        },
        notifications,
        published: (uri) => notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri),
        waitFor(predicate, { timeoutMs = 20_000, current = false } = {}) {
            const already = current ? notifications.find(predicate) : undefined;
            if (already) return Promise.resolve(already);
            return new Promise((resolve, reject) => {
                const waiter = {
                    predicate,
                    resolve: (n: RawNotification) => {
                        clearTimeout(timer);
                        resolve(n);
                    },
                };
                const timer = setTimeout(() => {
                    waiters.splice(waiters.indexOf(waiter), 1);
                    reject(new Error(`No matching notification within ${timeoutMs} ms\n${stderr}`));
                }, timeoutMs);
                waiters.push(waiter);
            });
        },
        onNotification: (listener) => {
            listeners.push(listener);
        },
        exited,
        async close() {
            if (child.exitCode === null) {
                await session.request('shutdown').response.catch(() => undefined);
                session.notify('exit');
                await exited;
            }
        },
    };

    const rootUri = pathToFileURL(workspaceDir).href;
    await session.request('initialize', {
        processId: process.pid,
        rootUri,
        workspaceFolders: [{ uri: rootUri, name: path.basename(workspaceDir) }],
        // A plain client: no dynamic registrations, no file watcher.
        capabilities: { textDocument: { publishDiagnostics: { versionSupport: true }, hover: { contentFormat: ['markdown'] } } },
    }).response;
    session.notify('initialized', {});
    return session;
}
