/**
 * The diff view's page: the server's fragment as given (its renderer escaped the model text), the
 * reason there is no diff escaped (a folder's name may hold anything), the editor's font over the
 * document's style sheet, in the preview's page and its Content-Security-Policy.
 */
import { describe, expect, test } from 'vitest';
import { diffPage } from '../src/preview/diff-page.js';

const options = {
    title: 'Ändringar',
    nonce: 'n',
    cspSource: 'https://x',
    scriptUri: 'https://x/a.js',
    styleUri: 'https://x/a.css',
};

describe('the diff page', () => {
    test("the diff document's fragment and style sheet, with the editor theme's font after it", () => {
        const page = diffPage(
            { configured: true, body: '<article><h1>Jämförelse</h1></article>', css: 'h1{color:red}' },
            options,
        );
        expect(page).toContain('<main id="oj-preview">\n<article><h1>Jämförelse</h1></article>\n</main>');
        expect(page).toMatch(/h1\{color:red\}\nbody \{ font-family: var\(--vscode-font-family\), sans-serif; \}<\/style>/);
        expect(page).toContain('content="default-src &#39;none&#39;;');
    });

    test('the reason there is no diff, escaped', () => {
        const page = diffPage({ configured: true, problem: 'Förra årets modell i /tmp/<script>x</script> har 1 fel' }, options);
        expect(page).toContain('<p class="oj-problem">Förra årets modell i /tmp/&lt;script&gt;x&lt;/script&gt; har 1 fel</p>');
        expect(page).not.toContain('<script>x');
    });
});
