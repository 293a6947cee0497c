/**
 * The diff view's page: the server's diff fragment (model text escaped by the renderer), or the
 * reason there is none, in the preview's page (strict Content-Security-Policy) with the editor
 * theme's font over the document's own; the colours stay the document's, whose tables and marks
 * are made for its light page. No VS Code import, so that a test renders exactly this page.
 */
import type { DiffResult } from '../protocol.js';
import { previewPage, type PreviewPageOptions } from './page.js';

const THEME_CSS = 'body { font-family: var(--vscode-font-family), sans-serif; }';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

export function diffPage(
    result: DiffResult,
    options: Pick<PreviewPageOptions, 'nonce' | 'cspSource' | 'scriptUri' | 'styleUri'> & { title: string },
): string {
    const body = result.body ?? `<p class="oj-problem">${escapeHtml(result.problem ?? '')}</p>`;
    return previewPage({ ...options, body, css: `${result.css ?? ''}\n${THEME_CSS}` });
}
