/**
 * The preview's page: the description fragment the server rendered (model text already escaped)
 * inside a shell with a strict Content-Security-Policy. Nothing remote, no inline script; the one
 * script and the style sheets need the page's nonce or come from the webview's own source.
 * No VS Code import, so the browser test renders exactly this page.
 */

export interface PreviewPageOptions {
    /** The article fragment from the server's `oj/preview`. */
    body: string;
    /** The document's style sheet (from '@oj/documents'). */
    css: string;
    title: string;
    /** A fresh random nonce for this page. */
    nonce: string;
    /** `webview.cspSource`: where the extension's own script and style sheet are loaded from. */
    cspSource: string;
    scriptUri: string;
    styleUri: string;
    /** The section to show first (the indicator under the cursor). */
    reveal?: string;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeAttribute(text: string): string {
    return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

const NONCE = /^[A-Za-z0-9+/=_-]+$/;
/** A host or scheme source, or 'self' (code-server's webview source is "'self' https://*.vscode-cdn.net"). */
const SOURCE = /^(?:'self'|[A-Za-z0-9+/=:._\-*]+)$/;

/** The webview's sources, checked so that none can end the directive it is put in or add another. */
function cspSources(value: string): string {
    const sources = value.trim().split(/ +/);
    if (!sources.every((s) => SOURCE.test(s)))
        throw new Error(`Not allowed in a Content-Security-Policy: ${JSON.stringify(value)}`);
    return sources.join(' ');
}

export function contentSecurityPolicy(nonce: string, cspSource: string): string {
    if (!NONCE.test(nonce)) throw new Error(`Not a nonce: ${JSON.stringify(nonce)}`);
    const n = `'nonce-${nonce}'`;
    const source = cspSources(cspSource);
    return [
        "default-src 'none'",
        `style-src ${source} ${n}`,
        `script-src ${n}`,
        `img-src ${source} data:`,
        `font-src ${source}`,
        "base-uri 'none'",
        "form-action 'none'",
    ].join('; ');
}

export function previewPage(options: PreviewPageOptions): string {
    const nonce = escapeAttribute(options.nonce);
    const reveal = options.reveal ? ` data-reveal="${escapeAttribute(options.reveal)}"` : '';
    return `<!DOCTYPE html>
<html lang="sv-SE">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(contentSecurityPolicy(options.nonce, options.cspSource))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeAttribute(options.title)}</title>
<style nonce="${nonce}">${options.css.replace(/<\/style/gi, '<\\/style')}</style>
<link rel="stylesheet" nonce="${nonce}" href="${escapeAttribute(options.styleUri)}">
</head>
<body${reveal}>
<div id="oj-status" role="status" aria-live="polite" hidden></div>
<main id="oj-preview">
${options.body}
</main>
<script nonce="${nonce}" src="${escapeAttribute(options.scriptUri)}"></script>
</body>
</html>
`;
}
