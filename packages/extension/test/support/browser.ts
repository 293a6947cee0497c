/**
 * Debian's Chromium driven by playwright-core, and a static file server on 127.0.0.1 for the pages
 * it opens. Tests that need the browser skip when it is absent, except in CI (CI=true), where
 * .ci/run installs it and a missing browser is a failure.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);

if (!hasChromium) {
    const message = `${CHROMIUM} is missing: the browser tests are skipped (install it with "apt-get install chromium").`;
    if (process.env.CI === 'true') throw new Error(message);
    console.warn(message);
}

export function launchChromium(): Promise<Browser> {
    return chromium.launch({
        executablePath: CHROMIUM,
        args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
        ],
    });
}

const CONTENT_TYPES: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.json': 'application/json; charset=utf-8',
    '.wasm': 'application/wasm',
    '.ttf': 'font/ttf',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
};

export type Route = { body: string | Buffer; type?: string } | { file: string } | undefined;

export interface StaticServer {
    origin: string;
    /** Every path requested, in order (a page that loads something unexpected shows here). */
    requests: string[];
    close(): Promise<void>;
}

/** Serves what `route` answers for a path; 404 for anything else. Bound to 127.0.0.1 only. */
export async function serve(route: (pathname: string) => Route): Promise<StaticServer> {
    const requests: string[] = [];
    const server = http.createServer((request, response) => {
        const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
        requests.push(pathname);
        const answer = route(pathname);
        if (answer && 'file' in answer && fs.existsSync(answer.file)) {
            response.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(answer.file)] ?? 'application/octet-stream' });
            response.end(fs.readFileSync(answer.file));
        } else if (answer && 'body' in answer) {
            response.writeHead(200, { 'content-type': answer.type ?? 'text/html; charset=utf-8' });
            response.end(answer.body);
        } else {
            response.writeHead(404).end();
        }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
        origin: `http://127.0.0.1:${port}`,
        requests,
        close: () => new Promise((resolve) => server.close(() => resolve())),
    };
}
