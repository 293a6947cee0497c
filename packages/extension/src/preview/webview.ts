/**
 * The script inside the preview webview. It swaps in new renderings without reloading the page
 * (so the reader keeps their place while the author types), scrolls to the indicator under the
 * editor's cursor, and on a double click asks the editor to show that indicator's source.
 * New content is parsed with DOMParser, whose scripts never run, and the page's CSP allows no
 * script without its nonce in any case.
 */

interface VsCodeApi {
    postMessage(message: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

type PreviewMessage =
    | { type: 'update'; body: string; reveal?: string; notes?: string[] }
    | { type: 'reveal'; id: string }
    | { type: 'stale'; message: string };

const vscode = acquireVsCodeApi();
const content = document.getElementById('oj-preview') as HTMLElement;
const status = document.getElementById('oj-status') as HTMLElement;

function reveal(id: string | undefined): void {
    if (!id) return;
    const target = document.getElementById(id);
    if (!target) return;
    for (const current of document.querySelectorAll('.oj-current')) current.classList.remove('oj-current');
    target.classList.add('oj-current');
    target.scrollIntoView({ block: 'start' });
}

function replaceContent(body: string): void {
    const parsed = new DOMParser().parseFromString(`<!DOCTYPE html><body>${body}</body>`, 'text/html');
    content.replaceChildren(...Array.from(parsed.body.childNodes, node => document.importNode(node, true)));
}

function showStatus(message: string | undefined): void {
    status.textContent = message ?? '';
    status.hidden = !message;
}

window.addEventListener('message', (event: MessageEvent<PreviewMessage>) => {
    const message = event.data;
    switch (message.type) {
        case 'update':
            replaceContent(message.body);
            showStatus(message.notes?.length ? message.notes.join(' ') : undefined);
            reveal(message.reveal);
            break;
        case 'reveal':
            reveal(message.id);
            break;
        case 'stale':
            showStatus(message.message);
            break;
    }
});

content.addEventListener('dblclick', event => {
    const section = (event.target as Element).closest('section.indicator');
    if (section?.id) vscode.postMessage({ type: 'showSource', id: section.id });
});

reveal(document.body.dataset.reveal);
vscode.postMessage({ type: 'ready' });
