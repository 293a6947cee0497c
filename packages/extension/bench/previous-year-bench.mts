/**
 * Last year's workspace in the editor at ten times a real year: the bundled server on next year's
 * copy of the synthetic 3,000-indicator workspace (made by new-year, every twentieth rule
 * loosened), with and without `previousYear` set to the original. Measures edit → diagnostics of
 * one file, and the hover on indicators of that file: right after an edit (each indicator's diff
 * computed when first asked) and again (cached). Run after `npm run build -w packages/extension`:
 *   npx tsx packages/extension/bench/previous-year-bench.mts
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NodeFileSystem } from 'langium/node';
import { HoverRequest } from 'vscode-languageserver-protocol';
import { createOjServices, loadWorkspace } from '@oj/language';
import { generateWorkspace, WORKSPACE_SIZES } from '@oj/synthetic';
import { newYear } from '@oj/changes';
import { startServer, type ServerSession } from '../test/support/lsp-client.js';

const percentile = (values: number[], p: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

async function measure(server: ServerSession, file: string): Promise<Record<string, number>> {
    const uri = await server.open(file);
    await server.diagnostics(uri, () => true, { timeoutMs: 300_000 });
    const text = fs.readFileSync(new URL(uri), 'utf-8');
    const positions = [...text.matchAll(/^indikator \d+/gm)].map((m) => {
        const before = text.slice(0, m.index).split('\n');
        return { line: before.length - 1, character: 2 };
    });
    const hover = async () => {
        const times: number[] = [];
        for (const position of positions) {
            const t = performance.now();
            await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
            times.push(performance.now() - t);
        }
        return times;
    };
    // An edit (a comment added), then its diagnostics: the file's validation, comparison included.
    const edits: number[] = [];
    let current = text;
    for (let i = 0; i < 5; i++) {
        current = `// redigering ${i}\n${current}`;
        const t = performance.now();
        const published = server.diagnostics(uri, () => true, { timeoutMs: 300_000 });
        server.change(uri, current);
        await published;
        edits.push(performance.now() - t);
    }
    // Right after an edit: the file's diffs were computed by its validation; the others' on demand.
    const afterEdit = await hover();
    const cached = await hover();
    return {
        editToDiagnosticsMsMedian: Math.round(percentile(edits, 50)),
        hoverAfterEditMsP95: Math.round(percentile(afterEdit, 95) * 10) / 10,
        hoverCachedMsP95: Math.round(percentile(cached, 95) * 10) / 10,
        hovers: positions.length,
    };
}

async function main() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-previous-bench-'));
    const before = path.join(dir, 'before'),
        after = path.join(dir, 'after');
    fs.mkdirSync(before);
    for (const file of generateWorkspace({ seed: 1, ...WORKSPACE_SIZES.tenfold }))
        fs.writeFileSync(path.join(before, file.path), file.text);
    const { shared } = createOjServices(NodeFileSystem);
    const old = await loadWorkspace(shared, [before], { validation: false });
    const next = await newYear(old.documents, before, { year: 2030 });
    fs.mkdirSync(after);
    let n = 0;
    for (const file of next.files) {
        const text = file.content.replace(/krävs(?: "[^"]*")?: ([^\n]*?)Ja på fråga ii\b/g, (m) =>
            ++n % 20 === 0 ? m.replace(/Ja på fråga ii\b/, 'Ja eller Nej på fråga ii') : m,
        );
        fs.writeFileSync(path.join(after, file.path), text);
    }
    const file = next.files.map((f) => f.path).find((f) => /^indikatorer-/.test(path.basename(f)))!;
    const results: Record<string, Record<string, number>> = {};
    for (const [name, options] of [
        ['without', {}],
        ['with', { initializationOptions: { previousYear: before } }],
    ] as const) {
        const server = await startServer(after, undefined, options);
        try {
            results[name] = await measure(server, file);
        } finally {
            await server.close();
        }
    }
    process.stdout.write(`${JSON.stringify({ file, ...results }, null, 2)}\n`);
    fs.rmSync(dir, { recursive: true, force: true });
}

void main();
