/**
 * `oj diff` at ten times a real year: the synthetic 3,000-indicator workspace against next year's
 * copy of it (made by new-year) with every twentieth rule loosened and every fiftieth indicator
 * renamed. Prints the time of each phase and writes them to packages/changes/bench/results.json.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NodeFileSystem } from 'langium/node';
import { createOjServices, loadWorkspace } from '@oj/language';
import { generateWorkspace, WORKSPACE_SIZES } from '@oj/synthetic';
import { diffModels, newYear } from '../src/index.js';

async function main() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oj-diff-bench-'));
    const before = path.join(dir, 'before'),
        after = path.join(dir, 'after');
    fs.mkdirSync(before);
    for (const file of generateWorkspace({ seed: 1, ...WORKSPACE_SIZES.tenfold }))
        fs.writeFileSync(path.join(before, file.path), file.text);

    const load = async (folder: string) => {
        const { shared } = createOjServices(NodeFileSystem);
        return loadWorkspace(shared, [folder], { validation: false });
    };
    let t = performance.now();
    const old = await load(before);
    const loadMs = performance.now() - t;
    t = performance.now();
    const next = await newYear(old.documents, before, { year: 2030 });
    const newYearMs = performance.now() - t;
    fs.mkdirSync(after);
    let loosened = 0,
        renamed = 0,
        n = 0;
    for (const file of next.files) {
        let text = file.content;
        text = text.replace(/krävs(?: "[^"]*")?: ([^\n]*?)Ja på fråga ii\b/g, (m) =>
            ++n % 20 === 0 ? (loosened++, m.replace(/Ja på fråga ii\b/, 'Ja eller Nej på fråga ii')) : m,
        );
        text = text.replace(/^indikator (\d+) "/gm, (m, num: string) =>
            Number(num) % 50 === 0 ? (renamed++, `${m}Ny lydelse: `) : m,
        );
        fs.writeFileSync(path.join(after, file.path), text);
    }
    const now = await load(after);
    t = performance.now();
    const cpu = process.cpuUsage();
    const diff = diffModels(
        old.documents.map((d) => d.parseResult.value),
        now.documents.map((d) => d.parseResult.value),
    );
    const used = process.cpuUsage(cpu);
    const diffMs = performance.now() - t;
    const results = {
        indicators: diff.before.indicators,
        loosened,
        renamed,
        loadMs: Math.round(loadMs),
        newYearMs: Math.round(newYearMs),
        diffMs: Math.round(diffMs),
        diffCpuMs: Math.round((used.user + used.system) / 1000),
        changed: diff.summary.changed,
        behaviourChanged: diff.summary.behaviourChanged,
    };
    const keyed = Object.fromEntries(Object.entries(results).map(([k, v]) => [`diff.${k}`, v]));
    fs.writeFileSync(
        path.join(path.dirname(new URL(import.meta.url).pathname), 'results.json'),
        JSON.stringify(keyed, null, 2) + '\n',
    );
    process.stdout.write(
        `oj diff, 10× (${results.indicators} indikatorer): inläsning ${results.loadMs} ms, new-year ${results.newYearMs} ms, diff ${results.diffMs} ms (CPU ${results.diffCpuMs} ms); ${loosened} regler lättade, ${renamed} namn ändrade → ${results.changed} ändrade, beteende ändrat i ${results.behaviourChanged}\n`,
    );
    fs.rmSync(dir, { recursive: true, force: true });
}

void main();
