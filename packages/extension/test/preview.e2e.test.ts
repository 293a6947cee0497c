/**
 * The preview page in Chromium, built exactly as the extension builds it: the bundled server
 * renders the description (`oj/preview`), previewPage() wraps it with the webview's CSP, nonce and
 * the preview script. Model text with markup shows as text and runs nothing, live updates keep it
 * so, and even markup that escaped the renderer could not run a handler under the page's policy.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { previewPage } from '../src/preview/page.js';
import { ExploreRequest, PreviewRequest, sendRequest } from '../src/protocol.js';
import { hasChromium, launchChromium, serve, type StaticServer } from './support/browser.js';
import { type ServerSession, startServer } from './support/lsp-client.js';
import { bundle } from './support/paths.js';

const SCREENSHOT = path.join(os.tmpdir(), 'oj-preview.png');

const SCRIPT = '<script>alert(1)</script>';
const IMAGE = '<img src=x onerror=alert(1)>';

const SURVEY = `enkät T2019 "Test 2019" {
    år 2019
    variabelmönster "T{indikator}_{fråga}{del}[_{grupp}]"
    datakälla "Enkät." målpopulation "Alla kommuner." nämnare "Svarande kommuner." redovisningsnivåer kommun, riket
}
svarsalternativ JN { Ja = 1 "Ja" Nej = 2 "Nej" }
område EB "Ekonomiskt bistånd"
`;

const indicators = (description: string) => `tillhör T2019

indikator 1 "Rutin ${IMAGE}" {
    områden EB
    beskrivning "${description}"
    typ struktur
    kvalitetsområde "Säker"
    fråga i Rutin: "Har ni en rutin ${SCRIPT}?" svar JN
    krävs: Ja på fråga i
}

indikator 2 "Uppföljning" {
    områden EB
    beskrivning "Kommunen följer upp rutinen."
    typ struktur
    kvalitetsområde "Säker"
    fråga i Uppföljd: "Har ni följt upp rutinen?" svar JN
    krävs: Ja på fråga i
}
`;

declare global {
    interface Window {
        posted: unknown[];
        violations: string[];
    }
}

describe.skipIf(!hasChromium)('the preview in Chromium', () => {
    let workspace: string;
    let lsp: ServerSession;
    let uri: string;
    let http: StaticServer;
    let browser: Browser;
    let page: Page;
    const dialogs: string[] = [];

    const render = async () => {
        const preview = await sendRequest(lsp.connection, PreviewRequest, { textDocument: { uri } });
        return preview.body;
    };

    beforeAll(async () => {
        workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-ext-preview-'));
        fs.writeFileSync(path.join(workspace, 'enkat.oj'), SURVEY);
        fs.writeFileSync(path.join(workspace, 'indikatorer.oj'), indicators(`Kommunen har ${SCRIPT} och ${IMAGE}.`));
        lsp = await startServer(workspace);
        uri = await lsp.open('indikatorer.oj');
        const preview = await sendRequest(lsp.connection, PreviewRequest, { textDocument: { uri } });

        let html = '';
        http = await serve((pathname) => {
            if (pathname === '/') return { body: html };
            if (pathname === '/webview.js') return { file: bundle.webviewScript };
            if (pathname === '/preview.css') return { file: bundle.previewCss };
            if (pathname.startsWith('/fonts/')) return { file: path.join(path.dirname(bundle.previewCss), pathname) };
            return undefined;
        });
        html = previewPage({
            body: preview.body,
            css: preview.css,
            title: preview.title,
            reveal: 'indikator-1',
            nonce: randomBytes(16).toString('base64'),
            cspSource: http.origin,
            scriptUri: `${http.origin}/webview.js`,
            styleUri: `${http.origin}/preview.css`,
        });

        browser = await launchChromium();
        page = await browser.newPage({ viewport: { width: 900, height: 700 } });
        page.on('dialog', (dialog) => {
            dialogs.push(dialog.message());
            void dialog.dismiss();
        });
        // What VS Code gives a webview's script, recorded; and every policy violation.
        await page.addInitScript(() => {
            window.posted = [];
            window.violations = [];
            (window as unknown as { acquireVsCodeApi: () => unknown }).acquireVsCodeApi = () => ({
                postMessage: (m: unknown) => window.posted.push(m),
            });
            document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective));
        });
        await page.goto(http.origin);
        await page.waitForFunction(() => window.posted.length > 0);
    });

    afterAll(async () => {
        await browser?.close();
        await http?.close();
        await lsp?.close();
        if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
    });

    test('model text with markup shows as text and runs nothing', async () => {
        expect(await page.evaluate(() => window.posted)).toEqual([{ type: 'ready' }]);
        const indicator = page.locator('#indikator-1');
        const text = await indicator.innerText();
        expect(text).toContain(`Kommunen har ${SCRIPT} och ${IMAGE}.`);
        expect(text).toContain(`Har ni en rutin ${SCRIPT}?`);
        expect(await page.locator('#indikator-1-rubrik').innerText()).toBe(`1. Rutin ${IMAGE}`);
        expect(await page.locator('img').count()).toBe(0);
        expect(await page.locator('script').count()).toBe(1);
        expect(http.requests).not.toContain('/x');
        expect(dialogs).toEqual([]);
        expect(await page.evaluate(() => window.violations)).toEqual([]);
        // Opened at the indicator under the cursor.
        expect(await page.locator('.oj-current').getAttribute('id')).toBe('indikator-1');
        await page.screenshot({ path: SCREENSHOT });
    });

    test('a live update with new markup in the model stays text, and scrolls to the indicator', async () => {
        // Written in the .oj string with an escaped quote, shown with the quote.
        const payload = '"><svg onload=alert(2)>';
        const published = lsp.diagnostics(uri);
        lsp.change(uri, indicators(`Ändrad ${payload.replace('"', '\\"')} ${IMAGE}`));
        await published;
        const body = await render();
        await page.evaluate((b) => window.postMessage({ type: 'update', body: b, reveal: 'indikator-2' }, '*'), body);
        await expect.poll(() => page.locator('#indikator-1').innerText()).toContain(`Ändrad ${payload} ${IMAGE}`);
        expect(await page.locator('svg, img').count()).toBe(0);
        expect(await page.locator('.oj-current').getAttribute('id')).toBe('indikator-2');
        expect(dialogs).toEqual([]);
    });

    test('the decision explorer: picked answers show the status and the deciding question, model text stays text', async () => {
        await page.evaluate(() => {
            window.posted = [];
        });
        await page.locator('#indikator-1 .oj-explore-button').click();
        const asked = await page.evaluate(() => window.posted);
        expect(asked).toEqual([{ type: 'explore', id: 'indikator-1', number: 1, answers: {} }]);
        const answer = async (answers: Record<string, string>) => {
            const result = await sendRequest(lsp.connection, ExploreRequest, { textDocument: { uri }, indicator: 1, answers });
            await page.evaluate((r) => window.postMessage({ type: 'explored', id: 'indikator-1', result: r }, '*'), result);
        };
        await answer({});
        const explorer = page.locator('#indikator-1 .oj-explorer');
        await expect.poll(() => explorer.innerText()).toContain('Status: saknas');
        // The question's text (with markup) is a tooltip, as text.
        expect(await explorer.locator('label').first().getAttribute('title')).toBe(`Har ni en rutin ${SCRIPT}?`);
        await explorer.locator('select').first().selectOption('Nej');
        expect((await page.evaluate(() => window.posted)).at(-1)).toEqual({
            type: 'explore',
            id: 'indikator-1',
            number: 1,
            answers: { i: 'Nej' },
        });
        await answer({ i: 'Nej' });
        await expect.poll(() => explorer.innerText()).toContain('Status: ej uppnådd');
        expect(await explorer.innerText()).toContain('Avgjort av: fråga i = Nej.');
        expect(await explorer.locator('mark.oj-decided').allInnerTexts()).toEqual(['fråga i']);
        await explorer.locator('.oj-explorer-write').click();
        expect((await page.evaluate(() => window.posted)).at(-1)).toEqual({
            type: 'writeExample',
            number: 1,
            answers: { i: 'Nej' },
        });
        expect(await page.locator('img, svg').count()).toBe(0);
        expect(dialogs).toEqual([]);
        expect(await page.evaluate(() => window.violations)).toEqual([]);
    });

    test('the preview is set in DejaVu Sans, the face the PDF embeds, loaded from the extension', async () => {
        const loaded = await page.evaluate(async () => {
            await document.fonts.ready;
            await document.fonts.load('16px "DejaVu Sans"');
            return [...document.fonts]
                .filter((f) => f.family.replace(/"/g, '') === 'DejaVu Sans' && f.status === 'loaded')
                .map((f) => f.weight);
        });
        expect(loaded).toEqual(expect.arrayContaining(['normal', 'bold']));
        expect(http.requests).toContain('/fonts/DejaVuSans.ttf');
    });

    test('markup that escaped the renderer could still run nothing: the policy blocks inline handlers', async () => {
        await page.evaluate(() =>
            window.postMessage({ type: 'update', body: '<p id="raw">raw</p><img id="probe" src="x" onerror="alert(3)">' }, '*'),
        );
        await expect
            .poll(() =>
                page.evaluate(() => window.violations.includes('script-src-attr') || window.violations.includes('script-src')),
            )
            .toBe(true);
        expect(dialogs).toEqual([]);
    });

    test('the dialog check itself works: a script the page allows does open one', async () => {
        await page.evaluate(() => alert('kontroll'));
        expect(dialogs).toEqual(['kontroll']);
    });
});
