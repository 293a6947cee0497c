/**
 * The language server as an editor runs it: its own process (the Node flags of server-process.ts),
 * driven over stdio by a plain JSON-RPC client, for what only a real process shows: its resident
 * memory after the 10× workspace's build and after 400 edits, and the edited file's diagnostics
 * latency while typing at a fixed interval (each keystroke until the first publishDiagnostics that
 * carries its version or a later one).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LANGUAGE_SERVER_EXEC_ARGV } from '@oj/language/server-process';

const SERVER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../out/main.js');

interface Publish {
    uri: string;
    version?: number;
    at: number;
}

export class ServerSession {
    protected readonly child: ChildProcess;
    protected nextId = 1;
    protected readonly pending = new Map<number, (message: { result?: unknown; error?: unknown }) => void>();
    readonly publishes: Publish[] = [];
    protected readonly listeners: Array<(publish: Publish) => void> = [];

    constructor(readonly workspaceDir: string) {
        if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run "npx tsc -b tsconfig.build.json" first`);
        this.child = spawn(process.execPath, [...LANGUAGE_SERVER_EXEC_ARGV, SERVER, '--stdio'], {
            stdio: ['pipe', 'pipe', 'inherit'],
        });
        let buffer = Buffer.alloc(0);
        this.child.stdout!.on('data', (chunk: Buffer) => {
            buffer = Buffer.concat([buffer, chunk]);
            for (;;) {
                const end = buffer.indexOf('\r\n\r\n');
                if (end < 0) return;
                const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString('ascii'))?.[1]);
                if (buffer.length < end + 4 + length) return;
                const message = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString('utf-8'));
                buffer = buffer.subarray(end + 4 + length);
                this.handle(message);
            }
        });
    }

    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a raw JSON-RPC frame is untyped until the test reads it
    protected handle(message: any): void {
        if (message.id !== undefined && message.method === undefined) {
            this.pending.get(message.id)?.(message);
            this.pending.delete(message.id);
        } else if (message.id !== undefined) {
            this.write({
                id: message.id,
                result: message.method === 'workspace/configuration' ? message.params.items.map(() => null) : null,
            });
        } else if (message.method === 'textDocument/publishDiagnostics') {
            const publish = { uri: message.params.uri, version: message.params.version, at: performance.now() };
            this.publishes.push(publish);
            for (const listener of [...this.listeners]) listener(publish);
        }
    }

    protected write(message: object): void {
        const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf-8');
        this.child.stdin!.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
    }

    request(method: string, params: unknown): Promise<{ result?: unknown; error?: unknown }> {
        const id = this.nextId++;
        return new Promise((resolve) => {
            this.pending.set(id, resolve);
            this.write({ id, method, params });
        });
    }

    notify(method: string, params: unknown): void {
        this.write({ method, params });
    }

    uriOf(file: string): string {
        return pathToFileURL(path.resolve(this.workspaceDir, file)).href;
    }

    async initialize(): Promise<void> {
        const rootUri = pathToFileURL(this.workspaceDir).href;
        await this.request('initialize', {
            processId: process.pid,
            rootUri,
            workspaceFolders: [{ uri: rootUri, name: path.basename(this.workspaceDir) }],
            capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
        });
        this.notify('initialized', {});
    }

    /** Resolves once every one of the URIs has had diagnostics published. */
    waitForAll(uris: string[]): Promise<void> {
        const missing = new Set(uris);
        for (const publish of this.publishes) missing.delete(publish.uri);
        if (missing.size === 0) return Promise.resolve();
        return new Promise((resolve) => {
            this.listeners.push((publish) => {
                missing.delete(publish.uri);
                if (missing.size === 0) resolve();
            });
        });
    }

    /** Resolves with the time of the first publish for a URI with at least this version. */
    waitForVersion(uri: string, version: number): Promise<number> {
        const found = this.publishes.find((p) => p.uri === uri && (p.version ?? 0) >= version);
        if (found) return Promise.resolve(found.at);
        return new Promise((resolve) => {
            const listener = (publish: Publish) => {
                if (publish.uri === uri && (publish.version ?? 0) >= version) {
                    this.listeners.splice(this.listeners.indexOf(listener), 1);
                    resolve(publish.at);
                }
            };
            this.listeners.push(listener);
        });
    }

    /** Resident memory of the server process (Linux: /proc/<pid>/status), in MB. */
    rssMB(): number {
        const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf-8');
        return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
    }

    async close(): Promise<void> {
        await this.request('shutdown', null);
        this.notify('exit', null);
        await new Promise((resolve) => (this.child.exitCode !== null ? resolve(undefined) : this.child.once('exit', resolve)));
    }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Types `text` into a document one character per `intervalMs`, from `at`, and returns each
 * keystroke's latency to the first diagnostics of its version or a later one.
 */
export async function typeAt(
    session: ServerSession,
    uri: string,
    base: string,
    at: number,
    text: string,
    intervalMs: number,
    firstVersion: number,
): Promise<{ latencies: number[]; lastVersion: number }> {
    const sent: Array<{ version: number; at: number }> = [];
    let version = firstVersion;
    for (let i = 1; i <= text.length; i++) {
        version++;
        session.notify('textDocument/didChange', {
            textDocument: { uri, version },
            contentChanges: [{ text: base.slice(0, at) + text.slice(0, i) + base.slice(at) }],
        });
        sent.push({ version, at: performance.now() });
        await sleep(intervalMs);
    }
    const latencies = await Promise.all(sent.map(async (s) => (await session.waitForVersion(uri, s.version)) - s.at));
    return { latencies, lastVersion: version };
}
