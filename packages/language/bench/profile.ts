/**
 * Where the time of a cold build goes: build phases (wall and CPU time), every validation check by
 * name, the exact rule analysis' share, and (with --langium) Langium's own profiler per grammar
 * rule, reference and AST type.
 *   npx tsx packages/language/bench/profile.ts [--size tenfold|realYear] [--dir examples/oj2019] [--langium]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import {
    DefaultLangiumProfiler,
    DocumentState,
    URI,
    type LangiumDocument,
    type ProfilingCategory,
    type ProfilingRecord,
} from 'langium';
import { NodeFileSystem } from 'langium/node';
import { generateWorkspace, WORKSPACE_SIZES } from '@oj/synthetic';
import { ANALYSIS_CHECKS, cpuMs, createTimedOjServices, type WorkspaceSize } from './support.js';

const { values } = parseArgs({
    options: {
        size: { type: 'string', default: 'tenfold' },
        dir: { type: 'string' },
        langium: { type: 'boolean' },
        seed: { type: 'string', default: '1' },
    },
});

/**
 * Langium's profiler, summing its records per category instead of printing a table per document
 * (a task clears its entries once the record is handed over, so they are summed right away).
 */
class CollectingProfiler extends DefaultLangiumProfiler {
    readonly totals = new Map<string, { duration: number; entries: Map<string, { ms: number; count: number }> }>();

    override createTask(category: ProfilingCategory, taskId: string) {
        const log = console.log;
        console.log = () => undefined; // one line per document otherwise
        try {
            return super.createTask(category, taskId);
        } finally {
            console.log = log;
        }
    }

    protected override dumpRecord(category: string, record: ProfilingRecord): ProfilingRecord {
        const total = this.totals.get(category) ?? { duration: 0, entries: new Map() };
        total.duration += record.duration;
        for (const key of record.entries.keys()) {
            const list = record.entries.get(key);
            const entry = total.entries.get(key) ?? { ms: 0, count: 0 };
            entry.ms += list.reduce((a, b) => a + b, 0);
            entry.count += list.length;
            total.entries.set(key, entry);
        }
        this.totals.set(category, total);
        return record;
    }
}

const profiler = values.langium
    ? new CollectingProfiler(new Set<ProfilingCategory>(['parsing', 'linking', 'validating']))
    : undefined;
const { shared, Oj, checkTimes } = createTimedOjServices(
    NodeFileSystem,
    profiler ? { profilers: { LangiumProfiler: () => profiler } } : {},
);

const texts: Array<{ uri: URI; text: string }> = values.dir
    ? fs
          .readdirSync(values.dir)
          .filter((f) => f.endsWith('.oj'))
          .sort()
          .map((f) => ({
              uri: URI.file(path.resolve(values.dir!, f)),
              text: fs.readFileSync(path.join(values.dir!, f), 'utf-8'),
          }))
    : generateWorkspace({ seed: Number(values.seed), ...WORKSPACE_SIZES[values.size as WorkspaceSize] }).map((f) => ({
          uri: URI.file(`/synthetic/${f.path}`),
          text: f.text,
      }));
console.log(`${texts.length} files, ${texts.reduce((n, t) => n + t.text.split('\n').length, 0)} lines`);

const lexStart = performance.now();
for (const { text } of texts) Oj.parser.Lexer.tokenize(text);
console.log(`lexing only: ${(performance.now() - lexStart).toFixed(0)} ms`);

const phases: Array<[string, number, number]> = [];
let last = performance.now();
let lastCpu = cpuMs();
const start = last;
const startCpu = lastCpu;
const documents: LangiumDocument[] = texts.map((t) => shared.workspace.LangiumDocumentFactory.fromString(t.text, t.uri));
phases.push(['Parsed (lex + parse)', performance.now() - last, cpuMs() - lastCpu]);
last = performance.now();
lastCpu = cpuMs();
for (const state of [
    DocumentState.IndexedContent,
    DocumentState.ComputedScopes,
    DocumentState.Linked,
    DocumentState.IndexedReferences,
    DocumentState.Validated,
]) {
    shared.workspace.DocumentBuilder.onBuildPhase(state, () => {
        const now = performance.now(),
            nowCpu = cpuMs();
        phases.push([DocumentState[state], now - last, nowCpu - lastCpu]);
        last = now;
        lastCpu = nowCpu;
    });
}
documents.forEach((d) => shared.workspace.LangiumDocuments.addDocument(d));
await shared.workspace.DocumentBuilder.build(documents, { validation: true });
const total = performance.now() - start;
console.log(`${'phase'.padEnd(24)} ${'wall'.padStart(9)} ${'cpu'.padStart(9)}`);
for (const [phase, ms, cpu] of phases)
    console.log(`${phase.padEnd(24)} ${ms.toFixed(0).padStart(6)} ms ${cpu.toFixed(0).padStart(6)} ms`);
console.log(`${'total'.padEnd(24)} ${total.toFixed(0).padStart(6)} ms ${(cpuMs() - startCpu).toFixed(0).padStart(6)} ms`);
const validation = phases.find((p) => p[0] === 'Validated')![1];
const checksTotal = [...checkTimes.values()].reduce((s, e) => s + e.ms, 0);
console.log(`\nvalidation checks (${checksTotal.toFixed(0)} ms of ${validation.toFixed(0)} ms validation):`);
for (const [key, { ms, calls }] of [...checkTimes.entries()].sort((a, b) => b[1].ms - a[1].ms)) {
    console.log(`  ${key.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms ${String(calls).padStart(7)} calls`);
}
const analysis = ANALYSIS_CHECKS.reduce((s, k) => s + (checkTimes.get(k)?.ms ?? 0), 0);
console.log(
    `analysis (${ANALYSIS_CHECKS.join(' + ')}): ${analysis.toFixed(0)} ms = ${((100 * analysis) / validation).toFixed(1)} % of validation`,
);

if (profiler) {
    for (const [category, { duration, entries }] of profiler.totals) {
        console.log(`\nLangium profiler, ${category}: ${duration.toFixed(0)} ms (self time)`);
        for (const [key, { ms, count }] of [...entries.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12)) {
            console.log(`  ${key.padEnd(40)} ${ms.toFixed(0).padStart(6)} ms ${String(count).padStart(8)}`);
        }
    }
}
