/**
 * The preview page's Content-Security-Policy with the webview sources VS Code hands out: one
 * host source on the desktop, "'self' https://*.vscode-cdn.net" in code-server; nothing that
 * could end a directive or add one gets in.
 */
import { describe, expect, test } from 'vitest';
import { contentSecurityPolicy, previewPage } from '../src/preview/page.js';

describe('the preview page', () => {
    test("takes the desktop's and code-server's webview sources", () => {
        expect(contentSecurityPolicy('abc+/=', 'https://*.vscode-cdn.net')).toBe(
            "default-src 'none'; style-src https://*.vscode-cdn.net 'nonce-abc+/='; script-src 'nonce-abc+/='; " +
                "img-src https://*.vscode-cdn.net data:; font-src https://*.vscode-cdn.net; base-uri 'none'; form-action 'none'",
        );
        expect(contentSecurityPolicy('n', "'self' https://*.vscode-cdn.net")).toContain(
            "style-src 'self' https://*.vscode-cdn.net 'nonce-n'",
        );
    });

    test('refuses a source or nonce that would change the policy', () => {
        expect(() => contentSecurityPolicy('n', 'https://a; script-src *')).toThrow(/Not allowed/);
        expect(() => contentSecurityPolicy('n', "'unsafe-inline'")).toThrow(/Not allowed/);
        expect(() => contentSecurityPolicy("n' 'unsafe-inline", 'https://a')).toThrow(/Not a nonce/);
    });

    test("escapes the title and the attributes it sets; the body is the renderer's, as given", () => {
        const page = previewPage({
            body: '<article>ok</article>',
            css: 'p{}</style><script>',
            title: '<b>"T"</b>',
            nonce: 'n',
            cspSource: 'https://x',
            scriptUri: 'https://x/a.js?"',
            styleUri: 'https://x/a.css',
            reveal: 'indikator-"1',
        });
        expect(page).toContain('<title>&lt;b&gt;&quot;T&quot;&lt;/b&gt;</title>');
        expect(page).toContain('src="https://x/a.js?&quot;"');
        expect(page).toContain('data-reveal="indikator-&quot;1"');
        // The style sheet cannot close its element early: only the page's own </style> remains.
        expect(page).toContain('p{}<\\/style><script>');
        expect(page.match(/<\/style/gi)).toHaveLength(1);
    });
});
