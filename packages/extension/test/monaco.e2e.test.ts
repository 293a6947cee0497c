/**
 * The browser build of the language server (out/server/worker.js) in Debian's Chromium: Monaco
 * with monaco-languageclient talking to the worker, the 2019 set open. A person's edit makes an
 * error marker appear, undoing it clears it, and hovering a rule's answer option shows its label
 * and code. The screenshot is written to the system's temp folder for a person to look at.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchChromium, serve, type StaticServer } from './support/browser.js';
import { buildMonacoApp, nodeModulesFile } from './support/monaco-app.js';
import { bundle, examplesDir, extensionDir } from './support/paths.js';

const OPEN = 'indikatorer-flera-omraden.oj';
const SCREENSHOT = path.join(os.tmpdir(), 'oj-monaco-worker.png');

const MARKER_ERROR = 8;

interface Marker {
    severity: number;
    message: string;
    startLineNumber: number;
    startColumn: number;
}

describe.skipIf(!hasChromium)('the language server as a web worker, in Monaco with monaco-languageclient', () => {
    let appDir: string;
    let server: StaticServer;
    let browser: Browser;
    let page: Page;
    const pageErrors: string[] = [];
    const text = fs.readFileSync(path.join(examplesDir, OPEN), 'utf-8');

    /** The 1-based line and column of the first occurrence of `needle`, plus `offset` characters. */
    const positionOf = (needle: string, offset = 0) => {
        const before = text.slice(0, text.indexOf(needle) + offset).split('\n');
        return { lineNumber: before.length, column: before[before.length - 1].length + 1 };
    };

    const markers = () =>
        page.evaluate(() => {
            const { monaco, editor } = window.ojTest;
            return monaco.editor.getModelMarkers({ resource: editor!.getModel()!.uri }).map((m) => ({
                severity: m.severity,
                message: m.message,
                startLineNumber: m.startLineNumber,
                startColumn: m.startColumn,
            }));
        }) as Promise<Marker[]>;

    const waitForMarkers = async (predicate: (markers: Marker[]) => boolean, what: string) => {
        const deadline = Date.now() + 20_000;
        for (;;) {
            const current = await markers();
            if (predicate(current)) return current;
            if (Date.now() > deadline)
                throw new Error(
                    `Timed out waiting for ${what}; markers: ${JSON.stringify(current)}; page errors: ${pageErrors.join('\n')}`,
                );
            await page.waitForTimeout(100);
        }
    };

    const moveCursor = (position: { lineNumber: number; column: number }) =>
        page.evaluate((p) => {
            const editor = window.ojTest.editor!;
            editor.setPosition(p);
            editor.revealLineNearTop(p.lineNumber);
            editor.focus();
        }, position);

    /** Moves the mouse over a character, as a person pointing at it. */
    const pointAt = async (position: { lineNumber: number; column: number }) => {
        const point = await page.evaluate((p) => {
            const editor = window.ojTest.editor!;
            editor.revealLineInCenter(p.lineNumber);
            const visible = editor.getScrolledVisiblePosition(p)!;
            const box = editor.getDomNode()!.getBoundingClientRect();
            return { x: box.left + visible.left + 3, y: box.top + visible.top + visible.height / 2 };
        }, position);
        await page.mouse.move(point.x - 40, point.y);
        await page.mouse.move(point.x, point.y, { steps: 4 });
    };

    /**
     * Points at a character until a hover with the text shows. A hover asked for before the worker
     * has built the workspace comes back empty, and Monaco asks again only when the mouse moves.
     */
    const hoverOver = async (position: { lineNumber: number; column: number }, text: string) => {
        const hover = page.locator('.monaco-hover-content').filter({ hasText: text }).first();
        const deadline = Date.now() + 30_000;
        for (;;) {
            await pointAt(position);
            try {
                await hover.waitFor({ timeout: 2_000 });
                return hover;
            } catch (error) {
                if (Date.now() > deadline) throw error;
            }
        }
    };

    beforeAll(async () => {
        appDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-monaco-'));
        await buildMonacoApp(appDir);
        const files = Object.fromEntries(
            fs
                .readdirSync(examplesDir)
                .filter((f) => f.endsWith('.oj'))
                .map((f) => [f, fs.readFileSync(path.join(examplesDir, f), 'utf-8')]),
        );
        server = await serve((pathname) => {
            switch (pathname) {
                case '/':
                    return { file: path.join(extensionDir, 'test/web/index.html') };
                case '/workspace.json':
                    return { body: JSON.stringify({ open: OPEN, files }), type: 'application/json' };
                case '/server/worker.js':
                    return { file: bundle.worker };
                case '/extension/package.json':
                    return { file: path.join(extensionDir, 'package.json') };
                case '/extension/language-configuration.json':
                    return { file: path.join(extensionDir, 'language-configuration.json') };
                case '/extension/oj.tmLanguage.json':
                    return { file: bundle.grammar };
            }
            const asset = nodeModulesFile(pathname);
            if (asset) return { file: asset };
            return { file: path.join(appDir, path.basename(pathname)) };
        });
        browser = await launchChromium();
        page = await browser.newPage({ viewport: { width: 1100, height: 640 } });
        page.on('pageerror', (error) => pageErrors.push(error.message));
        await page.goto(server.origin);
        await page.waitForFunction(() => window.ojTest?.ready || window.ojTest?.error, undefined, { timeout: 30_000 });
        const startError = await page.evaluate(() => window.ojTest.error);
        if (startError) throw new Error(`The page did not start: ${startError}`);
    });

    afterAll(async () => {
        await browser?.close();
        await server?.close();
        if (appDir) fs.rmSync(appDir, { recursive: true, force: true });
    });

    test("the worker validates the open file of the 2019 set: the rule analysis' notes, no errors", async () => {
        // The analysis notes that indicator 3 decides "Nej" and "Ej aktuellt" on question ii alike (the
        // answer set is in another file): proof that the worker linked the files and validated, not only parsed.
        const note = positionOf('fråga ii SipUppföljning');
        const current = await waitForMarkers(
            (m) =>
                m.some((x) => x.startLineNumber === note.lineNumber && x.message.startsWith('Nej och Ej aktuellt på fråga ii')),
            'the analysis notes',
        );
        expect(current.filter((m) => m.severity === MARKER_ERROR)).toEqual([]);
        const hover = await hoverOver(
            positionOf('"Aktuell rutin för att förhindra', 3),
            'Aktuell rutin för att förhindra avhysning av barnfamiljer',
        );
        expect(await hover.innerText()).toContain(
            'För att uppnå indikatorn på kommunnivå krävs: Ja på fråga i och Ja på fråga ii A och B',
        );
    });

    test('typing a wrong answer set name shows an error marker at it; undo clears it', async () => {
        const position = positionOf('svar JNE_NY', 'svar JNE_NY'.length);
        await moveCursor(position);
        await page.keyboard.type('Y');
        const withError = await waitForMarkers((m) => m.some((x) => x.severity === MARKER_ERROR), 'an error marker');
        const error = withError.find((m) => m.severity === MARKER_ERROR && m.message.includes('JNE_NYY'));
        expect(error, JSON.stringify(withError)).toBeDefined();
        expect(error).toMatchObject({ startLineNumber: position.lineNumber, startColumn: position.column - 'JNE_NY'.length });
        await expect.poll(() => page.locator('.squiggly-error').count(), { timeout: 10_000 }).toBeGreaterThan(0);

        // Point at an answer option in the rule just below, while the error is on screen (the screenshot):
        // "Ja" on question i still resolves, its answer set JN is untouched.
        const hover = await hoverOver(positionOf('Ja på fråga i och Ja på fråga ii A, B', 1), 'Kod 1 i svarsalternativen JN');
        expect(await hover.innerText()).toMatch(/^Ja\s+Kod 1 i svarsalternativen JN$/);
        await page.screenshot({ path: SCREENSHOT });

        await moveCursor(position);
        await page.keyboard.press('Control+Z');
        await waitForMarkers((m) => !m.some((x) => x.severity === MARKER_ERROR), 'the error marker to go away');
        expect(pageErrors).toEqual([]);
    });
});
