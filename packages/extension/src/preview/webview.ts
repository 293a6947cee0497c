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
    | { type: 'stale'; message: string }
    | { type: 'explored'; id: string; result: ExploreResult | null };

/** What the server's oj/explore answers (see protocol.ts; not imported, so that this script bundles alone). */
interface ExploreResult {
    indicator: number;
    units: Array<{ name: string; label: string }>;
    unit?: string;
    questions: Array<{
        numeral: string;
        text: string;
        options: Array<{ name: string; label: string }>;
        items: Array<{ name: string; label: string }>;
        numeric: boolean;
    }>;
    status: 'met' | 'not_met' | 'excluded' | 'missing';
    statusText: string;
    deciding: Array<{ variable: string; text: string }>;
    rule: Array<{ text: string; decided?: boolean }>;
    exclusion: Array<{ text: string; decided?: boolean }>;
}

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
    content.replaceChildren(...Array.from(parsed.body.childNodes, (node) => document.importNode(node, true)));
}

// ---------------------------------------------------------------- the decision explorer
// Every element is built with createElement and textContent: model text is never parsed as HTML.

interface ExplorerState {
    number: number;
    unit?: string;
    answers: Record<string, string>;
    result?: ExploreResult | null;
}
const explorers = new Map<string, ExplorerState>();

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
}

function requestExplore(id: string): void {
    const state = explorers.get(id);
    if (state) vscode.postMessage({ type: 'explore', id, number: state.number, unit: state.unit, answers: state.answers });
}

/** A button "Utforska beslutet" at the top of every indicator, and the open explorers put back after a re-render. */
function addExplorerButtons(): void {
    for (const section of content.querySelectorAll<HTMLElement>('section.indicator')) {
        const number = Number(/^indikator-(\d+)$/.exec(section.id)?.[1]);
        if (!Number.isFinite(number)) continue;
        const button = element('button', 'oj-explore-button', 'Utforska beslutet');
        button.type = 'button';
        button.addEventListener('click', () => {
            if (explorers.has(section.id)) {
                explorers.delete(section.id);
                section.querySelector('.oj-explorer')?.remove();
                return;
            }
            explorers.set(section.id, { number, answers: {} });
            requestExplore(section.id);
        });
        section.prepend(button);
        const state = explorers.get(section.id);
        if (state) {
            state.number = number;
            if (state.result) renderExplorer(section, state);
            requestExplore(section.id);
        }
    }
}

function segments(target: HTMLElement, parts: Array<{ text: string; decided?: boolean }>): void {
    for (const part of parts)
        target.append(part.decided ? element('mark', 'oj-decided', part.text) : document.createTextNode(part.text));
}

function renderExplorer(section: HTMLElement, state: ExplorerState): void {
    section.querySelector('.oj-explorer')?.remove();
    const result = state.result;
    const panel = element('aside', 'oj-explorer');
    panel.setAttribute('aria-label', 'Utforska beslutet');
    if (!result) {
        panel.append(element('p', undefined, 'Indikatorn kan inte utforskas just nu.'));
        section.querySelector('.oj-explore-button')?.after(panel);
        return;
    }
    const form = element('div', 'oj-explorer-answers');
    if (result.units.length > 0) {
        const label = element('label', undefined, 'Område ');
        const select = element('select');
        for (const unit of result.units) {
            const option = element('option', undefined, `${unit.name} – ${unit.label}`);
            option.value = unit.name;
            option.selected = unit.name === result.unit;
            select.append(option);
        }
        select.addEventListener('change', () => {
            state.unit = select.value;
            requestExplore(section.id);
        });
        label.append(select);
        form.append(label);
    }
    for (const question of result.questions) {
        for (const item of question.items.length > 0 ? question.items : [undefined]) {
            const key = item ? `${question.numeral} ${item.name}` : question.numeral;
            const label = element('label', undefined, `Fråga ${key} `);
            label.title = item ? `${question.text} – ${item.label}` : question.text;
            let input: HTMLSelectElement | HTMLInputElement;
            if (question.numeric) {
                input = element('input');
                input.type = 'number';
                input.min = '0';
                input.placeholder = 'blankt';
                input.value = state.answers[key] ?? '';
            } else {
                input = element('select');
                const blank = element('option', undefined, 'blankt');
                blank.value = '';
                input.append(blank);
                for (const option of question.options) {
                    const choice = element('option', undefined, option.name);
                    choice.value = option.name;
                    choice.title = option.label;
                    choice.selected = state.answers[key] === option.name;
                    input.append(choice);
                }
            }
            input.addEventListener('change', () => {
                if (input.value === '') delete state.answers[key];
                else state.answers[key] = input.value;
                requestExplore(section.id);
            });
            label.append(input);
            form.append(label);
        }
    }
    panel.append(form);
    const status = element('p', `oj-explorer-status oj-status-${result.status}`);
    status.append(
        element('strong', undefined, 'Status: '),
        document.createTextNode(result.statusText + (result.unit ? ` för ${result.unit}` : '')),
    );
    panel.append(status);
    const deciding = element(
        'p',
        'oj-explorer-deciding',
        result.deciding.length > 0 ? `Avgjort av: ${result.deciding.map((d) => d.text).join(', ')}.` : 'Inget svar avgjorde.',
    );
    panel.append(deciding);
    if (result.rule.length > 0) {
        const rule = element('p', 'oj-explorer-rule');
        rule.append(element('strong', undefined, 'Krävs: '));
        segments(rule, result.rule);
        panel.append(rule);
    }
    if (result.exclusion.length > 0) {
        const exclusion = element('p', 'oj-explorer-rule');
        segments(exclusion, result.exclusion);
        panel.append(exclusion);
    }
    const write = element('button', 'oj-explorer-write', 'Skriv som exempel');
    write.type = 'button';
    write.addEventListener('click', () =>
        vscode.postMessage({
            type: 'writeExample',
            number: state.number,
            unit: state.unit ?? result.unit,
            answers: state.answers,
        }),
    );
    panel.append(write);
    section.querySelector('.oj-explore-button')?.after(panel);
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
            addExplorerButtons();
            showStatus(message.notes?.length ? message.notes.join(' ') : undefined);
            reveal(message.reveal);
            break;
        case 'reveal':
            reveal(message.id);
            break;
        case 'stale':
            showStatus(message.message);
            break;
        case 'explored': {
            const state = explorers.get(message.id);
            const section = document.getElementById(message.id);
            if (!state || !section) break;
            state.result = message.result;
            if (message.result?.unit) state.unit = message.result.unit;
            renderExplorer(section, state);
            break;
        }
    }
});

content.addEventListener('dblclick', (event) => {
    if ((event.target as Element).closest('.oj-explorer, .oj-explore-button')) return;
    const section = (event.target as Element).closest('section.indicator');
    if (section?.id) vscode.postMessage({ type: 'showSource', id: section.id });
});

addExplorerButtons();
reveal(document.body.dataset.reveal);
vscode.postMessage({ type: 'ready' });
